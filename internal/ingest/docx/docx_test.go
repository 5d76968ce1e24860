package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"html"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dossier"
)

const wns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// build writes a DOCX archive from parts.
func build(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/endnotes.xml", "docProps/core.xml"} {
		body, ok := parts[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	// Split the text over two runs, as Word does.
	half := len(text) / 2
	for half < len(text) && text[half] != ' ' {
		half++
	}
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + html.EscapeString(text[:half]) + `</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + html.EscapeString(text[half:]) + `</w:t></w:r></w:p>`
}

var sample = []string{
	"Water talks between the upstream and downstream states resumed in the spring after a pause of almost a year.",
	"The ministers agreed to share data on reservoir levels every week and to meet again before the harvest.",
	"Farmers’ associations welcomed the agreement but warned that the canals still lose a third of their water.",
}

func standardDoc() (map[string]string, string) {
	body := para("Title", "Notes on the river basin") + para("Heading1", "Background") + para("", sample[0]) +
		`<w:p><w:r><w:t>` + html.EscapeString(sample[1]) + `</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>` +
		`<w:p><w:r><w:del><w:r><w:delText>removed words</w:delText></w:r></w:del><w:t>` + html.EscapeString(sample[2]) + `</w:t></w:r><w:r><w:endnoteReference w:id="5"/></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Reservoir</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Level</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>Upper dam</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>71 percent</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>Box text</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>Box text</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`
	parts := map[string]string{
		"_rels/.rels":       `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0"?><w:document ` + wns + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml":   `<w:styles ` + wns + `><w:style w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
		"word/footnotes.xml": `<w:footnotes ` + wns + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Basin Monitor, Reservoir data, 3 April 2022</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/endnotes.xml": `<w:endnotes ` + wns + `><w:endnote w:id="5"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>Field interviews, May 2022</w:t></w:r></w:p></w:endnote></w:endnotes>`,
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:created>2022-05-10T08:00:00Z</dcterms:created></cp:coreProperties>`,
	}
	want := "Notes on the river basin\n\nBackground\n\n" + sample[0] + "\n\n" + sample[1] + "[1]\n\n" + sample[2] + "[2]\n\nReservoir\tLevel\n\nUpper dam\t71 percent\n\nBox text\n\nNotes\n\n1. Basin Monitor, Reservoir data, 3 April 2022\n2. Field interviews, May 2022"
	return parts, want
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func TestExtract(t *testing.T) {
	parts, want := standardDoc()
	res, err := Extract(build(t, parts), Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if res.Text != want {
		t.Errorf("Extract text =\n%q\nwant\n%q", res.Text, want)
	}
	if res.Title != "Notes on the river basin" || res.Date != "2022-05-10T08:00:00Z" {
		t.Errorf("Extract title %q date %q, want the Title paragraph and the core date", res.Title, res.Date)
	}
	// Word-level similarity against the prose written into the document.
	got := strings.Join(words(res.Text), " ")
	for _, s := range sample {
		if !strings.Contains(got, strings.Join(words(s), " ")) {
			t.Errorf("prose %q not found word for word", s)
		}
	}
}

func TestRefusals(t *testing.T) {
	// A zip bomb: a document part that inflates far beyond the limit.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	chunk := bytes.Repeat([]byte("<w:p/>"), 1<<14)
	for i := 0; i < 400; i++ { // about 39 MB uncompressed
		w.Write(chunk)
	}
	zw.Close()
	// Too many entries.
	var many bytes.Buffer
	zw = zip.NewWriter(&many)
	for i := 0; i < 50; i++ {
		zw.Create(fmt.Sprintf("f%d.xml", i))
	}
	zw.Close()
	odt := build(t, map[string]string{"[Content_Types].xml": "<Types/>"})
	tests := []struct {
		name string
		raw  []byte
		opts Options
		kind error
		msg  string
	}{
		{"zip bomb", bomb.Bytes(), Options{MaxUncompressed: 8 << 20}, dossier.ErrInvalid, "zip bomb"},
		{"entries", many.Bytes(), Options{MaxEntries: 20}, dossier.ErrInvalid, "entries"},
		{"not zip", []byte("PK\x03\x04garbage"), Options{}, dossier.ErrInvalid, "not a zip"},
		{"no document", odt, Options{}, dossier.ErrInvalid, "not a Word document"},
	}
	for _, tt := range tests {
		_, err := Extract(tt.raw, tt.opts)
		if err == nil || !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: Extract error = %v, want %v with %q", tt.name, err, tt.kind, tt.msg)
		}
	}
}

func FuzzDOCX(f *testing.F) {
	parts, _ := standardDoc()
	f.Add(build(f, parts))
	f.Add(build(f, map[string]string{"word/document.xml": "<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(data, Options{MaxUncompressed: 1 << 20, MaxEntries: 100})
		if err != nil {
			if !errors.Is(err, dossier.ErrInvalid) && !errors.Is(err, dossier.ErrUnsupported) {
				t.Fatalf("error of no input kind: %v", err)
			}
			return
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8 text: %q", res.Text)
		}
	})
}
