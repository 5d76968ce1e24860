package storetest

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/internal/store"
)

var nearDupTests = []struct {
	name string
	fn   func(t *testing.T, s *store.Store)
}{
	{"NearDuplicateLinks", testNearDuplicateLinks},
	{"NearDuplicateSources", testNearDuplicateSources},
	{"LargeDocument", testLargeDocument},
}

// The tests sketch a document with a 64-bit fingerprint of their own: the sketch is its 8
// bytes, the bands are its four 16-bit quarters, and two sketches are near duplicates
// within nearDist differing bits. The store treats all of it as opaque.
const nearDist = 12

func fpSketch(fp uint64) []byte {
	if fp == 0 {
		return nil
	}
	return binary.LittleEndian.AppendUint64(nil, fp)
}

func fpBands(fp uint64) []uint64 {
	if fp == 0 {
		return nil
	}
	return []uint64{fp & 0xFFFF, fp >> 16 & 0xFFFF, fp >> 32 & 0xFFFF, fp >> 48}
}

func fpNear(a, b []byte) bool {
	if len(a) != 8 || len(b) != 8 {
		return false
	}
	return bits.OnesCount64(binary.LittleEndian.Uint64(a)^binary.LittleEndian.Uint64(b)) <= nearDist
}

// wire is a wire story republished under the given headline.
func wire(t testing.TB, headline string) *fixture {
	return newDoc(t, headline, "2023-03-01",
		"Sergei Lavrov met Wang Yi in Beijing on Tuesday. "+
			"China supplied drones to Russia, the ministry said nothing of it.").
		ent("e1", "Sergei Lavrov", dossier.Person, "").
		ent("e2", "Wang Yi", dossier.Person, "").
		ent("e3", "Beijing", dossier.Location, "").
		ent("e4", "China", dossier.Country, "CN").
		ent("e5", "Russia", dossier.Country, "RU").
		rel("r1", dossier.Consult, "e1", "e2", "Sergei Lavrov met Wang Yi in Beijing on Tuesday.").
		rel("r2", dossier.Aid, "e4", "e5", "China supplied drones to Russia")
}

func putFP(t *testing.T, s *store.Store, f *fixture, fp uint64) store.PutResult {
	t.Helper()
	res, err := s.PutDocumentWith(context.Background(), &f.doc, &f.ex, store.PutOptions{Extractor: "test/1", Sketch: fpSketch(fp), Bands: fpBands(fp), Near: fpNear})
	if err != nil {
		t.Fatalf("PutDocumentWith(%s): %v", f, err)
	}
	return res
}

// bitsAt returns a mask with the given bits set.
func bitsAt(bs ...int) uint64 {
	var m uint64
	for _, b := range bs {
		m |= 1 << uint(b)
	}
	return m
}

func testNearDuplicateLinks(t *testing.T, s *store.Store) {
	ctx := context.Background()
	const fpA = 0x9E3779B97F4A7C15
	fpB := fpA ^ bitsAt(0, 1, 2, 3, 16, 17, 18, 19) // 8 bits from A, in bands 0 and 1
	fpE := fpB ^ bitsAt(32, 33, 34, 35, 48, 49, 50, 51)
	// E is 8 bits from B but 16 from A: it shares no band with A.
	fpFar := fpA ^ bitsAt(16, 17, 18, 19, 20, 32, 33, 34, 35, 36, 48, 49, 50, 51, 52) // band 0 equal, 15 bits away
	a, b, e, far, none := wire(t, "A"), wire(t, "B"), wire(t, "E"), wire(t, "Far"), wire(t, "None")
	cases := []struct {
		f    *fixture
		fp   uint64
		want string
	}{
		{a, fpA, ""},
		{b, fpB, a.doc.ID},
		{e, fpE, a.doc.ID}, // through B, to the earliest of the cluster
		{far, fpFar, ""},
		{none, 0, ""},
	}
	for _, c := range cases {
		res := putFP(t, s, c.f, c.fp)
		if !res.New || res.DuplicateOf != c.want {
			t.Errorf("PutDocumentWith(%s, %x) = %+v, want new and a near duplicate of %q", c.f, c.fp, res, c.want)
		}
		got, err := s.NearDuplicateOf(ctx, c.f.doc.ID)
		if err != nil || got != c.want {
			t.Errorf("NearDuplicateOf(%s) = %q, %v; want %q", c.f, got, err, c.want)
		}
	}
	// Re-ingesting a document changes nothing and reports no link.
	if res := putFP(t, s, b, fpB); res.New || res.DuplicateOf != "" {
		t.Errorf("PutDocumentWith(%s) again = %+v, want unchanged", b, res)
	}
	docs, err := s.Documents(ctx, store.DocQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		want := ""
		if d.ID == b.doc.ID || d.ID == e.doc.ID {
			want = a.doc.ID
		}
		if d.DuplicateOf != want {
			t.Errorf("Documents: %s (%s) is a near duplicate of %q, want %q", d.ID, d.Title, d.DuplicateOf, want)
		}
	}
}

