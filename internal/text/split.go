package text

import (
	"unicode"
	"unicode/utf8"
)

// MaxSentenceTokens bounds a sentence: a longer run of tokens without a boundary (a 1 MB
// line without punctuation) is cut into pieces of this many tokens.
const MaxSentenceTokens = 1000

// line is a run of tokens between line feeds.
type line struct {
	first, last int  // token indices, inclusive
	blankBefore bool // starts the text or follows a blank line
	blankAfter  bool // ends the text or precedes a blank line
	heading     bool
}

// Split splits s into sentences of tokens. Offsets are bytes into s, which is not modified.
// A blank line always ends a sentence; a title or heading line without final punctuation is
// a sentence of its own with Heading set; list items (bullets, "1.") start a new sentence.
func Split(s string) []Sentence {
	toks, gaps := tokenize(s)
	n := len(toks)
	if n == 0 {
		return nil
	}
	lines := splitLines(toks, gaps)
	cut := make([]bool, n+1) // cut[i]: a sentence starts at token i
	cut[0] = true
	cut[n] = true
	heading := make([]bool, n) // heading[i]: token i belongs to a heading line
	for li, ln := range lines {
		if ln.blankBefore {
			cut[ln.first] = true
		}
		if ln.heading {
			cut[ln.first] = true
			cut[ln.last+1] = true
			for i := ln.first; i <= ln.last; i++ {
				heading[i] = true
			}
		}
		if li > 0 && bulletAt(toks, gaps, ln.first, ln.last) {
			cut[ln.first] = true
		}
	}
	for i := 0; i < n; i++ {
		if !terminal(s, toks, gaps, i) {
			continue
		}
		j := absorbClosers(toks, gaps, i)
		k := j + 1
		if k >= n {
			break
		}
		if gaps[k].newlines > 0 || startsSentence(toks, k) {
			cut[k] = true
		}
		i = j
	}
	var sents []Sentence
	start := 0
	for i := 1; i <= n; i++ {
		if !cut[i] && i-start < MaxSentenceTokens {
			continue
		}
		sents = append(sents, Sentence{
			Start:   toks[start].Start,
			End:     toks[i-1].End,
			Tokens:  toks[start:i:i],
			Heading: heading[start],
		})
		start = i
	}
	return sents
}

// splitLines groups tokens into lines and marks heading lines.
func splitLines(toks []Token, gaps []gap) []line {
	var lines []line
	for i := range toks {
		if i == 0 || gaps[i].newlines > 0 {
			if len(lines) > 0 {
				lines[len(lines)-1].last = i - 1
				lines[len(lines)-1].blankAfter = gaps[i].newlines > 1
			}
			lines = append(lines, line{first: i, blankBefore: i == 0 || gaps[i].newlines > 1})
		}
	}
	lines[len(lines)-1].last = len(toks) - 1
	lines[len(lines)-1].blankAfter = true
	for li := range lines {
		ln := &lines[li]
		words := ln.last - ln.first + 1
		if endsWithFinalPunct(toks, ln.first, ln.last) || words > 20 || !hasLetter(toks, ln.first, ln.last) || bulletAt(toks, gaps, ln.first, ln.last) {
			continue // a list item is no heading
		}
		nextUpper := li+1 < len(lines) && startsUpper(toks[lines[li+1].first].Text)
		switch {
		case ln.blankAfter && words <= 15:
			ln.heading = true
		case ln.blankBefore && nextUpper && words <= 12:
			ln.heading = true
		case words <= 6 && nextUpper:
			ln.heading = true
		}
	}
	return lines
}

func hasLetter(toks []Token, first, last int) bool {
	for i := first; i <= last; i++ {
		if toks[i].Kind == Word {
			return true
		}
	}
	return false
}

