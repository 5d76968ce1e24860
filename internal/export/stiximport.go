package export

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"dossier"
	"dossier/internal/store"
)

// ImportResult says what ImportSTIX did.
type ImportResult struct {
	Bundle    string `json:"bundle"`    // the bundle's id
	Objects   int    `json:"objects"`   // objects read
	Documents int    `json:"documents"` // documents stored
	Existing  int    `json:"existing"`  // documents already stored, left unchanged
	// Derived counts the objects of known STIX types that need nothing stored of their
	// own: entities, relationships and notes that dossier rebuilds from the documents
	// of the reports, the extension definition, markings, observables.
	Derived int `json:"derived"`
	// Skipped counts the objects of types STIX 2.1 does not define, by type.
	Skipped map[string]int `json:"skipped"`
}

// stixTypes are the object types STIX 2.1 defines.
func stixTypes() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`attack-pattern campaign course-of-action grouping identity incident indicator
		infrastructure intrusion-set location malware malware-analysis note observed-data opinion report threat-actor
		tool vulnerability relationship sighting artifact autonomous-system directory domain-name email-addr
		email-message file ipv4-addr ipv6-addr mac-addr mutex network-traffic process software url user-account
		windows-registry-key x509-certificate language-content marking-definition extension-definition`) {
		m[t] = true
	}
	return m
}

