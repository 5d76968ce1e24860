package extract

import (
	"testing"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// datesOf returns the date expressions found in src (one sentence or more).
func datesOf(t *testing.T, src string, doc dossier.Date) []string {
	t.Helper()
	preds, err := lexicon.BuiltinPredicates()
	if err != nil {
		t.Fatal(err)
	}
	st := newRelState(src, text.Split(src), nil, doc, preds, nil)
	var out []string
	for _, ds := range st.dates {
		for _, d := range ds {
			out = append(out, d.date.String())
		}
	}
	return out
}

func TestDates(t *testing.T) {
	march := dossier.Date{Year: 2023, Month: 3}
	day := dossier.Date{Year: 2023, Month: 3, Day: 15} // a Wednesday
	tests := []struct {
		in   string
		doc  dossier.Date
		want []string
	}{
		{"On February 8th, they met.", march, []string{"2023-02-08"}},
		{"They met on 8 February.", march, []string{"2023-02-08"}},
		{"It was signed on 9 January 2023.", march, []string{"2023-01-09"}},
		{"It was signed on February 20, 2023.", march, []string{"2023-02-20"}},
		{"It was signed on the 8th of February.", march, []string{"2023-02-08"}},
		{"It happened in Feb. 2023 and in March 2021.", march, []string{"2023-02", "2021-03"}},
		{"We discussed it back in 2021.", march, []string{"2021"}},
		{"The file is dated 2023-02-08.", march, []string{"2023-02-08"}},
		{"Numbers have grown since last November.", march, []string{"2022-11"}},
		{"In February, he spoke.", march, []string{"2023-02"}},
		{"In November, he spoke.", march, []string{"2022-11"}},
		{"A week after the summit on 8 February, he spoke.", march, []string{"2023-02-15"}},
		{"They met on 8 February. Twelve days later, they met again.", march, []string{"2023-02-08", "2023-02-20"}},
		{"They met yesterday.", day, []string{"2023-03-14"}},
		{"The attack came on 22 March 2024. The day after the attack, they spoke.", day, []string{"2024-03-22", "2024-03-23"}},
		{"They met on Monday.", day, []string{"2023-03-13"}},
		{"They met two weeks ago.", day, []string{"2023-03-01"}},
		{"They met last year.", day, []string{"2022"}},
		{"They met last week.", day, []string{"2023-03"}},
		{"They met this week.", dossier.Date{Year: 2023, Month: 3, Day: 2}, []string{"2023-03"}},
		{"They met last week.", dossier.Date{Year: 2023, Month: 3, Day: 2}, []string{"2023-02"}},
		{"They met in mid-February.", day, []string{"2023-02"}},
		{"They met in mid-June 2021.", day, []string{"2021-06"}},
		{"In May, they met. A week later, they met again.", day, []string{"2023-05", "2023-05"}},
		{"They met yesterday.", march, nil},           // no day to count from
		{"It was signed on 32 February.", march, nil}, // no such day
		{"It was signed on the 8th.", march, nil},     // no month
		{"On February 8th, they met.", dossier.Date{}, nil},
		{"He may go. They march on.", march, nil},
		{"Some 2000 fighters crossed.", march, nil},
		{"It was signed on 29 February 2023.", march, nil},
	}
	for _, tt := range tests {
		got := datesOf(t, tt.in, tt.doc)
		if len(got) != len(tt.want) {
			t.Errorf("dates(%q, %v) = %q, want %q", tt.in, tt.doc, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("dates(%q, %v) = %q, want %q", tt.in, tt.doc, got, tt.want)
				break
			}
		}
	}
}
