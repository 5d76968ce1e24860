package text

import "strings"

// abbrevKind says how an abbreviation ending in a dot behaves at a possible sentence end.
type abbrevKind uint8

const (
	notAbbrev abbrevKind = iota
	// prefixAbbrev precedes what it qualifies ("Gen. Patrushev", "No. 14", "e.g. the"):
	// it never ends a sentence.
	prefixAbbrev
	// finalAbbrev often closes a sentence ("etc.", "Inc."): it ends one when a capital follows.
	finalAbbrev
	// ambiguousAbbrev ("U.S.", "Feb.") ends a sentence only when a typical sentence opener follows.
	ambiguousAbbrev
)

// lowerASCII returns s in lower case, without allocating when s is lower case already.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isAbbrev reports whether word (without its dot), followed by a dot at s[dot], is a known
// abbreviation. Most need a capital ("Gen.", "Feb."), so that "the sun." or "modern art."
// still end a sentence; "No." needs a number after it.
func isAbbrev(word, s string, dot int) bool {
	if len(word) > 6 {
		return false
	}
	lw := lowerASCII(word)
	if classify(lw) == notAbbrev {
		return false
	}
	switch lw {
	case "etc", "vs", "cf", "al", "approx", "viz", "pp", "ca":
		return true
	case "no", "nos", "nr":
		j := dot + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		return j < len(s) && s[j] >= '0' && s[j] <= '9'
	}
	return word[0] >= 'A' && word[0] <= 'Z'
}

// classify returns the kind of a lower-case abbreviation without its final dot.
func classify(w string) abbrevKind {
	switch w {
	case "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "adm", "cmdr",
		"rev", "prof", "sen", "rep", "gov", "pres", "st", "mt", "ft", "no", "nos", "nr", "vs",
		"cf", "ref", "fig", "vol", "pp", "art", "sec", "amb", "hon", "messrs", "brig", "lieut",
		"supt", "insp", "det", "fr", "sr", "jr", "approx", "ca", "dept", "e.g", "i.e", "viz", "al":
		return prefixAbbrev
	case "etc", "inc", "ltd", "corp", "co", "bros", "plc", "llc", "esq":
		return finalAbbrev
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return ambiguousAbbrev
	}
	return notAbbrev
}

// tokenAbbrev returns the abbreviation kind of a word token that ends in a dot.
func tokenAbbrev(t string) abbrevKind {
	if len(t) < 2 || t[len(t)-1] != '.' {
		return notAbbrev
	}
	w := t[:len(t)-1]
	if strings.IndexByte(w, '.') >= 0 {
		// "U.S.", "e.g.", "i.e.", "J.R."
		if k := classify(lowerASCII(w)); k != notAbbrev {
			return k
		}
		return ambiguousAbbrev
	}
	if len(w) == 1 || (len(w) == 2 && w[0] >= 0x80) {
		return prefixAbbrev // an initial: "J. R. Smith"
	}
	return classify(lowerASCII(w))
}

// isOpener reports whether a capitalized word typically opens a sentence, so that an
// ambiguous abbreviation before it ends the sentence ("... in the U.S. The next day").
func isOpener(w string) bool {
	switch w {
	case "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This", "That",
		"These", "Those", "There", "But", "And", "However", "Its", "His", "Her", "Their", "Our",
		"As", "After", "Before", "When", "While", "If", "Since", "Although", "For", "By", "From",
		"Meanwhile", "Yet", "So", "Some", "Many", "Most", "One", "No", "What", "Who", "Why", "How":
		return true
	}
	return false
}