// endsWithFinalPunct reports whether a line ends a clause: final punctuation, possibly
// followed by closing quotes, brackets or a footnote marker.
func endsWithFinalPunct(toks []Token, first, last int) bool {
	for i := last; i >= first; i-- {
		t := toks[i].Text
		switch t {
		case ".", "!", "?", "…", "...", ":", ";", ",":
			return true
		case "\"", "”", "’", "'", "»", ")", "]":
			continue
		}
		if toks[i].Kind == Number && i > first && (toks[i-1].Text == "(" || toks[i-1].Text == "[") {
			continue // a footnote marker "(1)"
		}
		if toks[i].Kind == Word && len(t) > 1 && t[len(t)-1] == '.' {
			return true // "etc."
		}
		return false
	}
	return false
}

// bulletAt reports whether the line starting at token i opens with a list marker.
func bulletAt(toks []Token, gaps []gap, i, last int) bool {
	switch toks[i].Text {
	case "•", "·", "‣", "◦", "▪", "●", "*", "-", "–", "—":
		return i < last
	}
	if toks[i].Kind == Number && i+1 < last && len(toks[i].Text) <= 3 {
		m := toks[i+1].Text
		return (m == "." || m == ")") && gaps[i+1].space == false && toks[i+1].SpaceAfter
	}
	return false
}

// terminal reports whether token i may end a sentence.
func terminal(s string, toks []Token, gaps []gap, i int) bool {
	t := toks[i]
	switch t.Text {
	case "!", "?", "…", "...":
		return true
	case ".":
		if !t.SpaceAfter && i+1 < len(toks) && (toks[i+1].Kind == Word || toks[i+1].Kind == Number) && gaps[i+1].newlines == 0 {
			return false // "n.27", "example.com"
		}
		if i > 0 && toks[i-1].Kind == Number && len(toks[i-1].Text) <= 3 && (i == 1 || gaps[i-1].newlines > 0) && !gaps[i].space {
			return false // list marker "1." at the start of a line
		}
		return true
	}
	if t.Kind != Word || t.Text[len(t.Text)-1] != '.' {
		return false
	}
	next := i + 1
	if next >= len(toks) || gaps[next].newlines > 0 {
		return true
	}
	switch tokenAbbrev(t.Text) {
	case finalAbbrev:
		return startsUpper(toks[next].Text)
	case ambiguousAbbrev:
		return isOpener(toks[next].Text)
	}
	return false
}

// absorbClosers returns the last token that still belongs to a sentence ending at token i:
// further final marks, closing quotes and brackets, footnote markers ("(1)", "[2]", "³").
func absorbClosers(toks []Token, gaps []gap, i int) int {
	j := i
	for j+1 < len(toks) {
		k := j + 1
		if gaps[k].newlines > 0 {
			break
		}
		t := toks[k].Text
		switch t {
		case ".", "!", "?", "…", "...", "”", "’", "»", ")", "]":
			j = k
			continue
		case "\"", "'":
			if !gaps[k].space {
				j = k
				continue
			}
		case "(", "[":
			if !gaps[k].space && k+2 < len(toks) && !gaps[k+1].space && !gaps[k+2].space &&
				(toks[k+1].Kind == Number || len(toks[k+1].Text) <= 2) && (toks[k+2].Text == ")" || toks[k+2].Text == "]") {
				j = k + 2
				continue
			}
		}
		if !gaps[k].space && isSuperscript(t) {
			j = k
			continue
		}
		break
	}
	return j
}

// isSuperscript reports whether t is made of superscript digits ("³", "¹²").
func isSuperscript(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		switch {
		case r == '¹' || r == '²' || r == '³':
		case r >= '⁰' && r <= '⁹':
		default:
			return false
		}
	}
	return true
}

// startsSentence reports whether token k may open a new sentence: not a lower-case word and
// not a comma-like mark, looking past an opening quote or bracket.
func startsSentence(toks []Token, k int) bool {
	t := toks[k].Text
	switch t {
	case ",", ";", ":", ")", "]", "-", "»", "”":
		return false
	case "\"", "“", "«", "(", "[", "'", "‘":
		if k+1 < len(toks) {
			t = toks[k+1].Text
		}
	}
	r, _ := utf8.DecodeRuneInString(t)
	return !unicode.IsLower(r)
}

// startsUpper reports whether t begins with an upper-case letter.
func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}
