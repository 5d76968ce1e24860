package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLexiconAdd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("name\ttype\taliases\nKestrel Syndicate\tARMED_GROUP\tKestrels\nOspreyco\tSPACESHIP\t\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, db, nil, "lexicon", "add", bad)
	if r.code != 2 || !strings.Contains(r.stderr, "bad.tsv:3") {
		t.Errorf("lexicon add with a bad line: exit %d, stderr %q; want 2 naming bad.tsv:3", r.code, r.stderr)
	}
	var listed []struct{ Name string }
	decodeJSON(t, "lexicon list", mustRun(t, db, nil, "lexicon", "list", "--json").stdout, &listed)
	if len(listed) != 0 {
		t.Errorf("a malformed lexicon was half loaded: %+v", listed)
	}

	good := filepath.Join(dir, "watch.tsv")
	if err := os.WriteFile(good, []byte("Kestrel Syndicate\tARMED_GROUP\tKestrels|the Syndicate\tdossier:kestrel\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, nil, "lexicon", "add", good)
	decodeJSON(t, "lexicon list", mustRun(t, db, nil, "lexicon", "list", "--json").stdout, &listed)
	if len(listed) != 1 || listed[0].Name != "Kestrel Syndicate" {
		t.Fatalf("lexicon list = %+v, want Kestrel Syndicate", listed)
	}

	// Later ingests use the watchlist.
	doc := filepath.Join(dir, "doc.txt")
	if err := os.WriteFile(doc, []byte("Raid near Gao\n\nThe Kestrel Syndicate claimed a raid near Gao in Mali on 4 May 2024.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, nil, "ingest", doc)
	var ents []struct {
		Name string
		KBID string `json:"kb_id"`
	}
	decodeJSON(t, "entities", mustRun(t, db, nil, "entities", "--json", "--type", "armed_group").stdout, &ents)
	found := false
	for _, e := range ents {
		found = found || e.Name == "Kestrel Syndicate"
	}
	if !found {
		t.Errorf("the watchlist entry was not extracted after lexicon add: %+v", ents)
	}
}
