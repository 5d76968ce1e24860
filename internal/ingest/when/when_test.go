package when

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Partial
		ok   bool
	}{
		{"2023-03-15", Partial{2023, 3, 15}, true},
		{"2023-02-09T10:00:00Z", Partial{2023, 2, 9}, true},
		{"2023-02-09T10:00:00+05:30", Partial{2023, 2, 9}, true},
		{"March 2023", Partial{2023, 3, 0}, true},
		{"March 15, 2023", Partial{2023, 3, 15}, true},
		{"Wednesday, March 15, 2023", Partial{2023, 3, 15}, true},
		{"15 March 2023", Partial{2023, 3, 15}, true},
		{"9 January 2023", Partial{2023, 1, 9}, true},
		{"Feb 8", Partial{0, 2, 8}, true},
		{"8th of February", Partial{0, 2, 8}, true},
		{"Sept. 3, 2021", Partial{2021, 9, 3}, true},
		{"2021", Partial{2021, 0, 0}, true},
		{"15.03.2023", Partial{2023, 3, 15}, true},
		{"Mon, 02 Jan 2006 15:04:05 -0700", Partial{2006, 1, 2}, true},
		{"March 3, 2023 10:30 UTC", Partial{2023, 3, 3}, true},
		{"11 août 2023", Partial{2023, 8, 11}, true},
		{"11 de agosto de 2023", Partial{2023, 8, 11}, true},
		{"3. März 2024", Partial{2024, 3, 3}, true},
		{"1er mars 2022", Partial{2022, 3, 1}, true},
		{"NIAMEY, 11 août", Partial{0, 8, 11}, true},
		{"Brief 27", Partial{}, false},
		{"February 30, 2023", Partial{}, false},
		{"2023-13-01", Partial{}, false},
		{"yesterday", Partial{}, false},
		{"", Partial{}, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if d := Loose("Feb 8"); !d.IsZero() {
		t.Errorf("Loose(Feb 8) = %v, want the zero date (no year)", d)
	}
	if d := Loose("2023-03"); d.String() != "2023-03" {
		t.Errorf("Loose(2023-03) = %v, want 2023-03", d)
	}
}
