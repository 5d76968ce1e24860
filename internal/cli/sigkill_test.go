package cli

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// TestIngestSurvivesSIGKILL kills `dossier ingest` with SIGKILL halfway through 500
// documents, runs it again, and checks that every document is stored exactly once and the
// database is sound.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 500 documents twice")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dossier")
	build := exec.Command("go", "build", "-o", bin, "dossier/cmd/dossier")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus")
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 500
	want := map[string]bool{}
	for i := range n {
		text := []byte(smallDoc(i))
		sum := sha256.Sum256(text)
		want["sha256:"+hex.EncodeToString(sum[:])] = true
		if err := os.WriteFile(filepath.Join(corpus, fmt.Sprintf("doc-%03d.txt", i)), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(want) != n {
		t.Fatalf("the generated documents are not distinct: %d ids for %d documents", len(want), n)
	}
	db := filepath.Join(dir, "dossier.db")

	// First run: kill it once half the documents are reported stored.
	cmd := exec.Command(bin, "--db", db, "ingest", "-v", corpus)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored := 0
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && stored < n/2 {
		if strings.HasPrefix(sc.Text(), "new ") {
			stored++
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatalf("kill: %v", err)
	}
	err = cmd.Wait()
	if stored < n/2 {
		t.Fatalf("ingest ended after %d documents before it could be killed: %v", stored, err)
	}
	if ws, ok := cmd.ProcessState.Sys().(interface{ Signaled() bool }); !ok || !ws.Signaled() {
		t.Fatalf("ingest was not killed by the signal (it finished first: %v)", err)
	}

	// Second run: picks up where the first stopped.
	out, err := exec.Command(bin, "--db", db, "ingest", corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	var added, unchanged, failed int
	if _, err := fmt.Sscanf(string(out), "%d new, %d unchanged, %d failed", &added, &unchanged, &failed); err != nil {
		t.Fatalf("second ingest summary %q: %v", out, err)
	}
	if added+unchanged != n || failed != 0 || unchanged < n/2 {
		t.Errorf("second ingest: %d new, %d unchanged, %d failed; want %d in all, at least %d unchanged, none failed", added, unchanged, failed, n, n/2)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err := st.Documents(ctx, store.DocQuery{Limit: 2 * n})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, d := range docs {
		seen[d.ID]++
	}
	for id := range want {
		if seen[id] != 1 {
			t.Errorf("document %s stored %d times, want once", id, seen[id])
		}
	}
	if len(docs) != n {
		t.Errorf("%d documents stored, want %d", len(docs), n)
	}
	var rows int
	if err := st.DB().QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&rows); err != nil || rows != n {
		t.Errorf("documents table has %d rows (%v), want %d", rows, err, n)
	}
	var res string
	if err := st.DB().QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("PRAGMA integrity_check = %q, %v; want ok", res, err)
	}
}
