package bench

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Entity is a gold entity of a CoNLL document: its text and CoNLL type (PER, LOC, ORG, MISC).
type Entity struct {
	Text, Type string
}

// Doc is one CoNLL-2003 document as dossier's evaluation feeds it to an extractor: its
// sentences (tokens joined by single spaces) separated by blank lines.
type Doc struct {
	Text   string
	Tokens int
	Gold   []Entity
}

// DevPath returns the CoNLL-2003 dev file: $CONLL_DEV, or ../shared/eval/conll2003/dev.txt
// above the repository root (this module lives in bench/ under the root).
func DevPath() string {
	if p := os.Getenv("CONLL_DEV"); p != "" {
		return p
	}
	return filepath.Join("..", "..", "shared", "eval", "conll2003", "dev.txt")
}

// ReadCoNLL reads CoNLL-2003 data (token first, IOB1 or IOB2 tag last, blank lines between
// sentences, -DOCSTART- lines between documents).
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	var docs []Doc
	var sents []string
	var toks []string
	var gold []Entity
	var cur *Entity
	tokens := 0
	endSentence := func() {
		if len(toks) > 0 {
			sents = append(sents, strings.Join(toks, " "))
			tokens += len(toks)
			toks = toks[:0]
		}
		cur = nil
	}
	endDoc := func() {
		endSentence()
		if len(sents) > 0 {
			docs = append(docs, Doc{Text: strings.Join(sents, "\n\n"), Tokens: tokens, Gold: gold})
		}
		sents, gold, tokens = nil, nil, 0
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			endSentence()
			continue
		case f[0] == "-DOCSTART-":
			endDoc()
			continue
		case len(f) < 2:
			return nil, fmt.Errorf("conll line %d: want token and tag, got %q", line, sc.Text())
		}
		tok, tag := f[0], f[len(f)-1]
		toks = append(toks, tok)
		switch {
		case tag == "O":
			cur = nil
		case len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-':
			typ := tag[2:]
			if tag[0] == 'I' && cur != nil && cur.Type == typ {
				cur.Text += " " + tok
				continue
			}
			gold = append(gold, Entity{Text: tok, Type: typ})
			cur = &gold[len(gold)-1]
		default:
			return nil, fmt.Errorf("conll line %d: bad tag %q", line, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: %w", err)
	}
	endDoc()
	return docs, nil
}

// LoadDev reads the CoNLL-2003 dev file at DevPath.
func LoadDev() ([]Doc, error) {
	p := DevPath()
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("conll dev: %w", err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return docs, nil
}

// TextF1 scores predicted entities against gold by text and type, as multisets per
// document: an approximation of exact-span F1 for extractors that report no offsets.
// Only PER, LOC and ORG count.
func TextF1(gold, pred [][]Entity) (p, r, f1 float64) {
	var tp, np, ng int
	for i := range gold {
		want := map[Entity]int{}
		for _, e := range gold[i] {
			if scored(e.Type) {
				want[e]++
				ng++
			}
		}
		for _, e := range pred[i] {
			if !scored(e.Type) {
				continue
			}
			np++
			if want[e] > 0 {
				want[e]--
				tp++
			}
		}
	}
	if np > 0 {
		p = float64(tp) / float64(np)
	}
	if ng > 0 {
		r = float64(tp) / float64(ng)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func scored(t string) bool { return t == "PER" || t == "LOC" || t == "ORG" }
