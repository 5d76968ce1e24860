package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"dossier"
)

// fixture builds a document and its extraction from plain text, computing every span from
// the text so that the span invariant holds.
type fixture struct {
	t   testing.TB
	doc dossier.Document
	ex  dossier.Extraction
}

func newDoc(t testing.TB, title, date, text string) *fixture {
	t.Helper()
	sum := sha256.Sum256([]byte(title + "\x00" + text))
	d, err := dossier.ParseDate(date)
	if err != nil {
		t.Fatalf("fixture date %q: %v", date, err)
	}
	return &fixture{t: t, doc: dossier.Document{
		ID: "sha256:" + hex.EncodeToString(sum[:]), Title: title, Date: d, Source: "test/" + title + ".txt",
		Lang: "en", Format: "txt", Size: int64(len(text)), Text: text,
	}}
}

// span returns the span of the n-th (0-based) occurrence of s in the text.
func (f *fixture) span(s string, n int) dossier.Span {
	f.t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(f.doc.Text[off:], s)
		if j < 0 {
			f.t.Fatalf("fixture: %q not in text (occurrence %d)", s, n)
		}
		if i == n {
			return dossier.SpanOf(f.doc.Text, off+j, off+j+len(s))
		}
		off += j + len(s)
	}
}

// ent adds an entity mentioned by every occurrence of its name and aliases.
func (f *fixture) ent(id, name string, typ dossier.EntityType, kb string, aliases ...string) *fixture {
	e := dossier.Entity{ID: id, Name: name, Type: typ, Aliases: aliases}
	if kb != "" {
		e.KBID = &kb
	}
	// Longest names first; a shorter name inside a longer mention is no mention of its own.
	names := append([]string{name}, aliases...)
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	var taken []dossier.Span
	for _, n := range names {
	next:
		for i := 0; strings.Count(f.doc.Text, n) > i; i++ {
			sp := f.span(n, i)
			for _, o := range taken {
				if sp.Start < o.End && o.Start < sp.End {
					continue next
				}
			}
			taken = append(taken, sp)
			e.Mentions = append(e.Mentions, dossier.Mention{Span: sp, Form: dossier.FormName})
		}
	}
	sort.Slice(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
	f.ex.Entities = append(f.ex.Entities, e)
	return f
}

// relOpt changes a relation being added.
type relOpt func(*dossier.Relation)

func dated(d string) relOpt           { return func(r *dossier.Relation) { r.Date = &d } }
func attributed(a string) relOpt      { return func(r *dossier.Relation) { r.AttributedTo = &a } }
func hedged() relOpt                  { return func(r *dossier.Relation) { r.Hedged = true } }
func negated() relOpt                 { return func(r *dossier.Relation) { r.Negated = true } }
func subtype(s string) relOpt         { return func(r *dossier.Relation) { r.Subtype = &s } }
func withRole(s string) relOpt        { return func(r *dossier.Relation) { r.Role = &s } }
func withQuantity(s string) relOpt    { return func(r *dossier.Relation) { r.Quantity = &s } }
func withConfidence(c float64) relOpt { return func(r *dossier.Relation) { r.Confidence = c } }

// rel adds a relation whose evidence is the first occurrence of evidence in the text.
func (f *fixture) rel(id string, typ dossier.RelationType, src, dst, evidence string, opts ...relOpt) *fixture {
	r := dossier.Relation{ID: id, Type: typ, Source: src, Target: dst, Confidence: 0.7, Evidence: f.span(evidence, 0)}
	for _, o := range opts {
		o(&r)
	}
	f.ex.Relations = append(f.ex.Relations, r)
	return f
}

// event adds an event.
func (f *fixture) event(id, name string, typ dossier.RelationType, date, evidence string, participants ...string) *fixture {
	v := dossier.Event{ID: id, Type: typ, Participants: participants, Evidence: f.span(evidence, 0)}
	if name != "" {
		v.Name = &name
	}
	if date != "" {
		v.Date = &date
	}
	f.ex.Events = append(f.ex.Events, v)
	return f
}

func (f *fixture) ingestedAt(t time.Time) *fixture { f.doc.IngestedAt = t; return f }

func (f *fixture) String() string { return fmt.Sprintf("doc %s %q", f.doc.ID[:15], f.doc.Title) }
