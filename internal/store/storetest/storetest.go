// Package storetest is the conformance suite of dossier's store: every database driver
// runs Run against a real, empty database, so that all drivers behave the same.
package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/store"
)

// Opener opens a new, empty, migrated store for one test; the suite closes it.
type Opener func(t *testing.T) *store.Store

// Run runs the whole conformance suite, each test on a store of its own.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s *store.Store)
	}{
		{"PutGetUnchanged", testPutGetUnchanged},
		{"DocumentPrefix", testDocumentPrefix},
		{"Search", testSearch},
		{"SearchBadSyntax", testSearchBadSyntax},
		{"OneTransactionPerDocument", testOneTransaction},
		{"InvalidExtraction", testInvalidExtraction},
		{"Integrity", testIntegrity},
	}
	tests = append(tests, graphTests...)
	tests = append(tests, curationTests...)
	tests = append(tests, nearDupTests...)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

func put(t *testing.T, s *store.Store, f *fixture) store.PutResult {
	t.Helper()
	res, err := s.PutDocument(context.Background(), &f.doc, &f.ex, "test/1")
	if err != nil {
		t.Fatalf("PutDocument(%s): %v", f, err)
	}
	return res
}

func briefA(t testing.TB) *fixture {
	return newDoc(t, "Security talks in Moscow", "2023-02-08",
		"Nikolai Patrushev met Zamir Kabulov in Moscow on 8 February. "+
			"Patrushev criticized the Taliban for harbouring militants. "+
			"Informed sources say Russia supplied arms to the Taliban.").
		ent("e1", "Nikolai Patrushev", dossier.Person, "", "Patrushev").
		ent("e2", "Zamir Kabulov", dossier.Person, "").
		ent("e3", "Moscow", dossier.Location, "").
		ent("e4", "Taliban", dossier.ArmedGroup, "").
		ent("e5", "Russia", dossier.Country, "RU").
		rel("r1", dossier.Consult, "e1", "e2", "Nikolai Patrushev met Zamir Kabulov in Moscow on 8 February.", dated("2023-02-08")).
		rel("r2", dossier.Disapprove, "e1", "e4", "Patrushev criticized the Taliban for harbouring militants.").
		rel("r3", dossier.Aid, "e5", "e4", "Informed sources say Russia supplied arms to the Taliban.",
			subtype("arms"), attributed("informed sources"), hedged()).
		event("v1", "", dossier.Consult, "2023-02-08", "Nikolai Patrushev met Zamir Kabulov in Moscow on 8 February.", "e1", "e2")
}

func briefB(t testing.TB) *fixture {
	return newDoc(t, "Kabul visit", "2023-05",
		"General Nikolai Patrushev visited Kabul in May. "+
			"The Russian Federation denied that it armed the Taliban. "+
			"Patrushev called Russia and Pakistan allies.").
		ent("e1", "Nikolai Patrushev", dossier.Person, "", "General Nikolai Patrushev", "Patrushev").
		ent("e2", "Kabul", dossier.Location, "").
		ent("e3", "Russian Federation", dossier.Country, "RU", "Russia").
		ent("e4", "Taliban", dossier.ArmedGroup, "").
		ent("e5", "Pakistan", dossier.Country, "PK").
		rel("r1", dossier.Consult, "e1", "e2", "General Nikolai Patrushev visited Kabul in May.").
		rel("r2", dossier.Aid, "e3", "e4", "The Russian Federation denied that it armed the Taliban.", subtype("arms"), negated()).
		rel("r3", dossier.AllyOf, "e3", "e5", "Patrushev called Russia and Pakistan allies.", attributed("e1"))
}

