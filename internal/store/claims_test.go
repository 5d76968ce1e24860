package store_test

import (
	"context"
	"testing"

	"dossier"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// TestLongEdgeAndClaims stores one edge with more claims than an EdgeDetail lists, and a
// denial of it: the edge keeps the counts of every claim and lists the latest ones in
// order; the entity's claims and contradictions come whole, with names and documents.
func TestLongEdgeAndClaims(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir()+"/x.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n := store.MaxEdgeClaims + 20
	pairs := make([][2]string, n)
	for i := range pairs {
		pairs[i] = [2]string{"Anna Berg", "Carl Dahl"}
	}
	d, ex := exportDoc(1, "2023-01-05", pairs...)
	if _, err := st.PutDocument(ctx, d, ex, "test/1"); err != nil {
		t.Fatalf("PutDocument: %v", err)
	}
	d, ex = exportDoc(2, "2023-02-01", [2]string{"Carl Dahl", "Anna Berg"})
	ex.Relations[0].Negated = true
	if _, err := st.PutDocument(ctx, d, ex, "test/1"); err != nil {
		t.Fatalf("PutDocument(denial): %v", err)
	}
	anna, err := st.FindEntity(ctx, "Anna Berg")
	if err != nil {
		t.Fatal(err)
	}
	carl, err := st.FindEntity(ctx, "Carl Dahl")
	if err != nil {
		t.Fatal(err)
	}

	e, err := st.Edge(ctx, anna.ID, carl.ID, dossier.Consult)
	if err != nil {
		t.Fatalf("Edge: %v", err)
	}
	if e.Edge.Claims != n+1 || e.Edge.Negated != 1 || e.Edge.Docs != 2 {
		t.Errorf("Edge counts %d claims, %d negated, %d docs; want %d, 1, 2", e.Edge.Claims, e.Edge.Negated, e.Edge.Docs, n+1)
	}
	if len(e.Claims) != store.MaxEdgeClaims {
		t.Fatalf("Edge lists %d claims, want %d", len(e.Claims), store.MaxEdgeClaims)
	}
	// The latest claims, in date order: the denial (the latest date) comes last, and the
	// earliest relations of the first document are left out.
	last := e.Claims[len(e.Claims)-1]
	if !last.Negated || last.Date < e.Claims[0].Date {
		t.Errorf("last listed claim %+v, want the denial", last)
	}
	for i := 1; i < len(e.Claims); i++ {
		if e.Claims[i].RelationID <= e.Claims[i-1].RelationID {
			t.Fatalf("claims %d and %d out of order: relations %d, %d", i-1, i, e.Claims[i-1].RelationID, e.Claims[i].RelationID)
		}
	}
	if e.Edge.ID >= e.Claims[0].RelationID {
		t.Errorf("Edge id %d, want the first relation, before the first listed claim %d", e.Edge.ID, e.Claims[0].RelationID)
	}

	cs, err := st.Claims(ctx, anna.ID, store.TimeFilter{})
	if err != nil {
		t.Fatalf("Claims: %v", err)
	}
	if cs.Total != n+1 || len(cs.Claims) != n+1 {
		t.Errorf("Claims total %d with %d listed, want %d", cs.Total, len(cs.Claims), n+1)
	}
	for _, c := range cs.Claims {
		if c.SourceName == "" || c.TargetName == "" || c.DocID == "" || c.Evidence.Text == "" {
			t.Fatalf("claim %+v lacks names, document or evidence", c)
		}
	}
	// One contradiction per pair of documents.
	if len(cs.Contradictions) != 1 {
		t.Fatalf("%d contradictions, want 1", len(cs.Contradictions))
	}
	k := cs.Contradictions[0]
	if k.A.Negated == k.B.Negated || k.A.DocID == k.B.DocID || k.A.DocTitle == "" || k.B.SourceName == "" {
		t.Errorf("contradiction %+v: want a claim and its denial, whole, from two documents", k)
	}
}
