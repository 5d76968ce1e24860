package notes

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics and that every marker and note it returns is a
// span of the text it was given.
func FuzzFind(f *testing.F) {
	f.Add("A claim.(1)\n\nNotes\n1. The Daily, \"A title\", 3 March 2023.\n")
	f.Add("Said so [2] and so [1].\n\n1. One.\n2. Two, Publisher, 2021.\n")
	f.Add("1.\n2.\n3.")
	f.Add("text\u00b9\n\n\u00b9 note")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, n := range Find(text) {
			for _, s := range []struct{ start, end int }{{n.Marker.Start, n.Marker.End}, {n.Note.Start, n.Note.End}} {
				if s.start < 0 || s.end < s.start || s.end > len(text) {
					t.Fatalf("Find(%q): span [%d,%d) outside text", text, s.start, s.end)
				}
			}
			if err := n.Note.Check(text); err != nil {
				t.Fatalf("Find(%q) note: %v", text, err)
			}
			_ = Parse(text[n.Note.Start:n.Note.End])
		}
	})
}
