package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"dossier"
	"dossier/internal/store"
)

var graphTests = []struct {
	name string
	fn   func(t *testing.T, s *store.Store)
}{
	{"ResolutionAcrossDocuments", testResolution},
	{"FindEntity", testFindEntity},
	{"Entities", testEntities},
	{"Graph", testGraph},
	{"EdgeProvenance", testEdge},
	{"Path", testPath},
	{"Timeline", testTimeline},
	{"ClaimsContradictions", testClaims},
	{"AsOf", testAsOf},
	{"KnownAt", testKnownAt},
	{"Profile", testProfile},
}

func find(t *testing.T, s *store.Store, name string) *store.EntitySummary {
	t.Helper()
	e, err := s.FindEntity(context.Background(), name)
	if err != nil {
		t.Fatalf("FindEntity(%q): %v", name, err)
	}
	return e
}

// briefD names another Patrushev.
func briefD(t testing.TB) *fixture {
	return newDoc(t, "Border service", "2023-06",
		"Dmitry Patrushev spoke about grain. Patrushev left for Tashkent.").
		ent("e1", "Dmitry Patrushev", dossier.Person, "", "Patrushev").
		ent("e2", "Tashkent", dossier.Location, "")
}

// briefE names a bare Patrushev.
func briefE(t testing.TB) *fixture {
	return newDoc(t, "Short note", "2023-07", "Patrushev was not available for comment.").
		ent("e1", "Patrushev", dossier.Person, "")
}

// briefF has Russia hostile to Pakistan.
func briefF(t testing.TB) *fixture {
	return newDoc(t, "Tension", "2023-09-01",
		"Officials said Russia is hostile to Pakistan over the pipeline.").
		ent("e1", "Russia", dossier.Country, "RU").
		ent("e2", "Pakistan", dossier.Country, "PK").
		rel("r1", dossier.HostileTo, "e1", "e2", "Officials said Russia is hostile to Pakistan over the pipeline.")
}

func putAll(t *testing.T, s *store.Store, fs ...*fixture) {
	t.Helper()
	for _, f := range fs {
		put(t, s, f)
	}
}

