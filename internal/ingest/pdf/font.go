package pdf

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// font decodes the character codes of one PDF font into text and widths.
type font struct {
	composite bool              // Type0: multi-byte codes
	codeLens  []codespace       // composite: codespace ranges
	toUnicode map[uint32]string // from a ToUnicode CMap
	encoding  [256]string       // simple fonts: code -> text
	widths    map[uint32]float64
	firstChar int
	widthArr  []float64
	defWidth  float64 // in glyph space units (1/1000 em unless scale says otherwise)
	scale     float64 // glyph space to text space (0.001, or a Type3 FontMatrix)
	approx    bool    // no width table: estimate advances by character class
}

type codespace struct {
	n        int
	lo, high uint32
}

// glyph is one decoded character code.
type glyph struct {
	text  string
	width float64 // in text space units per unit font size
	space bool    // single-byte code 32 (word spacing applies)
}

// decode splits a shown string into glyphs.
func (f *font) decode(s []byte) []glyph {
	var out []glyph
	for i := 0; i < len(s); {
		var code uint32
		n := 1
		if f.composite {
			n = f.codeLen(s[i:])
		}
		for k := 0; k < n && i+k < len(s); k++ {
			code = code<<8 | uint32(s[i+k])
		}
		i += n
		g := glyph{space: n == 1 && code == 32}
		if t, ok := f.toUnicode[code]; ok {
			g.text = t
		} else if !f.composite && code < 256 {
			g.text = f.encoding[code]
		}
		w := f.width(code)
		g.width = w * f.scale
		out = append(out, g)
	}
	return out
}

func (f *font) codeLen(s []byte) int {
	if len(f.codeLens) == 0 {
		return min(2, len(s))
	}
	for n := 1; n <= 4 && n <= len(s); n++ {
		var code uint32
		for k := 0; k < n; k++ {
			code = code<<8 | uint32(s[k])
		}
		for _, cs := range f.codeLens {
			if cs.n == n && code >= cs.lo && code <= cs.high {
				return n
			}
		}
	}
	return min(f.codeLens[0].n, len(s))
}

func (f *font) width(code uint32) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	if i := int(code) - f.firstChar; i >= 0 && i < len(f.widthArr) {
		if w := f.widthArr[i]; w > 0 {
			return w
		}
	}
	return f.defWidth
}

// loadFont builds a font from its dictionary; a missing dictionary gives a plain
// Latin-1-like font so that text still comes out.
func (d *document) loadFont(fd dict) *font {
	f := &font{scale: 0.001, defWidth: 500}
	base := standardEncoding()
	if fd == nil {
		f.encoding = winAnsi()
		f.approx = true
		return f
	}
	subtype, _ := fd["Subtype"].(name)
	baseFont, _ := d.resolve(fd["BaseFont"]).(name)
	if strings.Contains(strings.ToLower(string(baseFont)), "courier") {
		f.defWidth = 600
	}
	switch subtype {
	case "Type0":
		f.composite = true
		f.defWidth = 1000
		if enc, ok := d.resolve(fd["Encoding"]).(*stream); ok {
			if data, err := d.decode(enc); err == nil {
				f.codeLens, _ = parseCMap(data)
			}
		}
		if arr, ok := d.resolve(fd["DescendantFonts"]).([]object); ok && len(arr) > 0 {
			if cid := d.dictOf(arr[0]); cid != nil {
				if dw, ok := num(d.resolve(cid["DW"])); ok {
					f.defWidth = dw
				}
				f.widths = d.cidWidths(cid["W"])
			}
		}
	case "TrueType":
		base = winAnsi()
		fallthrough
	default:
		if subtype == "Type3" {
			if m, ok := d.resolve(fd["FontMatrix"]).([]object); ok && len(m) > 0 {
				if s, ok := num(d.resolve(m[0])); ok && s > 0 && s < 1 {
					f.scale = s
				}
			}
		}
		f.firstChar = intOr(d.resolve(fd["FirstChar"]), 0)
		if ws, ok := d.resolve(fd["Widths"]).([]object); ok && len(ws) <= 65536 {
			for _, w := range ws {
				v, _ := num(d.resolve(w))
				f.widthArr = append(f.widthArr, v)
			}
		}
		if desc := d.dictOf(fd["FontDescriptor"]); desc != nil {
			if mw, ok := num(d.resolve(desc["MissingWidth"])); ok && mw > 0 {
				f.defWidth = mw
			}
		}
		f.encoding = base
		switch e := d.resolve(fd["Encoding"]).(type) {
		case name:
			f.encoding = namedEncoding(e, base)
		case dict:
			if be, ok := d.resolve(e["BaseEncoding"]).(name); ok {
				f.encoding = namedEncoding(be, base)
			}
			if diffs, ok := d.resolve(e["Differences"]).([]object); ok {
				code := 0
				for _, o := range diffs {
					switch v := d.resolve(o).(type) {
					case int64:
						code = int(v)
					case float64:
						code = int(v)
					case name:
						if code >= 0 && code < 256 {
							f.encoding[code] = glyphText(string(v))
						}
						code++
					}
				}
			}
		}
	}
	f.approx = !f.composite && f.widthArr == nil && f.widths == nil && f.defWidth == 500
	if tu, ok := d.resolve(fd["ToUnicode"]).(*stream); ok {
		if data, err := d.decode(tu); err == nil {
			cs, m := parseCMap(data)
			f.toUnicode = m
			if f.composite && len(f.codeLens) == 0 {
				f.codeLens = cs
			}
		}
	}
	return f
}

