package extract

import (
	"strings"
	"testing"

	"dossier"
)

// evSummary renders the events of an extraction as "TYPE DATE [participant names]".
func evSummary(out *dossier.Extraction) []string {
	name := map[string]string{}
	for _, e := range out.Entities {
		name[e.ID] = e.Name
	}
	var s []string
	for _, ev := range out.Events {
		d := "-"
		if ev.Date != nil {
			d = *ev.Date
		}
		var ps []string
		for _, p := range ev.Participants {
			ps = append(ps, name[p])
		}
		s = append(s, string(ev.Type)+" "+d+" ["+strings.Join(ps, ", ")+"]")
	}
	return s
}

// TestEventRules checks the general causes of missed or wrong events: a month name read
// as the modal "may", an attack whose author is unnamed, two attacks told in coordinated
// clauses, a demonym taken for the subject, a condition, "a week later" after a month,
// and a summit whose participants are listed in the next sentences.
func TestEventRules(t *testing.T) {
	x := testExtractor(t)
	doc := dossier.Date{Year: 2024, Month: 7, Day: 4}
	tests := []struct {
		in       string
		doc      dossier.Date
		want     []string // substrings that some event summary must contain
		wantNone []string // substrings that no event summary may contain
	}{
		{
			in:   "Boko Haram remains active in the north. In May, Boko Haram attacked the army of Nigeria near Maiduguri.",
			doc:  doc,
			want: []string{"ASSAULT 2024-05 [Boko Haram, Nigeria]"},
		},
		{
			in:   "In March 2021, a suicide bomber killed three staff members of the Kenyan embassy in Mogadishu.",
			doc:  doc,
			want: []string{"ASSAULT 2021-03 [Kenya]"},
		},
		{
			in:   "In April, Boko Haram attacked the army of Nigeria near Maiduguri, and a week later the group ambushed a convoy of the Multinational Joint Task Force near Baga.",
			doc:  doc,
			want: []string{"ASSAULT 2024-04 [Boko Haram, Nigeria]", "ASSAULT 2024-04 [Boko Haram, Multinational Joint Task Force]"},
		},
		{
			in:       "Unless the African Union sends aid to Sudan in 2025, the famine will spread.",
			doc:      doc,
			wantNone: []string{"AID"},
		},
		{
			doc: doc,
			in: "Leaders of the Arab League met in the Saudi capital on Thursday, at a summit dominated by the war in Sudan. " +
				"The summit was hosted by Crown Prince Mohammed bin Salman of Saudi Arabia. " +
				"Participants included Egyptian President Abdel Fattah el-Sisi, Jordanian King Abdullah II and Iraqi Prime Minister Mohammed Shia al-Sudani.",
			want:     []string{"CONSULT 2024-07-04 [", "Abdel Fattah el-Sisi"},
			wantNone: []string{"ASSAULT - [Sudan, "},
		},
		{
			in:   "Protesters stormed the Danish embassy in Tehran on September 20.",
			doc:  dossier.Date{Year: 2024, Month: 5, Day: 14},
			want: []string{"ASSAULT 2023-09-20 [Denmark]"},
		},
		{
			in:       "Protesters will march to the Danish embassy in Tehran on September 20 and may storm it.",
			doc:      dossier.Date{Year: 2024, Month: 5, Day: 14},
			wantNone: []string{"2023-09-20"},
		},
	}
	for _, tc := range tests {
		got := evSummary(x.Extract(tc.in, Options{DocDate: tc.doc}))
		all := strings.Join(got, " | ")
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("Extract(%q) events = %v, want one with %q", tc.in, got, w)
			}
		}
		for _, w := range tc.wantNone {
			if strings.Contains(all, w) {
				t.Errorf("Extract(%q) events = %v, want none with %q", tc.in, got, w)
			}
		}
	}
}

// TestSpuriousNames checks capitalized words that are no person: a modifier after an
// indefinite article, a word added to a name, and the namesake in a ship's name.
func TestSpuriousNames(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in      string
		notName string
		want    string // an entity name with its type, or ""
	}{
		{"Gunmen attacked a Sufi shrine in the north of Mali last week.", "Sufi", ""},
		{"In the north, several Alawite clerics objected to the decree.", "Alawite", ""},
		{"The Ministry said on Monday that the talks would resume in Doha.", "Ministry", ""},
		{"The Ministry of Energy of Ghana said on Monday that the Ministry would cut prices.", "Ministry", "Ministry of Energy of Ghana ORGANIZATION"},
		{"Officials attended a session in the \"NATO Plus\" format on Monday.", "Plus", ""},
		{"Officials said that the HMS Richmond intercepted a dhow in the Gulf of Aden.", "Richmond", "HMS Richmond ORGANIZATION"},
	}
	for _, tc := range tests {
		out := x.Extract(tc.in, Options{})
		var names []string
		found := tc.want == ""
		for _, e := range out.Entities {
			names = append(names, e.Name)
			if e.Name == tc.notName {
				t.Errorf("Extract(%q) has entity %q, want none", tc.in, tc.notName)
			}
			if e.Name+" "+string(e.Type) == tc.want {
				found = true
			}
		}
		if !found {
			t.Errorf("Extract(%q) entities = %v, want %q", tc.in, names, tc.want)
		}
	}
}
