package dossier

import "fmt"

// Span is a byte range [Start, End) of a document's stored UTF-8 text together with the
// text it covers. Every mention and every piece of evidence is a Span.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// SpanOf returns the Span [start, end) of text.
func SpanOf(text string, start, end int) Span {
	return Span{Start: start, End: end, Text: text[start:end]}
}

// Check reports an error unless s lies inside text and text[s.Start:s.End] == s.Text.
func (s Span) Check(text string) error {
	if s.Start < 0 || s.End < s.Start || s.End > len(text) {
		return fmt.Errorf("span [%d,%d) outside text of %d bytes: %w", s.Start, s.End, len(text), ErrInvalid)
	}
	if text[s.Start:s.End] != s.Text {
		return fmt.Errorf("span [%d,%d) is %q, not %q: %w", s.Start, s.End, text[s.Start:s.End], s.Text, ErrInvalid)
	}
	return nil
}

// CheckSpans verifies the span invariant for every mention and evidence of x.
func (x *Extraction) CheckSpans(text string) error {
	for _, e := range x.Entities {
		for _, m := range e.Mentions {
			if err := m.Span.Check(text); err != nil {
				return fmt.Errorf("entity %s mention: %w", e.ID, err)
			}
		}
	}
	for _, r := range x.Relations {
		if err := r.Evidence.Check(text); err != nil {
			return fmt.Errorf("relation %s evidence: %w", r.ID, err)
		}
	}
	for _, v := range x.Events {
		if err := v.Evidence.Check(text); err != nil {
			return fmt.Errorf("event %s evidence: %w", v.ID, err)
		}
	}
	return nil
}
