package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// exportDoc builds a document in which "A<i> met B<i>" for each pair given, every span
// computed from the text.
func exportDoc(i int, date string, pairs ...[2]string) (*dossier.Document, *dossier.Extraction) {
	var b strings.Builder
	ex := &dossier.Extraction{}
	local := map[string]string{}
	ent := func(name string, start int) string {
		if id, ok := local[name]; ok {
			return id
		}
		id := fmt.Sprintf("e%d", len(local)+1)
		local[name] = id
		ex.Entities = append(ex.Entities, dossier.Entity{ID: id, Name: name, Type: dossier.Person})
		return id
	}
	type pending struct {
		src, dst string
		s, e     int
	}
	var rels []pending
	for _, p := range pairs {
		start := b.Len()
		b.WriteString(p[0] + " met " + p[1] + ". ")
		rels = append(rels, pending{ent(p[0], start), ent(p[1], start), start, b.Len() - 1})
	}
	text := b.String()
	for k := range ex.Entities {
		e := &ex.Entities[k]
		for off := 0; ; {
			j := strings.Index(text[off:], e.Name)
			if j < 0 {
				break
			}
			e.Mentions = append(e.Mentions, dossier.Mention{Span: dossier.SpanOf(text, off+j, off+j+len(e.Name)), Form: dossier.FormName})
			off += j + len(e.Name)
		}
	}
	for k, r := range rels {
		ex.Relations = append(ex.Relations, dossier.Relation{ID: fmt.Sprintf("r%d", k+1), Type: dossier.Consult,
			Source: r.src, Target: r.dst, Confidence: 0.5, Evidence: dossier.SpanOf(text, r.s, r.e)})
	}
	d, _ := dossier.ParseDate(date)
	return &dossier.Document{ID: fmt.Sprintf("sha256:%064x", i), Title: fmt.Sprintf("doc %d", i), Date: d, Text: text,
		IngestedAt: time.Date(2024, 1, 1, 0, 0, i, 0, time.UTC)}, ex
}

func exportStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir()+"/x.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	docs := [][][2]string{
		{{"Anna Berg", "Carl Dahl"}, {"Erik Fors", "Anna Berg"}},
		{{"Carl Dahl", "Anna Berg"}, {"Gina Holm", "Ivan Jung"}},
		{{"Karl Lund", "Maja Nord"}},
	}
	dates := []string{"2023-01-05", "2023-06", ""}
	for i, p := range docs {
		d, ex := exportDoc(i+1, dates[i], p...)
		if _, err := st.PutDocument(ctx, d, ex, "test/1"); err != nil {
			t.Fatalf("PutDocument(%d): %v", i+1, err)
		}
	}
	return st
}

