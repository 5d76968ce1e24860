package storetest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier"
	"dossier/internal/store"
)

var curationTests = []struct {
	name string
	fn   func(t *testing.T, s *store.Store)
}{
	{"MergeUndoReingest", testMergeUndoReingest},
	{"MergeErrors", testMergeErrors},
	{"DoubleUndo", testDoubleUndo},
	{"RejectRelationSurvives", testRejectRelation},
	{"RenameRetypeUndo", testRenameRetype},
	{"AliasRemovalPersists", testAliasRemoval},
	{"SplitUndo", testSplit},
	{"ConcurrentCuration", testConcurrent},
	{"NotesAndAudit", testNotesAudit},
	{"KnownAtCuration", testKnownAtCuration},
	{"Lexicon", testLexicon},
	{"IntegrityAfterCuration", testIntegrityAfterCuration},
	{"ReextractKeepsDecisions", testReextract},
}

// briefH names Patrushev in another transliteration.
func briefH(t testing.TB) *fixture {
	return newDoc(t, "Transliteration", "2023-08",
		"Nikolay Patrushev warned the Taliban about ISKP.").
		ent("e1", "Nikolay Patrushev", dossier.Person, "").
		ent("e2", "Taliban", dossier.ArmedGroup, "").
		ent("e3", "ISKP", dossier.ArmedGroup, "").
		rel("r1", dossier.Threaten, "e1", "e2", "Nikolay Patrushev warned the Taliban about ISKP.")
}

// briefI comes later and uses the other transliteration again.
func briefI(t testing.TB) *fixture {
	return newDoc(t, "Later report", "2023-10",
		"Nikolay Patrushev met Kabulov.").
		ent("e1", "Nikolay Patrushev", dossier.Person, "").
		ent("e2", "Zamir Kabulov", dossier.Person, "", "Kabulov").
		rel("r1", dossier.Consult, "e1", "e2", "Nikolay Patrushev met Kabulov.")
}

const actor = "local"

func testMergeUndoReingest(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t), briefH(t))
	keep, drop := find(t, s, "Nikolai Patrushev"), find(t, s, "Nikolay Patrushev")
	if keep.ID == drop.ID {
		t.Fatalf("the two transliterations resolved to one entity before any merge")
	}
	act, err := s.Merge(ctx, actor, keep.ID, drop.ID)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	merged := find(t, s, "Nikolay Patrushev")
	if merged.ID != keep.ID || merged.Docs != 3 {
		t.Errorf("after merge, Nikolay Patrushev = %+v; want entity %d in 3 documents", merged, keep.ID)
	}
	if e, err := s.Entity(ctx, drop.ID); err != nil || e.ID != keep.ID {
		t.Errorf("Entity(dropped id) = %v, %v; want the kept entity", e, err)
	}
	g, err := s.Graph(ctx, store.GraphQuery{Center: []int64{keep.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if edgeOf(g, keep.ID, find(t, s, "Taliban").ID, dossier.Threaten) == nil {
		t.Errorf("after merge the kept entity lacks the dropped one's THREATEN edge: %+v", g.Edges)
	}
	// Re-ingesting changes nothing and the decision survives.
	if res := put(t, s, briefH(t)); res.New {
		t.Errorf("re-ingest of the same document = New")
	}
	if e := find(t, s, "Nikolay Patrushev"); e.ID != keep.ID {
		t.Errorf("after re-ingest, Nikolay Patrushev = %d, want %d", e.ID, keep.ID)
	}
	// The merge applies to later documents.
	put(t, s, briefI(t))
	if e := find(t, s, "Nikolai Patrushev"); e.Docs != 4 {
		t.Errorf("after a later document, the merged entity is in %d documents, want 4", e.Docs)
	}
	// Undo separates them again, the later document following the transliteration.
	if _, err := s.Undo(ctx, actor, act); err != nil {
		t.Fatalf("Undo merge: %v", err)
	}
	a, b := find(t, s, "Nikolai Patrushev"), find(t, s, "Nikolay Patrushev")
	if a.ID == b.ID || a.Docs != 2 || b.Docs != 2 || b.ID != drop.ID {
		t.Errorf("after undo: %+v and %+v; want two entities in 2 documents each, the second %d", a, b, drop.ID)
	}
	checkEdges(t, s)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func testMergeErrors(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefH(t))
	a, b := find(t, s, "Nikolai Patrushev"), find(t, s, "Nikolay Patrushev")
	if _, err := s.Merge(ctx, actor, a.ID, a.ID); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Merge with itself: error %v, want ErrInvalid", err)
	}
	if _, err := s.Merge(ctx, actor, a.ID, 123456); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Merge with unknown: error %v, want ErrNotFound", err)
	}
	if _, err := s.Merge(ctx, "", a.ID, b.ID); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Merge without actor: error %v, want ErrInvalid", err)
	}
	if _, err := s.Merge(ctx, actor, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Merge(ctx, actor, a.ID, b.ID); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("Merge again: error %v, want ErrConflict", err)
	}
	if _, err := s.Merge(ctx, actor, b.ID, a.ID); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("Merge the other way after merging: error %v, want ErrConflict", err)
	}
	for _, f := range []func() (int64, error){
		func() (int64, error) { return s.Rename(ctx, actor, 99999, "X") },
		func() (int64, error) { return s.Retype(ctx, actor, 99999, dossier.Person) },
		func() (int64, error) { return s.AddAlias(ctx, actor, 99999, "X") },
		func() (int64, error) { return s.RemoveAlias(ctx, actor, 99999, "X") },
		func() (int64, error) { return s.RejectRelation(ctx, actor, 99999) },
		func() (int64, error) { return s.ConfirmRelation(ctx, actor, 99999) },
		func() (int64, error) { return s.Undo(ctx, actor, 99999) },
		func() (int64, error) { return s.Split(ctx, actor, 99999, []string{"X"}) },
		func() (int64, error) { return s.Note(ctx, actor, "entity:99999", "x") },
	} {
		if _, err := f(); !errors.Is(err, dossier.ErrNotFound) {
			t.Errorf("curation of an unknown id: error %v, want ErrNotFound", err)
		}
	}
}

