// Package ingest turns files (txt, md, html, pdf, docx) and streams into dossier Documents:
// it detects the format, decodes the bytes to canonical UTF-8 text (NFC, "\n" line ends, no
// BOM, no control characters other than "\n" and "\t"), reads metadata (title, date, series)
// from the format and from the text itself, and detects the language. Every offset anywhere
// in dossier points into the canonical text built here.
package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dossier"
	"dossier/internal/ingest/docx"
	"dossier/internal/ingest/html"
	"dossier/internal/ingest/lang"
	"dossier/internal/ingest/markdown"
	"dossier/internal/ingest/notes"
	"dossier/internal/ingest/pdf"
	"dossier/internal/ingest/when"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is zero.
const DefaultMaxBytes = 64 << 20

// Options configures ingestion.
type Options struct {
	// MaxBytes is the largest input accepted, in raw bytes; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Now is the clock for Document.IngestedAt; nil means time.Now.
	Now func() time.Time
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now().UTC()
	}
	return o.Now()
}

// Formats lists the supported formats, which are also the file extensions recognised
// (plus ".htm" and ".markdown").
var formatByExt = map[string]string{
	".txt":      "txt",
	".text":     "txt",
	".md":       "md",
	".markdown": "md",
	".html":     "html",
	".htm":      "html",
	".xhtml":    "html",
	".pdf":      "pdf",
	".docx":     "docx",
}

// Supported reports whether path has an extension that ingest can read. "-" (standard
// input) is supported.
func Supported(path string) bool {
	if path == "-" {
		return true
	}
	_, ok := formatByExt[strings.ToLower(filepath.Ext(path))]
	return ok
}

// File reads and ingests the file at path. The format is detected from the extension and
// confirmed by sniffing the content. Errors are *dossier.InputError values naming path and
// wrapping dossier.ErrInvalid or dossier.ErrUnsupported (or the underlying fs error).
// Standard input is the caller's to pass to Reader: File treats "-" as a file name.
func File(path string, opts Options) (*dossier.Document, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &dossier.InputError{Op: "ingest", Path: path, Err: err}
	}
	if fi.IsDir() {
		return nil, &dossier.InputError{Op: "ingest", Path: path, Err: fmt.Errorf("is a directory: %w", dossier.ErrInvalid)}
	}
	if !fi.Mode().IsRegular() {
		return nil, &dossier.InputError{Op: "ingest", Path: path, Err: fmt.Errorf("not a regular file: %w", dossier.ErrUnsupported)}
	}
	if fi.Size() > opts.maxBytes() {
		return nil, &dossier.InputError{Op: "ingest", Path: path, Err: tooLarge(opts.maxBytes())}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &dossier.InputError{Op: "ingest", Path: path, Err: err}
	}
	defer f.Close()
	return Reader(f, path, opts)
}

func tooLarge(limit int64) error {
	return fmt.Errorf("file larger than the %d MiB limit: %w", limit>>20, dossier.ErrInvalid)
}

// Reader ingests the content read from r. name is used for format detection (its
// extension) and becomes Document.Source; "-" stands for standard input. At most
// Options.MaxBytes+1 bytes are read: larger input is refused.
func Reader(r io.Reader, name string, opts Options) (*dossier.Document, error) {
	limit := opts.maxBytes()
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &dossier.InputError{Op: "read", Path: name, Err: err}
	}
	if int64(len(raw)) > limit {
		return nil, &dossier.InputError{Op: "ingest", Path: name, Err: tooLarge(limit)}
	}
	doc, err := Bytes(raw, name, opts)
	if err != nil {
		return nil, &dossier.InputError{Op: "ingest", Path: name, Err: err}
	}
	return doc, nil
}

