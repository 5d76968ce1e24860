package lexicon

import (
	"errors"
	"strings"
	"testing"
	"time"

	"dossier"
)

// load returns the embedded lexicon, failing the test if it cannot be built.
func load(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load()
	if err != nil {
		t.Fatalf("Load() error: %v", err)
	}
	return l
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"kabul", "kabul"},
		{"Kabul", "kabul"},
		{"Kandahār", "kandahar"},
		{"Élysée", "elysee"},
		{"al‑Qa’ida", "al-qa'ida"},
		{"Al-Qa`ida", "al-qa'ida"},
		{"Tehrik‐i‐Taliban", "tehrik-i-taliban"},
		{"Donbas—Crimea", "donbas-crimea"},
		{"Straße", "strasse"},
		{"İstanbul", "istanbul"},
		{"Łódź", "lodz"},
		{"Ṣanʿāʾ", "san'a'"},
		{"Abū Z̧aby", "abu zaby"},
		{"Nguyễn", "nguyen"},
		{"МОСКВА", "москва"},
		{"soft\u00adhyphen", "softhyphen"},
		{"‘quoted’", "'quoted'"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldASCIINoAlloc(t *testing.T) {
	n := testing.AllocsPerRun(100, func() { _ = Fold("already folded text") })
	if n != 0 {
		t.Errorf("Fold of folded ASCII allocates %v times, want 0", n)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"al-Qaeda", "al-qaeda"},
		{"Islamic State Khorasan Province", "islamic|state|khorasan|province"},
		{"U.S.", "u.s."},
		{"People's Liberation Army", "people|'s|liberation|army"},
		{"Tehrik-i-Taliban Pakistan", "tehrik-i-taliban|pakistan"},
		{"Washington, D.C.", "washington|,|d.c."},
		{"Al-Qa’ida in the Arabian Peninsula", "al-qa'ida|in|the|arabian|peninsula"},
		{"Bosnia (and Herzegovina)", "bosnia|(|and|herzegovina|)"},
		{"St. Petersburg", "st.|petersburg"},
	}
	for _, tt := range tests {
		if got := strings.Join(Tokens(tt.in), "|"); got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	load(t)
	if d := time.Since(start); d > 3*time.Second {
		// The target is 300 ms (BenchmarkLoad); this only catches gross regressions
		// on a loaded CI machine.
		t.Errorf("Load() took %v", d)
	}
}

func TestLongest(t *testing.T) {
	l := load(t)
	tests := []struct {
		phrase string
		n      int
		kbid   string // of a hit with this form
		form   dossier.MentionForm
		typ    dossier.EntityType
	}{
		{"russian", 1, "RU", dossier.FormDemonym, dossier.Country},
		{"russians", 1, "RU", dossier.FormDemonym, dossier.Country},
		{"afghan", 1, "AF", dossier.FormDemonym, dossier.Country},
		{"emirati", 1, "AE", dossier.FormDemonym, dossier.Country},
		{"russian federation", 2, "RU", dossier.FormName, dossier.Country},
		{"united states of america", 4, "US", dossier.FormName, dossier.Country},
		{"moscow", 1, "RU", dossier.FormMetonym, dossier.Country},
		{"moscow", 1, "geonames:524901", dossier.FormName, dossier.Location},
		{"kandahar", 1, "AF-KAN", dossier.FormName, dossier.Location},
		{"kabul", 1, "AF", dossier.FormMetonym, dossier.Country},
	}
	for _, tt := range tests {
		words := Tokens(tt.phrase)
		n, hits := l.Longest(words, 0)
		if n != tt.n {
			t.Errorf("Longest(%q) n = %d, want %d", tt.phrase, n, tt.n)
			continue
		}
		found := false
		for _, h := range hits {
			if h.Entry.KBID == tt.kbid && h.Form == tt.form && h.Entry.Type == tt.typ {
				found = true
			}
		}
		if !found {
			t.Errorf("Longest(%q) hits = %v, want %s %s %s", tt.phrase, describe(hits), tt.kbid, tt.typ, tt.form)
		}
	}
}

func describe(hits []Hit) string {
	var b strings.Builder
	for _, h := range hits {
		b.WriteString(h.Entry.KBID + "/" + string(h.Entry.Type) + "/" + string(h.Form) + " ")
	}
	return b.String()
}

func TestLongestInSentence(t *testing.T) {
	l := load(t)
	words := Tokens("Officials in the Russian Federation said")
	if n, hits := l.Longest(words, 3); n != 2 || len(hits) == 0 || hits[0].Entry.KBID != "RU" {
		t.Errorf("Longest(%v, 3) = %d, %v; want 2 tokens naming RU", words, n, describe(hits))
	}
	if n, hits := l.Longest(words, 0); n != 0 || hits != nil {
		t.Errorf("Longest(%v, 0) = %d, %v; want 0, nil", words, n, describe(hits))
	}
	if n, _ := l.Longest(words, len(words)); n != 0 {
		t.Errorf("Longest past the end = %d, want 0", n)
	}
	// A phrase longer than what is left of the sentence must not match.
	if n, _ := l.Longest([]string{"russian"}, 0); n != 1 {
		t.Errorf("Longest([russian]) = %d, want 1", n)
	}
}

func TestLongestNoAlloc(t *testing.T) {
	l := load(t)
	words := Tokens("the quick brown fox jumped over nothing in particular")
	n := testing.AllocsPerRun(100, func() {
		for i := range words {
			l.Longest(words, i)
		}
	})
	if n != 0 {
		t.Errorf("Longest allocates %v times per sentence, want 0", n)
	}
}

func TestCounts(t *testing.T) {
	l := load(t)
	count := map[string]int{}
	for _, e := range l.Entries() {
		count[string(e.Type)+"/"+e.Kind]++
		if e.Name == "" || !e.Type.Valid() || e.KBID == "" {
			t.Errorf("entry %+v lacks a name, type or kb_id", e)
		}
		if l.ByKBID(e.KBID) != e {
			t.Errorf("ByKBID(%q) does not return its entry", e.KBID)
		}
	}
	floors := map[string]int{
		"COUNTRY/state":     249,
		"LOCATION/division": 3000,
		"LOCATION/city":     20000,
	}
	for k, min := range floors {
		if count[k] < min {
			t.Errorf("%s entries = %d, want >= %d", k, count[k], min)
		}
	}
}

func TestByKBID(t *testing.T) {
	l := load(t)
	if e := l.ByKBID("RU"); e == nil || e.Name != "Russia" || e.Type != dossier.Country {
		t.Errorf("ByKBID(RU) = %+v, want Russia", e)
	}
	if e := l.ByKBID("no-such-id"); e != nil {
		t.Errorf("ByKBID(no-such-id) = %+v, want nil", e)
	}
}

func TestWordLists(t *testing.T) {
	l := load(t)
	if m, ok := l.Month("feb."); !ok || m != 2 {
		t.Errorf("Month(feb.) = %d, %v; want 2, true", m, ok)
	}
	if m, ok := l.Month("september"); !ok || m != 9 {
		t.Errorf("Month(september) = %d, %v; want 9, true", m, ok)
	}
	if _, ok := l.Month("kabul"); ok {
		t.Errorf("Month(kabul) = true")
	}
	if !l.Weekday("tuesday") || l.Weekday("monsoon") {
		t.Errorf("Weekday wrong for tuesday/monsoon")
	}
	if !l.FirstName("john") || !l.FirstName("mary") {
		t.Errorf("FirstName(john|mary) = false")
	}
	if !l.Stopword("the") || l.Stopword("taliban") {
		t.Errorf("Stopword wrong for the/taliban")
	}
}

func TestAdd(t *testing.T) {
	l := load(t)
	err := l.Add(Entry{Name: "Jamaat al-Example", Type: dossier.ArmedGroup, Aliases: []string{"JAE Front"}, Acronyms: []string{"JAE"}})
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	for _, s := range []string{"jamaat al-example", "jae front", "jae"} {
		n, hits := l.Longest(Tokens(s), 0)
		if n == 0 || hits[0].Entry.Name != "Jamaat al-Example" || hits[0].Entry.Source != "user" {
			t.Errorf("after Add, Longest(%q) = %d, %s", s, n, describe(hits))
		}
	}
	if e := l.ByKBID("user:jamaat-al-example"); e == nil {
		t.Errorf("Add gave no user: kb_id")
	}
	// A known kb_id adds names to the builtin entry.
	if err := l.Add(Entry{Name: "Rossiya", Type: dossier.Country, KBID: "RU"}); err != nil {
		t.Fatalf("Add RU alias: %v", err)
	}
	if n, hits := l.Longest([]string{"rossiya"}, 0); n != 1 || hits[0].Entry.KBID != "RU" {
		t.Errorf("Longest(rossiya) after Add = %d, %s", n, describe(hits))
	}
	before := len(l.Entries())
	err = l.Add(Entry{Name: "Good", Type: dossier.Person}, Entry{Name: "Bad", Type: "FOO"})
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Add with bad type error = %v, want ErrInvalid", err)
	}
	if after := len(l.Entries()); after != before {
		t.Errorf("failed Add changed entries from %d to %d", before, after)
	}
}