func testPutGetUnchanged(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := briefA(t)
	if ok, err := s.HasDocument(ctx, a.doc.ID); err != nil || ok {
		t.Fatalf("HasDocument before put = %v, %v; want false, nil", ok, err)
	}
	res := put(t, s, a)
	if !res.New || res.ID != a.doc.ID {
		t.Fatalf("first PutDocument = %+v, want New with id %s", res, a.doc.ID)
	}
	if ok, err := s.HasDocument(ctx, a.doc.ID); err != nil || !ok {
		t.Fatalf("HasDocument after put = %v, %v; want true, nil", ok, err)
	}
	got, err := s.Document(ctx, a.doc.ID)
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	if got.Text != a.doc.Text || got.Title != a.doc.Title || got.Date != a.doc.Date || got.Marking != dossier.DefaultMarking {
		t.Errorf("Document = %q %q %v %q, want %q %q %v %q", got.Text, got.Title, got.Date, got.Marking,
			a.doc.Text, a.doc.Title, a.doc.Date, dossier.DefaultMarking)
	}
	if got.IngestedAt.IsZero() {
		t.Errorf("Document IngestedAt is zero")
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	a2 := briefA(t)
	a2.ex.Entities = a2.ex.Entities[:1]
	a2.ex.Relations = nil
	a2.ex.Events = nil
	res = put(t, s, a2)
	if res.New {
		t.Errorf("second PutDocument of the same id = New, want unchanged")
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if before.Documents != 1 || after.Documents != 1 || before.Entities != after.Entities || before.Relations != after.Relations || before.Mentions != after.Mentions {
		t.Errorf("Stats before %+v, after unchanged put %+v; want one document and equal counts", before, after)
	}
	docs, err := s.Documents(ctx, store.DocQuery{})
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	if len(docs) != 1 || docs[0].ID != a.doc.ID || docs[0].Entities != 5 || docs[0].Relations != 3 || docs[0].Date != "2023-02-08" {
		t.Errorf("Documents = %+v, want the one document with 5 entities and 3 relations", docs)
	}
	ex, err := s.Extraction(ctx, a.doc.ID)
	if err != nil {
		t.Fatalf("Extraction: %v", err)
	}
	if err := ex.CheckSpans(got.Text); err != nil {
		t.Errorf("stored extraction spans: %v", err)
	}
	if len(ex.Entities) != 5 || len(ex.Relations) != 3 || len(ex.Events) != 1 {
		t.Fatalf("Extraction has %d entities, %d relations, %d events; want 5, 3, 1", len(ex.Entities), len(ex.Relations), len(ex.Events))
	}
	ids := map[string]bool{}
	for _, e := range ex.Entities {
		ids[e.ID] = true
		if strings.HasPrefix(e.ID, "e") {
			t.Errorf("Extraction entity id %q, want a global id", e.ID)
		}
		es, err := s.FindEntity(ctx, e.ID)
		if err != nil || es.Name != e.Name {
			t.Errorf("FindEntity(%s) = %+v, %v; want %q", e.ID, es, err, e.Name)
		}
	}
	for _, r := range ex.Relations {
		if !ids[r.Source] || !ids[r.Target] {
			t.Errorf("Extraction relation %s links %s -> %s, not entities of the extraction", r.ID, r.Source, r.Target)
		}
	}
}

func testDocumentPrefix(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, b := briefA(t), briefB(t)
	put(t, s, a)
	put(t, s, b)
	hex := strings.TrimPrefix(a.doc.ID, "sha256:")
	for _, q := range []string{a.doc.ID, hex, hex[:12], "sha256:" + hex[:8], strings.ToUpper(hex[:10])} {
		d, err := s.Document(ctx, q)
		if err != nil || d.ID != a.doc.ID {
			t.Errorf("Document(%q) = %v, %v; want %s", q, d, err, a.doc.ID)
		}
	}
	for _, q := range []string{"sha256:" + strings.Repeat("0", 64), "zz-not-hex", "ffffffffffffffff1"} {
		if _, err := s.Document(ctx, q); !errors.Is(err, dossier.ErrNotFound) {
			t.Errorf("Document(%q) error = %v, want ErrNotFound", q, err)
		}
	}
	if _, err := s.Extraction(ctx, "sha256:"+strings.Repeat("0", 64)); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Extraction(unknown) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Document(ctx, ""); err == nil {
		t.Errorf("Document(\"\") = nil error, want one")
	}
}

func testSearch(t *testing.T, s *store.Store) {
	ctx := context.Background()
	put(t, s, briefA(t))
	put(t, s, briefB(t))
	hits, err := s.Search(ctx, "Patrushev", 10)
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if len(hits) != 2 {
		t.Fatalf("Search(Patrushev) = %d hits, want 2", len(hits))
	}
	for _, h := range hits {
		if !strings.Contains(h.Snippet, "«Patrushev»") {
			t.Errorf("Search(Patrushev) snippet %q lacks «Patrushev»", h.Snippet)
		}
	}
	hits, err = s.Search(ctx, "kabul", 10)
	if err != nil || len(hits) != 1 || hits[0].Title != "Kabul visit" {
		t.Errorf("Search(kabul) = %+v, %v; want the Kabul visit (title match)", hits, err)
	}
	hits, err = s.SearchMarked(ctx, "harbour*", 10, "<mark>", "</mark>")
	if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, "<mark>harbouring</mark>") {
		t.Errorf("SearchMarked(harbour*) = %+v, %v; want one hit marking harbouring", hits, err)
	}
	hits, err = s.Search(ctx, `"supplied arms"`, 10)
	if err != nil || len(hits) != 1 {
		t.Errorf("Search(phrase) = %+v, %v; want one hit", hits, err)
	}
	hits, err = s.Search(ctx, `"arms supplied"`, 10)
	if err != nil || len(hits) != 0 {
		t.Errorf("Search(reversed phrase) = %+v, %v; want none", hits, err)
	}
	hits, err = s.Search(ctx, "Kabulov OR Pakistan", 10)
	if err != nil || len(hits) != 2 {
		t.Errorf("Search(Kabulov OR Pakistan) = %d hits, %v; want 2", len(hits), err)
	}
	hits, err = s.Search(ctx, "Kabulov Pakistan", 10)
	if err != nil || len(hits) != 0 {
		t.Errorf("Search(Kabulov Pakistan) = %d hits, %v; want 0 (terms are ANDed)", len(hits), err)
	}
}

func testSearchBadSyntax(t *testing.T, s *store.Store) {
	ctx := context.Background()
	put(t, s, briefA(t))
	for _, q := range []string{`"unbalanced`, `AND OR NOT`, `(Patrushev`, `NEAR(a b`, `Patrushev AND`, `title:Patrushev`, `-x`, `^Moscow`, `a"b"c`} {
		_, err := s.Search(ctx, q, 10)
		if err != nil && !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("Search(%q) error = %v, want nil or ErrInvalid", q, err)
		}
	}
	for _, q := range []string{"", "   ", "*", `""`, "OR", "()"} {
		if _, err := s.Search(ctx, q, 10); !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("Search(%q) error = %v, want ErrInvalid", q, err)
		}
	}
	hits, err := s.Search(ctx, `(Patrushev`, 10)
	if err != nil || len(hits) != 1 {
		t.Errorf("Search((Patrushev) = %d hits, %v; want the word found", len(hits), err)
	}
}

