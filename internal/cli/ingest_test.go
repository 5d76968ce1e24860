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

func TestIngestSeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dossier.db")
	seed := shared("seed", "brief-27.txt")
	r := mustRun(t, db, nil, "ingest", seed)
	if !strings.Contains(r.stdout, "1 new, 0 unchanged, 0 failed") {
		t.Errorf("first ingest summary = %q, want 1 new", r.stdout)
	}

	var docs []struct {
		ID, Title, Date, Series, Lang string
		Entities                      int
	}
	decodeJSON(t, "docs --json", mustRun(t, db, nil, "docs", "--json").stdout, &docs)
	if len(docs) != 1 {
		t.Fatalf("docs --json lists %d documents, want 1", len(docs))
	}
	d := docs[0]
	if d.Series != "Brief n.27" || d.Date != "2023-03" || d.Title != "5th Security Dialogue on Afghanistan" {
		t.Errorf("docs --json = series %q, date %q, title %q; want Brief n.27, 2023-03, 5th Security Dialogue on Afghanistan", d.Series, d.Date, d.Title)
	}
	if !strings.HasPrefix(d.ID, "sha256:") || len(d.ID) != len("sha256:")+64 {
		t.Errorf("document id %q is not sha256:<64 hex>", d.ID)
	}

	s := mustRun(t, db, nil, "search", "Patrushev")
	if !strings.Contains(s.stdout, shortID(d.ID)) || !strings.Contains(s.stdout, "«Patrushev»") {
		t.Errorf("search Patrushev does not show the brief with a highlighted match:\n%s", s.stdout)
	}
	var hits []struct{ DocID, Snippet string }
	decodeJSON(t, "search --json", mustRun(t, db, nil, "search", "--json", "Patrushev").stdout, &hits)
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "«Patrushev»") {
		t.Errorf("search --json Patrushev = %+v, want one hit with «Patrushev»", hits)
	}
	if r := run(t, db, nil, "search", "zanzibarquux"); r.code != 0 || strings.TrimSpace(r.stdout) != "" {
		t.Errorf("search for an absent word: exit %d, stdout %q; want 0 and nothing", r.code, r.stdout)
	}

	again := mustRun(t, db, nil, "ingest", seed)
	if !strings.Contains(again.stdout, "0 new, 1 unchanged, 0 failed") {
		t.Errorf("re-ingest summary = %q, want 1 unchanged", again.stdout)
	}

	show := mustRun(t, db, nil, "show", shortID(d.ID))
	if !strings.Contains(show.stdout, "Title:    5th Security Dialogue on Afghanistan") || !strings.Contains(show.stdout, "Nikolai Patrushev") {
		t.Errorf("show %s lacks the title or the text:\n%.400s", shortID(d.ID), show.stdout)
	}
	var shown struct {
		Document struct {
			ID, Text string
		}
		Extraction struct {
			Document map[string]any
			Entities []any
		}
	}
	decodeJSON(t, "show --json", mustRun(t, db, nil, "show", "--json", d.ID).stdout, &shown)
	if shown.Document.ID != d.ID || shown.Extraction.Document["id"] != d.ID || shown.Extraction.Entities == nil {
		t.Errorf("show --json: document %q, extraction document %v, entities %v", shown.Document.ID, shown.Extraction.Document["id"], shown.Extraction.Entities)
	}
}