func testResolution(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t), briefD(t), briefE(t))
	exA, err := s.Extraction(ctx, briefA(t).doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	exB, err := s.Extraction(ctx, briefB(t).doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	exD, _ := s.Extraction(ctx, briefD(t).doc.ID)
	exE, _ := s.Extraction(ctx, briefE(t).doc.ID)
	id := func(ex *dossier.Extraction, name string) string {
		for _, e := range ex.Entities {
			if e.Name == name {
				return e.ID
			}
		}
		t.Fatalf("no entity %q in extraction", name)
		return ""
	}
	tests := []struct {
		what string
		a, b string
		same bool
	}{
		{"same full name", id(exA, "Nikolai Patrushev"), id(exB, "Nikolai Patrushev"), true},
		{"same kb_id, other name", id(exA, "Russia"), id(exB, "Russian Federation"), true},
		{"same one-word group name", id(exA, "Taliban"), id(exB, "Taliban"), true},
		{"another Patrushev sharing the bare surname", id(exA, "Nikolai Patrushev"), id(exD, "Dmitry Patrushev"), false},
		{"bare surname alone", id(exA, "Nikolai Patrushev"), id(exE, "Patrushev"), false},
		{"bare surname alone vs other", id(exD, "Dmitry Patrushev"), id(exE, "Patrushev"), false},
		{"different places", id(exA, "Moscow"), id(exB, "Kabul"), false},
	}
	for _, tc := range tests {
		if (tc.a == tc.b) != tc.same {
			t.Errorf("%s: global ids %s and %s, want same=%v", tc.what, tc.a, tc.b, tc.same)
		}
	}
	p := find(t, s, "Nikolai Patrushev")
	if p.Docs != 2 || p.Mentions != 4 {
		t.Errorf("Nikolai Patrushev: %d docs, %d mentions; want 2 and 4", p.Docs, p.Mentions)
	}
	ru := find(t, s, "Russian Federation")
	if ru.KBID != "RU" || ru.Docs != 2 || ru.Name != "Russia" {
		t.Errorf("Russian Federation resolves to %+v, want Russia (RU) in 2 docs", ru)
	}
	prof, err := s.Profile(ctx, ru.ID, store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]string{}
	for _, d := range prof.Decisions {
		rules[d.Name] = d.Rule
		if d.Evidence == "" {
			t.Errorf("decision %+v has no evidence", d)
		}
	}
	if rules["Russia"] != "new" || rules["Russian Federation"] != "kb_id" {
		t.Errorf("Russia decisions = %v, want new then kb_id", rules)
	}
	prof, err = s.Profile(ctx, p.ID, store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(prof.Decisions) != 2 || prof.Decisions[0].Rule != "name" {
		t.Errorf("Patrushev decisions = %+v, want a name match first (latest document)", prof.Decisions)
	}
}

func testFindEntity(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t), briefD(t))
	n := find(t, s, "nikolai PATRUSHEV")
	if n.Name != "Nikolai Patrushev" {
		t.Errorf("FindEntity ignoring case = %q", n.Name)
	}
	if e := find(t, s, "General Nikolai Patrushev"); e.ID != n.ID {
		t.Errorf("FindEntity(alias) = %d, want %d", e.ID, n.ID)
	}
	if e := find(t, s, itoa(n.ID)); e.ID != n.ID {
		t.Errorf("FindEntity(id) = %d, want %d", e.ID, n.ID)
	}
	_, err := s.FindEntity(ctx, "Patrushev")
	if !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("FindEntity(shared alias) error = %v, want ErrConflict", err)
	} else if msg := err.Error(); !contains(msg, "Nikolai Patrushev") || !contains(msg, "Dmitry Patrushev") {
		t.Errorf("ambiguity error %q does not list both candidates", msg)
	}
	put(t, s, briefE(t))
	if e := find(t, s, "Patrushev"); e.Name != "Patrushev" {
		t.Errorf("FindEntity with an exact name and aliases = %q, want the exact name", e.Name)
	}
	for _, q := range []string{"Nobody Known", "999999"} {
		if _, err := s.FindEntity(ctx, q); !errors.Is(err, dossier.ErrNotFound) {
			t.Errorf("FindEntity(%q) error = %v, want ErrNotFound", q, err)
		}
	}
}

func testEntities(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t), briefD(t))
	all, err := s.Entities(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Mentions < all[i].Mentions {
			t.Errorf("Entities not ordered by mentions: %d before %d", all[i-1].Mentions, all[i].Mentions)
		}
	}
	people, err := s.Entities(ctx, store.EntityQuery{Type: dossier.Person})
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != 3 {
		t.Errorf("Entities(PERSON) = %d, want 3", len(people))
	}
	multi, err := s.Entities(ctx, store.EntityQuery{MinDocs: 2, OrderBy: "name"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range multi {
		names = append(names, e.Name)
	}
	if want := []string{"Nikolai Patrushev", "Russia", "Taliban"}; !equalStrings(names, want) {
		t.Errorf("Entities(MinDocs 2, by name) = %v, want %v", names, want)
	}
	pre, err := s.Entities(ctx, store.EntityQuery{Prefix: "ta"})
	if err != nil {
		t.Fatal(err)
	}
	if len(pre) != 2 {
		t.Errorf("Entities(prefix ta) = %v, want Taliban and Tashkent", pre)
	}
	page, err := s.Entities(ctx, store.EntityQuery{Limit: 2, Offset: 1})
	if err != nil || len(page) != 2 || page[0].ID != all[1].ID {
		t.Errorf("Entities(limit 2, offset 1) = %v, %v; want the 2nd and 3rd", page, err)
	}
	if _, err := s.Entities(ctx, store.EntityQuery{OrderBy: "bogus"}); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Entities(bad order) error = %v, want ErrInvalid", err)
	}
}

func edgeOf(g *store.Graph, a, b int64, typ dossier.RelationType) *store.Edge {
	for i := range g.Edges {
		e := &g.Edges[i]
		if e.Type == typ && ((e.Source == a && e.Target == b) || (e.Source == b && e.Target == a)) {
			return e
		}
	}
	return nil
}

