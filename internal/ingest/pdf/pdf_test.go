package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/go-pdf/fpdf"

	"dossier"
)

// The test documents are written here, in the project's own words.
var paragraphs1 = []string{
	"The regional security council met in the capital on the eighth of February to discuss the situation along the southern border, where smuggling routes have multiplied since the spring.",
	"Delegations from five neighbouring states attended. Each of them presented a short assessment of the threats it faces, and most asked for a permanent channel for sharing intelligence about armed groups.",
	"The chairman proposed a joint working group that would meet every quarter. Two delegations objected that the group would duplicate existing arrangements, but agreed to review the proposal before the summer.",
	"Observers noted that the tone of the meeting was calmer than in previous years. Several speakers mentioned water, trade corridors and migration as issues on which cooperation could start without delay.",
	"Café owners in the old town said that the visitors had brought more trade than expected: “a good week for everybody”, one of them remarked, naïvely perhaps, given the prices of the season.",
}

var headings = []string{"the council and its neighbours", "water and trade corridors", "armed groups in the south", "what comes next"}

// rotate returns the paragraphs starting at the k-th, so that pages differ.
func rotate(k int) []string {
	k %= len(paragraphs1)
	return append(append([]string{}, paragraphs1[k:]...), paragraphs1[:k]...)
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// similarity is 2·LCS/(|a|+|b|) over the word sequences of a and b.
func similarity(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa)+len(wb) == 0 {
		return 1
	}
	prev := make([]int, len(wb)+1)
	cur := make([]int, len(wb)+1)
	for i := 1; i <= len(wa); i++ {
		for j := 1; j <= len(wb); j++ {
			switch {
			case wa[i-1] == wb[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(wb)]) / float64(len(wa)+len(wb))
}

type genOpts struct {
	pages      int
	compress   bool
	header     bool
	columns    bool
	protect    bool
	userPass   string
	imageOnly  bool
	hyphenated bool
}

// generate writes a PDF with fpdf and returns it with the text that was written.
func generate(t testing.TB, o genOpts) ([]byte, string) {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(o.compress)
	pdf.SetCreationDate(time.Date(2023, 3, 15, 10, 0, 0, 0, time.UTC))
	pdf.SetTitle("Security council review", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	if o.protect {
		pdf.SetProtection(fpdf.CnProtectPrint, o.userPass, "owner")
	}
	if o.header {
		pdf.SetHeaderFunc(func() {
			pdf.SetFont("Helvetica", "I", 8)
			pdf.CellFormat(0, 8, "Regional Review - restricted circulation", "", 1, "C", false, 0, "")
			pdf.Ln(4)
		})
		pdf.SetFooterFunc(func() {
			pdf.SetY(-15)
			pdf.SetFont("Helvetica", "I", 8)
			pdf.CellFormat(0, 10, fmt.Sprintf("Page %d", pdf.PageNo()), "", 0, "C", false, 0, "")
		})
	}
	var written []string
	for p := 0; p < o.pages; p++ {
		pdf.AddPage()
		if o.imageOnly {
			img := image.NewGray(image.Rect(0, 0, 40, 20))
			for x := 0; x < 40; x++ {
				img.Set(x, x/2, color.White)
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("scan%d", p)
			pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
			pdf.ImageOptions(name, 10, 10, 100, 50, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
			continue
		}
		pdf.SetFont("Helvetica", "B", 14)
		heading := fmt.Sprintf("Section %d: %s", p+1, headings[p%len(headings)])
		pdf.MultiCell(0, 8, heading, "", "L", false)
		pdf.Ln(3)
		written = append(written, heading)
		pdf.SetFont("Times", "", 11)
		switch {
		case o.columns:
			paras := rotate(p)
			left := strings.Join(paras[:2], " ")
			right := strings.Join(paras[2:4], " ")
			y := pdf.GetY()
			pdf.SetXY(10, y)
			pdf.MultiCell(90, 5, tr(left), "", "J", false)
			pdf.SetXY(110, y)
			pdf.MultiCell(90, 5, tr(right), "", "J", false)
			written = append(written, left, right)
		case o.hyphenated:
			// Lines broken by hand with end-of-line hyphens.
			for _, ln := range []string{"The negotiators reached a prelimi-", "nary agreement on the exchange of pris-", "oners before the end of the week."} {
				pdf.CellFormat(0, 5, ln, "", 1, "L", false, 0, "")
			}
			written = append(written, "The negotiators reached a preliminary agreement on the exchange of prisoners before the end of the week.")
		default:
			for _, para := range rotate(p) {
				pdf.MultiCell(0, 5, tr(para), "", "J", false)
				pdf.Ln(3)
				written = append(written, para)
			}
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return buf.Bytes(), strings.Join(written, "\n\n")
}

func TestExtractSimilarity(t *testing.T) {
	tests := []struct {
		name string
		opts genOpts
	}{
		{"plain", genOpts{pages: 1}},
		{"compressed three pages with header and footer", genOpts{pages: 3, compress: true, header: true}},
		{"two columns", genOpts{pages: 2, compress: true, columns: true}},
		{"hyphenated", genOpts{pages: 1, compress: true, hyphenated: true}},
		{"permissions-only encryption", genOpts{pages: 2, compress: true, protect: true}},
	}
	for _, tt := range tests {
		raw, want := generate(t, tt.opts)
		res, err := Extract(raw, Options{})
		if err != nil {
			t.Errorf("%s: Extract: %v", tt.name, err)
			continue
		}
		sim := similarity(res.Text, want)
		if os.Getenv("PDF_DUMP") != "" {
			t.Logf("%s", res.Text)
		}
		t.Logf("%s: word similarity %.4f (%d words)", tt.name, sim, len(words(want)))
		if sim < 0.98 {
			t.Errorf("%s: word similarity %.4f < 0.98\ngot:\n%s\nwant:\n%s", tt.name, sim, res.Text, want)
		}
		if len(res.Pages) != tt.opts.pages {
			t.Errorf("%s: %d pages, want %d", tt.name, len(res.Pages), tt.opts.pages)
		}
		for _, p := range res.Pages {
			if p.Start > p.End || p.End > len(res.Text) || !strings.Contains(res.Text[p.Start:p.End], fmt.Sprintf("Section %d", p.Number)) {
				t.Errorf("%s: page %d range [%d,%d) does not hold its section heading", tt.name, p.Number, p.Start, p.End)
			}
		}
		if tt.opts.header && (strings.Contains(res.Text, "restricted circulation") || strings.Contains(res.Text, "Page 2")) {
			t.Errorf("%s: running header or footer kept:\n%s", tt.name, res.Text)
		}
		// (fpdf encrypts each information string of an object with one running RC4
		// keystream instead of restarting it, so encrypted files keep no readable title.)
		if !tt.opts.protect && (res.Title != "Security council review" || res.Date != "2023-03-15") {
			t.Errorf("%s: title %q date %q, want the document information", tt.name, res.Title, res.Date)
		}
	}
}

func TestExtractRefusals(t *testing.T) {
	enc, _ := generate(t, genOpts{pages: 1, protect: true, userPass: "secret"})
	img, _ := generate(t, genOpts{pages: 2, compress: true, imageOnly: true})
	tests := []struct {
		name string
		raw  []byte
		kind error
		msg  string
	}{
		{"encrypted", enc, dossier.ErrUnsupported, "needs a password"},
		{"image only", img, dossier.ErrUnsupported, "no OCR"},
		{"not a pdf", []byte("hello world"), dossier.ErrInvalid, "not a PDF"},
		{"no pages", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"), dossier.ErrInvalid, "no pages"},
	}
	for _, tt := range tests {
		_, err := Extract(tt.raw, Options{})
		if !errors.Is(err, tt.kind) || err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: Extract error = %v, want %v with %q", tt.name, err, tt.kind, tt.msg)
		}
	}
}

// bomb returns a one-page PDF whose content stream inflates to n bytes of spaces.
func bomb(t testing.TB, n int) []byte {
	t.Helper()
	var z bytes.Buffer
	w := newZlib(&z)
	chunk := bytes.Repeat([]byte(" "), 1<<16)
	for written := 0; written < n; written += len(chunk) {
		w.Write(chunk)
	}
	w.Close()
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
	b.WriteString("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n")
	b.WriteString("3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n")
	fmt.Fprintf(&b, "4 0 obj << /Length %d /Filter /FlateDecode >> stream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}

func TestDecompressionBomb(t *testing.T) {
	raw := bomb(t, 64<<20)
	start := time.Now()
	_, err := Extract(raw, Options{MaxDecoded: 8 << 20})
	if !errors.Is(err, dossier.ErrInvalid) || !strings.Contains(err.Error(), "decompress") {
		t.Errorf("Extract(bomb) = %v, want a decompression limit error", err)
	}
	t.Logf("bomb of %d compressed bytes refused in %v", len(raw), time.Since(start))
}

func TestSuperscriptMarkers(t *testing.T) {
	doc := "%PDF-1.4\n" +
		"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
		"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
		"3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj\n" +
		"4 0 obj << >> stream\nBT /F1 12 Tf 72 700 Td (Arms were shipped) Tj /F1 7 Tf 4 Ts (2) Tj /F1 12 Tf 0 Ts ( last year.) Tj ET\n" +
		"BT /F1 7 Tf 72 100 Td 4 Ts (2) Tj /F1 10 Tf 0 Ts 5 0 Td (Port Daily, Arms, 2023) Tj ET\nendstream endobj\n" +
		"5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n" +
		"trailer << /Root 1 0 R >>\n%%EOF\n"
	res, err := Extract([]byte(doc), Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if want := "Arms were shipped[2] last year.\n\n2. Port Daily, Arms, 2023"; res.Text != want {
		t.Errorf("Extract text = %q, want %q", res.Text, want)
	}
}

func TestBrokenXref(t *testing.T) {
	// A hand-written PDF without a cross-reference table, with a ToUnicode map and a
	// TJ array with kerning and a word gap.
	doc := "%PDF-1.4\n" +
		"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
		"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
		"3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj\n" +
		"4 0 obj << >> stream\nBT /F1 12 Tf 72 700 Td [(Hel) 20 (lo) -400 (W) 10 (orld)] TJ 0 -14 Td (\\(x\\) \\101) Tj ET\nendstream endobj\n" +
		"5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /Widths 6 0 R >> endobj\n" +
		"6 0 obj [" + strings.Repeat("500 ", 95) + "] endobj\n" +
		"trailer << /Root 1 0 R >>\n%%EOF\n"
	res, err := Extract([]byte(doc), Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if res.Text != "Hello World (x) A" {
		t.Errorf("Extract text = %q, want %q", res.Text, "Hello World (x) A")
	}
}

// TestCompareWithPdftotext reports poppler's pdftotext output next to ours when the
// tool is installed; it measures, it does not fail on poppler's differences.
func TestCompareWithPdftotext(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	dir := t.TempDir()
	for _, o := range []genOpts{{pages: 3, compress: true, header: true}, {pages: 2, compress: true, columns: true}, {pages: 1, hyphenated: true}} {
		raw, want := generate(t, o)
		p := filepath.Join(dir, "in.pdf")
		if err := os.WriteFile(p, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "-enc", "UTF-8", p, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		res, err := Extract(raw, Options{})
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		t.Logf("%+v: ours %.4f, pdftotext %.4f", o, similarity(res.Text, want), similarity(string(out), want))
	}
}

func FuzzPDF(f *testing.F) {
	raw, _ := generate(f, genOpts{pages: 1, compress: true, header: true})
	f.Add(raw)
	raw, _ = generate(f, genOpts{pages: 1})
	f.Add(raw)
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj 2 0 obj << /Kids [2 0 R] >> endobj trailer << /Root 1 0 R >>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(data, Options{MaxDecoded: 4 << 20})
		if err != nil {
			return
		}
		for _, p := range res.Pages {
			if p.Start < 0 || p.Start > p.End || p.End > len(res.Text) {
				t.Fatalf("page range [%d,%d) outside text of %d bytes", p.Start, p.End, len(res.Text))
			}
		}
	})
}

// TestEncryptedWithQpdf checks decryption of permissions-only PDFs in every standard
// security handler revision, when qpdf is installed to make them.
func TestEncryptedWithQpdf(t *testing.T) {
	bin, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf not installed")
	}
	raw, want := generate(t, genOpts{pages: 2, compress: true})
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string // after --encrypt USER OWNER
		user string
		ok   bool
	}{
		{"rc4-40", []string{"40"}, "", true},
		{"rc4-128", []string{"128", "--use-aes=n"}, "", true},
		{"aes-128", []string{"128", "--use-aes=y"}, "", true},
		{"aes-256", []string{"256"}, "", true},
		{"aes-256 with object streams", []string{"256", "--", "--object-streams=generate"}, "", true},
		{"aes-256 user password", []string{"256"}, "secret", false},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".pdf")
		args := append([]string{"--allow-weak-crypto", "--encrypt", tt.user, "owner"}, tt.args...)
		if !slices.Contains(tt.args, "--") {
			args = append(args, "--")
		}
		args = append(args, in, out)
		if msg, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: qpdf %v: %v\n%s", tt.name, args, err, msg)
		}
		enc, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Extract(enc, Options{})
		switch {
		case !tt.ok:
			if !errors.Is(err, dossier.ErrUnsupported) {
				t.Errorf("%s: Extract = %v, want a password refusal", tt.name, err)
			}
		case err != nil:
			t.Errorf("%s: Extract: %v", tt.name, err)
		default:
			if sim := similarity(res.Text, want); sim < 0.98 {
				t.Errorf("%s: word similarity %.4f < 0.98:\n%s", tt.name, sim, res.Text)
			}
		}
	}
}
