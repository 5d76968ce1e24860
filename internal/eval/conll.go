// Package eval scores dossier's extractions: exact-span named-entity scores on CoNLL-2003
// style data (ReadCoNLL, ScoreCoNLL) and document scores against hand-made gold
// annotations, mirroring shared/eval/score_doc.py (ReadGold, ScoreDoc).
package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"dossier"
)

// Span is a gold or predicted entity span: bytes [Start, End) of a sentence's or
// document's text, with a CoNLL type (PER, LOC, ORG or MISC).
type Span struct {
	Start, End int
	Type       string
}

// Sentence is one CoNLL sentence: its tokens joined by single spaces, and its gold spans
// as byte offsets into Text.
type Sentence struct {
	Text  string
	Spans []Span
}

// Doc is one CoNLL document (the sentences between two -DOCSTART- lines).
type Doc struct {
	Sentences []Sentence
}

// ReadCoNLL reads CoNLL-2003 formatted data (token first, NER tag last on each line, blank
// lines between sentences, -DOCSTART- between documents). Both IOB1 and IOB2 tags are read.
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	var docs []Doc
	var cur *Doc
	var toks, tags []string
	flush := func() error {
		if len(toks) == 0 {
			return nil
		}
		if cur == nil {
			docs = append(docs, Doc{})
			cur = &docs[len(docs)-1]
		}
		s, err := buildSentence(toks, tags)
		if err != nil {
			return err
		}
		cur.Sentences = append(cur.Sentences, s)
		toks, tags = toks[:0], tags[:0]
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" {
			if err := flush(); err != nil {
				return nil, &dossier.InputError{Op: "parse", Path: fmt.Sprintf("line %d", lineNo), Err: err}
			}
			continue
		}
		fields := strings.Fields(line)
		if fields[0] == "-DOCSTART-" {
			if err := flush(); err != nil {
				return nil, &dossier.InputError{Op: "parse", Path: fmt.Sprintf("line %d", lineNo), Err: err}
			}
			docs = append(docs, Doc{})
			cur = &docs[len(docs)-1]
			continue
		}
		if len(fields) < 2 {
			return nil, &dossier.InputError{Op: "parse", Path: fmt.Sprintf("line %d", lineNo), Err: fmt.Errorf("want a token and a tag, got %q: %w", line, dossier.ErrInvalid)}
		}
		toks = append(toks, fields[0])
		tags = append(tags, fields[len(fields)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	if err := flush(); err != nil {
		return nil, &dossier.InputError{Op: "parse", Path: fmt.Sprintf("line %d", lineNo), Err: err}
	}
	// drop documents without sentences (a -DOCSTART- at the very end)
	out := docs[:0]
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

// buildSentence joins tokens with single spaces and turns IOB tags into byte spans.
func buildSentence(toks, tags []string) (Sentence, error) {
	var b strings.Builder
	var spans []Span
	open := -1
	openType := ""
	closeSpan := func(end int) {
		if open >= 0 {
			spans = append(spans, Span{Start: open, End: end, Type: openType})
			open = -1
		}
	}
	prevEnd := 0
	for i, tok := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(tok)
		tag := tags[i]
		switch {
		case tag == "O":
			closeSpan(prevEnd)
		case len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-':
			typ := tag[2:]
			if tag[0] == 'B' || open < 0 || typ != openType {
				closeSpan(prevEnd)
				open, openType = start, typ
			}
		default:
			return Sentence{}, fmt.Errorf("tag %q of token %q: %w", tag, tok, dossier.ErrInvalid)
		}
		prevEnd = b.Len()
	}
	closeSpan(prevEnd)
	return Sentence{Text: b.String(), Spans: spans}, nil
}

// ScoredTypes are the CoNLL types ScoreCoNLL scores, in report order. Read it; do not
// modify it.
var ScoredTypes = []string{"PER", "LOC", "ORG"}

// CoNLLType maps an entity type to its CoNLL type, or "" for types that are not scored.
func CoNLLType(t dossier.EntityType) string {
	switch t {
	case dossier.Person:
		return "PER"
	case dossier.Organization, dossier.ArmedGroup:
		return "ORG"
	case dossier.Country, dossier.Location:
		return "LOC"
	}
	return ""
}

// Counts are true positives, predictions and gold items.
type Counts struct {
	TP, Pred, Gold int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.TP += o.TP
	c.Pred += o.Pred
	c.Gold += o.Gold
}

// P returns the precision.
func (c Counts) P() float64 { return ratio(c.TP, c.Pred) }

// R returns the recall.
func (c Counts) R() float64 { return ratio(c.TP, c.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is the outcome of ScoreCoNLL: counts per CoNLL type and micro totals over
// PER, LOC and ORG.
type Report struct {
	Docs, Sentences, Tokens int
	ByType                  map[string]Counts
	Micro                   Counts
}

// String prints the report CoNLL style: one row per type and the micro average.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "documents %d, sentences %d, tokens %d\n", r.Docs, r.Sentences, r.Tokens)
	fmt.Fprintf(&b, "%-6s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "F1", "tp", "pred", "gold")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-6s %8.2f%% %8.2f%% %9.2f %7d %7d %7d\n", name, 100*c.P(), 100*c.R(), 100*c.F1(), c.TP, c.Pred, c.Gold)
	}
	for _, t := range ScoredTypes {
		row(t, r.ByType[t])
	}
	row("micro", r.Micro)
	return b.String()
}

// ScoreCoNLL runs extract over every document and scores exact spans per type. Each
// document is given to extract as one text, its sentences separated by blank lines, so
// that within-document coreference works as it would on a real document. Only NAME and
// ACRONYM mentions of PERSON, ORGANIZATION, ARMED_GROUP, COUNTRY and LOCATION entities
// count; gold MISC spans are not scored.
func ScoreCoNLL(docs []Doc, extract func(text string) []dossier.Entity) *Report {
	rep := &Report{ByType: map[string]Counts{}}
	for _, d := range docs {
		rep.Docs++
		var b strings.Builder
		offsets := make([]int, len(d.Sentences))
		for i, s := range d.Sentences {
			if i > 0 {
				b.WriteString("\n\n")
			}
			offsets[i] = b.Len()
			b.WriteString(s.Text)
			rep.Sentences++
			rep.Tokens += strings.Count(s.Text, " ") + 1
		}
		gold := map[Span]bool{}
		for i, s := range d.Sentences {
			for _, sp := range s.Spans {
				if isScored(sp.Type) {
					gold[Span{sp.Start + offsets[i], sp.End + offsets[i], sp.Type}] = true
				}
			}
		}
		pred := PredictedSpans(extract(b.String()))
		for sp := range pred {
			c := rep.ByType[sp.Type]
			c.Pred++
			if gold[sp] {
				c.TP++
			}
			rep.ByType[sp.Type] = c
		}
		for sp := range gold {
			c := rep.ByType[sp.Type]
			c.Gold++
			rep.ByType[sp.Type] = c
		}
	}
	for _, t := range ScoredTypes {
		rep.Micro.Add(rep.ByType[t])
	}
	return rep
}

func isScored(t string) bool { return t == "PER" || t == "LOC" || t == "ORG" }

// PredictedSpans returns the scored spans of extracted entities: NAME and ACRONYM mentions
// with their CoNLL type, each span once.
func PredictedSpans(ents []dossier.Entity) map[Span]bool {
	out := map[Span]bool{}
	for _, e := range ents {
		t := CoNLLType(e.Type)
		if t == "" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Form == dossier.FormName || m.Form == dossier.FormAcronym {
				out[Span{m.Start, m.End, t}] = true
			}
		}
	}
	return out
}