// stixIDPattern is the form of a STIX identifier: type "--" UUID.
var stixIDPattern = regexp.MustCompile(`^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// reportExt is what dossier's extension carries on a report.
type reportExt struct {
	DocID      string              `json:"doc_id"`
	Title      string              `json:"title"`
	Date       string              `json:"date"`
	Source     string              `json:"source"`
	Series     string              `json:"series"`
	Lang       string              `json:"lang"`
	Format     string              `json:"format"`
	Marking    string              `json:"marking"`
	Size       int64               `json:"size"`
	IngestedAt string              `json:"ingested_at"`
	Extractor  string              `json:"extractor"`
	Text       *string             `json:"text"`
	Footnotes  []dossier.Footnote  `json:"footnotes"`
	Pages      []dossier.Page      `json:"pages"`
	Extraction *dossier.Extraction `json:"extraction"`
}

// stixObject is what import reads of every object.
type stixObject struct {
	ID          string                     `json:"id"`
	Type        string                     `json:"type"`
	Name        string                     `json:"name"`
	Description string                     `json:"description"`
	Published   string                     `json:"published"`
	Created     string                     `json:"created"`
	Lang        string                     `json:"lang"`
	Extensions  map[string]json.RawMessage `json:"extensions"`
}

// pendingDoc is a validated report to store, found at [start, end) of the input.
type pendingDoc struct {
	at         time.Time
	docID      string
	start, end int64
}

// ImportSTIX reads a STIX 2.1 bundle and stores the documents it describes: each report
// that carries dossier's extension becomes the document and extraction it was exported
// from (so that export, import into an empty store and export again give the same
// objects), and a report from another producer becomes a document whose text is its
// name and description, with no extraction. Entities and relations are rebuilt by the
// store from the documents; the other objects are counted, and objects of types STIX
// does not define are skipped and counted by type.
//
// The bundle is read twice, as a stream, never whole: a first pass validates every
// object (a malformed object is an error naming its index and id, wrapping
// dossier.ErrInvalid) and nothing is stored unless all of them pass; the second stores
// the documents in their original ingestion order, one transaction per document. Input
// that is not seekable is spooled to a temporary file in between. When actor is not
// empty, each stored document gets a note saying who imported it from which bundle.
func ImportSTIX(ctx context.Context, st *store.Store, r io.Reader, actor string) (ImportResult, error) {
	res := ImportResult{Skipped: map[string]int{}}
	src, cleanup, err := seekable(r)
	if err != nil {
		return res, fmt.Errorf("import stix: %w", err)
	}
	defer cleanup()
	base, err := src.Seek(0, io.SeekCurrent)
	if err != nil {
		return res, fmt.Errorf("import stix: %w", err)
	}
	var docs []pendingDoc
	res, docs, err = scanBundle(ctx, src, res, objectLimit)
	if err != nil {
		return res, fmt.Errorf("import stix: %w", err)
	}
	sort.SliceStable(docs, func(i, j int) bool {
		if !docs[i].at.Equal(docs[j].at) {
			return docs[i].at.Before(docs[j].at)
		}
		return docs[i].docID < docs[j].docID
	})
	seen := map[string]bool{}
	for _, p := range docs {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("import stix: %w", err)
		}
		if seen[p.docID] {
			res.Existing++
			continue
		}
		seen[p.docID] = true
		buf := make([]byte, p.end-p.start)
		if _, err := src.ReadAt(buf, base+p.start); err != nil {
			return res, fmt.Errorf("import stix: reread %s: %w", p.docID, err)
		}
		var obj stixObject
		if err := json.Unmarshal(trimSep(buf), &obj); err != nil {
			return res, fmt.Errorf("import stix: reread %s: %w", p.docID, err)
		}
		doc, ex, extractor, err := reportDocument(&obj)
		if err != nil {
			return res, fmt.Errorf("import stix: %s: %w", obj.ID, err)
		}
		put, err := st.PutDocument(ctx, doc, ex, extractor)
		if err != nil {
			return res, fmt.Errorf("import stix: %s: %w", obj.ID, err)
		}
		if !put.New {
			res.Existing++
			continue
		}
		res.Documents++
		if actor != "" {
			if _, err := st.Note(ctx, actor, doc.ID, "imported from STIX "+res.Bundle+" ("+obj.ID+")"); err != nil {
				return res, fmt.Errorf("import stix: %s: %w", obj.ID, err)
			}
		}
	}
	return res, nil
}

// readerAtSeeker is a seekable input.
type readerAtSeeker interface {
	io.ReadSeeker
	io.ReaderAt
}

// seekable returns r if it can be read twice, else a temporary copy of it.
func seekable(r io.Reader) (readerAtSeeker, func(), error) {
	if rs, ok := r.(readerAtSeeker); ok {
		// A pipe or terminal (standard input) has the methods but cannot seek.
		if _, err := rs.Seek(0, io.SeekCurrent); err == nil {
			return rs, func() {}, nil
		}
	}
	f, err := os.CreateTemp("", "dossier-stix-*.json")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { f.Close(); os.Remove(f.Name()) }
	if _, err := io.Copy(f, r); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("read bundle: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		cleanup()
		return nil, nil, err
	}
	return f, cleanup, nil
}

// trimSep drops the separator and spaces the decoder left before an array element.
func trimSep(b []byte) []byte {
	return bytes.TrimLeft(b, " \t\r\n,")
}

func invalid(format string, args ...any) error {
	return fmt.Errorf(format+": %w", append(args, dossier.ErrInvalid)...)
}

// scanBundle validates a whole bundle and returns the documents to store with their
// positions in the input.
func scanBundle(ctx context.Context, r io.Reader, res ImportResult, limit int64) (ImportResult, []pendingDoc, error) {
	// The decoder's offsets count from the start of r.
	cr := &cappedReader{r: bufio.NewReaderSize(r, 64<<10), limit: limit}
	dec := json.NewDecoder(cr)
	cr.mark = dec.InputOffset
	tok, err := dec.Token()
	if err != nil {
		return res, nil, invalid("not JSON: %v", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return res, nil, invalid("not a STIX bundle: want a JSON object")
	}
	known := stixTypes()
	var docs []pendingDoc
	var bundleType string
	sawObjects := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return res, nil, invalid("bundle: %v", err)
		}
		key, _ := tok.(string)
		switch key {
		case "type", "id":
			var s string
			if err := dec.Decode(&s); err != nil {
				return res, nil, invalid("bundle %s: %v", key, err)
			}
			if key == "type" {
				bundleType = s
			} else {
				res.Bundle = s
			}
		case "objects":
			sawObjects = true
			if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
				return res, nil, invalid("bundle objects: want an array")
			}
			for i := 0; dec.More(); i++ {
				if i%1000 == 0 {
					if err := ctx.Err(); err != nil {
						return res, nil, err
					}
				}
				start := dec.InputOffset()
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return res, nil, invalid("object %d: %v", i, err)
				}
				end := dec.InputOffset()
				res.Objects++
				p, err := checkObject(i, raw, known, &res)
				if err != nil {
					return res, nil, err
				}
				if p != nil {
					p.start, p.end = start, end
					docs = append(docs, *p)
				}
			}
			if _, err := dec.Token(); err != nil {
				return res, nil, invalid("bundle objects: %v", err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return res, nil, invalid("bundle %s: %v", key, err)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return res, nil, invalid("bundle: %v", err)
	}
	if bundleType != "bundle" {
		return res, nil, invalid("not a STIX bundle: type %q", bundleType)
	}
	if !stixIDPattern.MatchString(res.Bundle) || !strings.HasPrefix(res.Bundle, "bundle--") {
		return res, nil, invalid("bundle id %q is not a bundle identifier", res.Bundle)
	}
	if !sawObjects {
		return res, nil, nil
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return res, nil, invalid("data after the bundle")
	}
	return res, docs, nil
}

// objectLimit caps the size of one value of a bundle (a report carries its document's
// text and extraction), so that a malformed or hostile bundle cannot make import hold an
// unbounded value in memory.
const objectLimit = 256 << 20

// cappedReader fails once the decoder has read more than limit bytes past the end of the
// last value it returned.
type cappedReader struct {
	r     io.Reader
	read  int64
	limit int64
	mark  func() int64 // the decoder's offset
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.mark != nil && c.read-c.mark() > c.limit {
		return 0, fmt.Errorf("a value larger than %d bytes", c.limit)
	}
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}

// checkObject validates object i and returns the document it describes, if any.
func checkObject(i int, raw json.RawMessage, known map[string]bool, res *ImportResult) (*pendingDoc, error) {
	var obj stixObject
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, invalid("object %d: %v", i, err)
	}
	switch {
	case obj.ID == "" && obj.Type == "":
		return nil, invalid("object %d: no id and no type", i)
	case obj.ID == "":
		return nil, invalid("object %d (type %s): no id", i, obj.Type)
	case obj.Type == "":
		return nil, invalid("object %d (%s): no type", i, obj.ID)
	}
	m := stixIDPattern.FindStringSubmatch(obj.ID)
	if m == nil {
		return nil, invalid("object %d: id %q is not a STIX identifier", i, obj.ID)
	}
	if m[1] != obj.Type {
		return nil, invalid("object %d (%s): type %q does not match its id", i, obj.ID, obj.Type)
	}
	if !known[obj.Type] {
		res.Skipped[obj.Type]++
		return nil, nil
	}
	if obj.Type != "report" {
		res.Derived++
		return nil, nil
	}
	doc, _, _, err := reportDocument(&obj)
	if err != nil {
		return nil, fmt.Errorf("object %d (%s): %w", i, obj.ID, err)
	}
	if doc == nil {
		res.Derived++
		return nil, nil
	}
	return &pendingDoc{at: doc.IngestedAt, docID: doc.ID}, nil
}

// reportDocument rebuilds the document and extraction a report describes, and names
// the extractor that made it: from dossier's extension when the report carries one,
// else from its name and description (nil when it has neither). It checks everything
// PutDocument would refuse.
func reportDocument(obj *stixObject) (*dossier.Document, *dossier.Extraction, string, error) {
	raw, ok := obj.Extensions[ExtensionID()]
	if !ok {
		doc, ex := foreignReport(obj)
		return doc, ex, "stix-import", nil
	}
	var x reportExt
	if err := json.Unmarshal(raw, &x); err != nil {
		return nil, nil, "", invalid("dossier extension: %v", err)
	}
	if x.DocID == "" {
		return nil, nil, "", invalid("dossier extension: no doc_id")
	}
	if x.Text == nil { // an empty text is left out, as STIX asks of empty values
		x.Text = new(string)
	}
	date, err := dossier.ParseDate(x.Date)
	if err != nil {
		return nil, nil, "", invalid("dossier extension: %v", err)
	}
	at, err := time.Parse(time.RFC3339Nano, x.IngestedAt)
	if err != nil {
		return nil, nil, "", invalid("dossier extension: ingested_at %q: %v", x.IngestedAt, err)
	}
	doc := &dossier.Document{ID: x.DocID, Title: x.Title, Date: date, Source: x.Source, Series: x.Series,
		Lang: x.Lang, Format: x.Format, Marking: x.Marking, Size: x.Size, Text: *x.Text, Footnotes: x.Footnotes,
		Pages: x.Pages, IngestedAt: at}
	ex := x.Extraction
	if ex == nil {
		ex = &dossier.Extraction{}
	}
	ex.Document = nil
	if err := checkExtraction(doc, ex); err != nil {
		return nil, nil, "", err
	}
	return doc, ex, x.Extractor, nil
}

// checkExtraction refuses what PutDocument would refuse, so that validation finds it
// before anything is stored.
func checkExtraction(doc *dossier.Document, ex *dossier.Extraction) error {
	if err := ex.CheckSpans(doc.Text); err != nil {
		return err
	}
	ids := map[string]bool{}
	for i, e := range ex.Entities {
		switch {
		case e.ID == "":
			return invalid("entity %d has no id", i)
		case ids[e.ID]:
			return invalid("entity id %s repeated", e.ID)
		case !e.Type.Valid():
			return invalid("entity %s: type %q", e.ID, e.Type)
		}
		ids[e.ID] = true
	}
	for _, r := range ex.Relations {
		if !ids[r.Source] || !ids[r.Target] {
			return invalid("relation %s: unknown entity %s or %s", r.ID, r.Source, r.Target)
		}
		if !r.Type.Valid() {
			return invalid("relation %s: type %q", r.ID, r.Type)
		}
	}
	for _, v := range ex.Events {
		for _, p := range v.Participants {
			if !ids[p] {
				return invalid("event %s: unknown participant %s", v.ID, p)
			}
		}
	}
	return nil
}

// foreignReport makes a document of a report from another producer: its name and
// description as text, its publication date, no extraction.
func foreignReport(obj *stixObject) (*dossier.Document, *dossier.Extraction) {
	text := strings.TrimSpace(strings.TrimSpace(obj.Name) + "\n\n" + strings.TrimSpace(obj.Description))
	if text == "" {
		return nil, nil
	}
	sum := sha256.Sum256([]byte(obj.ID + "\x00" + text))
	doc := &dossier.Document{ID: "sha256:" + hex.EncodeToString(sum[:]), Title: obj.Name, Source: obj.ID,
		Lang: obj.Lang, Format: "stix", Size: int64(len(text)), Text: text}
	if t, err := time.Parse(time.RFC3339Nano, obj.Published); err == nil {
		doc.Date = dossier.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	if t, err := time.Parse(time.RFC3339Nano, obj.Created); err == nil {
		doc.IngestedAt = t
	}
	return doc, &dossier.Extraction{}
}
