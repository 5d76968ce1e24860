package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"dossier"
)

func sharedPath(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
}

func fixedNow() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }

func TestFileSeedBrief(t *testing.T) {
	path := sharedPath("seed", "brief-27.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared seed not available: %v", err)
	}
	doc, err := File(path, Options{Now: fixedNow})
	if err != nil {
		t.Fatalf("File(%s): %v", path, err)
	}
	checks := []struct{ name, got, want string }{
		{"series", doc.Series, "Brief n.27"},
		{"date", doc.Date.String(), "2023-03"},
		{"title", doc.Title, "5th Security Dialogue on Afghanistan"},
		{"lang", doc.Lang, "en"},
		{"format", doc.Format, "txt"},
		{"source", doc.Source, path},
		{"marking", doc.Marking, dossier.DefaultMarking},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("brief-27 %s = %q, want %q", c.name, c.got, c.want)
		}
	}
	raw, _ := os.ReadFile(path)
	if doc.Size != int64(len(raw)) || !strings.HasPrefix(doc.ID, "sha256:") || len(doc.ID) != 7+64 {
		t.Errorf("brief-27 size %d id %q, want size %d and a sha256 id", doc.Size, doc.ID, len(raw))
	}
	if !doc.IngestedAt.Equal(fixedNow()) {
		t.Errorf("IngestedAt = %v, want the injected clock", doc.IngestedAt)
	}
	if !strings.Contains(doc.Text, "Nikolai Patrushev") {
		t.Errorf("brief-27 text lost its content")
	}
	if len(doc.Footnotes) != 2 {
		t.Fatalf("brief-27 footnotes = %d, want 2", len(doc.Footnotes))
	}
	fn := doc.Footnotes[1]
	if fn.Label != "2" || fn.Marker.Text != "(2)" || fn.Source != "The Economic Times" {
		t.Errorf("footnote 2 = %+v, want label 2, marker (2), source The Economic Times", fn)
	}
	for _, f := range doc.Footnotes {
		if err := f.Marker.Check(doc.Text); err != nil {
			t.Errorf("footnote %s marker: %v", f.Label, err)
		}
		if err := f.Note.Check(doc.Text); err != nil {
			t.Errorf("footnote %s note: %v", f.Label, err)
		}
	}
	// Same bytes, same id.
	again, err := Reader(bytes.NewReader(raw), "-", Options{Now: fixedNow})
	if err != nil || again.ID != doc.ID || again.Text != doc.Text {
		t.Errorf("Reader(stdin) of the same bytes: id %v err %v, want id %s and same text", again, err, doc.ID)
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb\rc\n", "a\nb\nc\n"},
		{"\uFEFFtitle", "title"},
		{"e\u0301te\u0301", "été"}, // NFC
		{"tab\tkept\x00\x07\x1b gone", "tab\tkept gone"},
		{"form\ffeed", "form\nfeed"},
		{"c1\u0085line\u2028sep", "c1\nline\nsep"},
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func utf16(s string, big bool) []byte {
	var b []byte
	if big {
		b = []byte{0xFE, 0xFF}
	} else {
		b = []byte{0xFF, 0xFE}
	}
	for _, r := range s {
		if r > 0xFFFF {
			panic("test helper: BMP only")
		}
		if big {
			b = append(b, byte(r>>8), byte(r))
		} else {
			b = append(b, byte(r), byte(r>>8))
		}
	}
	return b
}

func TestEncodings(t *testing.T) {
	const want = "Café Zürich “quoted” – naïve\nsecond line"
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"utf8", []byte(want), want},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, want...), want},
		{"utf16le bom", utf16(want, false), want},
		{"utf16be bom", utf16(want, true), want},
		{"windows-1252", []byte("Caf\xe9 Z\xfcrich \x93quoted\x94 \x96 na\xefve\r\nsecond line"), want},
		{"declared windows-1251 html", []byte("<html><head><meta charset=\"windows-1251\"><title>t</title></head><body><p>\xcc\xee\xf1\xea\xe2\xe0 \xe8 \xca\xe8\xe5\xe2</p></body></html>"), "Москва и Киев"},
		{"latin-1", []byte("Caf\xe9 Z\xfcrich \"quoted\" - na\xefve\nsecond line"), "Café Zürich \"quoted\" - naïve\nsecond line"},
	}
	for _, tt := range tests {
		name := tt.name + ".txt"
		if strings.Contains(tt.name, "html") {
			name = "page.html"
		}
		doc, err := Bytes(tt.raw, name, Options{Now: fixedNow})
		if err != nil {
			t.Errorf("%s: Bytes: %v", tt.name, err)
			continue
		}
		if doc.Text != tt.want {
			t.Errorf("%s: text = %q, want %q", tt.name, doc.Text, tt.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // sparse 50 MB
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name, path string
		opts       Options
		kind       error
		msg        string
	}{
		{"empty", write("empty.txt", nil), Options{}, dossier.ErrInvalid, "empty file"},
		{"blank", write("blank.md", []byte(" \n\t\n")), Options{}, dossier.ErrInvalid, "empty file"},
		{"binary", write("bin.txt", []byte("text\x00\x01\x02\x03binary")), Options{}, dossier.ErrInvalid, "binary"},
		{"controls", write("ctl.txt", bytes.Repeat([]byte{0x01, 0x02, 'a'}, 100)), Options{}, dossier.ErrInvalid, "binary"},
		{"too large", big, Options{MaxBytes: 16 << 20}, dossier.ErrInvalid, "larger than"},
		{"missing", filepath.Join(dir, "nope.txt"), Options{}, os.ErrNotExist, "no such file"},
		{"directory", dir, Options{}, dossier.ErrInvalid, "directory"},
		{"unsupported", write("x.exe", []byte("MZ")), Options{}, dossier.ErrUnsupported, "unsupported file type"},
		{"fake pdf", write("x.pdf", []byte("hello")), Options{}, dossier.ErrInvalid, "not a pdf"},
		{"empty html", write("e.html", []byte("<html><script>x()</script></html>")), Options{}, dossier.ErrInvalid, "no text"},
	}
	for _, tt := range tests {
		_, err := File(tt.path, tt.opts)
		if err == nil {
			t.Errorf("%s: File(%s) succeeded, want an error", tt.name, tt.path)
			continue
		}
		var ie *dossier.InputError
		if !errors.As(err, &ie) || ie.Path != tt.path {
			t.Errorf("%s: error %v does not name the file %s", tt.name, err, tt.path)
		}
		if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: error %q, want kind %v and %q", tt.name, err, tt.kind, tt.msg)
		}
	}
}

