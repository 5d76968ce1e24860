// Package pdf extracts the text of a PDF document page by page, in pure Go: it reads
// the file's objects (tolerating a broken cross-reference table), decodes content
// streams (Flate, LZW, ASCII85, ASCIIHex, RunLength, PNG predictors) within a
// decompression budget, interprets the text operators with each font's encoding or
// ToUnicode map, groups the shown text into lines and paragraphs in content order,
// repairs line-end hyphenation and drops running headers, footers and page numbers.
// Encrypted PDFs are read when their user password is empty (permissions-only
// protection: RC4, AES-128 and AES-256 standard security handler); PDFs that need a
// password and PDFs without a text layer (scans: no OCR) are refused with
// dossier.ErrUnsupported.
package pdf

import (
	"fmt"
	"regexp"
	"strings"

	"dossier"
)

// DefaultMaxDecoded is the decompression budget used when Options.MaxDecoded is zero.
const DefaultMaxDecoded = 256 << 20

// Options configures extraction.
type Options struct {
	// MaxDecoded bounds the total size of decoded streams; 0 means DefaultMaxDecoded.
	MaxDecoded int64
}

// Result is the text of a PDF with the byte range of each page in Text.
type Result struct {
	Title string // document information /Title, unless it looks like a file name
	Date  string // document information /CreationDate as YYYY-MM-DD, "" if none
	Text  string
	Pages []dossier.Page // 1-based page numbers; pages without text have empty ranges
}

// Extract returns the text of the PDF in raw.
func Extract(raw []byte, opts Options) (res Result, err error) {
	limit := opts.MaxDecoded
	if limit <= 0 {
		limit = DefaultMaxDecoded
	}
	d, err := open(raw, &budget{left: limit})
	if err != nil {
		return Result{}, err
	}
	if info := d.dictOf(d.trailer["Info"]); info != nil {
		if b, ok := d.resolve(info["Title"]).([]byte); ok {
			res.Title = cleanTitle(textString(b))
		}
		if b, ok := d.resolve(info["CreationDate"]).([]byte); ok {
			res.Date = pdfDate(string(b))
		}
	}
	pl := d.pageList()
	if len(pl) == 0 {
		return Result{}, fmt.Errorf("no pages found (damaged PDF?): %w", dossier.ErrInvalid)
	}
	fonts := map[any]*font{}
	pageLines := make([][]line, len(pl))
	for i, p := range pl {
		pageLines[i] = lines(d.pageRuns(p, fonts))
		if d.budget.left == 0 {
			return Result{}, errBudget
		}
	}
	heights := make([]float64, len(pl))
	for i, pg := range pl {
		heights[i] = d.pageHeight(pg)
	}
	pageLines = dropFurniture(pageLines, heights)
	var sb strings.Builder
	hasText := false
	for i, lns := range pageLines {
		if i > 0 && sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		paras := paragraphs(lns)
		sb.WriteString(strings.Join(paras, "\n\n"))
		if len(paras) > 0 {
			hasText = true
		}
		res.Pages = append(res.Pages, dossier.Page{Number: i + 1, Start: start, End: sb.Len()})
	}
	if !hasText {
		return Result{}, fmt.Errorf("PDF has no text layer (image-only or scanned; no OCR): %w", dossier.ErrUnsupported)
	}
	res.Text = sb.String()
	return res, nil
}

var reFileTitle = regexp.MustCompile(`(?i)^(microsoft (word|powerpoint) - |untitled)|\.(docx?|pdf|odt|rtf|txt|indd|pptx?|qxd)$`)

func cleanTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if reFileTitle.MatchString(t) {
		return ""
	}
	return t
}

// pdfDate turns "D:20230315120000+01'00'" into "2023-03-15" (or "2023-03", "2023").
func pdfDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	digits := 0
	for digits < len(s) && digits < 8 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	var out string
	switch {
	case digits >= 8:
		out = s[:4] + "-" + s[4:6] + "-" + s[6:8]
	case digits >= 6:
		out = s[:4] + "-" + s[4:6]
	case digits >= 4:
		out = s[:4]
	default:
		return ""
	}
	if _, err := dossier.ParseDate(out); err != nil || strings.HasPrefix(out, "0000") {
		return ""
	}
	return out
}