func TestIngestFailureAmongGood(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(filepath.Join(docs, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"a.txt":     "Brief n.1, May 2024\n\nFirst brief\n\nThe ministers of Chad and Niger met in Niamey.\n",
		"sub/b.md":  "# Second brief\n\nOfficials from Mali said the talks would go on.\n",
		"empty.txt": "",
		"bin.txt":   "\x00\x01\x02\x03binary\x00\x00\x00",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(docs, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "d.db")
	missing := filepath.Join(dir, "missing.txt")
	r := run(t, db, nil, "ingest", docs, missing)
	if r.code != 1 {
		t.Fatalf("ingest with bad inputs: exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "2 new, 0 unchanged, 3 failed") {
		t.Errorf("summary = %q, want 2 new, 3 failed", r.stdout)
	}
	for _, name := range []string{"empty.txt", "bin.txt", "missing.txt"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("summary does not name the failed file %s:\n%s", name, r.stdout)
		}
	}
	var listed []struct{ Source string }
	decodeJSON(t, "docs --json", mustRun(t, db, nil, "docs", "--json").stdout, &listed)
	if len(listed) != 2 {
		t.Errorf("%d documents stored after a partly failed ingest, want 2", len(listed))
	}
}

func TestIngestStdinAndJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	text := "DATE: 2024-02-03\nSOURCE: Example Wire\n\nTalks in Doha\n\nEnvoys from Qatar and Egypt held talks in Doha on Monday.\n"
	var sum ingestSummary
	decodeJSON(t, "ingest --json -", mustRun(t, db, strings.NewReader(text), "ingest", "--json", "-").stdout, &sum)
	if sum.New != 1 || len(sum.Documents) != 1 || sum.Documents[0].Path != "-" || sum.Documents[0].Status != "new" {
		t.Errorf("ingest --json - = %+v, want one new document from -", sum)
	}
	r := mustRun(t, db, nil, "search", "Doha")
	if !strings.Contains(r.stdout, "«Doha»") {
		t.Errorf("search Doha after ingesting standard input:\n%s", r.stdout)
	}
}

func TestIngestNonEnglish(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	path := filepath.Join(t.TempDir(), "fr.txt")
	text := "Les ministres des affaires étrangères de la France et du Maroc se sont réunis à Rabat. " +
		"Ils ont discuté de la situation au Sahel et de la coopération dans la lutte contre le terrorisme. " +
		"Selon le communiqué, les deux pays veulent renforcer leurs échanges dans les mois qui viennent.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var sum ingestSummary
	decodeJSON(t, "ingest --json", mustRun(t, db, nil, "ingest", "--json", path).stdout, &sum)
	if sum.New != 1 || !strings.Contains(sum.Documents[0].Note, "extraction skipped") {
		t.Errorf("ingest of a French document = %+v, want new with a note that extraction was skipped", sum)
	}
	if r := mustRun(t, db, nil, "search", "Rabat"); !strings.Contains(r.stdout, "«Rabat»") {
		t.Errorf("the French document is not searchable:\n%s", r.stdout)
	}
}

// openStoreT opens the database at path with the store's SQLite driver.
func integrityOK(t *testing.T, db string) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var res string
	if err := st.DB().QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("PRAGMA integrity_check = %q, %v; want ok", res, err)
	}
}

// smallDoc returns the text of the i-th small generated document: distinct for every i.
func smallDoc(i int) string {
	actors := []string{"Chad", "Niger", "Mali", "Sudan", "Kenya", "Somalia", "Egypt", "Libya", "Algeria", "Tunisia"}
	a, b := actors[i%len(actors)], actors[(i/len(actors)+1+i)%len(actors)]
	return fmt.Sprintf("Brief n.%d, March 2023\n\nReport %d on %s\n\n"+
		"Officials from %s and %s held talks in the capital on February %d. "+
		"The delegation of %s accused the government of %s of supporting armed groups, according to sources. "+
		"Item %d closes the report.\n", i, i, a, a, b, 1+i%27, b, a, i)
}

func TestProgressBar(t *testing.T) {
	var buf strings.Builder
	off := newProgress(&buf, 10)
	off.show(3, "a.txt")
	off.done()
	if buf.Len() != 0 {
		t.Errorf("progress bar drawn on a non-terminal: %q", buf.String())
	}
	on := &progress{w: &buf, total: 10, on: true}
	on.show(5, "folder/some-report.txt")
	if got := buf.String(); !strings.Contains(got, "[===============               ] 5/10 folder/some-report.txt") {
		t.Errorf("progress bar at 5/10 = %q", got)
	}
	on.done()
	if !strings.HasSuffix(buf.String(), "\r\x1b[K") {
		t.Errorf("progress bar not cleared at the end: %q", buf.String())
	}
}

func TestIngestWatch(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	if err := os.MkdirAll(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inbox, "first.txt"), []byte(smallDoc(1)), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "d.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"--db", db, "ingest", "--watch", inbox, "--interval", "20ms"}, strings.NewReader(""), &stdout, &stderr)
	}()
	waitFor := func(what string, n int) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for strings.Count(stdout.String(), "new ") < n {
			if time.Now().After(deadline) {
				t.Fatalf("watch did not report %s: stdout %q, stderr %q", what, stdout.String(), stderr.String())
			}
			select {
			case code := <-done:
				t.Fatalf("watch exited with %d: %s", code, stderr.String())
			case <-time.After(20 * time.Millisecond):
			}
		}
	}
	waitFor("the file present at the start", 1)
	if err := os.WriteFile(filepath.Join(inbox, "second.txt"), []byte(smallDoc(2)), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("a new file", 2)
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("watch exited with %d when interrupted: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not stop when interrupted")
	}
	var docs []struct{ Source string }
	decodeJSON(t, "docs --json", mustRun(t, db, nil, "docs", "--json").stdout, &docs)
	if len(docs) != 2 {
		t.Errorf("%d documents stored by watch, want 2", len(docs))
	}
}
