package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold returns the lookup form of s: lower case, diacritics removed from Latin letters
// ("Kandahār" -> "kandahar", "Élysée" -> "elysee"), every apostrophe-like mark (’ ‘ ` ´ ʼ ʿ)
// turned into ', every hyphen or dash into '-', and soft hyphens and combining marks
// dropped. Lower-case ASCII is returned as is, without allocating.
func Fold(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldUnicode(s)
		}
		if c >= 'A' && c <= 'Z' || c == '`' {
			plain = false
		}
	}
	if plain {
		return s
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		b[i] = foldASCII(s[i])
	}
	return string(b)
}

func foldASCII(c byte) byte {
	switch {
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A'
	case c == '`':
		return '\''
	}
	return c
}

func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(foldASCII(byte(r)))
		case r >= latin1ABLo && r < latin1ABLo+rune(len(latin1AB)) && latin1AB[r-latin1ABLo] != "":
			b.WriteString(latin1AB[r-latin1ABLo])
		case r >= latinAddLo && r < latinAddLo+rune(len(latinAdd)) && latinAdd[r-latinAddLo] != "":
			b.WriteString(latinAdd[r-latinAddLo])
		case r >= 0x300 && r <= 0x36F, r == 0xAD, r == 0x200B, r == 0x200C, r == 0x200D, r == 0xFEFF:
			// combining marks, soft hyphen, zero-width characters
		case r == 0x2018, r == 0x2019, r == 0x201B, r == 0x2032, r == 0xB4, r == 0x2BB, r == 0x2BC,
			r == 0x2BE, r == 0x2BF, r == 0x2B9, r == 0xFF07:
			b.WriteByte('\'')
		case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0x2043, r == 0xFE58, r == 0xFE63, r == 0xFF0D:
			b.WriteByte('-')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
