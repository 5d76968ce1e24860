package when

import "testing"

// FuzzParse checks that Parse never panics and never returns an impossible date.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2023-03-15", "March 15, 2023", "15 March 2023", "Feb 8th", "32 February 2023", "15.03.2023", "20230315", "2023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := Parse(s)
		if !ok {
			return
		}
		if p.Month < 0 || p.Month > 12 || p.Day < 0 || p.Day > 31 || (p.Day > 0 && p.Month == 0) {
			t.Fatalf("Parse(%q) = %+v: impossible date", s, p)
		}
		if d := Loose(s); !d.IsZero() && !d.Valid() {
			t.Fatalf("Loose(%q) = %v: invalid date", s, d)
		}
	})
}