func nodeSet(g *store.Graph) map[int64]bool {
	m := map[int64]bool{}
	for _, n := range g.Nodes {
		m[n.ID] = true
	}
	return m
}

func testGraph(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t))
	pat, kab, tal, ru, pk := find(t, s, "Nikolai Patrushev"), find(t, s, "Zamir Kabulov"), find(t, s, "Taliban"), find(t, s, "Russia"), find(t, s, "Pakistan")
	g, err := s.Graph(ctx, store.GraphQuery{Center: []int64{pat.ID}, Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	ns := nodeSet(g)
	if !ns[pat.ID] || !ns[kab.ID] || !ns[tal.ID] || ns[ru.ID] {
		t.Errorf("depth 1 around Patrushev: nodes %v; want Patrushev, Kabulov, Taliban and not Russia", g.Nodes)
	}
	if edgeOf(g, pat.ID, kab.ID, dossier.Consult) == nil || edgeOf(g, pat.ID, tal.ID, dossier.Disapprove) == nil {
		t.Errorf("depth 1 edges %+v lack CONSULT with Kabulov or DISAPPROVE of the Taliban", g.Edges)
	}
	for _, e := range g.Edges {
		if !ns[e.Source] || !ns[e.Target] {
			t.Errorf("edge %+v has an end outside the nodes", e)
		}
	}
	g, err = s.Graph(ctx, store.GraphQuery{Center: []int64{pat.ID}, Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	if ns := nodeSet(g); !ns[ru.ID] || ns[pk.ID] {
		t.Errorf("depth 2 around Patrushev: nodes %v; want Russia and not Pakistan", g.Nodes)
	}
	g, err = s.Graph(ctx, store.GraphQuery{Center: []int64{pat.ID}, Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	if ns := nodeSet(g); !ns[pk.ID] {
		t.Errorf("depth 3 around Patrushev: nodes %v; want Pakistan", g.Nodes)
	}
	g, err = s.Graph(ctx, store.GraphQuery{Center: []int64{ru.ID}, RelationTypes: []dossier.RelationType{dossier.AllyOf}})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 2 || len(g.Edges) != 1 || g.Edges[0].Type != dossier.AllyOf {
		t.Errorf("Russia's ALLY_OF graph = %+v, want Russia and Pakistan", g)
	}
	g, err = s.Graph(ctx, store.GraphQuery{Center: []int64{ru.ID}, MinSources: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) != 1 || g.Edges[0].Type != dossier.Aid {
		t.Errorf("Russia's edges with 2 sources = %+v, want only AID", g.Edges)
	}
	g, err = s.Graph(ctx, store.GraphQuery{Center: []int64{pat.ID}, Depth: 2, EntityTypes: []dossier.EntityType{dossier.Location}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range g.Nodes {
		if n.ID != pat.ID && n.Type != dossier.Location {
			t.Errorf("graph of locations holds %+v", n)
		}
	}
	g, err = s.Graph(ctx, store.GraphQuery{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 3 {
		t.Fatalf("top graph with limit 3 = %d nodes", len(g.Nodes))
	}
	for i := 1; i < len(g.Nodes); i++ {
		if g.Nodes[i-1].Degree < g.Nodes[i].Degree {
			t.Errorf("top graph nodes not by degree: %+v", g.Nodes)
		}
	}
	if ns := nodeSet(g); !ns[ru.ID] || !ns[pat.ID] {
		t.Errorf("top graph %+v lacks Russia or Patrushev (degree 3 each)", g.Nodes)
	}
	if _, err := s.Graph(ctx, store.GraphQuery{Center: []int64{987654}}); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Graph(unknown center) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Graph(ctx, store.GraphQuery{RelationTypes: []dossier.RelationType{"NOPE"}}); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Graph(bad relation type) error = %v, want ErrInvalid", err)
	}
}

func testEdge(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, b := briefA(t), briefB(t)
	putAll(t, s, a, b)
	ru, tal := find(t, s, "Russia"), find(t, s, "Taliban")
	d, err := s.Edge(ctx, ru.ID, tal.ID, dossier.Aid)
	if err != nil {
		t.Fatal(err)
	}
	e := d.Edge
	want := store.Edge{ID: e.ID, Source: ru.ID, Target: tal.ID, Type: dossier.Aid, Claims: 2, Docs: 2, Sources: 2, Hedged: 1, Negated: 1, First: "2023-02-08", Last: "2023-05"}
	if e != want {
		t.Errorf("Edge(Russia AID Taliban) = %+v, want %+v", e, want)
	}
	texts := map[string]string{a.doc.ID: a.doc.Text, b.doc.ID: b.doc.Text}
	for _, c := range d.Claims {
		if err := c.Evidence.Check(texts[c.DocID]); err != nil {
			t.Errorf("claim %d evidence: %v", c.RelationID, err)
		}
		if c.Subtype != "arms" {
			t.Errorf("claim %d subtype %q, want arms", c.RelationID, c.Subtype)
		}
	}
	if len(d.Claims) != 2 || d.Claims[0].AttributedTo != "informed sources" || !d.Claims[1].Negated {
		t.Errorf("Edge claims = %+v, want the attributed claim then the denial", d.Claims)
	}
	// The graph reports the same aggregate.
	g, err := s.Graph(ctx, store.GraphQuery{Center: []int64{ru.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if ge := edgeOf(g, ru.ID, tal.ID, dossier.Aid); ge == nil || *ge != want {
		t.Errorf("graph edge = %+v, want %+v", ge, want)
	}
	// Symmetric types are found either way round.
	pat, kab := find(t, s, "Nikolai Patrushev"), find(t, s, "Zamir Kabulov")
	if _, err := s.Edge(ctx, kab.ID, pat.ID, dossier.Consult); err != nil {
		t.Errorf("Edge(Kabulov CONSULT Patrushev) reversed: %v", err)
	}
	if _, err := s.Edge(ctx, tal.ID, ru.ID, dossier.Aid); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Edge(Taliban AID Russia) reversed directed: error %v, want ErrNotFound", err)
	}
	if _, err := s.Edge(ctx, ru.ID, 424242, dossier.Aid); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Edge(unknown target) error = %v, want ErrNotFound", err)
	}
}

func testPath(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t))
	kab, pat, tal, ru, pk := find(t, s, "Zamir Kabulov"), find(t, s, "Nikolai Patrushev"), find(t, s, "Taliban"), find(t, s, "Russia"), find(t, s, "Pakistan")
	ps, err := s.Path(ctx, kab.ID, pk.ID, 3, store.TimeFilter{})
	if err != nil || len(ps) != 0 {
		t.Errorf("Path(Kabulov, Pakistan, 3) = %v, %v; want none", ps, err)
	}
	ps, err = s.Path(ctx, kab.ID, pk.ID, 4, store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("Path(Kabulov, Pakistan, 4) = %d paths, want 1", len(ps))
	}
	var got []int64
	for _, n := range ps[0].Nodes {
		got = append(got, n.ID)
	}
	if want := []int64{kab.ID, pat.ID, tal.ID, ru.ID, pk.ID}; !equalInts(got, want) {
		t.Errorf("path nodes %v, want %v", got, want)
	}
	for _, h := range ps[0].Hops {
		if len(h.Claims) == 0 || h.Edge.Claims == 0 {
			t.Errorf("hop %d->%d without evidence: %+v", h.From, h.To, h)
		}
		for _, c := range h.Claims {
			if c.Evidence.Text == "" || c.DocID == "" {
				t.Errorf("hop claim without evidence: %+v", c)
			}
		}
	}
	if _, err := s.Path(ctx, kab.ID, kab.ID, 4, store.TimeFilter{}); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Path to itself error = %v, want ErrInvalid", err)
	}
	if _, err := s.Path(ctx, kab.ID, 777777, 4, store.TimeFilter{}); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Path to unknown error = %v, want ErrNotFound", err)
	}
}

func testTimeline(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t))
	items, err := s.Timeline(ctx, store.TimelineQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 7 {
		t.Fatalf("Timeline = %d items, want 6 relations and 1 event", len(items))
	}
	for i := 1; i < len(items); i++ {
		if sortDate(items[i-1].Date) > sortDate(items[i].Date) {
			t.Errorf("timeline out of order: %s before %s", items[i-1].Date, items[i].Date)
		}
	}
	var events int
	for _, it := range items {
		if it.Kind == "event" {
			events++
			if len(it.Participants) != 2 {
				t.Errorf("event participants %+v, want Patrushev and Kabulov", it.Participants)
			}
		}
	}
	if events != 1 {
		t.Errorf("timeline has %d events, want 1", events)
	}
	pk := find(t, s, "Pakistan")
	items, err = s.Timeline(ctx, store.TimelineQuery{Entity: pk.ID})
	if err != nil || len(items) != 1 || items[0].Type != dossier.AllyOf {
		t.Errorf("Timeline(Pakistan) = %+v, %v; want the ALLY_OF claim", items, err)
	}
	until, _ := dossier.ParseDate("2023-03")
	items, err = s.Timeline(ctx, store.TimelineQuery{Until: until})
	if err != nil || len(items) != 4 {
		t.Errorf("Timeline(until 2023-03) = %d items, %v; want 4", len(items), err)
	}
	items, err = s.Timeline(ctx, store.TimelineQuery{Limit: 2, Offset: 5})
	if err != nil || len(items) != 2 {
		t.Errorf("Timeline(limit 2 offset 5) = %d items, %v; want 2", len(items), err)
	}
	if _, err := s.Timeline(ctx, store.TimelineQuery{Entity: 55555}); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Timeline(unknown) error = %v, want ErrNotFound", err)
	}
}

func testClaims(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t), briefF(t))
	ru := find(t, s, "Russia")
	cs, err := s.Claims(ctx, ru.ID, store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.Claims) != 4 {
		t.Errorf("Claims(Russia) = %d, want 4", len(cs.Claims))
	}
	reasons := map[string]int{}
	for _, c := range cs.Contradictions {
		reasons[c.Reason]++
		if c.A.RelationID == c.B.RelationID {
			t.Errorf("contradiction of a claim with itself: %+v", c)
		}
	}
	if reasons["AID and its denial"] != 1 || reasons["ALLY_OF vs HOSTILE_TO"] != 1 || len(cs.Contradictions) != 2 {
		t.Errorf("contradictions = %v, want one AID denial and one ALLY_OF vs HOSTILE_TO", reasons)
	}
	var attributed bool
	for _, c := range cs.Claims {
		if c.Type == dossier.AllyOf {
			attributed = c.AttributedTo == "Nikolai Patrushev" && c.AttributedID == find(t, s, "Nikolai Patrushev").ID
		}
	}
	if !attributed {
		t.Errorf("ALLY_OF claim not attributed to Patrushev's entity: %+v", cs.Claims)
	}
	if _, err := s.Claims(ctx, 31337, store.TimeFilter{}); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Claims(unknown) error = %v, want ErrNotFound", err)
	}
}

func testAsOf(t *testing.T, s *store.Store) {
	ctx := context.Background()
	putAll(t, s, briefA(t), briefB(t), briefF(t))
	ru, pk := find(t, s, "Russia"), find(t, s, "Pakistan")
	asOf, _ := dossier.ParseDate("2023-03")
	tf := store.TimeFilter{AsOf: asOf}
	cs, err := s.Claims(ctx, ru.ID, tf)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.Claims) != 1 || len(cs.Contradictions) != 0 {
		t.Errorf("Claims(Russia as of 2023-03) = %d claims, %d contradictions; want 1 and 0", len(cs.Claims), len(cs.Contradictions))
	}
	g, err := s.Graph(ctx, store.GraphQuery{Center: []int64{ru.ID}, Time: tf})
	if err != nil {
		t.Fatal(err)
	}
	if nodeSet(g)[pk.ID] {
		t.Errorf("Graph as of 2023-03 links Russia to Pakistan (first said 2023-05)")
	}
	asOf, _ = dossier.ParseDate("2023-05-31")
	cs, err = s.Claims(ctx, ru.ID, store.TimeFilter{AsOf: asOf})
	if err != nil || len(cs.Claims) != 3 {
		t.Errorf("Claims as of 2023-05-31 = %d, %v; want 3", len(cs.Claims), err)
	}
}

