package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"dossier"
)

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// metaCharset finds a charset declared in the head of an HTML document.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// decode turns raw text bytes into a UTF-8 string: a UTF-8 or UTF-16 byte order mark
// decides; valid UTF-8 stays as it is; otherwise a charset declared by an HTML document
// is used, and Windows-1252 (a superset of Latin-1's printable range) is the fallback.
func decode(raw []byte, format string) (string, error) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		return strings.ToValidUTF8(string(raw[len(bomUTF8):]), "\uFFFD"), nil
	case hasUTF16BOM(raw):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(raw)
		if err != nil {
			return "", fmt.Errorf("decode UTF-16: %v: %w", err, dossier.ErrInvalid)
		}
		if looksBinary(out) {
			return "", errBinary
		}
		return string(out), nil
	case utf8.Valid(raw):
		return string(raw), nil
	}
	var enc encoding.Encoding = charmap.Windows1252
	if format == "html" {
		head := raw
		if len(head) > 4096 {
			head = head[:4096]
		}
		if m := metaCharset.FindSubmatch(head); m != nil {
			if e, err := htmlindex.Get(string(m[1])); err == nil && e != unicode.UTF8 {
				enc = e
			}
		}
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("decode legacy encoding: %v: %w", err, dossier.ErrInvalid)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

// Canonical returns s in dossier's canonical form: valid UTF-8 in NFC, "\n" line ends
// ("\r\n", "\r", form feeds and Unicode line separators become "\n"), without byte order
// marks or control characters other than "\n" and "\t".
func Canonical(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\f' || r == '\v' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xFEFF:
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
