// Package docx extracts the text of a Word (.docx) document.
package docx

import (
	"fmt"

	"dossier"
)

// Options configures extraction.
type Options struct{}

// Result is the text of a DOCX document.
type Result struct {
	Title, Date string
	Text        string
}

// Extract returns the text of the DOCX document in raw.
func Extract(raw []byte, opts Options) (Result, error) {
	return Result{}, fmt.Errorf("docx text extraction is not available yet: %w", dossier.ErrUnsupported)
}
