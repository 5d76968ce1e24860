package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// doc builds a document and its extraction from plain text; every span is computed from
// the text so that the span invariant holds.
type doc struct {
	t   testing.TB
	d   dossier.Document
	ex  dossier.Extraction
	ent map[string]*dossier.Entity
}

func newDoc(t testing.TB, title, date, text string, at time.Time) *doc {
	t.Helper()
	sum := sha256.Sum256([]byte(title + "\x00" + text))
	d, err := dossier.ParseDate(date)
	if err != nil {
		t.Fatalf("date %q: %v", date, err)
	}
	return &doc{t: t, ent: map[string]*dossier.Entity{}, d: dossier.Document{
		ID: "sha256:" + hex.EncodeToString(sum[:]), Title: title, Date: d, Source: "test/" + title + ".txt",
		Lang: "en", Format: "txt", Size: int64(len(text)), Text: text, IngestedAt: at,
	}}
}

// span returns the first occurrence of s in the text.
func (f *doc) span(s string) dossier.Span {
	f.t.Helper()
	i := strings.Index(f.d.Text, s)
	if i < 0 {
		f.t.Fatalf("%q not in text of %q", s, f.d.Title)
	}
	return dossier.SpanOf(f.d.Text, i, i+len(s))
}

// entity adds an entity mentioned at every occurrence of its name.
func (f *doc) entity(id, name string, typ dossier.EntityType, kb string, roles ...string) *doc {
	e := dossier.Entity{ID: id, Name: name, Type: typ, Roles: roles}
	if kb != "" {
		e.KBID = &kb
	}
	for off := 0; ; {
		i := strings.Index(f.d.Text[off:], name)
		if i < 0 {
			break
		}
		e.Mentions = append(e.Mentions, dossier.Mention{Span: dossier.SpanOf(f.d.Text, off+i, off+i+len(name)), Form: dossier.FormName})
		off += i + len(name)
	}
	f.ex.Entities = append(f.ex.Entities, e)
	return f
}

type relOpt func(*dossier.Relation)

func onDate(d string) relOpt          { return func(r *dossier.Relation) { r.Date = &d } }
func saidBy(a string) relOpt          { return func(r *dossier.Relation) { r.AttributedTo = &a } }
func inPlace(p string) relOpt         { return func(r *dossier.Relation) { r.Place = &p } }
func withHedge() relOpt               { return func(r *dossier.Relation) { r.Hedged = true } }
func withDenial() relOpt              { return func(r *dossier.Relation) { r.Negated = true } }
func withQuantity(q string) relOpt    { return func(r *dossier.Relation) { r.Quantity = &q } }
func withConfidence(c float64) relOpt { return func(r *dossier.Relation) { r.Confidence = c } }

func (f *doc) rel(id string, typ dossier.RelationType, src, dst, evidence string, opts ...relOpt) *doc {
	r := dossier.Relation{ID: id, Type: typ, Source: src, Target: dst, Confidence: 0.7, Evidence: f.span(evidence)}
	for _, o := range opts {
		o(&r)
	}
	f.ex.Relations = append(f.ex.Relations, r)
	return f
}

func (f *doc) event(id, name string, typ dossier.RelationType, date, evidence string, who ...string) *doc {
	v := dossier.Event{ID: id, Type: typ, Participants: who, Evidence: f.span(evidence)}
	if name != "" {
		v.Name = &name
	}
	if date != "" {
		v.Date = &date
	}
	f.ex.Events = append(f.ex.Events, v)
	return f
}

