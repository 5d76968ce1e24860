package store

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"

	"dossier"
)

// The extraction of a document is kept as JSON in documents.extraction. Read it only
// through decodeExtraction: a later schema may store it compressed and without the text
// of its spans (which the document's text gives back), since an extraction repeats every
// mention and evidence sentence and weighs several times its document.

// encodeExtraction returns the stored form of ex.
func encodeExtraction(ex *dossier.Extraction) ([]byte, error) {
	c := *ex
	c.Document = nil
	c.Normalize()
	return json.Marshal(&c)
}

// decodeExtraction reads a stored extraction (JSON, possibly gzip-compressed) and gives
// spans stored without their text their text back from the document's text.
func decodeExtraction(stored []byte, text string) (*dossier.Extraction, error) {
	r := io.Reader(bytes.NewReader(stored))
	if len(stored) > 2 && stored[0] == 0x1f && stored[1] == 0x8b {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("decode extraction: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	var ex dossier.Extraction
	if err := json.NewDecoder(r).Decode(&ex); err != nil {
		return nil, fmt.Errorf("decode extraction: %w", err)
	}
	fill := func(sp *dossier.Span) error {
		if sp.Text != "" {
			return nil
		}
		if sp.Start < 0 || sp.End < sp.Start || sp.End > len(text) {
			return fmt.Errorf("span [%d,%d) outside the text: %w", sp.Start, sp.End, dossier.ErrInvalid)
		}
		sp.Text = text[sp.Start:sp.End]
		return nil
	}
	for i := range ex.Entities {
		for j := range ex.Entities[i].Mentions {
			if err := fill(&ex.Entities[i].Mentions[j].Span); err != nil {
				return nil, fmt.Errorf("entity %s mention %d: %w", ex.Entities[i].ID, j, err)
			}
		}
	}
	for i := range ex.Relations {
		if err := fill(&ex.Relations[i].Evidence); err != nil {
			return nil, fmt.Errorf("relation %s evidence: %w", ex.Relations[i].ID, err)
		}
	}
	for i := range ex.Events {
		if err := fill(&ex.Events[i].Evidence); err != nil {
			return nil, fmt.Errorf("event %s evidence: %w", ex.Events[i].ID, err)
		}
	}
	return &ex, nil
}
