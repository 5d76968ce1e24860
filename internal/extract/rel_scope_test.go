package extract

import (
	"strings"
	"testing"

	"dossier"
)

func TestRolesInScope(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in    string
		want  []string
		never []string
	}{
		{"Kenya sent troops to the border on Wednesday. Defence Minister Aden Duale Mohamed said the deployment was temporary.",
			[]string{"MEMBER_OF Aden Duale Mohamed -> Kenya"}, nil},
		{"Iran condemned the strikes on Monday. The country's foreign minister Karim Nasseri said Tehran would respond.",
			[]string{"MEMBER_OF Karim Nasseri -> Iran"}, nil},
		{"Al-Shabaab claimed the attack in Mogadishu. The group's leader Abdi Warsame Hirsi said more attacks would follow.",
			[]string{"LEADS Abdi Warsame Hirsi -> al-Shabaab"}, nil},
		// two states in scope: no guess
		{"Kenya and Uganda sent troops to the border. Defence Minister Aden Duale Mohamed said the deployment was temporary.",
			nil, []string{"MEMBER_OF Aden Duale Mohamed -> Kenya", "MEMBER_OF Aden Duale Mohamed -> Uganda"}},
		{"Mali and Niger signed the pact. The country's defence minister Amadou Sanogo Keita said it would hold.",
			nil, []string{"MEMBER_OF Amadou Sanogo Keita -> Mali", "MEMBER_OF Amadou Sanogo Keita -> Niger"}},
		// a state and a group in scope: no guess
		{"Kenya fought al-Shabaab on Monday. The group's leader Abdi Warsame Hirsi said more attacks would follow.",
			nil, []string{"LEADS Abdi Warsame Hirsi -> al-Shabaab", "MEMBER_OF Abdi Warsame Hirsi -> Kenya"}},
		// a new paragraph ends the scope
		{"Kenya sent troops to the border on Wednesday.\n\nDefence Minister Aden Duale Mohamed said the deployment was temporary.",
			nil, []string{"MEMBER_OF Aden Duale Mohamed -> Kenya"}},
		// "and" before a title starts the next person's title
		{"Colonel Amadou Keita of Mali and Colonel-Major Issa Ouedraogo of Burkina Faso attended the meeting.",
			[]string{"MEMBER_OF Amadou Keita -> Mali", "MEMBER_OF Issa Ouedraogo -> Burkina Faso"},
			[]string{"MEMBER_OF Issa Ouedraogo -> Mali"}},
		// an office serving a person: a member of the state that person leads
		{"Oleh Bondar, a spokesman for President Petro Kovalenko of Ukraine, said the talks failed.",
			[]string{"MEMBER_OF Oleh Bondar -> Ukraine", "LEADS Petro Kovalenko -> Ukraine"},
			[]string{"LEADS Oleh Bondar -> Ukraine"}},
		{"Oleh Bondar, a senior adviser to President Petro Kovalenko of Ukraine, said the talks failed.",
			[]string{"MEMBER_OF Oleh Bondar -> Ukraine"}, []string{"LEADS Oleh Bondar -> Ukraine"}},
		// the person served has no known state: no guess
		{"Ukraine and Poland disagreed. Oleh Bondar, an adviser to Petro Kovalenko, said the talks failed.",
			nil, []string{"MEMBER_OF Oleh Bondar -> Ukraine", "MEMBER_OF Oleh Bondar -> Poland"}},
		// named only as a destination or by a demonym: not whom the official speaks for
		{"Thousands of Armenian refugees fled to Armenia. President Samvel Arutyunyan signed a decree.",
			nil, []string{"LEADS Samvel Arutyunyan -> Armenia"}},
	}
	for _, tt := range tests {
		got := relationsOf(x.Extract(tt.in, Options{}))
		joined := strings.Join(got, "; ")
		for _, w := range tt.want {
			if !contains(got, w) {
				t.Errorf("Extract(%q) relations = [%s], want %q", tt.in, joined, w)
			}
		}
		for _, n := range tt.never {
			if contains(got, n) {
				t.Errorf("Extract(%q) relations = [%s], want no %q", tt.in, joined, n)
			}
		}
	}
}

func TestOfficeGroups(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		in    string
		date  dossier.Date
		want  []string
		never []string
	}{
		{"The foreign ministers of Russia and Turkey met in Ankara on Monday. Sergei Lavrov and Mevlut Cavusoglu discussed grain exports.",
			dossier.Date{Year: 2022, Month: 7},
			[]string{"MEMBER_OF Sergei Lavrov -> Russia", "MEMBER_OF Mevlut Cavusoglu -> Türkiye"}, nil},
		// Cavusoglu left office in 2023: the lexicon's dates decide
		{"The foreign ministers of Russia and Turkey met in Ankara on Monday. Sergei Lavrov and Mevlut Cavusoglu discussed grain exports.",
			dossier.Date{Year: 2025, Month: 7},
			[]string{"MEMBER_OF Sergei Lavrov -> Russia"}, []string{"MEMBER_OF Mevlut Cavusoglu -> Türkiye"}},
		// Russia is not in the list
		{"The foreign ministers of China and India met in Delhi on Monday. Sergei Lavrov sent a message to Russia's partners.",
			dossier.Date{Year: 2022, Month: 7},
			nil, []string{"MEMBER_OF Sergei Lavrov -> Russia"}},
		// a new paragraph ends the scope
		{"The foreign ministers of Russia and Turkey met in Ankara on Monday.\n\nSergei Lavrov later flew to Tehran.",
			dossier.Date{Year: 2022, Month: 7},
			nil, []string{"MEMBER_OF Sergei Lavrov -> Russia"}},
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