func testDoubleUndo(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefH(t))
	a, b := find(t, s, "Nikolai Patrushev"), find(t, s, "Nikolay Patrushev")
	act, err := s.Merge(ctx, actor, a.ID, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	undo, err := s.Undo(ctx, actor, act)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx, actor, act); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("second Undo: error %v, want ErrConflict", err)
	}
	if _, err := s.Undo(ctx, actor, undo); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("Undo of an undo: error %v, want ErrConflict", err)
	}
	// The merge can be done again after its undo.
	if _, err := s.Merge(ctx, actor, a.ID, b.ID); err != nil {
		t.Errorf("Merge after undo: %v", err)
	}
}

func testRejectRelation(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t))
	ru, tal := find(t, s, "Russia"), find(t, s, "Taliban")
	d, err := s.Edge(ctx, ru.ID, tal.ID, dossier.Aid)
	if err != nil {
		t.Fatal(err)
	}
	denial := d.Claims[1].RelationID
	act, err := s.RejectRelation(ctx, actor, denial)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RejectRelation(ctx, actor, denial); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("second reject: error %v, want ErrConflict", err)
	}
	check := func(when string, claims, negated int) {
		t.Helper()
		d, err := s.Edge(ctx, ru.ID, tal.ID, dossier.Aid)
		if err != nil {
			t.Fatal(err)
		}
		if d.Edge.Claims != claims || d.Edge.Negated != negated || len(d.Claims) != 2 {
			t.Errorf("%s: edge %+v with %d claims listed; want %d claims, %d negated, both listed", when, d.Edge, len(d.Claims), claims, negated)
		}
		cs, err := s.Claims(ctx, ru.ID, store.TimeFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(cs.Contradictions) != negated {
			t.Errorf("%s: %d contradictions, want %d (the denial is the only contradicting claim)", when, len(cs.Contradictions), negated)
		}
	}
	check("after reject", 1, 0)
	put(t, s, briefB(t))
	check("after re-ingest", 1, 0)
	if e := find(t, s, "Russia"); e.Degree != 2 {
		t.Errorf("degree of Russia after rejecting one of 3 claims = %d, want 2", e.Degree)
	}
	if _, err := s.Undo(ctx, actor, act); err != nil {
		t.Fatal(err)
	}
	check("after undo", 2, 1)
	checkEdges(t, s)
	if _, err := s.ConfirmRelation(ctx, actor, denial); err != nil {
		t.Errorf("ConfirmRelation: %v", err)
	}
	d, _ = s.Edge(ctx, ru.ID, tal.ID, dossier.Aid)
	if d.Claims[1].Status != "confirmed" {
		t.Errorf("confirmed claim status = %q", d.Claims[1].Status)
	}
}

