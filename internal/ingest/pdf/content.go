package pdf

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"unicode/utf8"
)

// run is a piece of text shown at one position, in device space (y grows upwards).
type run struct {
	x, y, endX float64
	size       float64 // effective font size
	text       string
}

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type gstate struct {
	ctm                        matrix
	font                       *font
	size, tc, tw, th, tl, rise float64
}

// interp interprets content streams for their text.
type interp struct {
	doc    *document
	fonts  map[any]*font
	runs   []run
	ops    int
	forms  int
	maxOps int
}

const (
	maxOpsPerPage = 4_000_000
	maxRunsPerDoc = 2_000_000
	maxFormDepth  = 8
)

func (d *document) pageRuns(p page, fonts map[any]*font) []run {
	data, _ := d.contents(p)
	in := &interp{doc: d, fonts: fonts, maxOps: maxOpsPerPage}
	in.exec(data, p.resources, gstate{ctm: identity, th: 1}, 0)
	return in.runs
}

func (in *interp) font(res dict, n name) *font {
	fonts := in.doc.dictOf(res["Font"])
	o := fonts[n]
	// Cache by reference, or by the identity of an inline font dictionary.
	var key any
	if r, ok := o.(ref); ok {
		key = r
	} else if fd := in.doc.dictOf(o); fd != nil {
		key = reflect.ValueOf(fd).UnsafePointer()
	}
	if key != nil {
		if f, ok := in.fonts[key]; ok {
			return f
		}
	}
	f := in.doc.loadFont(in.doc.dictOf(o))
	if key != nil {
		in.fonts[key] = f
	}
	return f
}

