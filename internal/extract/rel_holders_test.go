package extract

import (
	"fmt"
	"strings"
	"testing"

	"dossier"
)

// relationsOf lists the relations of an extraction as "TYPE source -> target".
func relationsOf(out *dossier.Extraction) []string {
	name := map[string]string{}
	for _, e := range out.Entities {
		name[e.ID] = e.Name
	}
	var rs []string
	for _, r := range out.Relations {
		rs = append(rs, fmt.Sprintf("%s %s -> %s", r.Type, name[r.Source], name[r.Target]))
	}
	return rs
}

func TestOfficeholderFallback(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in    string
		date  dossier.Date
		want  []string
		never []string
	}{
		{"Nigeria closed the border. President Tinubu said the decision was final.",
			dossier.Date{Year: 2024, Month: 5},
			[]string{"LEADS Tinubu -> Nigeria"}, nil},
		{"Nigeria closed the border. President Tinubu said the decision was final.",
			dossier.Date{Year: 2019},
			nil, []string{"LEADS Tinubu -> Nigeria"}},
		{"China protested. Foreign Ministry spokesperson Mao Ning told reporters the visit was a provocation.",
			dossier.Date{Year: 2023, Month: 8, Day: 2},
			[]string{"MEMBER_OF Mao Ning -> China"}, nil},
		{"The Taliban announced a decree. Prime Minister Hasan Akhund met elders in Kabul.",
			dossier.Date{Year: 2023},
			[]string{"MEMBER_OF Hasan Akhund -> Taliban"}, []string{"LEADS Hasan Akhund -> Taliban"}},
		{"The Syrian government of Bashar al-Assad shelled the town.",
			dossier.Date{Year: 2023},
			[]string{"LEADS Bashar al-Assad -> Syria"}, nil},
		{"Mali expelled the envoy. The government of Colonel Assimi Goita denied any talks.",
			dossier.Date{Year: 2023},
			[]string{"LEADS Assimi Goita -> Mali"}, nil},
		{"Mali expelled the envoy. The government of Colonel Assimi Goita denied any talks.",
			dossier.Date{Year: 2018},
			nil, []string{"LEADS Assimi Goita -> Mali"}},
		{"Pakistan protested. The Spokesperson, Ambassador Mumtaz Zahra Baloch, said the attack was planned abroad.",
			dossier.Date{Year: 2023, Month: 9},
			[]string{"MEMBER_OF Mumtaz Zahra Baloch -> Pakistan"}, nil},
		{"The Taliban issued a decree. The emir, Haibatullah Akhundzada, governs from Kandahar.",
			dossier.Date{Year: 2023},
			[]string{"LEADS Haibatullah Akhundzada -> Taliban"}, nil},
		{"Kenya hosted the talks. President Ruto of Kenya met President Museveni.",
			dossier.Date{Year: 2023},
			[]string{"LEADS Ruto -> Kenya"}, []string{"LEADS Museveni -> Kenya"}},
	}
	for _, tt := range tests {
		got := relationsOf(x.Extract(tt.in, Options{DocDate: tt.date}))
		joined := strings.Join(got, "; ")
		for _, w := range tt.want {
			if !contains(got, w) {
				t.Errorf("Extract(%q, %v) relations = [%s], want %q", tt.in, tt.date, joined, w)
			}
		}
		for _, n := range tt.never {
			if contains(got, n) {
				t.Errorf("Extract(%q, %v) relations = [%s], want no %q", tt.in, tt.date, joined, n)
			}
		}
	}
}

func TestOfficeholderNames(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in, full, short string
	}{
		{"Participants included Chinese President Xi Jinping and others. Xi did not mention the war.", "Xi Jinping", "Xi"},
		{"Foreign Ministry spokeswoman Maria Zakharova spoke on Friday. Zakharova said the talks failed.", "Maria Zakharova", "Zakharova"},
	}
	for _, tt := range tests {
		out := x.Extract(tt.in, Options{})
		a, b := find(out, tt.full), find(out, tt.short)
		if a == nil || b == nil || a.ID != b.ID || a.Type != dossier.Person {
			t.Errorf("Extract(%q): %q and %q are not one person; got %s", tt.in, tt.full, tt.short, names(out))
		}
		if a != nil && (a.KBID == nil || !strings.HasPrefix(*a.KBID, "dossier:person:")) {
			t.Errorf("Extract(%q): %q has no person kb id", tt.in, tt.full)
		}
	}
}
