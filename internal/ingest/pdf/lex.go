package pdf

import (
	"strconv"
)

// The PDF object model, as plain Go values:
//
//	nil            null
//	bool           boolean
//	int64, float64 numbers
//	name           /Name
//	[]byte         string (literal or hex), raw bytes
//	[]object       array
//	dict           dictionary
//	ref            indirect reference "n g R"
//	*stream        stream (dictionary and raw, still encoded data)
//	keyword        bare word in a content stream (an operator)
type object = any

type name string

type keyword string

type dict map[name]object

type ref struct{ num, gen int }

type stream struct {
	dict dict
	data []byte
}

// maxNesting bounds array and dictionary nesting while parsing.
const maxNesting = 64

// lexer reads PDF tokens and objects from a byte slice.
type lexer struct {
	b   []byte
	pos int
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// token kinds returned by next.
type tokKind int

const (
	tokEOF tokKind = iota
	tokNumber
	tokName
	tokString
	tokArrayOpen
	tokArrayClose
	tokDictOpen
	tokDictClose
	tokKeyword
	tokOther
)

type token struct {
	kind tokKind
	num  object // int64 or float64
	str  []byte // name, string or keyword bytes
}

// next returns the next token.
func (l *lexer) next() token {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return token{kind: tokEOF}
	}
	c := l.b[l.pos]
	switch {
	case c == '[':
		l.pos++
		return token{kind: tokArrayOpen}
	case c == ']':
		l.pos++
		return token{kind: tokArrayClose}
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		return token{kind: tokDictOpen}
	case c == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>':
		l.pos += 2
		return token{kind: tokDictClose}
	case c == '<':
		return token{kind: tokString, str: l.hexString()}
	case c == '(':
		return token{kind: tokString, str: l.literalString()}
	case c == '/':
		l.pos++
		return token{kind: tokName, str: l.nameBytes()}
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.b) && (l.b[l.pos] >= '0' && l.b[l.pos] <= '9' || l.b[l.pos] == '.' || l.b[l.pos] == '-' || l.b[l.pos] == '+') {
			l.pos++
		}
		return token{kind: tokNumber, num: parseNumber(l.b[start:l.pos])}
	case isDelim(c):
		l.pos++
		return token{kind: tokOther, str: []byte{c}}
	}
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return token{kind: tokKeyword, str: l.b[start:l.pos]}
}

func parseNumber(b []byte) object {
	s := string(b)
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	// Malformed numbers ("--5", "1.2.3") are read leniently: one sign, digits, one dot.
	var out []byte
	dot := false
	for _, c := range b {
		switch {
		case c == '-' && len(out) == 0:
			out = append(out, c)
		case c >= '0' && c <= '9':
			out = append(out, c)
		case c == '.' && !dot:
			dot = true
			out = append(out, c)
		}
	}
	f, err := strconv.ParseFloat(string(out), 64)
	if err != nil {
		return int64(0)
	}
	return f
}

func (l *lexer) nameBytes() []byte {
	var out []byte
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		c := l.b[l.pos]
		if c == '#' && l.pos+2 < len(l.b) {
			if v, err := strconv.ParseUint(string(l.b[l.pos+1:l.pos+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				l.pos += 3
				continue
			}
		}
		out = append(out, c)
		l.pos++
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *lexer) hexString() []byte {
	l.pos++ // <
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

func (l *lexer) literalString() []byte {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.b) {
				return out
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// object parses one object at the current position. Indirect references "n g R" are
// recognised; keywords are returned as keyword values.
func (l *lexer) object(depth int) object {
	if depth > maxNesting {
		return nil
	}
	t := l.next()
	switch t.kind {
	case tokNumber:
		// Look ahead for "gen R".
		if n, ok := t.num.(int64); ok && n >= 0 {
			save := l.pos
			t2 := l.next()
			if g, ok := t2.num.(int64); ok && t2.kind == tokNumber && g >= 0 {
				t3 := l.next()
				if t3.kind == tokKeyword && string(t3.str) == "R" {
					return ref{int(n), int(g)}
				}
			}
			l.pos = save
		}
		return t.num
	case tokName:
		return name(t.str)
	case tokString:
		return t.str
	case tokArrayOpen:
		var arr []object
		for {
			l.skipSpace()
			if l.pos >= len(l.b) {
				return arr
			}
			if l.b[l.pos] == ']' {
				l.pos++
				return arr
			}
			save := l.pos
			o := l.object(depth + 1)
			if l.pos == save {
				l.pos++ // no progress: skip a stray byte
				continue
			}
			if k, ok := o.(keyword); ok && (k == "endobj" || k == "obj") {
				l.pos = save
				return arr
			}
			arr = append(arr, o)
		}
	case tokDictOpen:
		d := dict{}
		for {
			l.skipSpace()
			if l.pos >= len(l.b) {
				return d
			}
			if l.b[l.pos] == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
				l.pos += 2
				return d
			}
			save := l.pos
			k := l.next()
			if k.kind != tokName {
				if k.kind == tokKeyword && (string(k.str) == "endobj" || string(k.str) == "stream") || k.kind == tokEOF {
					l.pos = save
					return d
				}
				if l.pos == save {
					l.pos++
				}
				continue
			}
			v := l.object(depth + 1)
			if kw, ok := v.(keyword); ok && (kw == "endobj" || kw == "stream") {
				l.pos = save
				l.next()
				return d
			}
			d[name(k.str)] = v
		}
	case tokKeyword:
		switch string(t.str) {
		case "true":
			return true
		case "false":
			return false
		case "null":
			return nil
		}
		return keyword(t.str)
	case tokEOF:
		return nil
	}
	return nil
}