// Bytes ingests raw content already in memory; name plays the same part as in Reader.
// Its errors carry no file name (Reader and File add it).
func Bytes(raw []byte, name string, opts Options) (*dossier.Document, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("empty file: %w", dossier.ErrInvalid)
	}
	if int64(len(raw)) > opts.maxBytes() {
		return nil, tooLarge(opts.maxBytes())
	}
	format, err := Detect(name, raw)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	doc := &dossier.Document{
		ID:         "sha256:" + hex.EncodeToString(sum[:]),
		Source:     name,
		Format:     format,
		Marking:    dossier.DefaultMarking,
		Size:       int64(len(raw)),
		IngestedAt: opts.now(),
	}
	// Metadata: for txt, md and html the format's own (front matter, meta tags) comes
	// first; for pdf and docx the text's header wins over document properties, which
	// are often a template's or the converter's.
	var formatMeta Meta
	switch format {
	case "pdf":
		res, err := pdf.Extract(raw, pdf.Options{})
		if err != nil {
			return nil, err
		}
		doc.Text, doc.Pages = canonicalPages(res.Text, res.Pages)
		formatMeta.Title, formatMeta.Date = res.Title, when.Loose(res.Date)
	case "docx":
		res, err := docx.Extract(raw, docx.Options{})
		if err != nil {
			return nil, err
		}
		formatMeta.Title, formatMeta.Date = res.Title, when.Loose(res.Date)
		doc.Text = Canonical(res.Text)
	default:
		s, err := decode(raw, format)
		if err != nil {
			return nil, err
		}
		switch format {
		case "html":
			res, err := html.Extract(strings.NewReader(s), html.Options{})
			if err != nil {
				return nil, err
			}
			s = res.Text
			formatMeta.Title, formatMeta.Date = strings.TrimSpace(Canonical(res.Title)), when.Loose(res.Date)
		case "md":
			res := markdown.Extract(s)
			s = res.Text
			formatMeta.Title, formatMeta.Date = res.Title, when.Loose(res.Date)
			formatMeta.Series = res.Series
		}
		doc.Text = Canonical(s)
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, fmt.Errorf("no text in %s content: %w", format, dossier.ErrInvalid)
	}
	meta := formatMeta
	if format == "pdf" || format == "docx" {
		meta = Metadata(doc.Text)
		meta.merge(formatMeta)
	} else {
		meta.merge(Metadata(doc.Text))
	}
	doc.Title, doc.Date, doc.Series = meta.Title, meta.Date, meta.Series
	doc.Lang = lang.Detect(doc.Text)
	doc.Footnotes = notes.Find(doc.Text)
	return doc, nil
}

// Detect returns the format of raw content named name: "txt", "md", "html", "pdf" or
// "docx". The extension decides, checked against the content (a PDF or zip signature, an
// HTML root element); for "-" or an unknown extension the content alone decides.
func Detect(name string, raw []byte) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	format, known := formatByExt[ext]
	sniffed := sniff(raw)
	switch {
	case name == "-" || name == "":
		if sniffed == "" {
			return "", errBinary
		}
		return sniffed, nil
	case !known:
		return "", fmt.Errorf("unsupported file type %q: %w", ext, dossier.ErrUnsupported)
	}
	switch format {
	case "pdf", "docx":
		if sniffed != format {
			return "", fmt.Errorf("not a %s file (content does not match the extension): %w", format, dossier.ErrInvalid)
		}
	default:
		switch sniffed {
		case "":
			return "", errBinary
		case "pdf", "docx":
			return "", fmt.Errorf("%s content in a .%s file: %w", sniffed, strings.TrimPrefix(ext, "."), dossier.ErrInvalid)
		}
		if format == "txt" && sniffed == "html" {
			return "html", nil
		}
	}
	return format, nil
}

var errBinary = fmt.Errorf("binary content, not text: %w", dossier.ErrInvalid)

// sniff classifies content: "pdf", "docx" (any zip), "html", "txt", or "" for binary.
func sniff(raw []byte) string {
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "docx"
	}
	if hasUTF16BOM(head) {
		return sniffText(head)
	}
	if looksBinary(head) {
		return ""
	}
	return sniffText(head)
}

func sniffText(head []byte) string {
	t := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, bomUTF8), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if bytes.HasPrefix(t, []byte(p)) {
			if p == "<?xml" && !bytes.Contains(t, []byte("<html")) {
				return "txt"
			}
			return "html"
		}
	}
	return "txt"
}

// looksBinary reports NUL bytes or a high share of control bytes.
func looksBinary(head []byte) bool {
	ctl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' && b != 0x1b:
			ctl++
		}
	}
	return len(head) > 0 && ctl*20 > len(head) // more than 5%
}

// IsInput reports whether err is an input problem (invalid or unsupported content) rather
// than an I/O failure.
func IsInput(err error) bool {
	return errors.Is(err, dossier.ErrInvalid) || errors.Is(err, dossier.ErrUnsupported)
}

// canonicalPages canonicalizes each page's text and recomputes the page ranges.
func canonicalPages(text string, pages []dossier.Page) (string, []dossier.Page) {
	if len(pages) == 0 {
		return Canonical(text), nil
	}
	var b strings.Builder
	out := make([]dossier.Page, 0, len(pages))
	prev := 0
	for _, p := range pages {
		if p.Start < prev || p.End < p.Start || p.End > len(text) {
			return Canonical(text), nil
		}
		b.WriteString(Canonical(text[prev:p.Start]))
		start := b.Len()
		b.WriteString(Canonical(text[p.Start:p.End]))
		out = append(out, dossier.Page{Number: p.Number, Start: start, End: b.Len()})
		prev = p.End
	}
	b.WriteString(Canonical(text[prev:]))
	return b.String(), out
}