func TestEachPagesThroughEverything(t *testing.T) {
	st := exportStore(t)
	ctx := context.Background()
	for _, page := range []int{0, 1, 2, 3} {
		f := store.ExportFilter{PageSize: page}
		var names []string
		var last int64
		if err := st.EachEntity(ctx, f, func(e *store.ExportEntity) error {
			if e.ID <= last {
				t.Errorf("page %d: entity %d after %d", page, e.ID, last)
			}
			last = e.ID
			if e.FirstSeen.IsZero() {
				t.Errorf("entity %s has no first-seen time", e.Name)
			}
			names = append(names, e.Name)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(names) != 7 {
			t.Errorf("page %d: %d entities %v, want 7", page, len(names), names)
		}
		var claims []int64
		if err := st.EachClaim(ctx, f, func(c *store.ExportClaim) error {
			claims = append(claims, c.RelationID)
			if c.From.LocalID == "" || c.To.LocalID == "" || c.LocalID == "" {
				t.Errorf("claim %d lacks local ids: %+v", c.RelationID, c)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(claims) != 5 {
			t.Errorf("page %d: %d claims, want 5", page, len(claims))
		}
		var docs []string
		if err := st.EachDocument(ctx, f, func(d *store.ExportDocument) error {
			docs = append(docs, d.Title)
			if len(d.Entities) != len(d.Extraction.Entities) {
				t.Errorf("%s: %d resolved entities for %d extracted", d.Title, len(d.Entities), len(d.Extraction.Entities))
			}
			if err := d.Extraction.CheckSpans(d.Text); err != nil {
				t.Errorf("%s: %v", d.Title, err)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if strings.Join(docs, ",") != "doc 1,doc 2,doc 3" {
			t.Errorf("page %d: documents %v, want doc 1..3 in ingestion order", page, docs)
		}
	}
}

func TestEachEdgeAggregates(t *testing.T) {
	st := exportStore(t)
	var edges []store.ExportEdge
	if err := st.EachEdge(context.Background(), store.ExportFilter{}, func(e *store.ExportEdge) error {
		edges = append(edges, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Anna-Carl twice (CONSULT is symmetric), Erik-Anna, Gina-Ivan, Karl-Maja.
	if len(edges) != 4 {
		t.Fatalf("%d edges, want 4: %+v", len(edges), edges)
	}
	e := edges[0]
	if e.SourceName != "Anna Berg" || e.TargetName != "Carl Dahl" || e.Claims != 2 || e.Docs != 2 || e.First != "2023-01-05" || e.Last != "2023-06" {
		t.Errorf("first edge = %+v, want Anna Berg - Carl Dahl, 2 claims in 2 documents, 2023-01-05..2023-06", e)
	}
}

func TestExportFilter(t *testing.T) {
	st := exportStore(t)
	ctx := context.Background()
	ids, err := st.ExportNeighborhood(ctx, "Anna Berg", 1, 0, store.ExportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 3 {
		t.Errorf("neighbourhood of Anna Berg: %v, want 3 entities", ids)
	}
	tests := []struct {
		name                   string
		f                      store.ExportFilter
		entities, claims, docs int
	}{
		{"all", store.ExportFilter{}, 7, 5, 3},
		{"around Anna", store.ExportFilter{Entities: ids}, 3, 3, 2},
		{"nobody", store.ExportFilter{Entities: []int64{}}, 0, 0, 0},
		{"since June", store.ExportFilter{Since: dossier.Date{Year: 2023, Month: 6}}, 7, 3, 2},
		{"until May", store.ExportFilter{Until: dossier.Date{Year: 2023, Month: 5}}, 7, 3, 2},
		{"organizations", store.ExportFilter{EntityTypes: []dossier.EntityType{dossier.Organization}}, 0, 0, 0},
		{"allies", store.ExportFilter{RelationTypes: []dossier.RelationType{dossier.AllyOf}}, 7, 0, 3},
	}
	for _, tc := range tests {
		var ne, nc, nd int
		if err := st.EachEntity(ctx, tc.f, func(*store.ExportEntity) error { ne++; return nil }); err != nil {
			t.Fatal(err)
		}
		if err := st.EachClaim(ctx, tc.f, func(*store.ExportClaim) error { nc++; return nil }); err != nil {
			t.Fatal(err)
		}
		if err := st.EachDocument(ctx, tc.f, func(*store.ExportDocument) error { nd++; return nil }); err != nil {
			t.Fatal(err)
		}
		if ne != tc.entities || nc != tc.claims || nd != tc.docs {
			t.Errorf("%s: %d entities, %d claims, %d documents; want %d, %d, %d", tc.name, ne, nc, nd, tc.entities, tc.claims, tc.docs)
		}
	}
	bad := store.ExportFilter{EntityTypes: []dossier.EntityType{"ALIEN"}}
	if err := st.EachEntity(ctx, bad, func(*store.ExportEntity) error { return nil }); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("EachEntity(bad type) = %v, want ErrInvalid", err)
	}
	stop := errors.New("stop")
	if err := st.EachClaim(ctx, store.ExportFilter{}, func(*store.ExportClaim) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("EachClaim with a failing callback = %v, want its error", err)
	}
}

func TestEachDocumentClaimsAndGlobalExtraction(t *testing.T) {
	st := exportStore(t)
	ctx := context.Background()
	total := 0
	err := st.EachDocument(ctx, store.ExportFilter{WithClaims: true, PageSize: 2}, func(d *store.ExportDocument) error {
		for _, c := range d.Claims {
			if c.DocID != d.ID {
				t.Errorf("claim %d of %s filed under %s", c.RelationID, c.DocID, d.ID)
			}
		}
		total += len(d.Claims)
		if len(d.Claims) != len(d.Extraction.Relations) {
			t.Errorf("%s: %d claims for %d relations", d.Title, len(d.Claims), len(d.Extraction.Relations))
		}
		want, err := st.Extraction(ctx, d.ID)
		if err != nil {
			return err
		}
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(d.GlobalExtraction())
		if string(a) != string(b) {
			t.Errorf("GlobalExtraction of %s =\n%s\nExtraction =\n%s", d.Title, b, a)
		}
		// The stored extraction keeps its document-local ids.
		if len(d.Extraction.Entities) > 0 && d.Extraction.Entities[0].ID != "e1" {
			t.Errorf("%s: local extraction changed: first entity id %s", d.Title, d.Extraction.Entities[0].ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total != 5 {
		t.Errorf("%d claims over all documents, want 5", total)
	}
}
