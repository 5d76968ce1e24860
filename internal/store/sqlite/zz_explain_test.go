package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dossier/internal/gen"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

func TestZZExplain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join("/tmp", "zz1000.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.Stats(ctx)
	if st.Documents == 0 {
		g := gen.New()
		for i := 0; i < 1000; i++ {
			d, ex := fromGen(g.Doc(2, i))
			if _, err := s.PutDocument(ctx, d, ex, "bench"); err != nil {
				t.Fatal(err)
			}
		}
	}
	ents, _ := s.Entities(ctx, store.EntityQuery{Limit: 3, OrderBy: "degree"})
	hub := ents[0]
	t.Logf("hub %+v", hub)
	for _, q := range []string{
		`EXPLAIN QUERY PLAN SELECT rel_id FROM edges WHERE (a IN (1,2,3) OR b IN (1,2,3))`,
		`EXPLAIN QUERY PLAN SELECT rel_id FROM edges WHERE a IN (1,2,3) AND b IN (1,2,3)`,
		`EXPLAIN QUERY PLAN SELECT r.type FROM relations r JOIN documents d ON d.id = r.doc
	JOIN entities se ON se.id = r.src JOIN entities te ON te.id = r.dst
	JOIN doc_entities sde ON sde.id = r.src_de JOIN doc_entities dde ON dde.id = r.dst_de
	LEFT JOIN doc_entities ade ON ade.id = r.attr_de WHERE (r.src = 1 OR r.dst = 1) AND r.status <> 'rejected' ORDER BY r.date_key, r.id LIMIT 100`,
	} {
		rows, err := s.DB().QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var a, b, c int
			var d string
			rows.Scan(&a, &b, &c, &d)
			t.Log(d)
		}
		rows.Close()
	}
	for i := 0; i < 30; i++ {
		s.Graph(ctx, store.GraphQuery{Center: []int64{hub.ID}, Depth: 1})
	}
	for _, f := range []func() error{
		func() error { _, err := s.Graph(ctx, store.GraphQuery{Center: []int64{hub.ID}, Depth: 2}); return err },
		func() error { _, err := s.Graph(ctx, store.GraphQuery{Center: []int64{hub.ID}, Depth: 1}); return err },
		func() error { _, err := s.Graph(ctx, store.GraphQuery{Center: []int64{hub.ID}, Depth: 1, Limit: 20}); return err },
		func() error { _, err := s.Graph(ctx, store.GraphQuery{Center: []int64{hub.ID}, Depth: 2}); return err },
		func() error { _, err := s.Claims(ctx, hub.ID, store.TimeFilter{}); return err },
		func() error { _, err := s.Timeline(ctx, store.TimelineQuery{Entity: hub.ID, Limit: 100}); return err },
		func() error { _, err := s.Profile(ctx, hub.ID, store.TimeFilter{}); return err },
	} {
		t0 := time.Now()
		if err := f(); err != nil {
			t.Fatal(err)
		}
		t.Log(time.Since(t0))
	}
}
