package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name, src         string
		title, date, text string
	}{
		{"front matter and heading",
			"---\ntitle: 'Harbour report'\ndate: 2023-05-02\nseries: Notes n.3\n---\n# Ignored heading\n\nBody *one* and __two__.\n",
			"Harbour report", "2023-05-02", "Ignored heading\n\nBody one and two.\n"},
		{"atx heading as title", "# The title #\n\nText with [a link](https://example.org/x_(y)) and ![an image](i.png).\n",
			"The title", "", "The title\n\nText with a link and an image.\n"},
		{"setext", "Main title\n==========\n\nSub\n---\n\npara\n", "Main title", "", "Main title\n\nSub\n\npara\n"},
		{"code kept", "Intro:\n\n```go\nx := a*b*c\n```\n\nUse `snake_case_name` here.\n", "", "", "Intro:\n\nx := a*b*c\n\nUse snake_case_name here.\n"},
		{"lists and quotes", "- first item\n* second **bold**\n1. numbered\n> quoted _text_\n", "", "", "first item\nsecond bold\n1. numbered\nquoted text\n"},
		{"table", "| Name | Role |\n|------|:----:|\n| Kabulov | envoy |\n", "", "", "Name\tRole\nKabulov\tenvoy\n"},
		{"footnotes", "Claim here.[^1]\n\n[^1]: The Times, A story, 3 May 2020\n[ref]: http://example.org\n", "", "", "Claim here.[1]\n\n1. The Times, A story, 3 May 2020\n"},
		{"snake case kept", "a variable_name_here stays\n", "", "", "a variable_name_here stays\n"},
		{"escapes", "not \\*emphasis\\* here\n", "", "", "not *emphasis* here\n"},
	}
	for _, tt := range tests {
		res := Extract(tt.src)
		if res.Title != tt.title || res.Date != tt.date || res.Text != tt.text {
			t.Errorf("%s: Extract = {%q %q %q}, want {%q %q %q}", tt.name, res.Title, res.Date, res.Text, tt.title, tt.date, tt.text)
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"---\ntitle: x\n---\n# h\n", "```\ncode\n", "[a](b) ![c](d) `e` **f** _g_ ~~h~~", "| a | b |\n|---|---|\n", "[^1]: note\nx[^1]", "\x00`0`\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		res := Extract(src)
		if utf8.ValidString(src) && !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8 out of valid input %q: %q", src, res.Text)
		}
		if strings.Contains(res.Text, "\r\n") {
			t.Fatalf("CRLF kept: %q", res.Text)
		}
	})
}
