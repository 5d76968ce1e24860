// Package docx extracts the text of a Word (.docx, Office Open XML) document with
// archive/zip and encoding/xml: paragraphs, headings, tables (cells separated by tabs,
// rows by line ends), text boxes, footnotes and endnotes. Note references become
// markers "[n]" in the text and the notes follow the body as a numbered list, so that
// the notes reader links them. Decompression is bounded: the archive's entry count
// and the total size of the parts read are capped, so zip bombs are refused.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"dossier"
)

// Limits used when Options fields are zero.
const (
	DefaultMaxEntries      = 10_000
	DefaultMaxUncompressed = 256 << 20
)

// Options configures extraction.
type Options struct {
	MaxEntries      int   // archive entries allowed; 0 means DefaultMaxEntries
	MaxUncompressed int64 // total bytes of the parts read; 0 means DefaultMaxUncompressed
}

// Result is the text and metadata of a DOCX document.
type Result struct {
	Title string // core properties title, else the first Title or Heading 1 paragraph
	Date  string // core properties creation date, raw
	Text  string
}

var errBomb = fmt.Errorf("uncompressed content exceeds the limit (a zip bomb?): %w", dossier.ErrInvalid)

type archive struct {
	files map[string]*zip.File
	left  int64
}

// read returns a part's bytes within the remaining budget.
func (a *archive) read(name string) ([]byte, error) {
	f, ok := a.files[name]
	if !ok {
		return nil, nil
	}
	if int64(f.UncompressedSize64) > a.left && f.UncompressedSize64 > 0 {
		return nil, errBomb
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s in archive: %v: %w", name, err, dossier.ErrInvalid)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, a.left+1))
	if int64(len(data)) > a.left {
		return nil, errBomb
	}
	a.left -= int64(len(data))
	if err != nil {
		return nil, fmt.Errorf("read %s in archive: %v: %w", name, err, dossier.ErrInvalid)
	}
	return data, nil
}

// Extract returns the text of the DOCX document in raw.
func Extract(raw []byte, opts Options) (Result, error) {
	maxEntries := opts.MaxEntries
	if maxEntries <= 0 {
		maxEntries = DefaultMaxEntries
	}
	limit := opts.MaxUncompressed
	if limit <= 0 {
		limit = DefaultMaxUncompressed
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return Result{}, fmt.Errorf("not a zip archive: %v: %w", err, dossier.ErrInvalid)
	}
	if len(zr.File) > maxEntries {
		return Result{}, fmt.Errorf("archive has %d entries, more than %d: %w", len(zr.File), maxEntries, dossier.ErrInvalid)
	}
	a := &archive{files: map[string]*zip.File{}, left: limit}
	for _, f := range zr.File {
		a.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	mainPart, err := a.mainPart()
	if err != nil {
		return Result{}, err
	}
	if _, ok := a.files[mainPart]; !ok {
		if _, odt := a.files["content.xml"]; odt {
			return Result{}, fmt.Errorf("OpenDocument text is not supported: %w", dossier.ErrUnsupported)
		}
		return Result{}, fmt.Errorf("no %s in archive: not a Word document: %w", mainPart, dossier.ErrInvalid)
	}
	dir := path.Dir(mainPart)
	styles, err := a.styles(path.Join(dir, "styles.xml"))
	if err != nil {
		return Result{}, err
	}
	w := &walker{styles: styles, noteNum: map[string]int{}}
	body, err := a.read(mainPart)
	if err != nil {
		return Result{}, err
	}
	if err := w.body(body); err != nil {
		return Result{}, err
	}
	noteText := map[int]string{}
	for _, kind := range []string{"footnote", "endnote"} {
		data, err := a.read(path.Join(dir, kind+"s.xml"))
		if err != nil {
			return Result{}, err
		}
		if data == nil {
			continue
		}
		if err := w.notes(data, kind, noteText); err != nil {
			return Result{}, err
		}
	}
	var noteParts []string
	for n := 1; n <= w.next; n++ {
		if t, ok := noteText[n]; ok {
			noteParts = append(noteParts, strconv.Itoa(n)+". "+t)
		}
	}
	var res Result
	res.Text = strings.Join(w.paras, "\n\n")
	if len(noteParts) > 0 {
		res.Text += "\n\nNotes\n\n" + strings.Join(noteParts, "\n")
	}
	res.Title = w.title
	core, err := a.read("docProps/core.xml")
	if err != nil {
		return Result{}, err
	}
	if t, d := coreProps(core); t != "" || d != "" {
		if t != "" {
			res.Title = t
		}
		res.Date = d
	}
	return res, nil
}

// mainPart finds the main document part through the package relationships.
func (a *archive) mainPart() (string, error) {
	data, err := a.read("_rels/.rels")
	if err != nil || data == nil {
		return "word/document.xml", err
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return "word/document.xml", nil
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			if strings.HasSuffix(attr(se, "Type"), "/officeDocument") {
				return strings.TrimPrefix(path.Clean("/"+attr(se, "Target")), "/"), nil
			}
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// styles maps paragraph style ids to heading levels (0 for Title, 1-9 for headings).
func (a *archive) styles(name string) (map[string]int, error) {
	out := map[string]int{}
	data, err := a.read(name)
	if err != nil || data == nil {
		return out, err
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	id := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			return out, nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
		case "name":
			if lvl, ok := headingLevel(attr(se, "val")); ok && id != "" {
				out[id] = lvl
			}
		}
	}
}

func headingLevel(styleName string) (int, bool) {
	n := strings.ToLower(strings.TrimSpace(styleName))
	if n == "title" {
		return 0, true
	}
	if rest, ok := strings.CutPrefix(n, "heading"); ok {
		if v, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil && v >= 1 && v <= 9 {
			return v, true
		}
	}
	return 0, false
}

// walker turns WordprocessingML into paragraphs.
type walker struct {
	styles  map[string]int
	paras   []string
	title   string
	noteNum map[string]int // "footnote:3" -> displayed number
	next    int
}

const maxDepth = 512

// body reads the main document.
func (w *walker) body(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var para strings.Builder
	var row []string // cells of the table row being read
	var cell []string
	inCell := 0
	tableDepth := 0
	skip := 0 // depth inside skipped elements (deleted text, fallbacks, field codes)
	depth := 0
	style := ""
	flush := func() {
		t := strings.TrimSpace(para.String())
		para.Reset()
		st := style
		style = ""
		if t == "" {
			return
		}
		if tableDepth > 0 && inCell > 0 {
			cell = append(cell, t)
			return
		}
		lvl, ok := w.styles[st]
		if !ok {
			lvl, ok = headingLevel(st) // no styles part: built-in ids such as "Heading1"
		}
		if ok && w.title == "" && lvl <= 1 {
			w.title = t
		}
		w.paras = append(w.paras, t)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(w.paras) > 0 || para.Len() > 0 {
				flush()
				break
			}
			return fmt.Errorf("malformed document XML: %v: %w", err, dossier.ErrInvalid)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return fmt.Errorf("document XML nested deeper than %d: %w", maxDepth, dossier.ErrInvalid)
			}
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "del", "delText", "instrText", "Fallback", "footnoteRef", "endnoteRef":
				skip = 1
			case "p":
				if para.Len() > 0 {
					flush()
				}
			case "pStyle":
				style = attr(t, "val")
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "noBreakHyphen":
				para.WriteByte('-')
			case "tbl":
				flush()
				tableDepth++
			case "tr":
				row = row[:0]
			case "tc":
				inCell++
				cell = cell[:0]
			case "footnoteReference", "endnoteReference":
				kind := strings.TrimSuffix(t.Name.Local, "Reference")
				w.next++
				w.noteNum[kind+":"+attr(t, "id")] = w.next
				fmt.Fprintf(&para, "[%d]", w.next)
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p":
				flush()
			case "tc":
				flush()
				row = append(row, strings.Join(cell, " "))
				inCell--
			case "tr":
				if strings.TrimSpace(strings.Join(row, "")) != "" {
					w.paras = append(w.paras, strings.Join(row, "\t"))
				}
			case "tbl":
				tableDepth--
			}
		case xml.CharData:
			if skip == 0 && depth > 0 {
				para.Write(t)
			}
		}
	}
	flush()
	return nil
}