func testRenameRetype(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t))
	tal := find(t, s, "Taliban")
	ren, err := s.Rename(ctx, actor, tal.ID, "Islamic Emirate of Afghanistan")
	if err != nil {
		t.Fatal(err)
	}
	if e := find(t, s, "Islamic Emirate of Afghanistan"); e.ID != tal.ID || e.Name != "Islamic Emirate of Afghanistan" {
		t.Errorf("after rename: %+v", e)
	}
	if e := find(t, s, "Taliban"); e.ID != tal.ID {
		t.Errorf("old name no longer finds the entity")
	}
	rt, err := s.Retype(ctx, actor, tal.ID, dossier.Organization)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Retype(ctx, actor, tal.ID, "ALIEN"); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Retype to a bad type: error %v, want ErrInvalid", err)
	}
	if _, err := s.Rename(ctx, actor, tal.ID, "  "); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Rename to blank: error %v, want ErrInvalid", err)
	}
	// Undoing the rename first would undo over the retype: both orders must be safe.
	if _, err := s.Undo(ctx, actor, ren); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("Undo rename under a later retype: error %v, want ErrConflict", err)
	}
	if _, err := s.Undo(ctx, actor, rt); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx, actor, ren); err != nil {
		t.Fatal(err)
	}
	e := find(t, s, "Taliban")
	if e.Name != "Taliban" || e.Type != dossier.ArmedGroup {
		t.Errorf("after undoing both: %+v, want Taliban, ARMED_GROUP", e)
	}
	if _, err := s.FindEntity(ctx, "Islamic Emirate of Afghanistan"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the undone rename still finds the entity: %v", err)
	}
}

func testAliasRemoval(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t))
	pat := find(t, s, "Nikolai Patrushev")
	if _, err := s.AddAlias(ctx, actor, pat.ID, "N. P. Patrushev"); err != nil {
		t.Fatal(err)
	}
	if e := find(t, s, "N. P. Patrushev"); e.ID != pat.ID {
		t.Errorf("added alias does not find the entity")
	}
	if _, err := s.AddAlias(ctx, actor, pat.ID, "n p patrushev"); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("adding an existing alias: error %v, want ErrConflict", err)
	}
	rm, err := s.RemoveAlias(ctx, actor, pat.ID, "Nikolai Patrushev")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RemoveAlias(ctx, actor, pat.ID, "Nikolai Patrushev"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("removing a removed alias: error %v, want ErrNotFound", err)
	}
	// A later document with that name no longer resolves through the removed alias,
	// and re-ingesting the first does not bring it back.
	put(t, s, briefB(t))
	put(t, s, briefA(t))
	exB, err := s.Extraction(ctx, briefB(t).doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if exB.Entities[0].ID == itoa(pat.ID) {
		t.Errorf("a later document resolved through the removed alias")
	}
	if _, err := s.Undo(ctx, actor, rm); err != nil {
		t.Fatal(err)
	}
	j := newDoc(t, "Return", "2023-11", "Nikolai Patrushev returned to Moscow.").
		ent("e1", "Nikolai Patrushev", dossier.Person, "").
		ent("e2", "Moscow", dossier.Location, "")
	put(t, s, j)
	exJ, err := s.Extraction(ctx, j.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if exJ.Entities[0].ID != itoa(pat.ID) {
		t.Errorf("after undoing the removal, a new document resolved to %s, want %d", exJ.Entities[0].ID, pat.ID)
	}
}

func testSplit(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefH(t))
	a, b := find(t, s, "Nikolai Patrushev"), find(t, s, "Nikolay Patrushev")
	if _, err := s.Merge(ctx, actor, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Split(ctx, actor, a.ID, nil); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Split without aliases: error %v, want ErrInvalid", err)
	}
	if _, err := s.Split(ctx, actor, a.ID, []string{"Nikolai Patrushev"}); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Split of the own name: error %v, want ErrInvalid", err)
	}
	if _, err := s.Split(ctx, actor, a.ID, []string{"Somebody Else"}); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Split of a missing alias: error %v, want ErrNotFound", err)
	}
	nid, err := s.Split(ctx, actor, a.ID, []string{"Nikolay Patrushev"})
	if err != nil {
		t.Fatal(err)
	}
	n := find(t, s, "Nikolay Patrushev")
	if n.ID != nid || n.Docs != 1 || n.Mentions != 1 {
		t.Errorf("split entity = %+v, want id %d in 1 document", n, nid)
	}
	if e := find(t, s, "Nikolai Patrushev"); e.Docs != 1 {
		t.Errorf("after split the original is in %d documents, want 1", e.Docs)
	}
	g, err := s.Graph(ctx, store.GraphQuery{Center: []int64{nid}})
	if err != nil || len(g.Edges) != 1 || g.Edges[0].Type != dossier.Threaten {
		t.Errorf("split entity's graph = %+v, %v; want its THREATEN edge", g, err)
	}
	audit, err := s.Audit(ctx, store.AuditQuery{Target: "entity:" + itoa(a.ID), Limit: 1})
	if err != nil || len(audit) != 1 || audit[0].Action != "split" {
		t.Fatalf("latest audit of the entity = %+v, %v; want the split", audit, err)
	}
	if _, err := s.Undo(ctx, actor, audit[0].ID); err != nil {
		t.Fatal(err)
	}
	if e := find(t, s, "Nikolay Patrushev"); e.ID != a.ID || e.Docs != 2 {
		t.Errorf("after undoing the split: %+v, want entity %d in 2 documents", e, a.ID)
	}
	checkEdges(t, s)
	if _, err := s.Entity(ctx, nid); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("entity of an undone split still there: %v", err)
	}
}

