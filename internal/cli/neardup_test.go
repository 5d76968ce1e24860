package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/internal/store/sqlite"
)

// TestIngestNearDuplicate ingests a brief, the same brief republished with a closing
// line added, and an unrelated document: the second is reported, listed and shown as a
// near duplicate of the first, the third is not.
func TestIngestNearDuplicate(t *testing.T) {
	text, err := os.ReadFile(shared("seed", "brief-27.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": string(text),
		"b.txt": string(text) + "\nThis report was republished by a regional news service.\n",
		"c.txt": smallDoc(3),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "dossier.db")
	r := mustRun(t, db, nil, "ingest", "-v", dir)
	var docs []struct {
		ID, Source  string
		DuplicateOf string `json:"duplicate_of"`
	}
	decodeJSON(t, "docs --json", mustRun(t, db, nil, "docs", "--json").stdout, &docs)
	ids, dups := map[string]string{}, map[string]string{}
	for _, d := range docs {
		ids[filepath.Base(d.Source)] = d.ID
		dups[filepath.Base(d.Source)] = d.DuplicateOf
	}
	if len(ids) != 3 {
		t.Fatalf("docs --json lists %v, want a.txt, b.txt and c.txt", ids)
	}
	for name, want := range map[string]string{"a.txt": "", "b.txt": ids["a.txt"], "c.txt": ""} {
		if dups[name] != want {
			t.Errorf("docs --json: %s is a near duplicate of %q, want %q", name, dups[name], want)
		}
	}
	if !strings.Contains(r.stdout, "near duplicate of "+ids["a.txt"]) || strings.Count(r.stdout, "near duplicate of") != 1 {
		t.Errorf("ingest -v does not report b.txt alone as a near duplicate of a.txt:\n%s", r.stdout)
	}
	if list := mustRun(t, db, nil, "docs").stdout; !strings.Contains(list, "(near duplicate of "+shortID(ids["a.txt"])+")") {
		t.Errorf("docs does not mark the near duplicate:\n%s", list)
	}
	if show := mustRun(t, db, nil, "show", shortID(ids["b.txt"])).stdout; !strings.Contains(show, "Near duplicate of "+ids["a.txt"]) {
		t.Errorf("show b.txt does not name a.txt:\n%.600s", show)
	}
	if show := mustRun(t, db, nil, "show", shortID(ids["a.txt"])).stdout; strings.Contains(show, "Near duplicate") {
		t.Errorf("show a.txt calls the original a near duplicate:\n%.600s", show)
	}
}

// TestIngestConcurrentlyInOrder prepares files on several goroutines and checks that
// they are handed over in input order, a missing file included, that stopping early
// returns, and that a cancelled context stops the run.
func TestIngestConcurrentlyInOrder(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 40 {
		f := filepath.Join(dir, fmt.Sprintf("doc-%02d.txt", i))
		if i != 7 { // doc-07.txt is missing: it fails to read
			if err := os.WriteFile(f, []byte(smallDoc(i)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files = append(files, f)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a := &app{ctx: ctx, now: time.Now}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dossier.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := a.newPipeline(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 4} {
		var got []string
		a.ingestConcurrently(st, p, files, workers, func(prep *prepared) bool {
			got = append(got, prep.path)
			if failed := prep.outcome != nil && prep.outcome.Status == "failed"; failed != (prep.path == files[7]) {
				t.Errorf("workers %d: %s prepared as %+v", workers, prep.path, prep.outcome)
			}
			return true
		})
		if !equalStrings(got, files) {
			t.Errorf("workers %d: handed over %v, want %v", workers, got, files)
		}
		n := 0
		a.ingestConcurrently(st, p, files, workers, func(*prepared) bool { n++; return n < 5 })
		if n != 5 {
			t.Errorf("workers %d: handle called %d times after asking to stop at 5", workers, n)
		}
	}
	n := 0
	a.ingestConcurrently(st, p, files, 4, func(*prepared) bool {
		n++
		if n == 3 {
			cancel()
		}
		return true
	})
	if n >= len(files) {
		t.Errorf("a cancelled run handed over all %d files", n)
	}
}

func equalStrings(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }
