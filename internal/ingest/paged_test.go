package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// minimalPDF writes a PDF with one page per content stream, in Helvetica.
func minimalPDF(pages ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
	kids := ""
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", 10+2*i)
	}
	fmt.Fprintf(&b, "2 0 obj << /Type /Pages /Kids [%s] /Count %d /Resources << /Font << /F1 3 0 R >> >> /MediaBox [0 0 595 842] >> endobj\n", kids, len(pages))
	b.WriteString("3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> endobj\n")
	for i, content := range pages {
		fmt.Fprintf(&b, "%d 0 obj << /Type /Page /Parent 2 0 R /Contents %d 0 R >> endobj\n", 10+2*i, 11+2*i)
		fmt.Fprintf(&b, "%d 0 obj << /Length %d >> stream\n%s\nendstream endobj\n", 11+2*i, len(content)+1, content)
	}
	b.WriteString("trailer << /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}

// textLines renders lines top-down as a content stream, 14 points apart.
func textLines(lines ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf 14 TL 72 760 Td\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "(%s) Tj T*\n", strings.NewReplacer("(", `\(`, ")", `\)`).Replace(l))
	}
	b.WriteString("ET")
	return b.String()
}

func TestPagedFormats(t *testing.T) {
	raw := minimalPDF(
		textLines("Brief n.5, May 2022", "", "Grain corridor under strain", "", "Shipping through the corridor fell in April as insur-", "ance costs rose.(1)"),
		textLines("Port officials expect a recovery in the summer.", "", "1. Harbour Watch, Corridor traffic, 2 May 2022"),
	)
	doc, err := Bytes(raw, "brief-5.pdf", Options{Now: fixedNow})
	if err != nil {
		t.Fatalf("Bytes(pdf): %v", err)
	}
	if doc.Format != "pdf" || doc.Series != "Brief n.5" || doc.Date.String() != "2022-05" || doc.Title != "Grain corridor under strain" {
		t.Errorf("pdf: format %q series %q date %q title %q", doc.Format, doc.Series, doc.Date, doc.Title)
	}
	if !strings.Contains(doc.Text, "as insurance costs rose.(1)") {
		t.Errorf("pdf: hyphenation not repaired in %q", doc.Text)
	}
	if len(doc.Pages) != 2 {
		t.Fatalf("pdf: %d pages, want 2", len(doc.Pages))
	}
	if p := doc.Pages[1]; !strings.HasPrefix(doc.Text[p.Start:p.End], "Port officials") {
		t.Errorf("pdf: page 2 range holds %q", doc.Text[p.Start:p.End])
	}
	if len(doc.Footnotes) != 1 || doc.Footnotes[0].Source != "Harbour Watch" || doc.Footnotes[0].Marker.Text != "(1)" {
		t.Errorf("pdf: footnotes %+v, want one citing Harbour Watch in %q", doc.Footnotes, doc.Text)
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>TITLE: Canal repairs</w:t></w:r></w:p><w:p><w:r><w:t>The canal was repaired in March.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`))
	w, _ = zw.Create("word/footnotes.xml")
	w.Write([]byte(`<w:footnotes xmlns:w="x"><w:footnote w:id="1"><w:p><w:r><w:t>Water Ministry, Annual report, 12 March 2021</w:t></w:r></w:p></w:footnote></w:footnotes>`))
	zw.Close()
	doc, err = Bytes(buf.Bytes(), "canal.docx", Options{Now: fixedNow})
	if err != nil {
		t.Fatalf("Bytes(docx): %v", err)
	}
	if doc.Format != "docx" || doc.Title != "Canal repairs" || !strings.Contains(doc.Text, "repaired in March.[1]") {
		t.Errorf("docx: format %q title %q text %q", doc.Format, doc.Title, doc.Text)
	}
	if len(doc.Footnotes) != 1 || doc.Footnotes[0].Source != "Water Ministry" || doc.Footnotes[0].Marker.Text != "[1]" {
		t.Errorf("docx: footnotes %+v, want one citing Water Ministry", doc.Footnotes)
	}
}
