package sqlite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// TestListingsOfNothing checks that listings of an empty store are empty slices (JSON
// []), not nil, and that a failing listing says which listing failed.
func TestListingsOfNothing(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	es, err := s.Entities(ctx, store.EntityQuery{})
	if err != nil || es == nil || len(es) != 0 {
		t.Errorf("Entities of an empty store = %#v, %v; want an empty, non-nil slice", es, err)
	}
	ds, err := s.Documents(ctx, store.DocQuery{})
	if err != nil || ds == nil || len(ds) != 0 {
		t.Errorf("Documents of an empty store = %#v, %v; want an empty, non-nil slice", ds, err)
	}
	as, err := s.Audit(ctx, store.AuditQuery{})
	if err != nil || as == nil || len(as) != 0 {
		t.Errorf("Audit of an empty store = %#v, %v; want an empty, non-nil slice", as, err)
	}
	ls, err := s.LexiconEntries(ctx)
	if err != nil || ls == nil || len(ls) != 0 {
		t.Errorf("LexiconEntries of an empty store = %#v, %v; want an empty, non-nil slice", ls, err)
	}
	s.Close()
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"entities", func() error { _, err := s.Entities(ctx, store.EntityQuery{}); return err }},
		{"documents", func() error { _, err := s.Documents(ctx, store.DocQuery{}); return err }},
		{"audit", func() error { _, err := s.Audit(ctx, store.AuditQuery{}); return err }},
		{"stats", func() error { _, err := s.Stats(ctx); return err }},
	} {
		if err := c.call(); err == nil || !strings.HasPrefix(err.Error(), c.name+":") {
			t.Errorf("%s on a closed store: error %v; want one starting %q", c.name, err, c.name+":")
		}
	}
}