func testNearDuplicateSources(t *testing.T, s *store.Store) {
	ctx := context.Background()
	const fpA = 0x0123456789ABCDEF
	a, b, c := wire(t, "Original"), wire(t, "Republished"), wire(t, "Independent")
	putFP(t, s, a, fpA)
	if res := putFP(t, s, b, fpA^bitsAt(5, 40)); res.DuplicateOf != a.doc.ID {
		t.Fatalf("PutDocumentWith(%s) = %+v, want a near duplicate of %s", b, res, a.doc.ID)
	}
	lavrov, wang := find(t, s, "Sergei Lavrov"), find(t, s, "Wang Yi")
	china, russia := find(t, s, "China"), find(t, s, "Russia")
	type pair struct {
		src, dst int64
		typ      dossier.RelationType
	}
	pairs := []pair{{lavrov.ID, wang.ID, dossier.Consult}, {china.ID, russia.ID, dossier.Aid}}
	check := func(when string, wantDocs, wantSources int) {
		t.Helper()
		for _, p := range pairs {
			d, err := s.Edge(ctx, p.src, p.dst, p.typ)
			if err != nil {
				t.Fatalf("%s: Edge(%d, %d, %s): %v", when, p.src, p.dst, p.typ, err)
			}
			if d.Edge.Docs != wantDocs || d.Edge.Sources != wantSources {
				t.Errorf("%s: Edge(%s) has %d docs and %d sources, want %d and %d", when, p.typ, d.Edge.Docs, d.Edge.Sources, wantDocs, wantSources)
			}
			// The stored edges (graph without time filter) and the edges aggregated
			// from claims (graph known at a time) agree.
			for _, tf := range []store.TimeFilter{{}, {KnownAt: time.Now().Add(time.Hour)}} {
				g, err := s.Graph(ctx, store.GraphQuery{Center: []int64{p.src}, Time: tf})
				if err != nil {
					t.Fatalf("%s: Graph: %v", when, err)
				}
				found := false
				for _, e := range g.Edges {
					if e.Type == p.typ {
						found = true
						if e.Sources != wantSources {
							t.Errorf("%s: Graph(known at %v) edge %s has %d sources, want %d", when, tf.KnownAt, p.typ, e.Sources, wantSources)
						}
					}
				}
				if !found {
					t.Errorf("%s: Graph(known at %v) has no %s edge", when, tf.KnownAt, p.typ)
				}
			}
		}
	}
	check("original and near duplicate", 2, 1)
	if res := putFP(t, s, b, fpA^bitsAt(5, 40)); res.New {
		t.Errorf("PutDocumentWith(%s) again = %+v, want unchanged", b, res)
	}
	check("after re-ingest", 2, 1)
	// Rebuilding the edges from the relations gives the same count.
	if err := s.ReplaceExtraction(ctx, b.doc.ID, &b.ex, "test/2"); err != nil {
		t.Fatal(err)
	}
	check("after re-extraction", 2, 1)
	if res := putFP(t, s, c, ^uint64(fpA)); res.DuplicateOf != "" {
		t.Fatalf("PutDocumentWith(%s) = %+v, want no near duplicate", c, res)
	}
	check("with an independent document", 3, 2)
}

