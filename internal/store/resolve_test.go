package store

import (
	"strings"
	"testing"

	"dossier"
)

func TestNormName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nikolai Patrushev", "nikolai patrushev"},
		{"  the Taliban ", "taliban"},
		{"al-Qa'ida", "al qaida"},
		{"U.S.", "us"},
		{"Tehrik-i-Taliban Pakistan", "tehrik i taliban pakistan"},
		{"Sirajuddin  HAQQANI", "sirajuddin haqqani"},
		{"Kaboré", "kabore"},
		{"Ağca", "agca"},
		{"!!!", ""},
	}
	for _, tc := range tests {
		if got := normName(tc.in); got != tc.want {
			t.Errorf("normName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNameKeys(t *testing.T) {
	tests := []struct {
		name string
		typ  dossier.EntityType
		want string
	}{
		{"Patrushev", dossier.Person, ""},
		{"Nikolai Patrushev", dossier.Person, "nikolai patrushev"},
		{"President Vladimir Putin", dossier.Person, "president vladimir putin|vladimir putin"},
		{"General Patrushev", dossier.Person, "general patrushev"},
		{"Taliban", dossier.ArmedGroup, "taliban"},
		{"Foreign Ministry of Russia", dossier.Organization, "foreign ministry of russia"},
	}
	for _, tc := range tests {
		if got := strings.Join(nameKeys(tc.name, tc.typ), "|"); got != tc.want {
			t.Errorf("nameKeys(%q, %s) = %q, want %q", tc.name, tc.typ, got, tc.want)
		}
	}
}

func TestEntityKeysSkipDescriptions(t *testing.T) {
	e := &dossier.Entity{Name: "Vladimir Putin", Type: dossier.Person,
		Aliases: []string{"the Russian leader", "President Putin", "Putin"}}
	got := strings.Join(entityKeys(e), "|")
	if want := "vladimir putin|president putin"; got != want {
		t.Errorf("entityKeys = %q, want %q (descriptions and bare surnames left out)", got, want)
	}
}

func TestContradictions(t *testing.T) {
	c := func(id int64, typ dossier.RelationType, src, dst int64, neg bool, doc string) Claim {
		return Claim{RelationID: id, Type: typ, Source: src, Target: dst, Negated: neg, DocID: doc}
	}
	cs := []Claim{
		c(1, dossier.Aid, 1, 2, false, "d1"),
		c(2, dossier.Aid, 1, 2, true, "d2"),
		c(3, dossier.Aid, 2, 1, true, "d3"), // other direction: no denial of 1
		c(4, dossier.AllyOf, 1, 3, false, "d1"),
		c(5, dossier.HostileTo, 3, 1, false, "d4"),
		c(6, dossier.Consult, 1, 2, false, "d1"),
		c(7, dossier.Consult, 2, 1, true, "d5"), // symmetric: a denial either way
	}
	cs[1].Status = ""
	got := contradictions(cs, 10)
	pairs := map[[2]int64]string{}
	for _, x := range got {
		pairs[[2]int64{x.A.RelationID, x.B.RelationID}] = x.Reason
	}
	want := map[[2]int64]string{{1, 2}: "AID and its denial", {4, 5}: "ALLY_OF vs HOSTILE_TO", {6, 7}: "CONSULT and its denial"}
	if len(pairs) != len(want) {
		t.Errorf("contradictions = %v, want %v", pairs, want)
	}
	for k, v := range want {
		if pairs[k] != v {
			t.Errorf("contradiction %v = %q, want %q", k, pairs[k], v)
		}
	}
	cs[1].Status = "rejected"
	for _, x := range contradictions(cs, 10) {
		if x.A.RelationID == 2 || x.B.RelationID == 2 {
			t.Errorf("rejected claim in contradiction %+v", x)
		}
	}
	if n := len(contradictions(cs, 1)); n != 1 {
		t.Errorf("contradictions with limit 1 = %d", n)
	}
}
