package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"dossier"
	"dossier/internal/store"
)

// list wraps a slice so that an empty result is [] rather than null.
func list[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// entityID resolves a path or body reference to an entity id: a number is an id, anything
// else is looked up by name or alias.
func (s *server) entityID(ctx context.Context, v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, fmt.Errorf("entity: empty reference: %w", dossier.ErrInvalid)
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0, fmt.Errorf("entity %d: %w", n, dossier.ErrNotFound)
		}
		return n, nil
	}
	e, err := s.st.FindEntity(ctx, v)
	if err != nil {
		return 0, err
	}
	return e.ID, nil
}

func (s *server) handleStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, st)
}

func (s *server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	dq := store.DocQuery{Limit: q.int("limit", 50, 1, 1000), Offset: q.int("offset", 0, 0, 1<<30), KnownAt: q.instant("known_at")}
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	docs, err := s.st.Documents(r.Context(), dq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, list(docs))
}

func (s *server) handleDocument(w http.ResponseWriter, r *http.Request) {
	doc, err := s.st.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, doc)
}

func (s *server) handleExtraction(w http.ResponseWriter, r *http.Request) {
	doc, err := s.st.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ex, err := s.st.Extraction(r.Context(), doc.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ex.Normalize()
	s.writeJSON(w, http.StatusOK, ex)
}

func (s *server) handleEntities(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	eq := store.EntityQuery{
		Prefix:  q.str("prefix"),
		MinDocs: q.int("min_docs", 0, 0, 1<<30),
		OrderBy: q.str("order"),
		Limit:   q.int("limit", 50, 1, 1000),
		Offset:  q.int("offset", 0, 0, 1<<30),
	}
	if ts := q.entityTypes("type"); len(ts) > 1 {
		q.bad("type", q.str("type"), "one entity type")
	} else if len(ts) == 1 {
		eq.Type = ts[0]
	}
	switch eq.OrderBy {
	case "", "mentions", "degree", "name", "docs":
	default:
		q.bad("order", eq.OrderBy, "mentions, degree, name or docs")
	}
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	es, err := s.st.Entities(r.Context(), eq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, list(es))
}

// entityRequest parses the time filter and the {id} entity of a request; on failure it
// answers the error itself and returns ok = false.
func (s *server) entityRequest(w http.ResponseWriter, r *http.Request) (id int64, tf store.TimeFilter, ok bool) {
	q := newQuery(r)
	tf = q.timeFilter()
	if q.err != nil {
		s.fail(w, r, q.err)
		return 0, tf, false
	}
	id, err := s.entityID(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return 0, tf, false
	}
	return id, tf, true
}

func (s *server) handleProfile(w http.ResponseWriter, r *http.Request) {
	id, tf, ok := s.entityRequest(w, r)
	if !ok {
		return
	}
	p, err := s.st.Profile(r.Context(), id, tf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, p)
}

func (s *server) handleClaims(w http.ResponseWriter, r *http.Request) {
	id, tf, ok := s.entityRequest(w, r)
	if !ok {
		return
	}
	c, err := s.st.Claims(r.Context(), id, tf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c.Claims = list(c.Claims)
	c.Contradictions = list(c.Contradictions)
	s.writeJSON(w, http.StatusOK, c)
}

func (s *server) handleGraph(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	gq := store.GraphQuery{
		Depth:         q.int("depth", 1, 1, 4),
		EntityTypes:   q.entityTypes("entity_type"),
		RelationTypes: q.relationTypes("relation_type"),
		Since:         q.date("since"),
		Until:         q.date("until"),
		MinSources:    q.int("min_sources", 0, 0, 1<<20),
		Time:          q.timeFilter(),
		Limit:         q.int("limit", 200, 1, 5000),
	}
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	for _, c := range q.list("center") {
		id, err := s.entityID(r.Context(), c)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		gq.Center = append(gq.Center, id)
	}
	g, err := s.st.Graph(r.Context(), gq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	g.Nodes = list(g.Nodes)
	g.Edges = list(g.Edges)
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if n.Lat == nil && n.Lon == nil {
			n.Lat, n.Lon = s.coords(n.KBID)
		}
	}
	s.writeJSON(w, http.StatusOK, g)
}

func (s *server) handleEdge(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	types := q.relationTypes("type")
	if len(types) != 1 {
		q.bad("type", q.str("type"), "one relation type")
	}
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	src, err := s.entityID(r.Context(), q.str("source"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("source: %w", err))
		return
	}
	dst, err := s.entityID(r.Context(), q.str("target"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("target: %w", err))
		return
	}
	e, err := s.st.Edge(r.Context(), src, dst, types[0])
	if err != nil {
		s.fail(w, r, err)
		return
	}
	e.Claims = list(e.Claims)
	s.writeJSON(w, http.StatusOK, e)
}

func (s *server) handlePath(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	depth := q.int("max_depth", 4, 1, 6)
	tf := q.timeFilter()
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	a, err := s.entityID(r.Context(), q.str("from"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("from: %w", err))
		return
	}
	b, err := s.entityID(r.Context(), q.str("to"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("to: %w", err))
		return
	}
	ps, err := s.st.Path(r.Context(), a, b, depth, tf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, list(ps))
}

func (s *server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	tq := store.TimelineQuery{
		Since:  q.date("since"),
		Until:  q.date("until"),
		Time:   q.timeFilter(),
		Limit:  q.int("limit", 200, 1, 5000),
		Offset: q.int("offset", 0, 0, 1<<30),
	}
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	if e := q.str("entity"); e != "" {
		id, err := s.entityID(r.Context(), e)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		tq.Entity = id
	}
	items, err := s.st.Timeline(r.Context(), tq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, list(items))
}

func (s *server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	limit := q.int("limit", 20, 1, 200)
	text := q.str("q")
	if text == "" {
		q.bad("q", text, "search terms")
	}
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	hits, err := s.st.SearchMarked(r.Context(), text, limit, markOpen, markClose)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]searchHit, 0, len(hits))
	for _, h := range hits {
		out = append(out, searchHit{DocID: h.DocID, Title: h.Title, Snippet: strings.NewReplacer(markOpen, "", markClose, "").Replace(h.Snippet), Parts: snippetParts(h.Snippet)})
	}
	s.writeJSON(w, http.StatusOK, out)
}