// testLargeDocument stores a document with more mentions, relations and events than one
// multi-row statement takes, and checks that every row is stored and tied to the right
// evidence.
func testLargeDocument(t *testing.T, s *store.Store) {
	ctx := context.Background()
	const sentence = "Alpha Corp paid Beta Corp. "
	const n, nRel, nEv = 1300, 400, 800
	f := newDoc(t, "Ledger", "2023-04-01", strings.Repeat(sentence, n))
	for i, name := range []string{"Alpha Corp", "Beta Corp"} {
		e := dossier.Entity{ID: fmt.Sprintf("e%d", i+1), Name: name, Type: dossier.Organization}
		off := strings.Index(sentence, name)
		for k := 0; k < n; k++ {
			start := k*len(sentence) + off
			e.Mentions = append(e.Mentions, dossier.Mention{Span: dossier.SpanOf(f.doc.Text, start, start+len(name)), Form: dossier.FormName})
		}
		f.ex.Entities = append(f.ex.Entities, e)
	}
	ev := func(k int) dossier.Span {
		return dossier.SpanOf(f.doc.Text, k*len(sentence), (k+1)*len(sentence)-1)
	}
	for k := 0; k < nRel; k++ {
		f.ex.Relations = append(f.ex.Relations, dossier.Relation{ID: fmt.Sprintf("r%d", k), Type: dossier.Aid,
			Source: "e1", Target: "e2", Confidence: 0.5, Evidence: ev(k)})
	}
	for k := 0; k < nEv; k++ {
		f.ex.Events = append(f.ex.Events, dossier.Event{ID: fmt.Sprintf("v%d", k), Type: dossier.Aid,
			Participants: []string{"e1", "e2", "e1"}, Evidence: ev(k)})
	}
	put(t, s, f)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mentions != 2*n || st.Relations != nRel || st.Events != nEv || st.Entities != 2 {
		t.Errorf("Stats = %d mentions, %d relations, %d events, %d entities; want %d, %d, %d, 2",
			st.Mentions, st.Relations, st.Events, st.Entities, 2*n, nRel, nEv)
	}
	var parts int
	if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM event_participants`).Scan(&parts); err != nil {
		t.Fatal(err)
	}
	if parts != 2*nEv {
		t.Errorf("%d event participants stored, want %d", parts, 2*nEv)
	}
	alpha, beta := find(t, s, "Alpha Corp"), find(t, s, "Beta Corp")
	if alpha.Mentions != n || beta.Mentions != n || alpha.Degree != nRel {
		t.Errorf("Alpha Corp has %d mentions and degree %d, Beta Corp %d mentions; want %d, %d, %d",
			alpha.Mentions, alpha.Degree, beta.Mentions, n, nRel, n)
	}
	d, err := s.Edge(ctx, alpha.ID, beta.ID, dossier.Aid)
	if err != nil {
		t.Fatal(err)
	}
	if d.Edge.Claims != nRel || len(d.Claims) != nRel {
		t.Fatalf("Edge has %d claims (%d listed), want %d", d.Edge.Claims, len(d.Claims), nRel)
	}
	// Claims come in relation id order, which is the order of the extraction.
	for k, c := range d.Claims {
		if c.Evidence.Start != ev(k).Start || (k > 0 && c.RelationID <= d.Claims[k-1].RelationID) {
			t.Fatalf("claim %d: relation %d with evidence at %d, want evidence at %d after relation %d",
				k, c.RelationID, c.Evidence.Start, ev(k).Start, d.Claims[max(k-1, 0)].RelationID)
		}
	}
	if d.Edge.ID != d.Claims[0].RelationID {
		t.Errorf("Edge id = %d, want its first relation %d", d.Edge.ID, d.Claims[0].RelationID)
	}
}