func testConcurrent(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t))
	e := find(t, s, "Zamir Kabulov")
	var wg sync.WaitGroup
	errs := make([]error, 2)
	names := []string{"Zamir N. Kabulov", "Z. Kabulov"}
	for i := range names {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = s.Rename(store.ExpectVersion(ctx, e.Version), "client"+itoa(int64(i)), e.ID, names[i])
		}(i)
	}
	wg.Wait()
	ok, conflict := 0, 0
	winner := ""
	for i, err := range errs {
		switch {
		case err == nil:
			ok++
			winner = names[i]
		case errors.Is(err, dossier.ErrConflict):
			conflict++
		default:
			t.Errorf("concurrent rename: unexpected error %v", err)
		}
	}
	if ok != 1 || conflict != 1 {
		t.Fatalf("concurrent renames: %d succeeded, %d conflicted; want 1 and 1", ok, conflict)
	}
	now, err := s.Entity(ctx, e.ID)
	if err != nil || now.Name != winner || now.Version != e.Version+1 {
		t.Errorf("after concurrent renames: %+v, %v; want %q at version %d", now, err, winner, e.Version+1)
	}
	// With the fresh version the loser can try again.
	if _, err := s.Rename(store.ExpectVersion(ctx, now.Version), actor, e.ID, "Zamir Kabulov"); err != nil {
		t.Errorf("rename at the current version: %v", err)
	}
}