// notes reads footnotes.xml or endnotes.xml into out, keyed by the number their
// references got in the body (unreferenced notes are dropped).
func (w *walker) notes(data []byte, kind string, out map[int]string) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var cur strings.Builder
	id, skip, depth := "", 0, 0
	in := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return fmt.Errorf("%ss XML nested deeper than %d: %w", kind, maxDepth, dossier.ErrInvalid)
			}
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case kind:
				in = attr(t, "type") == ""
				id = attr(t, "id")
				cur.Reset()
			case "del", "delText", "instrText", "Fallback", "footnoteRef", "endnoteRef":
				skip = 1
			case "p":
				if cur.Len() > 0 {
					cur.WriteByte(' ')
				}
			case "tab":
				cur.WriteByte(' ')
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Local == kind && in {
				if n, ok := w.noteNum[kind+":"+id]; ok {
					out[n] = strings.Join(strings.Fields(cur.String()), " ")
				}
				in = false
			}
		case xml.CharData:
			if in && skip == 0 {
				cur.Write(t)
			}
		}
	}
	return nil
}

// coreProps reads the title and creation date from docProps/core.xml.
func coreProps(data []byte) (title, date string) {
	if data == nil {
		return "", ""
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	field := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			return title, date
		}
		switch t := tok.(type) {
		case xml.StartElement:
			field = t.Name.Local
		case xml.EndElement:
			field = ""
		case xml.CharData:
			v := strings.TrimSpace(string(t))
			switch field {
			case "title":
				if title == "" {
					title = v
				}
			case "created":
				if date == "" {
					date = v
				}
			}
		}
	}
}
