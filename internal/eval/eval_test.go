package eval

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"dossier"
)

const sample = `-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
in IN O O
New NNP B-NP I-LOC
York NNP I-NP I-LOC

-DOCSTART- -X- -X- O

Leicester NNP B-NP B-ORG
2 CD O O
`

func TestReadCoNLL(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(sample))
	if err != nil {
		t.Fatalf("ReadCoNLL: %v", err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("ReadCoNLL: got %d docs, want 2 with 2 and 1 sentences", len(docs))
	}
	s := docs[0].Sentences[1]
	if s.Text != "Peter Blackburn in New York" {
		t.Errorf("sentence text = %q", s.Text)
	}
	want := []Span{{0, 15, "PER"}, {19, 27, "LOC"}}
	if !reflect.DeepEqual(s.Spans, want) {
		t.Errorf("spans = %v, want %v", s.Spans, want)
	}
	first := docs[0].Sentences[0]
	if got := first.Text[first.Spans[1].Start:first.Spans[1].End]; got != "German" || first.Spans[1].Type != "MISC" {
		t.Errorf("second span of %q = %q %s, want German MISC", first.Text, got, first.Spans[1].Type)
	}
}

func TestReadCoNLLBad(t *testing.T) {
	_, err := ReadCoNLL(strings.NewReader("EU NNP B-NP X-ORG\n"))
	var ie *dossier.InputError
	if !errors.As(err, &ie) || !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("ReadCoNLL(bad tag) = %v, want an InputError wrapping ErrInvalid", err)
	}
}

func TestScoreCoNLL(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	// A fake extractor: finds "EU" as ORG, "Peter Blackburn" as PER, "York" as LOC (wrong
	// span), "Leicester" as LOC (wrong type) and "German" as a DEMONYM (not scored).
	fn := func(text string) []dossier.Entity {
		var out []dossier.Entity
		add := func(sub string, typ dossier.EntityType, form dossier.MentionForm) {
			if i := strings.Index(text, sub); i >= 0 {
				out = append(out, dossier.Entity{Type: typ, Mentions: []dossier.Mention{{Span: dossier.SpanOf(text, i, i+len(sub)), Form: form}}})
			}
		}
		add("EU", dossier.Organization, dossier.FormAcronym)
		add("Peter Blackburn", dossier.Person, dossier.FormName)
		add("York", dossier.Location, dossier.FormName)
		add("Leicester", dossier.Location, dossier.FormName)
		add("German", dossier.Country, dossier.FormDemonym)
		return out
	}
	rep := ScoreCoNLL(docs, fn)
	if c := rep.ByType["PER"]; c != (Counts{1, 1, 1}) {
		t.Errorf("PER counts = %+v, want 1/1/1", c)
	}
	if c := rep.ByType["LOC"]; c != (Counts{0, 2, 1}) {
		t.Errorf("LOC counts = %+v, want 0/2/1", c)
	}
	if c := rep.ByType["ORG"]; c != (Counts{1, 1, 2}) {
		t.Errorf("ORG counts = %+v, want 1/1/2", c)
	}
	if rep.Micro != (Counts{2, 4, 4}) || rep.Micro.F1() != 0.5 {
		t.Errorf("micro = %+v F1 %.3f, want 2/4/4 and 0.5", rep.Micro, rep.Micro.F1())
	}
	out := rep.String()
	for _, want := range []string{"PER", "LOC", "ORG", "micro", "50.00"} {
		if !strings.Contains(out, want) {
			t.Errorf("report %q lacks %q", out, want)
		}
	}
}

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Kremlin", "kremlin"},
		{"al-Qa’ida", "al qa'ida"},
		{"«moderate» Taliban", "moderate taliban"},
		{"  Tehrik-i-Taliban-Pakistan. ", "tehrik i taliban pakistan"},
		{"an Army", "army"},
		{"Theresa", "theresa"},
	}
	for _, tt := range tests {
		if got := Norm(tt.in); got != tt.want {
			t.Errorf("Norm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScoreDoc(t *testing.T) {
	gold := &Gold{
		Entities: []GoldEntity{
			{Name: "Vladimir Putin", Type: dossier.Person, Aliases: []string{"Putin"}},
			{Name: "Russia", Type: dossier.Country, Aliases: []string{"Moscow", "the Kremlin"}},
			{Name: "Taliban", Type: dossier.ArmedGroup},
		},
		Relations: []GoldRelation{
			{Type: dossier.Leads, Source: "Vladimir Putin", Target: "Russia"},
			{Type: dossier.Consult, Source: "Russia", Target: "Taliban"},
		},
		Events: []GoldEvent{{Date: "2023-02", Participants: []string{"Vladimir Putin", "Russia"}}},
	}
	date := "2023-02-08"
	pred := &dossier.Extraction{
		Entities: []dossier.Entity{
			{ID: "e1", Name: "Putin", Type: dossier.Person},
			{ID: "e2", Name: "Kremlin", Type: dossier.Country, Mentions: []dossier.Mention{{Span: dossier.Span{Text: "the Kremlin"}}}},
			{ID: "e3", Name: "Taliban", Type: dossier.Organization},
			{ID: "e4", Name: "Notably", Type: dossier.Person},
		},
		Relations: []dossier.Relation{
			{ID: "r1", Type: dossier.Leads, Source: "e1", Target: "e2"},
			{ID: "r2", Type: dossier.Consult, Source: "e3", Target: "e2"},
			{ID: "r3", Type: dossier.Accuse, Source: "e4", Target: "e2"},
		},
		Events: []dossier.Event{{ID: "v1", Date: &date, Participants: []string{"e1"}}},
	}
	sc := ScoreDoc(gold, pred)
	if sc.Entity != (Counts{2, 4, 3}) {
		t.Errorf("typed entity counts = %+v, want 2/4/3", sc.Entity)
	}
	if sc.EntityAny != (Counts{3, 4, 3}) {
		t.Errorf("untyped entity counts = %+v, want 3/4/3", sc.EntityAny)
	}
	if sc.Relation != (Counts{2, 3, 2}) {
		t.Errorf("relation counts = %+v, want 2/3/2 (CONSULT undirected, r3 unaligned)", sc.Relation)
	}
	if sc.Linked != (Counts{2, 2, 2}) {
		t.Errorf("linked counts = %+v, want 2/2/2", sc.Linked)
	}
	if sc.Event != (Counts{1, 1, 1}) {
		t.Errorf("event counts = %+v, want 1/1/1", sc.Event)
	}
	if got, want := sc.Summary(), "entity_f1=0.571 relation_f1=0.800 linked_f1=1.000 event_f1=1.000"; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(sc.Spurious, []string{"Notably"}) || len(sc.Missing) != 0 {
		t.Errorf("spurious %q missing %q, want [Notably] and none", sc.Spurious, sc.Missing)
	}
}

func TestReadGold(t *testing.T) {
	g, err := ReadGold(strings.NewReader(`{"doc":"a.txt","entities":[{"name":"X","type":"PERSON","aliases":["Y"]}],"relations":[],"events":[]}`))
	if err != nil || len(g.Entities) != 1 || g.Entities[0].Aliases[0] != "Y" {
		t.Fatalf("ReadGold = %+v, %v", g, err)
	}
	if _, err := ReadGold(strings.NewReader("{")); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("ReadGold(bad) = %v, want ErrInvalid", err)
	}
}
