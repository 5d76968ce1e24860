package pdf

import (
	"bytes"
	"fmt"
	"sort"

	"dossier"
)

// document indexes the objects of a PDF file. It does not trust the cross-reference
// table: it scans the file for "n g obj" definitions (later ones win, as incremental
// updates intend) and unpacks object streams, so that damaged files still read.
type document struct {
	raw     []byte
	objs    map[int]object
	trailer dict
	budget  *budget
	catalog []int // objects whose /Type is /Catalog, in file order
	pages   []int // objects whose /Type is /Page, in object number order (fallback)
}

// maxObjects bounds how many objects a document may define.
const maxObjects = 2_000_000

func open(raw []byte, b *budget) (*document, error) {
	d := &document{raw: raw, objs: map[int]object{}, budget: b}
	if !bytes.HasPrefix(bytes.TrimLeft(raw[:min(len(raw), 1024)], " \t\r\n\x00"), []byte("%PDF-")) && bytes.Index(raw[:min(len(raw), 1024)], []byte("%PDF-")) < 0 {
		return nil, fmt.Errorf("not a PDF file: %w", dossier.ErrInvalid)
	}
	var objStreams []int
	gens := map[int]int{}
	trailers := map[int]dict{} // file offset -> trailer or xref stream dictionary
	for pos := 0; pos < len(raw); {
		i := bytes.Index(raw[pos:], []byte("obj"))
		if i < 0 {
			break
		}
		at := pos + i
		pos = at + 3
		numv, gen, ok := objHeader(raw, at)
		if !ok || (at+3 < len(raw) && !isWhite(raw[at+3]) && !isDelim(raw[at+3])) {
			continue
		}
		if len(d.objs) >= maxObjects {
			return nil, fmt.Errorf("more than %d objects: %w", maxObjects, dossier.ErrInvalid)
		}
		l := lexer{b: raw, pos: at + 3}
		o := l.object(0)
		if dct, ok := o.(dict); ok {
			l.skipSpace()
			if bytes.HasPrefix(raw[l.pos:], []byte("stream")) {
				s := &stream{dict: dct}
				start := l.pos + len("stream")
				if start < len(raw) && raw[start] == '\r' {
					start++
				}
				if start < len(raw) && raw[start] == '\n' {
					start++
				}
				end := -1
				if n, ok := dct["Length"].(int64); ok && n >= 0 && int64(start)+n <= int64(len(raw)) {
					after := lexer{b: raw, pos: start + int(n)}
					after.skipSpace()
					if bytes.HasPrefix(raw[after.pos:], []byte("endstream")) {
						end = start + int(n)
						l.pos = after.pos + len("endstream")
					}
				}
				if end < 0 {
					k := bytes.Index(raw[start:], []byte("endstream"))
					if k < 0 {
						end = len(raw)
						l.pos = len(raw)
					} else {
						end = start + k
						l.pos = end + len("endstream")
						for end > start && (raw[end-1] == '\n' || raw[end-1] == '\r') {
							end--
						}
					}
				}
				s.data = raw[start:end]
				o = s
				switch dct["Type"] {
				case name("ObjStm"):
					objStreams = append(objStreams, numv)
				case name("XRef"):
					trailers[at] = dct
				}
			}
			if t, _ := dct["Type"].(name); t == "Catalog" {
				d.catalog = append(d.catalog, numv)
			}
		}
		d.objs[numv] = o
		gens[numv] = gen
		if l.pos > pos {
			pos = l.pos
		}
	}
	// Classic trailers.
	for pos := 0; ; {
		i := bytes.Index(raw[pos:], []byte("trailer"))
		if i < 0 {
			break
		}
		l := lexer{b: raw, pos: pos + i + len("trailer")}
		if t, ok := l.object(0).(dict); ok {
			trailers[pos+i] = t
		}
		pos += i + len("trailer")
	}
	offs := make([]int, 0, len(trailers))
	for off := range trailers {
		offs = append(offs, off)
	}
	sort.Ints(offs)
	d.trailer = dict{}
	for _, off := range offs { // later trailers override earlier ones
		for k, v := range trailers[off] {
			d.trailer[k] = v
		}
	}
	if encRef, ok := d.trailer["Encrypt"]; ok {
		enc := d.dictOf(encRef)
		if enc == nil {
			return nil, fmt.Errorf("damaged encryption dictionary: %w", dossier.ErrInvalid)
		}
		c, err := d.newDecryptor(enc)
		if err != nil {
			return nil, err
		}
		skip := -1
		if r, ok := encRef.(ref); ok {
			skip = r.num
		}
		for n, o := range d.objs {
			if n != skip {
				d.objs[n] = c.decryptObject(o, n, gens[n], 0)
			}
		}
	}
	for _, n := range objStreams {
		d.unpackObjStm(n)
	}
	for n, o := range d.objs {
		if dct := asDict(o); dct != nil {
			if t, _ := dct["Type"].(name); t == "Page" {
				d.pages = append(d.pages, n)
			} else if t == "Catalog" && !contains(d.catalog, n) {
				d.catalog = append(d.catalog, n)
			}
		}
	}
	sort.Ints(d.pages)
	return d, nil
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// objHeader checks that "obj" at position at is preceded by "num gen " and returns them.
func objHeader(raw []byte, at int) (int, int, bool) {
	i := at - 1
	if i < 0 || !isWhite(raw[i]) {
		return 0, 0, false
	}
	for i >= 0 && isWhite(raw[i]) {
		i--
	}
	genEnd := i + 1
	for i >= 0 && raw[i] >= '0' && raw[i] <= '9' {
		i--
	}
	genStart := i + 1
	if genStart == genEnd || genEnd-genStart > 5 || i < 0 || !isWhite(raw[i]) {
		return 0, 0, false
	}
	for i >= 0 && isWhite(raw[i]) {
		i--
	}
	numEnd := i + 1
	for i >= 0 && raw[i] >= '0' && raw[i] <= '9' {
		i--
	}
	numStart := i + 1
	if numStart == numEnd || numEnd-numStart > 9 {
		return 0, 0, false
	}
	if i >= 0 && !isWhite(raw[i]) && !isDelim(raw[i]) {
		return 0, 0, false
	}
	n, g := 0, 0
	for _, c := range raw[numStart:numEnd] {
		n = n*10 + int(c-'0')
	}
	for _, c := range raw[genStart:genEnd] {
		g = g*10 + int(c-'0')
	}
	return n, g, true
}

// unpackObjStm registers the objects of an object stream that no direct definition
// already provides.
func (d *document) unpackObjStm(n int) {
	s, ok := d.objs[n].(*stream)
	if !ok {
		return
	}
	data, err := d.decode(s)
	if err != nil {
		return
	}
	count := intOr(d.resolve(s.dict["N"]), 0)
	first := intOr(d.resolve(s.dict["First"]), 0)
	if count <= 0 || first < 0 || first > len(data) || count > maxObjects {
		return
	}
	l := lexer{b: data[:first]}
	for k := 0; k < count; k++ {
		on, ok1 := l.object(0).(int64)
		off, ok2 := l.object(0).(int64)
		if !ok1 || !ok2 {
			return
		}
		if off < 0 || first+int(off) >= len(data) {
			continue
		}
		if _, exists := d.objs[int(on)]; exists {
			continue
		}
		ol := lexer{b: data, pos: first + int(off)}
		o := ol.object(0)
		d.objs[int(on)] = o
		if dct, ok := o.(dict); ok {
			if t, _ := dct["Type"].(name); t == "Catalog" {
				d.catalog = append(d.catalog, int(on))
			}
		}
	}
}

// resolve follows indirect references (a bounded number of hops).
func (d *document) resolve(o object) object {
	for hops := 0; hops < 32; hops++ {
		r, ok := o.(ref)
		if !ok {
			return o
		}
		o = d.objs[r.num]
	}
	return nil
}

// asDict returns the dictionary of a dict or a stream.
func asDict(o object) dict {
	switch v := o.(type) {
	case dict:
		return v
	case *stream:
		return v.dict
	}
	return nil
}

func (d *document) dictOf(o object) dict { return asDict(d.resolve(o)) }

// page is one page with its inherited resources.
type page struct {
	dict      dict
	resources dict
}

// maxPages bounds the page count.
const maxPages = 50_000

// pageList returns the pages in order: through the page tree from the catalog, or,
// when the tree is missing or broken, every /Type /Page object in number order.
func (d *document) pageList() []page {
	var out []page
	seen := map[int]bool{}
	var walk func(o object, res dict, depth int)
	walk = func(o object, res dict, depth int) {
		if depth > 64 || len(out) >= maxPages {
			return
		}
		if r, ok := o.(ref); ok {
			if seen[r.num] {
				return
			}
			seen[r.num] = true
		}
		node := d.dictOf(o)
		if node == nil {
			return
		}
		if r := d.dictOf(node["Resources"]); r != nil {
			res = r
		}
		if kids, ok := d.resolve(node["Kids"]).([]object); ok {
			for _, k := range kids {
				walk(k, res, depth+1)
			}
			return
		}
		if t, _ := node["Type"].(name); t == "Pages" {
			return
		}
		out = append(out, page{dict: node, resources: res})
	}
	roots := []object{}
	if r, ok := d.trailer["Root"]; ok {
		roots = append(roots, r)
	}
	for i := len(d.catalog) - 1; i >= 0; i-- {
		roots = append(roots, ref{d.catalog[i], 0})
	}
	for _, root := range roots {
		cat := d.dictOf(root)
		if cat == nil {
			continue
		}
		walk(cat["Pages"], nil, 0)
		if len(out) > 0 {
			return out
		}
	}
	for _, n := range d.pages {
		if len(out) >= maxPages {
			break
		}
		pd := asDict(d.objs[n])
		out = append(out, page{dict: pd, resources: d.inheritedResources(pd)})
	}
	return out
}

func (d *document) inheritedResources(pd dict) dict {
	for depth := 0; pd != nil && depth < 64; depth++ {
		if r := d.dictOf(pd["Resources"]); r != nil {
			return r
		}
		pd = d.dictOf(pd["Parent"])
	}
	return nil
}

// contents returns the decoded content stream of a page (its parts concatenated).
func (d *document) contents(p page) ([]byte, error) {
	var parts []object
	switch c := d.resolve(p.dict["Contents"]).(type) {
	case *stream:
		parts = []object{c}
	case []object:
		parts = c
	}
	var out []byte
	for _, o := range parts {
		s, ok := d.resolve(o).(*stream)
		if !ok {
			continue
		}
		data, err := d.decode(s)
		if err != nil {
			if err == errImageData {
				continue
			}
			return out, err
		}
		out = append(out, data...)
		out = append(out, '\n')
	}
	return out, nil
}

// pageHeight returns the top of a page's MediaBox (inherited), 842 (A4) when unknown.
func (d *document) pageHeight(p page) float64 {
	pd := p.dict
	for depth := 0; pd != nil && depth < 64; depth++ {
		if box, ok := d.resolve(pd["MediaBox"]).([]object); ok && len(box) == 4 {
			if top, ok := num(d.resolve(box[3])); ok && top > 0 {
				return top
			}
		}
		pd = d.dictOf(pd["Parent"])
	}
	return 842
}
