package extract

import (
	"strings"
	"testing"
)

func TestSeriesNotAnEntity(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		src, series string
		gone, kept  []string
	}{
		{
			src:    "Levant Notes, 15 June 2023\n\nHay'at Tahrir al-Sham consolidated its hold on Idlib. Turkey met Iran in Ankara.",
			series: "Levant Notes",
			gone:   []string{"Levant Notes"},
			kept:   []string{"Idlib", "Iran", "Ankara"},
		},
		{
			src:    "Caucasus Watch\n\nAzerbaijan launched an offensive against Armenia. Caucasus Watch will follow.",
			series: "caucasus watch",
			gone:   []string{"Caucasus Watch"},
			kept:   []string{"Azerbaijan", "Armenia"},
		},
		{
			// A series naming a real entity keeps it where it is named outside the series.
			src:    "Sahel Notes\n\nMali expelled the French ambassador. France condemned the decision of Mali.",
			series: "Mali Brief",
			kept:   []string{"Mali", "France"},
		},
	}
	for _, tc := range tests {
		ex := x.Extract(tc.src, Options{Series: tc.series})
		names := map[string]bool{}
		for i, e := range ex.Entities {
			names[e.Name] = true
			if want := "e" + itoa(i+1); e.ID != want {
				t.Errorf("Extract(%q): entity %d has id %s, want %s", tc.src, i, e.ID, want)
			}
		}
		for _, n := range tc.gone {
			if names[n] {
				t.Errorf("Extract(%q, Series %q) emitted entity %q", tc.src, tc.series, n)
			}
		}
		for _, n := range tc.kept {
			if !names[n] {
				t.Errorf("Extract(%q, Series %q) lost entity %q; have %v", tc.src, tc.series, n, names)
			}
		}
		// Without the series option the series may come out; with it, no mention lies inside it.
		for _, e := range ex.Entities {
			for _, m := range e.Mentions {
				if tc.series != "" && strings.EqualFold(m.Text, tc.series) {
					t.Errorf("Extract(%q): mention %q of %s lies in the series name", tc.src, m.Text, e.Name)
				}
			}
		}
	}
}
