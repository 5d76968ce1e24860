package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

func TestMigrationsUseClock(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"), store.Options{Now: func() time.Time { return at }})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	rows, err := s.DB().QueryContext(ctx, `SELECT applied_at FROM schema_version`)
	if err != nil {
		t.Fatalf("schema_version: %v", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var got string
		if err := rows.Scan(&got); err != nil {
			t.Fatalf("scan: %v", err)
		}
		if want := at.Format(time.RFC3339); got != want {
			t.Errorf("applied_at = %q, want %q (the injected clock)", got, want)
		}
		n++
	}
	if err := rows.Err(); err != nil || n == 0 {
		t.Errorf("schema_version rows = %d, %v; want at least one", n, err)
	}
}
