package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("old.txt", "present at the start")
	write("skip.exe", "not supported")
	var mu sync.Mutex
	var got []string
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		errc <- Watch(ctx, dir, 10*time.Millisecond, func(p string) error {
			mu.Lock()
			got = append(got, filepath.Base(p))
			mu.Unlock()
			return nil
		})
	}()
	waitFor := func(want int) []string {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			mu.Lock()
			n := len(got)
			cp := append([]string(nil), got...)
			mu.Unlock()
			if n >= want {
				return cp
			}
			time.Sleep(5 * time.Millisecond)
		}
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("Watch handed %v, want %d files", got, want)
		return nil
	}
	if g := waitFor(1); g[0] != "old.txt" {
		t.Errorf("first file handed = %q, want old.txt", g[0])
	}
	write("new.md", "# added later")
	if g := waitFor(2); g[1] != "new.md" {
		t.Errorf("second file handed = %q, want new.md", g[1])
	}
	// A change of size is picked up again.
	write("old.txt", "present at the start, then changed")
	if g := waitFor(3); g[2] != "old.txt" {
		t.Errorf("third file handed = %q, want old.txt again", g[2])
	}
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	if len(got) != 3 {
		t.Errorf("Watch handed %v, want exactly 3 (no repeats of unchanged files)", got)
	}
	mu.Unlock()
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("Watch after cancel = %v, want context.Canceled", err)
	}
}

func TestWatchStopsOnError(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := Watch(ctx, dir, 5*time.Millisecond, func(string) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Watch = %v, want fn's error", err)
	}
}
