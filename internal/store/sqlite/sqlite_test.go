package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"dossier/internal/store"
	"dossier/internal/store/sqlite"
	"dossier/internal/store/storetest"
)

func open(t *testing.T) *store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dossier.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, open)
}

func TestPragmasAndMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "d.db")
	s := open1(t, path)
	checks := []struct{ pragma, want string }{
		{"PRAGMA journal_mode", "wal"},
		{"PRAGMA foreign_keys", "1"},
		{"PRAGMA synchronous", "1"},
	}
	for _, c := range checks {
		var got string
		if err := s.DB().QueryRowContext(ctx, c.pragma).Scan(&got); err != nil || got != c.want {
			t.Errorf("%s = %q, %v; want %q", c.pragma, got, err, c.want)
		}
	}
	var timeout int
	if err := s.DB().QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout <= 0 {
		t.Errorf("PRAGMA busy_timeout = %d, %v; want > 0", timeout, err)
	}
	v, err := sqlite.SchemaVersion(ctx, s)
	if err != nil || v < 1 {
		t.Fatalf("SchemaVersion = %d, %v; want >= 1", v, err)
	}
	s.Close()
	// Opening again applies nothing twice.
	s = open1(t, path)
	defer s.Close()
	var n int
	if err := s.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_version").Scan(&n); err != nil || n != v {
		t.Errorf("schema_version rows after reopening = %d, %v; want %d", n, err, v)
	}
}

func open1(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

func TestOpenBadPath(t *testing.T) {
	if _, err := sqlite.Open(context.Background(), ""); err == nil {
		t.Errorf("Open(\"\") = nil error, want one")
	}
	if _, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "d.db")); err == nil {
		t.Errorf("Open in a missing directory = nil error, want one")
	}
}

func TestMatch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Patrushev", `"Patrushev"`},
		{"russia taliban", `"russia" "taliban"`},
		{`"security council" russia`, `"security council" "russia"`},
		{"harbour*", `"harbour"*`},
		{"a OR b", `"a" OR "b"`},
		{"OR a OR OR b OR", `"a" OR "b"`},
		{`say "hi`, `"say" "hi"`},
		{`NEAR(x`, `"NEAR(x"`},
		{`a"b`, `"a""b"`},
	}
	for _, tc := range tests {
		got, err := sqlite.Match(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Match(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", " ", "*", "OR", `""`, "()"} {
		if got, err := sqlite.Match(in); err == nil {
			t.Errorf("Match(%q) = %q, want an error", in, got)
		}
	}
}
