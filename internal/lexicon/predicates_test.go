package lexicon

import (
	"strings"
	"testing"

	"dossier"
)

func TestBuiltinPredicatesParse(t *testing.T) {
	p, err := BuiltinPredicates()
	if err != nil {
		t.Fatalf("BuiltinPredicates: %v", err)
	}
	seen := map[dossier.RelationType]bool{}
	for _, pr := range p.All() {
		seen[pr.Type] = true
		seen[pr.NegType] = true
	}
	for _, rt := range dossier.RelationTypes {
		if !seen[rt] {
			t.Errorf("no predicate yields %s", rt)
		}
	}
}

func TestPredicateHeads(t *testing.T) {
	p, err := BuiltinPredicates()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word       string
		typ        dossier.RelationType
		participle bool
	}{
		{"accused", dossier.Accuse, true},
		{"accuses", dossier.Accuse, false},
		{"accusing", dossier.Accuse, false},
		{"held", dossier.Consult, true},
		{"met", dossier.Consult, true},
		{"criticized", dossier.Disapprove, true},
		{"supplying", dossier.Aid, false},
		{"sold", dossier.Aid, true},
		{"allies", dossier.AllyOf, false},
		{"enemies", dossier.HostileTo, false},
		{"cooperating", dossier.Cooperate, false},
		{"sanctioned", dossier.Sanction, true},
	}
	for _, tt := range tests {
		found := false
		for _, f := range p.Heads(tt.word) {
			if f.Pred.Type == tt.typ && f.Participle == tt.participle {
				found = true
			}
		}
		if !found {
			t.Errorf("Heads(%q) has no %s form (participle=%v)", tt.word, tt.typ, tt.participle)
		}
	}
	if len(p.Heads("trust")) == 0 || p.Heads("trust")[0].Pred.NegType != dossier.Distrusts {
		t.Errorf("Heads(trust) lacks the negated type DISTRUSTS")
	}
}

func TestVerbForms(t *testing.T) {
	tests := []struct{ lemma, want string }{
		{"accuse", "accuse accuses accused accusing"},
		{"ban", "ban bans banned banning"},
		{"supply", "supply supplies supplied supplying"},
		{"meet", "meet meets met meeting"},
		{"attack", "attack attacks attacked attacking"},
		{"transfer", "transfer transfers transferred transferring"},
	}
	irr := map[string][2]string{"meet": {"met", "met"}}
	for _, tt := range tests {
		x, ok := irr[tt.lemma]
		var got []string
		for _, f := range VerbForms(tt.lemma, x, ok, tt.lemma == "transfer") {
			got = append(got, f.Word)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("VerbForms(%q) = %q, want %q", tt.lemma, g, tt.want)
		}
	}
}

func TestMatchCue(t *testing.T) {
	p, err := BuiltinPredicates()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("according to informed sources in afghanistan")
	if n, _ := p.MatchCue("source", words, 0); n != 2 {
		t.Errorf("MatchCue(source, according to) = %d, want 2", n)
	}
	if n, _ := p.MatchCue("source", words, 3); n != 2 {
		t.Errorf("MatchCue(source, sources in) = %d, want 2", n)
	}
	if n, v := p.MatchCue("office", strings.Fields("prime minister of"), 0); n != 2 || v != "LEADS" {
		t.Errorf("MatchCue(office, prime minister) = %d %q, want 2 LEADS", n, v)
	}
}

func TestParsePredicatesErrors(t *testing.T) {
	bad := []string{
		"v\taccuse\tNOPE\t-\tobj\t-\t0.5",
		"v\taccuse\tACCUSE\t-\tobj\t-\t1.5",
		"v\taccuse\tACCUSE",
		"v\ttrust\t-\t-\tobj\t-\t0.5",
	}
	for _, src := range bad {
		if _, err := ParsePredicates(src); err == nil {
			t.Errorf("ParsePredicates(%q) = nil error, want one", src)
		}
	}
}
