package sqlite_test

import (
	"context"
	"os"
	"testing"
	"time"

	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

func TestZZProf(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, "/tmp/b10k.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Stats(ctx)
	t.Logf("%+v", st)
	ents, _ := s.Entities(ctx, store.EntityQuery{Limit: 5, OrderBy: "degree"})
	hub := ents[0]
	t.Logf("hub %+v", hub)
	mid, _ := s.Entities(ctx, store.EntityQuery{Limit: 1, Offset: 300, OrderBy: "degree"})
	t.Logf("mid %+v", mid[0])
	for _, id := range []int64{hub.ID, mid[0].ID} {
		for name, f := range map[string]func() error{
			"graph2":  func() error { _, err := s.Graph(ctx, store.GraphQuery{Center: []int64{id}, Depth: 2}); return err },
			"graph1":  func() error { _, err := s.Graph(ctx, store.GraphQuery{Center: []int64{id}, Depth: 1}); return err },
			"profile": func() error { _, err := s.Profile(ctx, id, store.TimeFilter{}); return err },
			"claims":  func() error { _, err := s.Claims(ctx, id, store.TimeFilter{}); return err },
		} {
			t0 := time.Now()
			if err := f(); err != nil {
				t.Fatal(err)
			}
			t1 := time.Since(t0)
			t0 = time.Now()
			f()
			t.Log(id, name, t1, time.Since(t0))
		}
	}
	for _, q := range []string{
		`SELECT COUNT(*) FROM edges`, `SELECT COUNT(*) FROM mentions`, `SELECT COUNT(*) FROM relations`, `SELECT COUNT(*) FROM doc_entities`,
		`SELECT COUNT(*) FROM entities`, `SELECT SUM(LENGTH(extraction)) FROM documents`, `SELECT SUM(LENGTH(text)) FROM documents`,
		`SELECT SUM(LENGTH(ev_text)) FROM relations`,
	} {
		var n int64
		s.DB().QueryRowContext(ctx, q).Scan(&n)
		t.Log(q, n)
	}
}
