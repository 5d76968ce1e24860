package html

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, page := range pages {
		f, err := os.Open(page)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Extract(f, Options{})
		f.Close()
		if err != nil {
			t.Errorf("Extract(%s): %v", page, err)
			continue
		}
		got := "title: " + res.Title + "\ndate: " + res.Date + "\n\n" + res.Text + "\n"
		golden := strings.TrimSuffix(page, ".html") + ".golden"
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("read golden (run go test -update): %v", err)
		}
		if got != string(want) {
			t.Errorf("Extract(%s) =\n%s\nwant\n%s", page, got, want)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, page  string
		title, date string
		has, not    []string
	}{
		{"title tag suffix", `<html><head><title>Grain deal extended | Daily Wire Service</title></head><body><p>The deal was extended for sixty days.</p></body></html>`,
			"Grain deal extended", "", []string{"The deal was extended"}, nil},
		{"h1 beats title", `<title>Site</title><body><h1>Real headline</h1><p>Body text.</p></body>`,
			"Real headline", "", []string{"Real headline\n\nBody text."}, nil},
		{"time element", `<body><article><time datetime="2021-09-01">1 Sept</time><p>Text of the article, long enough to count as an article body for the chooser to accept it as the content of the page and nothing else; more words follow here to pass the bar of two hundred letters.</p></article><p>outside</p></body>`,
			"", "2021-09-01", []string{"Text of the article"}, []string{"outside"}},
		{"entities and breaks", `<p>Fish &amp; chips&nbsp;for &#8220;two&#8221;<br>next line</p><p>new para</p>`,
			"", "", []string{"Fish & chips for “two”\nnext line\n\nnew para"}, nil},
		{"link-heavy block dropped", `<body><div><a href="/1">One link</a> <a href="/2">Two link</a> <a href="/3">Three</a></div><p>Real content with a <a href="/x">link</a> inside a long sentence of prose.</p></body>`,
			"", "", []string{"Real content with a link inside"}, []string{"One link"}},
		{"hidden and boilerplate", `<body><div style="display: none">secret</div><div class="newsletter-signup">Sign up</div><div hidden>h</div><p>Kept.</p></body>`,
			"", "", []string{"Kept."}, []string{"secret", "Sign up"}},
		{"pre kept", "<body><pre>line one\n  indented</pre></body>", "", "", []string{"line one\n  indented"}, nil},
		{"notes", `<body><p>Arms were shipped<sup><a href="#n1">1</a></sup> last year.</p><ol><li><a href="https://example.org/a">Port Daily, Arms shipments, 9 January 2023</a></li><li>Second note</li></ol></body>`,
			"", "", []string{"Arms were shipped[1] last year.\n\n1. Port Daily, Arms shipments, 9 January 2023\n2. Second note"}, nil},
		{"unclosed paragraphs", `<body><p>first<p>second<div>third</div></body>`, "", "", []string{"first\n\nsecond\n\nthird"}, nil},
	}
	for _, tt := range tests {
		res, err := Extract(strings.NewReader(tt.page), Options{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if res.Title != tt.title || res.Date != tt.date {
			t.Errorf("%s: title %q date %q, want %q %q", tt.name, res.Title, res.Date, tt.title, tt.date)
		}
		for _, h := range tt.has {
			if !strings.Contains(res.Text, h) {
				t.Errorf("%s: text %q lacks %q", tt.name, res.Text, h)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(res.Text, n) {
				t.Errorf("%s: text %q keeps %q", tt.name, res.Text, n)
			}
		}
	}
}

func TestDeepNesting(t *testing.T) {
	const n = 200000
	page := strings.Repeat("<div><span>", n) + "deep text" + strings.Repeat("</span></div>", n)
	start := time.Now()
	res, err := Extract(strings.NewReader(page), Options{MaxDepth: 64})
	if err != nil {
		t.Fatalf("Extract(deep): %v", err)
	}
	if !strings.Contains(res.Text, "deep text") {
		t.Errorf("Extract(deep) lost the text: %q", res.Text)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Extract(deep) took %v, want it bounded", d)
	}
}

func FuzzHTML(f *testing.F) {
	seeds := []string{
		"<html><head><title>t</title></head><body><article><h1>h</h1><p>p &amp; q</p></article></body></html>",
		"<p>a<p>b<div>c</div>",
		"<table><tr><td>a<td>b<tr><td>c</table>",
		"<pre>x\n y</pre><br/><script>if (a<b) {}</script>",
		"<meta property='og:title' content='x'><time datetime='2020'>",
		"<div><div><div></span></div>",
		"\xff<p>\x00</p>",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(strings.NewReader(string(data)), Options{MaxDepth: 32})
		if err != nil {
			return
		}
		if utf8.Valid(data) && (!utf8.ValidString(res.Text) || !utf8.ValidString(res.Title)) {
			t.Fatalf("invalid UTF-8 out of valid input: %q", res.Text)
		}
	})
}
