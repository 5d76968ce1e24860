package text

import (
	"unicode"
	"unicode/utf8"
)

// gap records what separates a token from the one before it.
type gap struct {
	newlines int  // line feeds in the whitespace before the token
	space    bool // any whitespace before the token
}

// Tokenize splits s into tokens with byte offsets, without grouping them into sentences.
func Tokenize(s string) []Token {
	toks, _ := tokenize(s)
	return toks
}

// tokenize is the hand-written scanner behind Tokenize and Split. It returns the tokens
// and, for each, the whitespace gap before it.
func tokenize(s string) ([]Token, []gap) {
	toks := make([]Token, 0, len(s)/5+1)
	gaps := make([]gap, 0, len(s)/5+1)
	var g gap
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\n':
				g.newlines++
				g.space = true
				i++
				continue
			case ' ', '\t', '\r', '\v', '\f':
				g.space = true
				i++
				continue
			}
		}
		r, w := decode(s, i)
		if r != utf8.RuneError && unicode.IsSpace(r) {
			if r == '\u2028' || r == '\u2029' {
				g.newlines++
			}
			g.space = true
			i += w
			continue
		}
		var end int
		var kind Kind
		switch {
		case isLetter(r):
			end = scanWord(s, i)
			kind = Word
		case isDigit(r):
			end, kind = scanNumber(s, i)
		case isApostrophe(r) && !g.space && len(toks) > 0 && toks[len(toks)-1].Kind == Word && possessiveAt(s, i+w):
			end = i + w + 1 // the possessive "'s" of "Putin's"
			kind = Word
		case c == '.' && i+2 < len(s) && s[i+1] == '.' && s[i+2] == '.':
			end = i + 3
			kind = Punct
		case unicode.IsPunct(r):
			end = i + w
			kind = Punct
		default:
			end = i + w
			kind = Symbol
		}
		if n := len(toks); n > 0 {
			toks[n-1].SpaceAfter = g.space
		}
		toks = append(toks, Token{Start: i, End: end, Text: s[i:end], Kind: kind})
		gaps = append(gaps, g)
		g = gap{}
		i = end
	}
	if n := len(toks); n > 0 {
		toks[n-1].SpaceAfter = true
	}
	return toks, gaps
}

// decode returns the rune at s[i] and its width.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isMark(r rune) bool {
	return r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r)
}

// isApostrophe reports whether r is an apostrophe that may sit inside a word.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

// isHyphen reports whether r is a hyphen that may join the parts of a word.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// scanWord scans a word starting at s[i] (a letter) and returns its end. Words keep inner
// hyphens, apostrophes and digits; dotted abbreviations ("U.S.", "e.g.") and known
// abbreviations ("Gen.", "Feb.") keep their dots; a possessive "'s" is left for its own token.
func scanWord(s string, i int) int {
	start := i
	seg := 0  // runes in the current dot-separated segment
	dots := 0 // inner dots consumed
	for i < len(s) {
		r, w := decode(s, i)
		switch {
		case isLetter(r) || isDigit(r) || isMark(r):
			i += w
			seg++
			continue
		case isApostrophe(r):
			j := i + w
			if j < len(s) {
				r2, w2 := decode(s, j)
				if isLetter(r2) {
					// possessive 's / 'S ends the word
					if (r2 == 's' || r2 == 'S') && !wordContinues(s, j+w2) {
						return i
					}
					i = j
					seg = 0
					continue
				}
			}
			return i
		case isHyphen(r):
			j := i + w
			if j < len(s) {
				if r2, _ := decode(s, j); isLetter(r2) || isDigit(r2) {
					i = j
					seg = 0
					continue
				}
			}
			return i
		case r == '.':
			j := i + 1
			if seg == 1 && j < len(s) {
				if r2, _ := decode(s, j); isLetter(r2) && (dots > 0 || singleLetterThenDot(s, j)) {
					i = j
					seg = 0
					dots++
					continue
				}
			}
			if dots > 0 && seg <= 2 {
				return i + 1 // "U.S." keeps its final dot
			}
			if isAbbrev(s[start:i], s, i) || (seg == 1 && i-start <= 2 && isUpperAt(s, start) && i == start+runeLen(s, start)) {
				return i + 1 // "Gen.", "Feb.", initial "J."
			}
			return i
		default:
			return i
		}
	}
	return i
}

// singleLetterThenDot reports whether s[j] starts a one-letter segment followed by a dot
// ("S." in "U.S."), so that "n.27" or "example.com" do not become abbreviations.
func singleLetterThenDot(s string, j int) bool {
	_, w := decode(s, j)
	k := j + w
	return k < len(s) && s[k] == '.'
}

// possessiveAt reports whether an "s" or "S" that ends a word sits at s[j].
func possessiveAt(s string, j int) bool {
	return j < len(s) && (s[j] == 's' || s[j] == 'S') && !wordContinues(s, j+1)
}

// wordContinues reports whether a letter or digit follows at s[j].
func wordContinues(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	r, _ := decode(s, j)
	return isLetter(r) || isDigit(r)
}

func isUpperAt(s string, i int) bool {
	r, _ := decode(s, i)
	return unicode.IsUpper(r)
}

func runeLen(s string, i int) int {
	_, w := decode(s, i)
	return w
}

// scanNumber scans a number starting at s[i] (a digit): digits with inner separators
// ("1,500", "3.5", "1996-08-30") and an ordinal or unit suffix of letters ("8th", "1990s").
func scanNumber(s string, i int) (int, Kind) {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == ',' || c == '.' || c == '-' || c == ':' || c == '/') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			i++
		case c >= utf8.RuneSelf:
			r, w := decode(s, i)
			if !isDigit(r) {
				goto suffix
			}
			i += w
		default:
			goto suffix
		}
	}
	return i, Number
suffix:
	// letters glued to the digits: "8th", "1990s", "5km"; a word such as "9/11-style" stops at the hyphen
	for i < len(s) {
		r, w := decode(s, i)
		if !isLetter(r) {
			break
		}
		i += w
	}
	return i, Number
}
