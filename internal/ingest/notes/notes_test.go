package notes

import (
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		labels     []string
		markers    []string
		sources    []string
	}{
		{"parenthesised markers", "Body claim.(1) Another claim(2).\n\n1. The Daily Star, Troops move north, 4 May 2021\n\n2. Just a remark about it.\n",
			[]string{"1", "2"}, []string{"(1)", "(2)"}, []string{"The Daily Star", ""}},
		{"bracket markers and heading", "Claim [1] and more [2].\n\nReferences\n[1] Jane Roe, \"Water wars,\" Central Asia Review, March 2020.\n[2] https://www.example.org/report\n",
			[]string{"1", "2"}, []string{"[1]", "[2]"}, []string{"Central Asia Review", "example.org"}},
		{"superscripts", "A fact¹ and another².\n\n¹ Harbour Watch, Port data, 2022\n² Harbour Watch, More data, 2023\n",
			[]string{"1", "2"}, []string{"¹", "²"}, []string{"Harbour Watch", "Harbour Watch"}},
		{"numbered list is no notes", "Steps:\n\n1. Go north.\n2. Turn left.\n", nil, nil, nil},
		{"enumeration is no marker", "We see (1) a thing.\n\n1. Item one\n", nil, nil, nil},
	}
	for _, tt := range tests {
		got := Find(tt.text)
		if len(got) != len(tt.labels) {
			t.Errorf("%s: Find = %+v, want %d notes", tt.name, got, len(tt.labels))
			continue
		}
		for i, fn := range got {
			if fn.Label != tt.labels[i] || fn.Marker.Text != tt.markers[i] || fn.Source != tt.sources[i] {
				t.Errorf("%s: note %d = %q %q %q, want %q %q %q", tt.name, i, fn.Label, fn.Marker.Text, fn.Source, tt.labels[i], tt.markers[i], tt.sources[i])
			}
			if err := fn.Marker.Check(tt.text); err != nil {
				t.Errorf("%s: marker span: %v", tt.name, err)
			}
			if err := fn.Note.Check(tt.text); err != nil {
				t.Errorf("%s: note span: %v", tt.name, err)
			}
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		note                   string
		publisher, title, date string
	}{
		{"The Harbour Gazette, Ministry plans to ship 240 crates of shells to the north, 14 June 2022",
			"The Harbour Gazette", "Ministry plans to ship 240 crates of shells to the north", "2022-06-14"},
		{`John Smith, "Kabul after the fall," Foreign Desk, March 3, 2022.`, "Foreign Desk", "Kabul after the fall", "2022-03-03"},
		{"Curiously, nine days later, on April 11, 2021, the delegates met again in Vienna.", "", "", ""},
		{"Reuters, 12 May 2021", "Reuters", "", "2021-05-12"},
		{"Communique of the defence ministers, Niamey, 6 March 2024.", "", "Communique of the defence ministers", "2024-03-06"},
		{"International Organization for Migration (IOM), border monitoring update, December 2023.", "International Organization for Migration (IOM)", "border monitoring update", "2023-12"},
		{"A remark on the text, without any date or link.", "", "", ""},
	}
	for _, tt := range tests {
		s := Parse(tt.note)
		if s.Publisher != tt.publisher || s.Title != tt.title || s.Date.String() != tt.date {
			t.Errorf("Parse(%q) = {%q %q %q}, want {%q %q %q}", tt.note, s.Publisher, s.Title, s.Date, tt.publisher, tt.title, tt.date)
		}
	}
}
