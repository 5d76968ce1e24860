package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// actionID returns the action id a curation command printed.
func actionID(t *testing.T, out string) string {
	t.Helper()
	m := regexp.MustCompile(`\(action (\d+);`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no action id in %q", out)
	}
	return m[1]
}

type entityRow struct {
	ID      int64
	Name    string
	Type    string
	Aliases []string
}

func listEntities(t *testing.T, db string, args ...string) []entityRow {
	t.Helper()
	var ents []entityRow
	decodeJSON(t, "entities --json", mustRun(t, db, nil, append([]string{"entities", "--json", "--limit", "0"}, args...)...).stdout, &ents)
	return ents
}

func TestCurationRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	mustRun(t, db, nil, "ingest", shared("seed", "brief-27.txt"))
	people := listEntities(t, db, "--type", "PERSON")
	if len(people) < 2 {
		t.Fatalf("the seed brief gave %d people, want at least 2", len(people))
	}
	keep, drop := people[0], people[1]
	keepID, dropID := strconv.FormatInt(keep.ID, 10), strconv.FormatInt(drop.ID, 10)

	// Merge, and its errors.
	if r := run(t, db, nil, "merge", keepID, keepID); r.code != 2 && r.code != 4 {
		t.Errorf("merging an entity with itself: exit %d, want 2 or 4", r.code)
	}
	if r := run(t, db, nil, "merge", keepID, "99999999"); r.code != 3 {
		t.Errorf("merging an unknown entity: exit %d, want 3", r.code)
	}
	merge := actionID(t, mustRun(t, db, nil, "merge", keepID, dropID).stdout)
	for _, e := range listEntities(t, db, "--type", "PERSON") {
		if e.ID == drop.ID {
			t.Errorf("entity %d (%s) is still listed after being merged", drop.ID, drop.Name)
		}
	}

	// The merge survives a re-ingest of a document naming the dropped entity.
	again := filepath.Join(dir, "again.txt")
	text := fmt.Sprintf("Follow-up note\n\nOn 2 March 2023 %s and %s spoke again about Afghanistan.\n", keep.Name, drop.Name)
	if err := os.WriteFile(again, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, nil, "ingest", again)
	for _, e := range listEntities(t, db, "--type", "PERSON") {
		if e.Name == drop.Name && e.ID != keep.ID {
			t.Errorf("re-ingest brought back %s as entity %d despite the merge into %d", drop.Name, e.ID, keep.ID)
		}
	}

	// Undo, once.
	mustRun(t, db, nil, "undo", merge)
	if r := run(t, db, nil, "undo", merge); r.code != 4 {
		t.Errorf("undoing an undone action: exit %d, want 4 (stderr %q)", r.code, r.stderr)
	}
	found := false
	for _, e := range listEntities(t, db, "--type", "PERSON") {
		found = found || e.ID == drop.ID
	}
	if !found {
		t.Errorf("entity %d (%s) is not back after undoing the merge", drop.ID, drop.Name)
	}

	// Rename, alias, retype, note.
	mustRun(t, db, nil, "rename", keepID, "Test Renamed Person")
	mustRun(t, db, nil, "alias", "add", keepID, "Test Alias Xyz")
	var prof struct {
		Entity entityRow
		Notes  []struct{ Text string }
	}
	decodeJSON(t, "entity --json", mustRun(t, db, nil, "entity", "--json", "Test Alias Xyz").stdout, &prof)
	if prof.Entity.ID != keep.ID || prof.Entity.Name != "Test Renamed Person" {
		t.Errorf("entity \"Test Alias Xyz\" = %d %q, want %d \"Test Renamed Person\"", prof.Entity.ID, prof.Entity.Name, keep.ID)
	}
	mustRun(t, db, nil, "alias", "remove", keepID, "Test Alias Xyz")
	if r := run(t, db, nil, "entity", "Test Alias Xyz"); r.code != 3 {
		t.Errorf("entity by a removed alias: exit %d, want 3", r.code)
	}
	mustRun(t, db, nil, "retype", keepID, "organization")
	if r := run(t, db, nil, "retype", keepID, "spaceship"); r.code != 2 {
		t.Errorf("retype to an unknown type: exit %d, want 2", r.code)
	}
	mustRun(t, db, nil, "note", keepID, "checked by the test")
	decodeJSON(t, "entity --json", mustRun(t, db, nil, "entity", "--json", keepID).stdout, &prof)
	if len(prof.Notes) != 1 || prof.Notes[0].Text != "checked by the test" || prof.Entity.Type != "ORGANIZATION" {
		t.Errorf("profile after retype and note: type %s, notes %+v", prof.Entity.Type, prof.Notes)
	}

	// Relations: reject one found through claims.
	var claims struct {
		Claims []struct {
			RelationID int64 `json:"relation_id"`
		}
	}
	decodeJSON(t, "claims --json", mustRun(t, db, nil, "claims", "--json", "Taliban").stdout, &claims)
	if len(claims.Claims) > 0 {
		rel := strconv.FormatInt(claims.Claims[0].RelationID, 10)
		mustRun(t, db, nil, "relation", "reject", rel)
		mustRun(t, db, nil, "relation", "confirm", rel)
	}
	if r := run(t, db, nil, "relation", "reject", "99999999"); r.code != 3 {
		t.Errorf("rejecting an unknown relation: exit %d, want 3", r.code)
	}

	// The audit log holds every action, newest first, the undone merge marked.
	var audit []struct {
		ID       int64
		Action   string
		Actor    string
		UndoneBy int64 `json:"undone_by"`
	}
	decodeJSON(t, "audit --json", mustRun(t, db, nil, "audit", "--json", "--limit", "0").stdout, &audit)
	actions := map[string]bool{}
	for _, e := range audit {
		actions[e.Action] = true
		if e.Actor != actor {
			t.Errorf("audit entry %d has actor %q, want %q", e.ID, e.Actor, actor)
		}
		if strconv.FormatInt(e.ID, 10) == merge && e.UndoneBy == 0 {
			t.Errorf("audit entry %s (the merge) is not marked undone", merge)
		}
	}
	for _, want := range []string{"merge", "undo", "rename", "retype", "note"} {
		found := false
		for a := range actions {
			found = found || strings.Contains(a, want)
		}
		if !found {
			t.Errorf("audit log has no %s action: %v", want, actions)
		}
	}
	if txt := mustRun(t, db, nil, "audit").stdout; !strings.Contains(txt, "undone by") {
		t.Errorf("audit does not show the undone merge:\n%s", txt)
	}
}

func TestQueriesOnSeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	mustRun(t, db, nil, "ingest", shared("seed", "brief-27.txt"))
	var g struct {
		Nodes []struct{ Name string }
		Edges []struct{ Type string }
	}
	decodeJSON(t, "graph --json", mustRun(t, db, nil, "graph", "--json", "--depth", "2", "Taliban").stdout, &g)
	if len(g.Nodes) < 2 || len(g.Edges) == 0 {
		t.Errorf("graph Taliban --depth 2: %d nodes, %d edges; want a neighborhood", len(g.Nodes), len(g.Edges))
	}
	decodeJSON(t, "graph --json", mustRun(t, db, nil, "graph", "--json", "--rel-types", "accuse", "Taliban").stdout, &g)
	for _, e := range g.Edges {
		if e.Type != "ACCUSE" {
			t.Errorf("graph --rel-types accuse returned a %s edge", e.Type)
		}
	}
	var paths []struct{ Hops []any }
	decodeJSON(t, "path --json", mustRun(t, db, nil, "path", "--json", "Russia", "Taliban").stdout, &paths)
	if len(paths) == 0 || len(paths[0].Hops) == 0 {
		t.Errorf("path Russia Taliban found no path")
	}
	var items []struct{ Date string }
	decodeJSON(t, "timeline --json", mustRun(t, db, nil, "timeline", "--json").stdout, &items)
	for i := 1; i < len(items); i++ {
		if items[i].Date < items[i-1].Date {
			t.Errorf("timeline is out of order: %s after %s", items[i].Date, items[i-1].Date)
		}
	}
	for _, args := range [][]string{{"entity", "Patrushev"}, {"claims", "Taliban"}, {"timeline", "Putin"}, {"graph", "Russia"}, {"path", "Putin", "Taliban"}} {
		if r := run(t, db, nil, args...); r.code != 0 || r.stdout == "" {
			t.Errorf("dossier %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	if r := run(t, db, nil, "entity", "Nobody Atall"); r.code != 3 {
		t.Errorf("entity of an unknown name: exit %d, want 3", r.code)
	}
}