func testKnownAt(t *testing.T, s *store.Store) {
	ctx := context.Background()
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	putAll(t, s, briefA(t).ingestedAt(t0), briefB(t).ingestedAt(t0.Add(48*time.Hour)))
	mid := store.TimeFilter{KnownAt: t0.Add(24 * time.Hour)}
	docs, err := s.Documents(ctx, store.DocQuery{KnownAt: mid.KnownAt})
	if err != nil || len(docs) != 1 || docs[0].Title != "Security talks in Moscow" {
		t.Errorf("Documents known at t0+1d = %+v, %v; want the first only", docs, err)
	}
	ru := find(t, s, "Russia")
	cs, err := s.Claims(ctx, ru.ID, mid)
	if err != nil || len(cs.Claims) != 1 {
		t.Errorf("Claims(Russia) known at t0+1d = %d, %v; want 1", len(cs.Claims), err)
	}
	p, err := s.Profile(ctx, ru.ID, mid)
	if err != nil || len(p.Documents) != 1 {
		t.Errorf("Profile(Russia) known at t0+1d: %d documents, %v; want 1", len(p.Documents), err)
	}
	g, err := s.Graph(ctx, store.GraphQuery{Center: []int64{ru.ID}, Time: mid})
	if err != nil || len(g.Edges) != 1 || g.Edges[0].Claims != 1 {
		t.Errorf("Graph(Russia) known at t0+1d = %+v, %v; want one single-claim edge", g, err)
	}
	cs, err = s.Claims(ctx, ru.ID, store.TimeFilter{KnownAt: t0.Add(72 * time.Hour)})
	if err != nil || len(cs.Claims) != 3 {
		t.Errorf("Claims(Russia) known at t0+3d = %d, %v; want 3", len(cs.Claims), err)
	}
}