func testNotesAudit(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := briefA(t)
	putAll(t, s, a)
	pat := find(t, s, "Nikolai Patrushev")
	target := "entity:" + itoa(pat.ID)
	n, err := s.Note(ctx, "analyst1", target, "Check his trip dates.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Note(ctx, actor, a.doc.ID[:20], "Source looks reliable."); err != nil {
		t.Errorf("Note on a document prefix: %v", err)
	}
	if _, err := s.Note(ctx, actor, target, " "); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("empty note: error %v, want ErrInvalid", err)
	}
	p, err := s.Profile(ctx, pat.ID, store.TimeFilter{})
	if err != nil || len(p.Notes) != 1 || p.Notes[0].Text != "Check his trip dates." || p.Notes[0].Actor != "analyst1" {
		t.Errorf("profile notes = %+v, %v", p.Notes, err)
	}
	if _, err := s.Undo(ctx, actor, n); err != nil {
		t.Fatal(err)
	}
	p, _ = s.Profile(ctx, pat.ID, store.TimeFilter{})
	if len(p.Notes) != 0 {
		t.Errorf("undone note still listed: %+v", p.Notes)
	}
	entries, err := s.Audit(ctx, store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 || entries[0].Action != "undo" || entries[0].Undoes != n || entries[2].UndoneBy != entries[0].ID {
		t.Errorf("audit = %+v; want undo, note, note (newest first) with the undo linked", entries)
	}
	for _, e := range entries {
		if e.Actor == "" || e.At.IsZero() || e.Target == "" || e.After == "" {
			t.Errorf("incomplete audit entry %+v", e)
		}
	}
	mine, err := s.Audit(ctx, store.AuditQuery{Actor: "analyst1"})
	if err != nil || len(mine) != 1 {
		t.Errorf("Audit(actor analyst1) = %+v, %v; want 1", mine, err)
	}
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

func testKnownAtCuration(t *testing.T, s *store.Store) {
	ctx := context.Background()
	t0 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	c := &clock{t: t0}
	s = s.WithOptions(store.Options{Now: c.now})
	putAll(t, s, briefA(t), briefH(t))
	a, b := find(t, s, "Nikolai Patrushev"), find(t, s, "Nikolay Patrushev")
	c.set(t0.Add(time.Hour))
	if _, err := s.Merge(ctx, actor, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	ru := find(t, s, "Russia")
	c.set(t0.Add(2 * time.Hour))
	rels, err := s.Claims(ctx, ru.ID, store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RejectRelation(ctx, actor, rels.Claims[0].RelationID); err != nil {
		t.Fatal(err)
	}
	before := store.TimeFilter{KnownAt: t0.Add(30 * time.Minute)}
	cs, err := s.Claims(ctx, a.ID, before)
	if err != nil {
		t.Fatal(err)
	}
	for _, cl := range cs.Claims {
		if cl.Type == dossier.Threaten {
			t.Errorf("known before the merge, the kept entity already has the dropped one's claim %+v", cl)
		}
	}
	now, err := s.Claims(ctx, a.ID, store.TimeFilter{})
	if err != nil || len(now.Claims) != len(cs.Claims)+1 {
		t.Errorf("claims now = %d, before the merge %d; want one more now (%v)", len(now.Claims), len(cs.Claims), err)
	}
	g, err := s.Graph(ctx, store.GraphQuery{Center: []int64{ru.ID}, Time: before})
	if err != nil || len(g.Edges) != 1 {
		t.Errorf("graph of Russia known before the rejection = %+v, %v; want its edge", g, err)
	}
	g, err = s.Graph(ctx, store.GraphQuery{Center: []int64{ru.ID}})
	if err != nil || len(g.Edges) != 0 {
		t.Errorf("graph of Russia after the rejection = %+v, %v; want no edge", g, err)
	}
}

func testLexicon(t *testing.T, s *store.Store) {
	ctx := context.Background()
	in := []store.LexEntry{
		{Name: "Islamic State Khorasan Province", Type: dossier.ArmedGroup, Aliases: []string{"ISKP", "ISIS-K"}},
		{Name: "Wagner Group", Type: dossier.ArmedGroup, KBID: "Q123"},
	}
	if err := s.AddLexiconEntries(ctx, actor, "watch.csv", in); err != nil {
		t.Fatal(err)
	}
	in[1].Aliases = []string{"PMC Wagner"}
	if err := s.AddLexiconEntries(ctx, actor, "watch2.csv", in[1:]); err != nil {
		t.Fatal(err)
	}
	got, err := s.LexiconEntries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "Islamic State Khorasan Province" || len(got[0].Aliases) != 2 ||
		got[1].KBID != "Q123" || len(got[1].Aliases) != 1 {
		t.Errorf("LexiconEntries = %+v", got)
	}
	if err := s.AddLexiconEntries(ctx, actor, "bad.csv", []store.LexEntry{{Name: "X", Type: "WIDGET"}}); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("bad lexicon type: error %v, want ErrInvalid", err)
	}
}

func testIntegrityAfterCuration(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t), briefH(t), briefI(t))
	a, b := find(t, s, "Nikolai Patrushev"), find(t, s, "Nikolay Patrushev")
	m, err := s.Merge(ctx, actor, a.ID, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Split(ctx, actor, a.ID, []string{"Nikolay Patrushev"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx, actor, m); !errors.Is(err, dossier.ErrConflict) && err != nil {
		t.Errorf("undo merge after split: %v", err)
	}
	checkEdges(t, s)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	if s.Dialect().Name != "sqlite" {
		return
	}
	var fk int
	rows, err := s.DB().QueryContext(ctx, "PRAGMA foreign_key_check")
	if err == nil {
		for rows.Next() {
			fk++
		}
		rows.Close()
	}
	if fk != 0 {
		t.Errorf("foreign_key_check reports %d problems", fk)
	}
}

// checkEdges compares the edges the store keeps up to date with the edges aggregated
// afresh from the relations (a transaction time in the future forces the latter).
func checkEdges(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	kept, err := s.Graph(ctx, store.GraphQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := s.Graph(ctx, store.GraphQuery{Limit: 1000, Time: store.TimeFilter{KnownAt: time.Now().Add(24 * time.Hour)}})
	if err != nil {
		t.Fatal(err)
	}
	m := map[store.Edge]int{}
	for _, e := range kept.Edges {
		m[e]++
	}
	for _, e := range fresh.Edges {
		m[e]--
	}
	for e, n := range m {
		if n != 0 {
			t.Errorf("edge %+v: kept %+d times more than aggregated afresh", e, n)
		}
	}
	if len(kept.Edges) == 0 {
		t.Errorf("no edges to compare")
	}
	// Neighborhoods read from the kept edges and aggregated afresh hold the same entities.
	for _, n := range kept.Nodes {
		a, err := s.Graph(ctx, store.GraphQuery{Center: []int64{n.ID}, Depth: 2})
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Graph(ctx, store.GraphQuery{Center: []int64{n.ID}, Depth: 2, Time: store.TimeFilter{KnownAt: time.Now().Add(24 * time.Hour)}})
		if err != nil {
			t.Fatal(err)
		}
		an, bn := nodeSet(a), nodeSet(b)
		if len(an) != len(bn) || len(a.Edges) != len(b.Edges) {
			t.Errorf("neighborhood of %d: %d nodes, %d edges from kept edges; %d, %d aggregated afresh", n.ID, len(an), len(a.Edges), len(bn), len(b.Edges))
		}
		for id := range an {
			if !bn[id] {
				t.Errorf("neighborhood of %d: %d only in the kept edges' answer", n.ID, id)
			}
		}
	}
}

func testReextract(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, b, h := briefA(t), briefB(t), briefH(t)
	putAll(t, s, a, b, h)
	keep, drop := find(t, s, "Nikolai Patrushev"), find(t, s, "Nikolay Patrushev")
	if _, err := s.Merge(ctx, actor, keep.ID, drop.ID); err != nil {
		t.Fatal(err)
	}
	ru, tal := find(t, s, "Russia"), find(t, s, "Taliban")
	d, err := s.Edge(ctx, ru.ID, tal.ID, dossier.Aid)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RejectRelation(ctx, actor, d.Claims[0].RelationID); err != nil {
		t.Fatal(err)
	}
	// A new extractor finds one relation more in the first brief.
	a2 := briefA(t).rel("r4", dossier.Consult, "e2", "e1", "Nikolai Patrushev met Zamir Kabulov in Moscow on 8 February.")
	if err := s.ReplaceExtraction(ctx, a.doc.ID, &a2.ex, "test/2"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceExtraction(ctx, h.doc.ID, &h.ex, "test/2"); err != nil {
		t.Fatal(err)
	}
	if e := find(t, s, "Nikolay Patrushev"); e.ID != keep.ID || e.Docs != 3 {
		t.Errorf("after re-extraction, Nikolay Patrushev = %+v; want the merged entity %d in 3 documents", e, keep.ID)
	}
	d, err = s.Edge(ctx, ru.ID, tal.ID, dossier.Aid)
	if err != nil {
		t.Fatal(err)
	}
	if d.Claims[0].Status != "rejected" || d.Edge.Claims != 1 {
		t.Errorf("after re-extraction the rejected claim is %q and the edge has %d claims; want rejected and 1", d.Claims[0].Status, d.Edge.Claims)
	}
	c, err := s.Edge(ctx, find(t, s, "Zamir Kabulov").ID, keep.ID, dossier.Consult)
	if err != nil || c.Edge.Claims != 2 {
		t.Errorf("after re-extraction the CONSULT edge = %+v, %v; want 2 claims", c, err)
	}
	docs, err := s.Documents(ctx, store.DocQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, dd := range docs {
		if dd.ID == a.doc.ID && (dd.Extractor != "test/2" || dd.Relations != 4) {
			t.Errorf("re-extracted document summary = %+v, want extractor test/2 and 4 relations", dd)
		}
	}
	bad := briefA(t)
	bad.ex.Relations[0].Evidence.Text = "nonsense"
	if err := s.ReplaceExtraction(ctx, a.doc.ID, &bad.ex, "test/3"); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("ReplaceExtraction with a bad span: error %v, want ErrInvalid", err)
	}
	if err := s.ReplaceExtraction(ctx, "sha256:"+strings.Repeat("a", 64), &a.ex, "x"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("ReplaceExtraction of an unknown document: error %v, want ErrNotFound", err)
	}
	checkEdges(t, s)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
