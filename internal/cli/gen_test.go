package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenThenIngest(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "corpus")
	mustRun(t, "", nil, "gen", "--n", "3", "--out", out)
	files, err := os.ReadDir(out)
	if err != nil || len(files) != 3 {
		t.Fatalf("gen --n 3 wrote %d files (%v), want 3", len(files), err)
	}
	again := filepath.Join(dir, "again")
	mustRun(t, "", nil, "gen", "--n", "3", "--out", again)
	for _, f := range files {
		a, _ := os.ReadFile(filepath.Join(out, f.Name()))
		b, _ := os.ReadFile(filepath.Join(again, f.Name()))
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("gen is not deterministic for %s", f.Name())
		}
	}
	r := mustRun(t, filepath.Join(dir, "d.db"), nil, "ingest", out)
	if !strings.Contains(r.stdout, "3 new, 0 unchanged, 0 failed") {
		t.Errorf("ingest of the generated corpus: %s", r.stdout)
	}
	if r := run(t, "", nil, "gen", "--n", "3"); r.code != 2 {
		t.Errorf("gen without --out: exit %d, want 2", r.code)
	}
}