// corpus returns three small documents covering every entity type, dated, attributed,
// hedged and denied claims, places and events.
func corpus(t testing.TB) []*doc {
	t0 := time.Date(2024, 3, 1, 9, 30, 0, 123456789, time.UTC)
	a := newDoc(t, "Security talks in Moscow", "2023-02-08",
		"Nikolai Patrushev met Zamir Kabulov in Moscow on 8 February. "+
			"Patrushev criticized the Taliban for harbouring militants. "+
			"Informed sources say Russia supplied arms to the Taliban. "+
			"The Security Dialogue on Afghanistan gathered Russia, India & China.", t0).
		entity("e1", "Nikolai Patrushev", dossier.Person, "", "Security Council secretary").
		entity("e2", "Zamir Kabulov", dossier.Person, "").
		entity("e3", "Moscow", dossier.Location, "geonames:524901").
		entity("e4", "Taliban", dossier.ArmedGroup, "").
		entity("e5", "Russia", dossier.Country, "RU").
		entity("e6", "India", dossier.Country, "IN").
		entity("e7", "China", dossier.Country, "CN").
		entity("e8", "Security Dialogue on Afghanistan", dossier.NamedEvent, "").
		entity("e9", "Afghanistan", dossier.Country, "AF").
		rel("r1", dossier.Consult, "e1", "e2", "Nikolai Patrushev met Zamir Kabulov in Moscow on 8 February.", onDate("2023-02-08"), inPlace("e3")).
		rel("r2", dossier.Disapprove, "e1", "e4", "Patrushev criticized the Taliban for harbouring militants.").
		rel("r3", dossier.Aid, "e5", "e4", "Informed sources say Russia supplied arms to the Taliban.", saidBy("Informed sources"), withHedge(), withQuantity("arms"), withConfidence(0.45)).
		event("v1", "Security Dialogue on Afghanistan", dossier.Consult, "2023-02-08",
			"The Security Dialogue on Afghanistan gathered Russia, India & China.", "e5", "e6", "e7")
	b := newDoc(t, "Kabulov on the Taliban <statement>", "2023-02",
		"Zamir Kabulov said the Taliban had not learned to run a state. "+
			"The Taliban denied that it hosts al-Qaeda. "+
			"The Taliban rules Kandahar.", t0.Add(time.Hour)).
		entity("e1", "Zamir Kabulov", dossier.Person, "").
		entity("e2", "Taliban", dossier.ArmedGroup, "").
		entity("e3", "al-Qaeda", dossier.ArmedGroup, "").
		entity("e4", "Kandahar", dossier.Location, "AF-KAN").
		rel("r1", dossier.Disapprove, "e1", "e2", "Zamir Kabulov said the Taliban had not learned to run a state.", saidBy("e1")).
		rel("r2", dossier.AllyOf, "e2", "e3", "The Taliban denied that it hosts al-Qaeda.", withDenial()).
		rel("r3", dossier.LocatedIn, "e2", "e4", "The Taliban rules Kandahar.")
	c := newDoc(t, "Untitled note", "",
		"The Ministry of Foreign Affairs of Russia accused the United States. "+
			"Tehrik-i-Taliban-Pakistan is a member of the Pakistani Taliban alliance in Central Asia.", t0.Add(2*time.Hour)).
		entity("e1", "Ministry of Foreign Affairs of Russia", dossier.Organization, "").
		entity("e2", "United States", dossier.Country, "US").
		entity("e3", "Tehrik-i-Taliban-Pakistan", dossier.ArmedGroup, "").
		entity("e4", "Pakistani Taliban alliance", dossier.Organization, "").
		entity("e5", "Central Asia", dossier.Location, "dossier:central-asia").
		rel("r1", dossier.Accuse, "e1", "e2", "The Ministry of Foreign Affairs of Russia accused the United States.", onDate("2023-03")).
		rel("r2", dossier.MemberOf, "e3", "e4", "Tehrik-i-Taliban-Pakistan is a member of the Pakistani Taliban alliance")
	c.d.Marking = "TLP:AMBER"
	return []*doc{a, b, c}
}

// openStore returns an empty store in a temporary directory.
func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir()+"/dossier.db")
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// loadedStore returns a store holding the corpus, with coordinates for Moscow.
func loadedStore(t testing.TB) *store.Store {
	t.Helper()
	st := openStore(t)
	ctx := context.Background()
	for _, d := range corpus(t) {
		if _, err := st.PutDocument(ctx, &d.d, &d.ex, "test/1"); err != nil {
			t.Fatalf("PutDocument(%s): %v", d.d.Title, err)
		}
	}
	if _, err := st.DB().ExecContext(ctx, `UPDATE entities SET lat = 55.75222, lon = 37.61556 WHERE name = 'Moscow'`); err != nil {
		t.Fatalf("set coordinates: %v", err)
	}
	return st
}
