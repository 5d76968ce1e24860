package extract

import (
	"strings"
	"testing"

	"dossier"
)

// TestCompoundMentions checks that the name in "X-based", "X-backed", "X-led" compounds is
// a mention of X with a span inside the token, and that the compound's relation is read.
func TestCompoundMentions(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in, name string
		typ      dossier.EntityType
		rel      string // a relation the compound states, or ""
	}{
		{"The Mali-based group JNIM attacked a convoy.", "Mali", dossier.Country, "LOCATED_IN Jama'at Nusrat al-Islam wal-Muslimin -> Mali"},
		{"Iran-backed Houthis fired missiles at a tanker.", "Iran", dossier.Country, "SUPPORT Iran -> Houthis"},
		{"The Wagner-linked militia Hamas praised the move.", "Wagner Group", dossier.ArmedGroup, ""},
		{"Police found ISKP-inspired leaflets in Kabul.", "Islamic State Khorasan Province", dossier.ArmedGroup, ""},
	}
	for _, tt := range tests {
		out := x.Extract(tt.in, Options{})
		e := find(out, tt.name)
		if e == nil || e.Type != tt.typ {
			t.Errorf("Extract(%q): %q = %+v, want a %s; got %s", tt.in, tt.name, e, tt.typ, names(out))
			continue
		}
		for _, m := range e.Mentions {
			if tt.in[m.Start:m.End] != m.Text || strings.Contains(m.Text, "-based") || strings.Contains(m.Text, "-backed") {
				t.Errorf("Extract(%q): mention %+v of %q is not the name alone", tt.in, m, tt.name)
			}
		}
		if tt.rel != "" && !contains(relationsOf(out), tt.rel) {
			t.Errorf("Extract(%q) relations = %v, want %q", tt.in, relationsOf(out), tt.rel)
		}
	}
	// a firm's seat in a city is no actor, and "London-born" names nothing
	out := x.Extract("The London-based firm hired a Dublin-born lawyer.", Options{})
	for _, e := range out.Entities {
		if e.Type == dossier.Location {
			t.Errorf("Extract(London-based, Dublin-born) has the place %q", e.Name)
		}
	}
}

// TestArticleNames checks that a single unknown name after "the" is a body, not a person,
// typed by its apposition when it has one.
func TestArticleNames(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in, name string
		typ      dossier.EntityType
	}{
		{"His deputy runs the Amniyat, the intelligence wing of the group.", "Amniyat", dossier.ArmedGroup},
		{"Officers of the Mukhabarat, the main intelligence agency, arrested him.", "Mukhabarat", dossier.Organization},
		{"Fighters of the Katiba Serma attacked the town.", "Katiba Serma", ""},
	}
	for _, tt := range tests {
		out := x.Extract(tt.in, Options{})
		e := find(out, tt.name)
		if tt.typ == "" {
			if e != nil && e.Type == dossier.Person {
				t.Errorf("Extract(%q): %q is a PERSON", tt.in, tt.name)
			}
			continue
		}
		if e == nil || e.Type != tt.typ {
			t.Errorf("Extract(%q): %q = %+v, want a %s; got %s", tt.in, tt.name, e, tt.typ, names(out))
		}
	}
}

// TestPlaceResolvesToState checks that a federal member state is a place of its country.
func TestPlaceResolvesToState(t *testing.T) {
	x := testExtractor(t)
	in := "Somalia condemned the attack. Al-Shabaab fighters attacked a military base in Galmudug on Monday."
	out := x.Extract(in, Options{})
	if e := find(out, "Galmudug"); e == nil || e.Type != dossier.Location {
		t.Errorf("Extract(%q): Galmudug = %+v, want a LOCATION; got %s", in, e, names(out))
	}
	if !contains(relationsOf(out), "ASSAULT al-Shabaab -> Somalia") {
		t.Errorf("Extract(%q) relations = %v, want al-Shabaab ASSAULT Somalia (the state of the place)", in, relationsOf(out))
	}
}

// TestPanelScopes checks that a panel's subject state is part of its name, and that a
// known body's is not.
func TestPanelScopes(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in, want, never string
	}{
		{"The United Nations Panel of Experts on Somalia reported new shipments.", "United Nations Panel of Experts on Somalia", ""},
		{"The Independent Commission on Libya published its findings.", "Independent Commission on Libya", ""},
		{"Diplomats briefed the UN Security Council on Yemen.", "Yemen", "UN Security Council on Yemen"},
	}
	for _, tt := range tests {
		out := x.Extract(tt.in, Options{})
		if find(out, tt.want) == nil {
			t.Errorf("Extract(%q) has no entity %q; got %s", tt.in, tt.want, names(out))
		}
		if tt.never != "" && find(out, tt.never) != nil {
			t.Errorf("Extract(%q) has the entity %q", tt.in, tt.never)
		}
	}
}

// TestStateBodyDescriptions checks that a state's intelligence or press service named by
// a demonym or a possessive is an organization.
func TestStateBodyDescriptions(t *testing.T) {
	x := testExtractor(t)
	tests := []struct{ in, want string }{
		{"Kyiv's military intelligence agency accused Moscow of staging the attack.", "Kyiv's military intelligence agency"},
		{"Ukrainian military intelligence said the drones came from Iran.", "Ukrainian military intelligence"},
		{"Russian special services detained two men.", "Russian special services"},
	}
	for _, tt := range tests {
		out := x.Extract(tt.in, Options{})
		found := false
		for _, e := range out.Entities {
			for _, m := range e.Mentions {
				if m.Text == tt.want && e.Type == dossier.Organization {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("Extract(%q) has no organization mention %q; got %s", tt.in, tt.want, names(out))
		}
	}
}
