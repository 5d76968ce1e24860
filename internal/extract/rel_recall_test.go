package extract

import (
	"testing"

	"dossier"
)

// relStrings renders an extraction's relations as "TYPE source -> target" by entity name.
func relStrings(ex *dossier.Extraction) map[string]bool {
	names := map[string]string{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
	}
	out := map[string]bool{}
	for _, r := range ex.Relations {
		out[string(r.Type)+" "+names[r.Source]+" -> "+names[r.Target]] = true
	}
	return out
}

// TestCompoundBeforeUnknownName checks that a hyphenated compound before a name the
// lexicon does not know ("the Iran-backed Popular Mobilization Forces") keeps its state
// as a mention of its own and states its relation, without the state naming the group.
func TestCompoundBeforeUnknownName(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in          string
		ents, never []string
		want        []string
	}{
		{"The Houthis are hostile to the Saudi-backed Presidential Leadership Council (PLC), led by Rashad al-Alimi, which controls Aden.",
			[]string{"Saudi Arabia", "Presidential Leadership Council"},
			[]string{"Saudi-backed Presidential Leadership Council", "Saudi Arabian Presidential Leadership Council"},
			[]string{"SUPPORT Saudi Arabia -> Presidential Leadership Council"}},
		{"The Iran-backed Popular Mobilization Forces attacked the base.",
			[]string{"Iran", "Popular Mobilization Forces"},
			[]string{"Iran-backed Popular Mobilization Forces"},
			[]string{"SUPPORT Iran -> Popular Mobilization Forces"}},
	}
	for _, tc := range tests {
		ex := x.Extract(tc.in, Options{})
		names := map[string]bool{}
		for _, e := range ex.Entities {
			names[e.Name] = true
		}
		for _, n := range tc.ents {
			if !names[n] {
				t.Errorf("Extract(%q): no entity %q; have %v", tc.in, n, names)
			}
		}
		for _, n := range tc.never {
			if names[n] {
				t.Errorf("Extract(%q): unwanted entity %q", tc.in, n)
			}
		}
		rels := relStrings(ex)
		for _, w := range tc.want {
			if !rels[w] {
				t.Errorf("Extract(%q): no relation %q; have %v", tc.in, w, rels)
			}
		}
		for r := range rels {
			if r == "MEMBER_OF Presidential Leadership Council -> Saudi Arabia" {
				t.Errorf("Extract(%q): spurious %q", tc.in, r)
			}
		}
	}
}

// TestRecallRules checks predicate coverage and argument rules on sentences of several
// regions: the wanted relations come out and the wrong readings do not.
func TestRecallRules(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in          string
		want, never []string
	}{
		{"France met Chad and signed a deal with Sudan.",
			[]string{"CONSULT France -> Chad", "AGREE France -> Sudan"}, []string{"CONSULT France -> Sudan"}},
		{"The Taliban clash with ISKP in Kunar.",
			[]string{"ASSAULT Taliban -> Islamic State Khorasan Province"}, nil},
		{"Hamas fighters exchanged fire with Israel on Monday.",
			[]string{"ASSAULT Hamas -> Israel"}, nil},
		{"Ansar Allah is an Iran-backed group that controls Sanaa.",
			[]string{"SUPPORT Iran -> Houthis"}, nil},
		{"Hezbollah, an Iran-backed movement, fired rockets at Israel.",
			[]string{"SUPPORT Iran -> Hezbollah", "ASSAULT Hezbollah -> Israel"}, nil},
		{"The Houthis, who control Sanaa and most of northern Yemen, threatened to retaliate.",
			[]string{"LOCATED_IN Houthis -> Sanaa", "LOCATED_IN Houthis -> Yemen"}, nil},
		{"Israel struck Gaza and most of the leaders said nothing.",
			[]string{"ASSAULT Israel -> Gaza"}, nil},
		{"The Presidential Leadership Council (PLC), led by Rashad al-Alimi, which controls Aden, met Saudi officials.",
			[]string{"LOCATED_IN Presidential Leadership Council -> Aden", "LEADS Rashad al-Alimi -> Presidential Leadership Council"},
			[]string{"LOCATED_IN Rashad al-Alimi -> Aden"}},
		{"Pakistan strongly condemns the attack carried out on 6 September by terrorists of the proscribed Tehrik-i-Taliban Pakistan (TTP) on two border posts.",
			[]string{"DISAPPROVE Pakistan -> Tehrik-i-Taliban Pakistan"}, nil},
		{"Jordan condemned the attack on Israel by Hamas.",
			nil, []string{"DISAPPROVE Jordan -> Israel"}},
		{"Modi's visit to Kenya ended on Friday.", []string{"CONSULT Modi -> Kenya"}, nil},
		{"Israel's raid on Jenin killed nine.", []string{"ASSAULT Israel -> Jenin"}, nil},
		{"The Turkish incursion into Iraq was condemned by Baghdad.", []string{"ASSAULT Türkiye -> Iraq"}, nil},
		{"Washington announced the designation of the Houthis.", []string{"SANCTION United States -> Houthis"}, nil},
		{"The Houthis attacked vessels of Greece near Aden.", []string{"ASSAULT Houthis -> Greece"}, nil},
		{"Russia, the chief patron of Syria, vetoed the resolution.", []string{"SUPPORT Russia -> Syria"}, nil},
		{"Turkey called on the backers of the SDF to stop.", nil, []string{"SUPPORT Türkiye -> Syrian Democratic Forces"}},
		{"The Malian junta of Assimi Goita, backed by Russia, expelled France.",
			[]string{"SUPPORT Russia -> Mali", "SANCTION Mali -> France"}, []string{"SUPPORT Russia -> Assimi Goita"}},
		{"The Houthis are not an Iran-backed group, Mohammed Abdulsalam said.",
			nil, []string{"SUPPORT Iran -> Houthis"}},
	}
	for _, tc := range tests {
		rels := relStrings(x.Extract(tc.in, Options{}))
		for _, w := range tc.want {
			if !rels[w] {
				t.Errorf("Extract(%q): no relation %q; have %v", tc.in, w, rels)
			}
		}
		for _, w := range tc.never {
			if rels[w] {
				t.Errorf("Extract(%q): unwanted relation %q", tc.in, w)
			}
		}
	}
}