func (s *server) handleAudit(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	aq := store.AuditQuery{
		Actor:  q.str("actor"),
		Target: q.str("target"),
		Since:  q.instant("since"),
		Limit:  q.int("limit", 50, 1, 1000),
		Offset: q.int("offset", 0, 0, 1<<30),
	}
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	es, err := s.st.Audit(r.Context(), aq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, list(es))
}

// Snippet markers: private-use characters that stored text does not carry.
const (
	markOpen  = "\ue000"
	markClose = "\ue001"
)

// searchHit is a search result whose snippet is also given as parts, each a run of text
// and whether it matched, so that clients never parse markup.
type searchHit struct {
	DocID   string        `json:"doc_id"`
	Title   string        `json:"title"`
	Snippet string        `json:"snippet"`
	Parts   []snippetPart `json:"parts"`
}

// snippetPart is one run of a snippet.
type snippetPart struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit,omitempty"`
}

// snippetParts splits a snippet marked with markOpen/markClose into runs.
func snippetParts(s string) []snippetPart {
	parts := []snippetPart{}
	for s != "" {
		i := strings.Index(s, markOpen)
		if i < 0 {
			break
		}
		j := strings.Index(s[i+len(markOpen):], markClose)
		if j < 0 {
			break
		}
		if i > 0 {
			parts = append(parts, snippetPart{Text: s[:i]})
		}
		parts = append(parts, snippetPart{Text: s[i+len(markOpen) : i+len(markOpen)+j], Hit: true})
		s = s[i+len(markOpen)+j+len(markClose):]
	}
	if s != "" {
		parts = append(parts, snippetPart{Text: strings.NewReplacer(markOpen, "", markClose, "").Replace(s)})
	}
	return parts
}

// coords returns the lexicon's coordinates for a kb_id, or nils.
func (s *server) coords(kbID string) (lat, lon *float64) {
	if kbID == "" {
		return nil, nil
	}
	lex := s.lex()
	if lex == nil {
		return nil, nil
	}
	e := lex.ByKBID(kbID)
	if e == nil || (e.Lat == 0 && e.Lon == 0) {
		return nil, nil
	}
	la, lo := e.Lat, e.Lon
	return &la, &lo
}

// place is an entity with a position, for the map.
type place struct {
	store.EntitySummary
	Lat *float64 `json:"lat"`
	Lon *float64 `json:"lon"`
}

// handlePlaces serves GET /api/places: the most mentioned places and countries with the
// coordinates the lexicon gives them (null when unknown).
func (s *server) handlePlaces(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	limit := q.int("limit", 500, 1, 5000)
	types := q.entityTypes("type")
	if len(types) == 0 {
		types = []dossier.EntityType{dossier.Location, dossier.Country}
	}
	if q.err != nil {
		s.fail(w, r, q.err)
		return
	}
	out := []place{}
	for _, t := range types {
		es, err := s.st.Entities(r.Context(), store.EntityQuery{Type: t, Limit: limit})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, e := range es {
			p := place{EntitySummary: e}
			p.Lat, p.Lon = s.coords(e.KBID)
			out = append(out, p)
		}
	}
	s.writeJSON(w, http.StatusOK, out)
}
