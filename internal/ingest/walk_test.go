package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
)

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	files := []string{"b.txt", "a.md", "sub/c.html", "sub/deeper/d.txt", ".hidden/e.txt", "sub/.f.txt", "sub/g.exe", "sub/h.pdf"}
	for _, f := range files {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A loop (sub/deeper/back -> sub) and a duplicate link (link -> sub/deeper).
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "deeper", "back")); err != nil {
		t.Skipf("symlinks not available: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub", "deeper"), filepath.Join(dir, "zlink")); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := Walk(context.Background(), []string{"-", dir, filepath.Join(dir, "sub", "g.exe")}, func(p string) error {
		if p != "-" {
			p, _ = filepath.Rel(dir, p)
		}
		got = append(got, filepath.ToSlash(p))
		return nil
	})
	want := []string{"-", "a.md", "b.txt", "sub/c.html", "sub/deeper/d.txt", "sub/h.pdf", "sub/g.exe"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Walk visited %v, want %v", got, want)
	}
	var ie *dossier.InputError
	if !errors.As(err, &ie) || !errors.Is(err, dossier.ErrInvalid) || !strings.Contains(err.Error(), "loop") {
		t.Errorf("Walk error = %v, want a symbolic link loop reported", err)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, func(string) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Walk with a failing fn: err %v after %d calls, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{dir}, func(string) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk with a cancelled context = %v, want context.Canceled", err)
	}
}