func testOneTransaction(t *testing.T, s *store.Store) {
	ctx := context.Background()
	for _, stage := range []string{"document", "entities", "relations", "events", "commit"} {
		boom := errors.New("injected failure")
		fs := s.WithOptions(store.Options{Fail: func(st string) error {
			if st == stage {
				return boom
			}
			return nil
		}})
		a := briefA(t)
		if _, err := fs.PutDocument(ctx, &a.doc, &a.ex, "test/1"); !errors.Is(err, boom) {
			t.Fatalf("PutDocument failing at %s: error = %v, want the injected one", stage, err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if st.Documents+st.Entities+st.Mentions+st.Relations+st.Events != 0 {
			t.Errorf("after a failure at %s, stats = %+v; want nothing stored", stage, st)
		}
		if ok, _ := s.HasDocument(ctx, a.doc.ID); ok {
			t.Errorf("after a failure at %s the document is stored", stage)
		}
		if hits, err := s.Search(ctx, "Patrushev", 5); err != nil || len(hits) != 0 {
			t.Errorf("after a failure at %s, search = %v, %v; want nothing indexed", stage, hits, err)
		}
	}
	res := put(t, s, briefA(t))
	if !res.New {
		t.Errorf("PutDocument after the failures = %+v, want New", res)
	}
}

func testInvalidExtraction(t *testing.T, s *store.Store) {
	ctx := context.Background()
	cases := []struct {
		name   string
		break_ func(f *fixture)
	}{
		{"bad span", func(f *fixture) { f.ex.Entities[0].Mentions[0].Text = "Somebody" }},
		{"span outside", func(f *fixture) { f.ex.Relations[0].Evidence.End = len(f.doc.Text) + 5 }},
		{"unknown source", func(f *fixture) { f.ex.Relations[1].Source = "e99" }},
		{"bad relation type", func(f *fixture) { f.ex.Relations[2].Type = "LIKES" }},
		{"bad entity type", func(f *fixture) { f.ex.Entities[4].Type = "PLANET" }},
		{"repeated entity id", func(f *fixture) { f.ex.Entities[3].ID = "e1" }},
		{"unknown participant", func(f *fixture) { f.ex.Events[0].Participants = []string{"e1", "e42"} }},
	}
	for _, c := range cases {
		f := briefA(t)
		c.break_(f)
		if _, err := s.PutDocument(ctx, &f.doc, &f.ex, "test/1"); !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("PutDocument with %s: error = %v, want ErrInvalid", c.name, err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st.Documents != 0 || st.Entities != 0 {
		t.Errorf("after invalid extractions, stats = %+v; want nothing stored", st)
	}
	if _, err := s.PutDocument(ctx, &dossier.Document{}, nil, "x"); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("PutDocument without id: error = %v, want ErrInvalid", err)
	}
}

func testIntegrity(t *testing.T, s *store.Store) {
	put(t, s, briefA(t))
	put(t, s, briefB(t))
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("IntegrityCheck: %v", err)
	}
}