// endless is a reader that never ends.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
		if i%80 == 79 {
			p[i] = '\n'
		}
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReaderBounded(t *testing.T) {
	r := &endless{}
	_, err := Reader(r, "-", Options{MaxBytes: 1 << 20})
	if !errors.Is(err, dossier.ErrInvalid) || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("Reader(endless) error = %v, want a size refusal", err)
	}
	if r.n > 2<<20 {
		t.Errorf("Reader read %d bytes of an endless stream, want at most about the 1 MiB limit", r.n)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"a.txt", "plain words", "txt"},
		{"a.txt", "<!DOCTYPE html><html><p>x</p></html>", "html"},
		{"-", "<html><body>x</body></html>", "html"},
		{"-", "just text", "txt"},
		{"-", "%PDF-1.4 ...", "pdf"},
		{"a.MD", "# Title", "md"},
		{"a.htm", "<p>x</p>", "html"},
		{"a.markdown", "text", "md"},
	}
	for _, tt := range tests {
		got, err := Detect(tt.name, []byte(tt.content))
		if err != nil || got != tt.want {
			t.Errorf("Detect(%q, %q) = %q, %v; want %q", tt.name, tt.content, got, err, tt.want)
		}
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		name, content          string
		title, date, lang, has string
		not                    string
	}{
		{"page.html", `<html><head><title>Talks stall | Example News</title>
<meta property="article:published_time" content="2023-02-09T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
<article><h1>Talks stall in Doha</h1><p>The delegations met on Thursday &amp; agreed on nothing.</p>
<p>Officials said the next round would follow in March, without giving a date for it.</p></article>
<footer>Copyright Example News</footer><script>track()</script></body></html>`,
			"Talks stall in Doha", "2023-02-09", "en", "delegations met on Thursday & agreed", "Copyright"},
		{"note.md", "---\ntitle: \"Field note\"\ndate: 2022-11-05\n---\n# Heading\n\nThe **convoy** crossed [the border](http://x.example) at `dawn` and the units of the army moved north into the valley.\n",
			"Field note", "2022-11-05", "en", "The convoy crossed the border at dawn", "**"},
		{"wire.txt", "MOSCOW, March 3, 2023 (Reuters) - The Kremlin said on Friday that it had no plans for talks with the delegation.\n",
			"", "2023-03-03", "en", "The Kremlin said", ""},
		{"fr.txt", "Le ministre a déclaré que les négociations avec la délégation étaient dans une impasse et qu'il ne voyait pas de solution pour le moment, mais il reste ouvert.\n",
			"", "", "fr", "négociations", ""},
	}
	for _, tt := range tests {
		doc, err := Bytes([]byte(tt.content), tt.name, Options{Now: fixedNow})
		if err != nil {
			t.Errorf("Bytes(%s): %v", tt.name, err)
			continue
		}
		if doc.Title != tt.title || doc.Date.String() != tt.date || doc.Lang != tt.lang {
			t.Errorf("Bytes(%s) title %q date %q lang %q, want %q %q %q", tt.name, doc.Title, doc.Date, doc.Lang, tt.title, tt.date, tt.lang)
		}
		if !strings.Contains(doc.Text, tt.has) || (tt.not != "" && strings.Contains(doc.Text, tt.not)) {
			t.Errorf("Bytes(%s) text %q, want it to contain %q and not %q", tt.name, doc.Text, tt.has, tt.not)
		}
	}
}

func TestSupported(t *testing.T) {
	for path, want := range map[string]bool{"a.txt": true, "b.HTML": true, "c.md": true, "-": true, "d.pdf": true, "e.docx": true, "f.exe": false, "noext": false, "g.doc": false} {
		if got := Supported(path); got != want {
			t.Errorf("Supported(%q) = %v, want %v", path, got, want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"Brief n.27, March 2023\n\nTitle\n\nBody.(1)\n\n1. The Times, A title, 9 January 2023", "MOSCOW, Feb 8 (Reuters) - x", "TITLE: a\nDATE: 2023-01-02\n", "\xff\xfe", "\r\n\r", "a\u0301"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := Bytes(raw, "fuzz.txt", Options{Now: fixedNow, MaxBytes: 1 << 20})
		if err != nil {
			if !IsInput(err) {
				t.Fatalf("error of no input kind: %v", err)
			}
			return
		}
		if !utf8.ValidString(doc.Text) || !norm.NFC.IsNormalString(doc.Text) || strings.ContainsAny(doc.Text, "\r\x00\uFEFF") {
			t.Fatalf("text not canonical: %q", doc.Text)
		}
		for _, fn := range doc.Footnotes {
			if fn.Marker.Check(doc.Text) != nil || fn.Note.Check(doc.Text) != nil {
				t.Fatalf("footnote span outside text: %+v", fn)
			}
		}
		if !doc.Date.Valid() {
			t.Fatalf("invalid date %+v", doc.Date)
		}
	})
}