// exec runs one content stream.
func (in *interp) exec(data []byte, res dict, gs gstate, depth int) {
	l := lexer{b: data}
	var stack []gstate
	var args []object
	var tm, tlm matrix
	inText := false
	for {
		if in.ops >= in.maxOps || len(in.runs) >= maxRunsPerDoc {
			return
		}
		start := l.pos
		o := l.object(0)
		if l.pos == start {
			if l.pos >= len(l.b) {
				return
			}
			l.pos++
			continue
		}
		op, isOp := o.(keyword)
		if !isOp {
			if o == nil && l.pos >= len(l.b) {
				return
			}
			if len(args) < 64 {
				args = append(args, o)
			}
			continue
		}
		in.ops++
		f := func(i int) float64 {
			if i < len(args) {
				v, _ := num(args[i])
				return v
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, gs)
			}
		case "Q":
			if len(stack) > 0 {
				gs = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) >= 6 {
				gs.ctm = matrix{f(0), f(1), f(2), f(3), f(4), f(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
			inText = true
		case "ET":
			inText = false
		case "Tf":
			if len(args) >= 2 {
				if n, ok := args[0].(name); ok {
					gs.font = in.font(res, n)
				}
				gs.size = f(1)
			}
		case "Tc":
			gs.tc = f(0)
		case "Tw":
			gs.tw = f(0)
		case "Tz":
			gs.th = f(0) / 100
		case "TL":
			gs.tl = f(0)
		case "Ts":
			gs.rise = f(0)
		case "Td":
			tlm = matrix{1, 0, 0, 1, f(0), f(1)}.mul(tlm)
			tm = tlm
		case "TD":
			gs.tl = -f(1)
			tlm = matrix{1, 0, 0, 1, f(0), f(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) >= 6 {
				tlm = matrix{f(0), f(1), f(2), f(3), f(4), f(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"", "TJ":
			if !inText {
				tm, tlm = identity, identity
			}
			if op == "'" || op == "\"" {
				if op == "\"" && len(args) >= 3 {
					gs.tw, gs.tc = f(0), f(1)
				}
				tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
				tm = tlm
			}
			if gs.font == nil {
				gs.font = in.doc.loadFont(nil)
			}
			if op == "TJ" {
				arr, _ := lastArg(args).([]object)
				for _, e := range arr {
					switch v := e.(type) {
					case []byte:
						tm = in.show(v, gs, tm)
					default:
						if n, ok := num(v); ok {
							tm = matrix{1, 0, 0, 1, -n / 1000 * gs.size * gs.th, 0}.mul(tm)
						}
					}
				}
			} else if s, ok := lastArg(args).([]byte); ok {
				tm = in.show(s, gs, tm)
			}
		case "Do":
			if depth >= maxFormDepth || in.forms > 10000 || len(args) == 0 {
				break
			}
			n, ok := args[0].(name)
			if !ok {
				break
			}
			xs := in.doc.dictOf(res["XObject"])
			s, ok := in.doc.resolve(xs[n]).(*stream)
			if !ok {
				break
			}
			if st, _ := s.dict["Subtype"].(name); st != "Form" {
				break
			}
			in.forms++
			body, err := in.doc.decode(s)
			if err != nil {
				break
			}
			fres := in.doc.dictOf(s.dict["Resources"])
			if fres == nil {
				fres = res
			}
			fgs := gs
			if m, ok := in.doc.resolve(s.dict["Matrix"]).([]object); ok && len(m) == 6 {
				var mm matrix
				for i := range mm {
					mm[i], _ = num(in.doc.resolve(m[i]))
				}
				fgs.ctm = mm.mul(gs.ctm)
			}
			in.exec(body, fres, fgs, depth+1)
		case "BI":
			// Inline image: skip its data up to "EI".
			if k := bytes.Index(l.b[l.pos:], []byte("ID")); k >= 0 {
				p := l.pos + k + 2
				for p < len(l.b) {
					e := bytes.Index(l.b[p:], []byte("EI"))
					if e < 0 {
						p = len(l.b)
						break
					}
					p += e
					if isWhite(l.b[p-1]) && (p+2 >= len(l.b) || isWhite(l.b[p+2])) {
						p += 2
						break
					}
					p += 2
				}
				l.pos = p
			}
		}
		args = args[:0]
	}
}

func lastArg(args []object) object {
	if len(args) == 0 {
		return nil
	}
	return args[len(args)-1]
}

// show records the text of one shown string and returns the advanced text matrix.
func (in *interp) show(s []byte, gs gstate, tm matrix) matrix {
	glyphs := gs.font.decode(s)
	if len(glyphs) == 0 {
		return tm
	}
	trm := tm.mul(gs.ctm)
	x0, y0 := trm.apply(0, gs.rise)
	// Effective size: the font size scaled by the vertical scale of the matrix.
	size := math.Abs(gs.size) * math.Hypot(trm[2], trm[3])
	if size == 0 {
		size = math.Abs(gs.size)
	}
	// Spaces follow the geometry: a space glyph squeezed to almost nothing by negative
	// word spacing is dropped, and a wide character spacing after a glyph is a space.
	scaleX := math.Hypot(trm[0], trm[1])
	minGap := 0.15 * size
	var sb strings.Builder
	for i, g := range glyphs {
		w := g.width
		if gs.font.approx {
			w = approxWidth(g.text)
		}
		tx := (w*gs.size + gs.tc) * gs.th
		if g.space {
			tx += gs.tw * gs.th
		}
		tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
		isSpace := strings.TrimSpace(g.text) == "" && g.text != ""
		switch {
		case isSpace:
			if tx*scaleX >= minGap {
				sb.WriteString(" ")
			}
		default:
			sb.WriteString(g.text)
			extra := gs.tc * gs.th
			if g.space {
				extra += gs.tw * gs.th
			}
			if extra*scaleX > minGap && i+1 < len(glyphs) {
				sb.WriteString(" ")
			}
		}
	}
	x1, _ := tm.mul(gs.ctm).apply(0, gs.rise)
	text := sb.String()
	if text == "" {
		return tm
	}
	in.runs = append(in.runs, run{x: x0, y: y0, endX: x1, size: size, text: text})
	return tm
}

// approxWidth estimates a glyph's advance (in em) for fonts without width tables,
// by character class: narrow, wide, capital, digit, or ordinary lower case.
func approxWidth(t string) float64 {
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case strings.ContainsRune(" ilj.,;:'!|ítf", r):
		return 0.28
	case r == 'r' || r == '(' || r == ')' || r == '-' || r == 'I' || r == '[' || r == ']':
		return 0.33
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '%' || r == '@':
		return 0.83
	case r >= 'A' && r <= 'Z':
		return 0.67
	case r >= '0' && r <= '9':
		return 0.556
	}
	return 0.52
}