func testProfile(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := briefA(t)
	a.ex.Entities[0].Roles = []string{"Secretary of the Security Council"}
	b := briefB(t)
	b.ex.Entities[0].Roles = []string{"Secretary of the Security Council"}
	putAll(t, s, a, b)
	pat := find(t, s, "Nikolai Patrushev")
	p, err := s.Profile(ctx, pat.ID, store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Roles) != 1 || p.Roles[0].Docs != 2 || p.Roles[0].First != "2023-02-08" || p.Roles[0].Last != "2023-05" {
		t.Errorf("roles = %+v, want one role in 2 documents, 2023-02-08 to 2023-05", p.Roles)
	}
	if len(p.Documents) != 2 || p.Documents[0].Date != "2023-05" {
		t.Errorf("documents = %+v, want 2, latest first", p.Documents)
	}
	rel := map[dossier.RelationType]store.RelationCount{}
	for _, r := range p.Relations {
		rel[r.Type] = r
	}
	if c := rel[dossier.Consult]; c.Count != 2 || c.Others != 2 || c.Direction != "both" {
		t.Errorf("CONSULT summary = %+v, want 2 claims with 2 others", c)
	}
	if c := rel[dossier.Disapprove]; c.Count != 1 || c.Direction != "out" {
		t.Errorf("DISAPPROVE summary = %+v, want 1 out", c)
	}
	co := map[string]int{}
	for _, c := range p.CoOccurring {
		co[c.Name] = c.Docs
	}
	if co["Taliban"] != 2 || co["Zamir Kabulov"] != 1 || co["Nikolai Patrushev"] != 0 {
		t.Errorf("co-occurring = %v, want Taliban in 2, Kabulov in 1, not itself", co)
	}
	if !containsStr(p.Entity.Aliases, "General Nikolai Patrushev") {
		t.Errorf("aliases %v lack General Nikolai Patrushev", p.Entity.Aliases)
	}
	if _, err := s.Profile(ctx, 8888, store.TimeFilter{}); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Profile(unknown) error = %v, want ErrNotFound", err)
	}
}