// cidWidths reads a CIDFont /W array: [c [w1 w2 ...] c1 c2 w ...].
func (d *document) cidWidths(o object) map[uint32]float64 {
	arr, ok := d.resolve(o).([]object)
	if !ok {
		return nil
	}
	out := map[uint32]float64{}
	for i := 0; i < len(arr) && len(out) < 1<<16; {
		c, ok := num(d.resolve(arr[i]))
		if !ok || i+1 >= len(arr) {
			break
		}
		if ws, ok := d.resolve(arr[i+1]).([]object); ok {
			for k, w := range ws {
				if v, ok := num(d.resolve(w)); ok {
					out[uint32(c)+uint32(k)] = v
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(arr) {
			break
		}
		c2, ok1 := num(d.resolve(arr[i+1]))
		w, ok2 := num(d.resolve(arr[i+2]))
		if !ok1 || !ok2 || c2 < c || c2-c > 1<<16 {
			break
		}
		for k := uint32(c); k <= uint32(c2) && len(out) < 1<<16; k++ {
			out[k] = w
		}
		i += 3
	}
	return out
}

// maxCMapEntries bounds the mappings one CMap may define.
const maxCMapEntries = 1 << 17

// parseCMap reads codespace ranges and bfchar/bfrange mappings from a CMap.
func parseCMap(data []byte) ([]codespace, map[uint32]string) {
	l := lexer{b: data}
	var cs []codespace
	m := map[uint32]string{}
	var stack []object
	mode := ""
	for steps := 0; steps < 1<<20; steps++ {
		t := l.next()
		switch t.kind {
		case tokEOF:
			return cs, m
		case tokKeyword:
			switch kw := string(t.str); kw {
			case "begincodespacerange", "beginbfchar", "beginbfrange":
				mode = kw
				stack = stack[:0]
			case "endcodespacerange":
				for i := 0; i+1 < len(stack); i += 2 {
					lo, ok1 := stack[i].([]byte)
					hi, ok2 := stack[i+1].([]byte)
					if ok1 && ok2 && len(lo) > 0 && len(lo) <= 4 {
						cs = append(cs, codespace{n: len(lo), lo: beUint(lo), high: beUint(hi)})
					}
				}
				mode = ""
			case "endbfchar":
				for i := 0; i+1 < len(stack); i += 2 {
					src, ok := stack[i].([]byte)
					if !ok || len(src) > 4 {
						continue
					}
					switch dst := stack[i+1].(type) {
					case []byte:
						m[beUint(src)] = utf16Text(dst)
					case name:
						m[beUint(src)] = glyphText(string(dst))
					}
				}
				mode = ""
			case "endbfrange":
				for i := 0; i+2 < len(stack); i += 3 {
					lo, ok1 := stack[i].([]byte)
					hi, ok2 := stack[i+1].([]byte)
					if !ok1 || !ok2 || len(lo) > 4 {
						continue
					}
					a, b := beUint(lo), beUint(hi)
					if b < a || b-a > 1<<16 {
						continue
					}
					switch dst := stack[i+2].(type) {
					case []byte:
						if len(dst) == 0 {
							continue
						}
						for c := a; c <= b && len(m) < maxCMapEntries; c++ {
							v := append([]byte(nil), dst...)
							// Increment the last byte (with carry into the one before).
							inc := c - a
							last := uint32(v[len(v)-1]) + inc
							v[len(v)-1] = byte(last)
							if len(v) >= 2 {
								v[len(v)-2] += byte(last >> 8)
							}
							m[c] = utf16Text(v)
						}
					case []object:
						for k, o := range dst {
							if bs, ok := o.([]byte); ok && a+uint32(k) <= b && len(m) < maxCMapEntries {
								m[a+uint32(k)] = utf16Text(bs)
							}
						}
					}
				}
				mode = ""
			}
		case tokString:
			if mode != "" {
				stack = append(stack, t.str)
			}
		case tokName:
			if mode != "" {
				stack = append(stack, name(t.str))
			}
		case tokArrayOpen:
			if mode != "" {
				var arr []object
				for {
					t2 := l.next()
					if t2.kind == tokArrayClose || t2.kind == tokEOF {
						break
					}
					if t2.kind == tokString {
						arr = append(arr, t2.str)
					}
				}
				stack = append(stack, arr)
			}
		}
	}
	return cs, m
}

func beUint(b []byte) uint32 {
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v
}

// utf16Text decodes UTF-16BE bytes.
func utf16Text(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// textString decodes a PDF text string (document information): UTF-16BE with a byte
// order mark, UTF-8 with one, or PDFDocEncoding (read as Windows-1252).
func textString(b []byte) string {
	switch {
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return utf16Text(b[2:])
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return string(b[3:])
	}
	enc := winAnsi()
	var sb strings.Builder
	for _, c := range b {
		sb.WriteString(enc[c])
	}
	return sb.String()
}

func namedEncoding(n name, base [256]string) [256]string {
	switch n {
	case "WinAnsiEncoding":
		return winAnsi()
	case "MacRomanEncoding":
		return macRoman()
	case "StandardEncoding":
		return standardEncoding()
	}
	return base
}

// asciiBase fills codes 32-126 with ASCII.
func asciiBase() [256]string {
	var e [256]string
	for c := 32; c < 127; c++ {
		e[c] = string(rune(c))
	}
	e['\t'], e['\n'], e['\r'] = " ", " ", " "
	return e
}

// winAnsi is the Windows-1252 encoding of PDF's WinAnsiEncoding.
func winAnsi() [256]string {
	e := asciiBase()
	for c := 0xA0; c <= 0xFF; c++ {
		e[c] = string(rune(c))
	}
	high := "€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ"
	c := 0x80
	for _, r := range high {
		if r != 0 {
			e[c] = string(r)
		}
		c++
	}
	return e
}

// standardEncoding is Adobe StandardEncoding for the codes that text needs.
func standardEncoding() [256]string {
	e := asciiBase()
	e['\''] = "’"
	e['`'] = "‘"
	for code, s := range map[int]string{0xA1: "¡", 0xA2: "¢", 0xA3: "£", 0xA5: "¥", 0xA7: "§", 0xA9: "'", 0xAA: "“", 0xAB: "«", 0xAE: "ﬁ", 0xAF: "ﬂ", 0xB1: "–", 0xB2: "†", 0xB3: "‡", 0xB7: "•", 0xB9: "„", 0xBA: "”", 0xBB: "»", 0xBC: "…", 0xD0: "—", 0xE1: "Æ", 0xF1: "æ", 0xF5: "ı", 0xF8: "ł", 0xF9: "ø", 0xFA: "œ", 0xFB: "ß", 0xE8: "Ł", 0xE9: "Ø", 0xEA: "Œ"} {
		e[code] = s
	}
	return e
}

// macRoman is the Mac OS Roman encoding for its common letters and punctuation.
func macRoman() [256]string {
	e := asciiBase()
	high := "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"
	c := 0x80
	for _, r := range high {
		if c > 0xFF {
			break
		}
		e[c] = string(r)
		c++
	}
	return e
}

// glyphText maps a glyph name to its text: "uniXXXX", "uXXXX", single letters, digit
// names, ligatures, punctuation names, and accented letters (base letter plus a
// combining accent; the text is put in NFC later).
func glyphText(g string) string {
	if i := strings.IndexByte(g, '.'); i > 0 {
		g = g[:i]
	}
	if strings.Contains(g, "_") {
		var sb strings.Builder
		for _, p := range strings.Split(g, "_") {
			sb.WriteString(glyphText(p))
		}
		return sb.String()
	}
	if strings.HasPrefix(g, "uni") && len(g) >= 7 && (len(g)-3)%4 == 0 {
		var sb strings.Builder
		for i := 3; i+4 <= len(g); i += 4 {
			v, err := strconv.ParseUint(g[i:i+4], 16, 32)
			if err != nil {
				return ""
			}
			sb.WriteRune(rune(v))
		}
		return sb.String()
	}
	if strings.HasPrefix(g, "u") && len(g) >= 5 && len(g) <= 7 {
		if v, err := strconv.ParseUint(g[1:], 16, 32); err == nil {
			return string(rune(v))
		}
	}
	if len(g) == 1 {
		return g
	}
	if s, ok := glyphNames(g); ok {
		return s
	}
	for _, a := range accents() {
		if strings.HasSuffix(g, a.name) && len(g) == len(a.name)+1 {
			return g[:1] + a.mark
		}
	}
	return ""
}

type accent struct{ name, mark string }

func accents() []accent {
	return []accent{{"acute", "\u0301"}, {"grave", "\u0300"}, {"circumflex", "\u0302"},
		{"dieresis", "\u0308"}, {"tilde", "\u0303"}, {"ring", "\u030A"}, {"cedilla", "\u0327"},
		{"caron", "\u030C"}, {"macron", "\u0304"}, {"breve", "\u0306"}, {"ogonek", "\u0328"},
		{"dotaccent", "\u0307"}, {"hungarumlaut", "\u030B"}, {"commaaccent", "\u0326"}}
}

func glyphNames(g string) (string, bool) {
	switch g {
	case "space", "nbspace", "nonbreakingspace":
		return " ", true
	case "zero":
		return "0", true
	case "one":
		return "1", true
	case "two":
		return "2", true
	case "three":
		return "3", true
	case "four":
		return "4", true
	case "five":
		return "5", true
	case "six":
		return "6", true
	case "seven":
		return "7", true
	case "eight":
		return "8", true
	case "nine":
		return "9", true
	case "period":
		return ".", true
	case "comma":
		return ",", true
	case "colon":
		return ":", true
	case "semicolon":
		return ";", true
	case "hyphen", "minus":
		return "-", true
	case "endash":
		return "–", true
	case "emdash":
		return "—", true
	case "exclam":
		return "!", true
	case "question":
		return "?", true
	case "quotedbl":
		return "\"", true
	case "quotesingle":
		return "'", true
	case "quoteleft":
		return "‘", true
	case "quoteright":
		return "’", true
	case "quotedblleft":
		return "“", true
	case "quotedblright":
		return "”", true
	case "quotesinglbase":
		return "‚", true
	case "quotedblbase":
		return "„", true
	case "guillemotleft":
		return "«", true
	case "guillemotright":
		return "»", true
	case "parenleft":
		return "(", true
	case "parenright":
		return ")", true
	case "bracketleft":
		return "[", true
	case "bracketright":
		return "]", true
	case "braceleft":
		return "{", true
	case "braceright":
		return "}", true
	case "slash":
		return "/", true
	case "backslash":
		return "\\", true
	case "ampersand":
		return "&", true
	case "at":
		return "@", true
	case "numbersign":
		return "#", true
	case "dollar":
		return "$", true
	case "percent":
		return "%", true
	case "asterisk":
		return "*", true
	case "plus":
		return "+", true
	case "equal":
		return "=", true
	case "less":
		return "<", true
	case "greater":
		return ">", true
	case "underscore":
		return "_", true
	case "bar":
		return "|", true
	case "asciitilde":
		return "~", true
	case "asciicircum":
		return "^", true
	case "grave":
		return "`", true
	case "bullet":
		return "•", true
	case "ellipsis":
		return "…", true
	case "degree":
		return "°", true
	case "section":
		return "§", true
	case "paragraph":
		return "¶", true
	case "copyright":
		return "©", true
	case "registered":
		return "®", true
	case "trademark":
		return "™", true
	case "Euro", "euro":
		return "€", true
	case "sterling":
		return "£", true
	case "yen":
		return "¥", true
	case "cent":
		return "¢", true
	case "fi":
		return "fi", true
	case "fl":
		return "fl", true
	case "ff":
		return "ff", true
	case "ffi":
		return "ffi", true
	case "ffl":
		return "ffl", true
	case "germandbls":
		return "ß", true
	case "AE":
		return "Æ", true
	case "ae":
		return "æ", true
	case "OE":
		return "Œ", true
	case "oe":
		return "œ", true
	case "Oslash":
		return "Ø", true
	case "oslash":
		return "ø", true
	case "Lslash":
		return "Ł", true
	case "lslash":
		return "ł", true
	case "dotlessi":
		return "ı", true
	case "softhyphen", "sfthyphen":
		return "\u00AD", true
	case "dagger":
		return "†", true
	case "daggerdbl":
		return "‡", true
	case "periodcentered":
		return "·", true
	case "multiply":
		return "×", true
	case "divide":
		return "÷", true
	case "onesuperior":
		return "¹", true
	case "twosuperior":
		return "²", true
	case "threesuperior":
		return "³", true
	case "Eth":
		return "Ð", true
	case "eth":
		return "ð", true
	case "Thorn":
		return "Þ", true
	case "thorn":
		return "þ", true
	}
	return "", false
}