// Errors lists, for inspection, the false positives and false negatives of one document
// as "FP TYPE text" and "FN TYPE text" lines, in text order.
func Errors(d Doc, extract func(text string) []dossier.Entity) []string {
	var b strings.Builder
	offsets := make([]int, len(d.Sentences))
	for i, s := range d.Sentences {
		if i > 0 {
			b.WriteString("\n\n")
		}
		offsets[i] = b.Len()
		b.WriteString(s.Text)
	}
	text := b.String()
	gold := map[Span]bool{}
	for i, s := range d.Sentences {
		for _, sp := range s.Spans {
			if isScored(sp.Type) {
				gold[Span{sp.Start + offsets[i], sp.End + offsets[i], sp.Type}] = true
			}
		}
	}
	pred := PredictedSpans(extract(text))
	type line struct {
		at  int
		msg string
	}
	var lines []line
	goldType := map[[2]int]string{}
	for i, s := range d.Sentences {
		for _, sp := range s.Spans {
			goldType[[2]int{sp.Start + offsets[i], sp.End + offsets[i]}] = sp.Type
		}
	}
	for sp := range pred {
		if !gold[sp] {
			g := goldType[[2]int{sp.Start, sp.End}]
			if g == "" {
				g = "none"
			}
			lines = append(lines, line{sp.Start, fmt.Sprintf("FP %s %q (gold %s)", sp.Type, text[sp.Start:sp.End], g)})
		}
	}
	for sp := range gold {
		if !pred[sp] {
			lines = append(lines, line{sp.Start, fmt.Sprintf("FN %s %q", sp.Type, text[sp.Start:sp.End])})
		}
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].at < lines[j].at })
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.msg
	}
	return out
}
