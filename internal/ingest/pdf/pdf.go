// Package pdf extracts the text of a PDF document in reading order, page by page.
package pdf

import (
	"fmt"

	"dossier"
)

// Options configures extraction.
type Options struct{}

// Result is the text of a PDF with the byte range of each page in Text.
type Result struct {
	Title, Date string
	Text        string
	Pages       []dossier.Page
}

// Extract returns the text of the PDF in raw.
func Extract(raw []byte, opts Options) (Result, error) {
	return Result{}, fmt.Errorf("pdf text extraction is not available yet: %w", dossier.ErrUnsupported)
}
