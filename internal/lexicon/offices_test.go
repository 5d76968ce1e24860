package lexicon

import (
	"strings"
	"testing"

	"dossier"
)

func TestOffices(t *testing.T) {
	l := load(t)
	tests := []struct {
		name, org, role string
		year            int
		held            bool
	}{
		{"Bola Tinubu", "NG", "President", 2024, true},
		{"Bola Tinubu", "NG", "President", 2020, false},
		{"Maria Zakharova", "RU", "Foreign Ministry Spokesperson", 2023, true},
		{"Hibatullah Akhundzada", "dossier:taliban", "Supreme Leader", 2022, true},
		{"Antonio Guterres", "dossier:united-nations", "Secretary-General", 2016, false},
		{"Antonio Guterres", "dossier:united-nations", "Secretary-General", 2017, true},
	}
	for _, tt := range tests {
		e := l.ByKBID("dossier:person:" + slug(tt.name))
		if e == nil || e.Type != dossier.Person {
			t.Errorf("ByKBID(person %q) = %v, want a PERSON entry", tt.name, e)
			continue
		}
		held := false
		found := false
		for _, o := range l.Offices(e) {
			if o.Org == tt.org && o.Role == tt.role {
				found = true
				held = held || o.HeldIn(tt.year)
			}
		}
		if !found || held != tt.held {
			t.Errorf("Offices(%s) %s %s held in %d = %v (found %v), want %v", tt.name, tt.org, tt.role, tt.year, held, found, tt.held)
		}
	}
}

func TestOfficeholdersByName(t *testing.T) {
	l := load(t)
	tests := []struct {
		name string
		want string // kb id of the only person, or "" for none or several
	}{
		{"bola tinubu", "dossier:person:bola-tinubu"},
		{"tinubu", "dossier:person:bola-tinubu"},
		{"zakharova", "dossier:person:maria-zakharova"},
		{"no such person", ""},
	}
	for _, tt := range tests {
		got := ""
		if hs := l.Officeholders(tt.name); len(hs) == 1 {
			got = hs[0].KBID
		}
		if got != tt.want {
			t.Errorf("Officeholders(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	// "Sharif" names two prime ministers of Pakistan: a surname alone is ambiguous there
	if hs := l.Officeholders("nawaz sharif"); len(hs) != 1 {
		t.Errorf("Officeholders(nawaz sharif) = %d persons, want 1", len(hs))
	}
}

// TestOfficeholderData checks every row's body resolves and years are sane, and that only
// full names reach the gazetteer.
func TestOfficeholderData(t *testing.T) {
	l := load(t)
	n := 0
	for _, e := range l.Entries() {
		if e.Kind != officeholderKind {
			continue
		}
		n++
		if !strings.HasPrefix(e.KBID, "dossier:person:") {
			t.Errorf("officeholder %q has kb id %q", e.Name, e.KBID)
		}
		for _, o := range l.Offices(e) {
			if l.ByKBID(o.Org) == nil || o.From < 1940 || o.From > 2025 || o.To != 0 && o.To < 2015 {
				t.Errorf("officeholder %q: bad office %+v", e.Name, o)
			}
		}
		if words := Tokens(e.Name); len(words) > 1 {
			if m, hits := l.Longest(words, 0); m != len(words) || !hasEntry(hits, e) {
				t.Errorf("Longest(%q) does not find the person", e.Name)
			}
		}
	}
	if n < 300 {
		t.Errorf("%d office holders loaded, want at least 300", n)
	}
	if m, hits := l.Longest([]string{"abbas"}, 0); m > 0 && hits[0].Entry.Type == dossier.Person {
		t.Errorf("Longest(abbas) = a person: a bare surname must not be a gazetteer name")
	}
}

func hasEntry(hits []Hit, e *Entry) bool {
	for _, h := range hits {
		if h.Entry == e {
			return true
		}
	}
	return false
}

// TestPlacesHaveCountry checks that every division and city resolves to its state.
func TestPlacesHaveCountry(t *testing.T) {
	l := load(t)
	for _, e := range l.Entries() {
		if (e.Kind == "division" || e.Kind == "city") && e.Country == "" {
			t.Errorf("%s %s %q has no country", e.Kind, e.KBID, e.Name)
		}
		if e.Country != "" && l.ByKBID(e.Country) == nil {
			t.Errorf("%s %q: country %q is not a known state", e.KBID, e.Name, e.Country)
		}
	}
	for _, name := range []string{"Galmudug", "Puntland", "Jubaland"} {
		m, hits := l.Longest(Tokens(name), 0)
		if m == 0 || hits[0].Entry.Type != dossier.Location || hits[0].Entry.Country != "SO" {
			t.Errorf("Longest(%q) = %d %s, want a LOCATION in SO", name, m, describe(hits))
		}
	}
}
