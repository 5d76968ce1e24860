package store

import (
	"context"
	"fmt"
	"sort"

	"dossier"
)

// graphReader reads edges for one query, at one transaction time.
type graphReader struct {
	s    *Store
	ctx  context.Context
	f    relFilter
	into map[int64]int64 // merges as they stood at KnownAt; nil when they agree with now
	min  int             // minimum number of sources of an edge
}

func (s *Store) newGraphReader(ctx context.Context, f relFilter, minSources int) (*graphReader, error) {
	into, err := s.remap(ctx, s.db, f.tf)
	if err != nil {
		return nil, err
	}
	return &graphReader{s: s, ctx: ctx, f: f, into: into, min: minSources}, nil
}

// around returns the edges touching any of ids, aggregated from the relations (the
// stored edges answer only for queries without time filters: see topNeighbors, topAmong,
// adjacent).
func (g *graphReader) around(ids []int64) ([]Edge, error) {
	return g.read(ids, false, 0)
}

// among returns the edges with both ends in ids, the strongest first, at most limit of
// them (0: all).
func (g *graphReader) among(ids []int64, limit int) ([]Edge, error) {
	return g.read(ids, true, limit)
}

// neighbors returns the entities linked to ids, outside ids, each with the number of
// claims linking them to them, aggregating the relations (for time-filtered queries).
func (g *graphReader) neighbors(ids []int64) (map[int64]int, error) {
	in := map[int64]bool{}
	for _, id := range ids {
		in[id] = true
	}
	edges, err := g.around(ids)
	if err != nil {
		return nil, err
	}
	score := map[int64]int{}
	for _, e := range edges {
		for _, o := range []int64{e.Source, e.Target} {
			if !in[o] {
				score[o] += e.Claims
			}
		}
	}
	return score, nil
}

// filterCond returns g's type and source filters as SQL on the edges table.
func (g *graphReader) filterCond() (string, []any) {
	var cond string
	var args []any
	if len(g.f.types) > 0 {
		cond += " AND type IN " + inList(len(g.f.types))
		for _, t := range g.f.types {
			args = append(args, string(t))
		}
	}
	if g.min > 0 {
		cond += " AND sources >= ?"
		args = append(args, g.min)
	}
	return cond, args
}

// topNeighbors returns, for stored edges, the entities at the end of the k strongest
// edges of each of ids (either side), outside ids, with the claims linking them.
func (g *graphReader) topNeighbors(ids []int64, k int) (map[int64]int, error) {
	in := map[int64]bool{}
	for _, id := range ids {
		in[id] = true
	}
	fc, fargs := g.filterCond()
	score := map[int64]int{}
	for _, side := range [][2]string{{"a", "b"}, {"b", "a"}} {
		st, err := g.s.db.PrepareContext(g.ctx, g.s.q(`SELECT `+side[1]+`, claims FROM edges WHERE `+side[0]+` = ?`+fc+
			` ORDER BY claims DESC, rel_id DESC LIMIT ?`))
		if err != nil {
			return nil, fmt.Errorf("neighbors: %w", err)
		}
		for _, id := range ids {
			rows, err := st.QueryContext(g.ctx, append(append([]any{id}, fargs...), k)...)
			if err != nil {
				st.Close()
				return nil, fmt.Errorf("neighbors: %w", err)
			}
			for rows.Next() {
				var o int64
				var n int
				if err := rows.Scan(&o, &n); err != nil {
					rows.Close()
					st.Close()
					return nil, fmt.Errorf("neighbors: %w", err)
				}
				if !in[o] {
					score[o] += n
				}
			}
			rows.Close()
		}
		st.Close()
	}
	return score, nil
}

// topAmong returns, for stored edges, the edges between ids: every edge of the centers
// and the perNode strongest of each other entity, the strongest limit of them in all.
func (g *graphReader) topAmong(ids, centers []int64, perNode, limit int) ([]Edge, error) {
	fc, fargs := g.filterCond()
	inN := inList(len(ids))
	nArgs := int64Args(ids)
	seen := map[edgeKey]bool{}
	var out []Edge
	add := func(es []Edge) {
		for _, e := range es {
			k := edgeKey{e.Type, e.Source, e.Target}
			if !seen[k] {
				seen[k] = true
				out = append(out, e)
			}
		}
	}
	isCenter := map[int64]bool{}
	for _, c := range centers {
		isCenter[c] = true
		for _, side := range [][2]string{{"a", "b"}, {"b", "a"}} {
			es, err := g.s.storedEdges(g.ctx, g.s.db, side[0]+" = ? AND ("+side[1]+" + 0) IN "+inN+fc,
				append(append([]any{c}, nArgs...), fargs...))
			if err != nil {
				return nil, err
			}
			add(es)
		}
	}
	st, err := g.s.db.PrepareContext(g.ctx, g.s.q(`SELECT `+edgeCols+` FROM edges WHERE a = ? AND (b + 0) IN `+inN+fc+
		` ORDER BY claims DESC, rel_id DESC LIMIT ?`))
	if err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	defer st.Close()
	for _, id := range ids {
		if isCenter[id] {
			continue
		}
		rows, err := st.QueryContext(g.ctx, append(append(append([]any{id}, nArgs...), fargs...), perNode)...)
		if err != nil {
			return nil, fmt.Errorf("edges: %w", err)
		}
		es, err := scanEdges(rows)
		if err != nil {
			return nil, err
		}
		add(es)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Claims != out[j].Claims {
			return out[i].Claims > out[j].Claims
		}
		return out[i].ID < out[j].ID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// adjacent returns the pairs of entities linked by an edge with an end in ids (Source and
// Target only are set, and Claims).
func (g *graphReader) adjacent(ids []int64) ([]Edge, error) {
	if !g.f.plain() {
		return g.around(ids)
	}
	fc, fargs := g.filterCond()
	var out []Edge
	for _, chunk := range chunks(int64Args(ids), 1000) {
		in := inList(len(chunk))
		rows, err := g.s.db.QueryContext(g.ctx, g.s.q(`SELECT a, b, claims FROM edges WHERE a IN `+in+fc+`
			UNION ALL SELECT a, b, claims FROM edges WHERE b IN `+in+fc),
			append(append(append(append([]any{}, chunk...), fargs...), chunk...), fargs...)...)
		if err != nil {
			return nil, fmt.Errorf("edges: %w", err)
		}
		for rows.Next() {
			var e Edge
			if err := rows.Scan(&e.Source, &e.Target, &e.Claims); err != nil {
				rows.Close()
				return nil, fmt.Errorf("edges: %w", err)
			}
			out = append(out, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pair returns the edges between two entities, either way.
func (g *graphReader) pair(x, y int64) ([]Edge, error) {
	if g.f.plain() {
		fc, fargs := g.filterCond()
		return g.s.storedEdges(g.ctx, g.s.db, "((a = ? AND b = ?) OR (a = ? AND b = ?))"+fc, append([]any{x, y, y, x}, fargs...))
	}
	es, err := g.around([]int64{x})
	if err != nil {
		return nil, err
	}
	var out []Edge
	for _, e := range es {
		if (e.Source == x && e.Target == y) || (e.Source == y && e.Target == x) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (g *graphReader) read(ids []int64, both bool, limit int) ([]Edge, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var edges []Edge
	if g.into == nil {
		var cond string
		var args []any
		if both {
			cond = "r.src IN " + inList(len(ids)) + " AND r.dst IN " + inList(len(ids))
		} else {
			cond = "r.src IN " + inList(len(ids)) + " OR r.dst IN " + inList(len(ids))
		}
		args = append(int64Args(ids), int64Args(ids)...)
		var err error
		if edges, err = g.s.aggEdges(g.ctx, g.s.db, cond, args, g.f); err != nil {
			return nil, err
		}
	} else {
		var members []int64
		in := map[int64]bool{}
		for _, id := range ids {
			in[id] = true
			members = append(members, g.s.membersAt(g.into, id)...)
		}
		cond := "sde.orig_entity_id IN " + inList(len(members)) + " OR dde.orig_entity_id IN " + inList(len(members))
		cs, err := g.s.claims(g.ctx, g.s.db, cond, append(int64Args(members), int64Args(members)...), g.f, 0)
		if err != nil {
			return nil, err
		}
		applyRemap(cs, g.into)
		roots, err := g.s.dupRoots(g.ctx, g.s.db)
		if err != nil {
			return nil, err
		}
		for _, e := range aggregate(cs, roots) {
			if !both || (in[e.Source] && in[e.Target]) {
				edges = append(edges, e)
			}
		}
	}
	out := edges[:0]
	for _, e := range edges {
		if e.Sources >= g.min {
			out = append(out, e)
		}
	}
	if limit > 0 && len(out) > limit {
		sort.Slice(out, func(i, j int) bool {
			if out[i].Claims != out[j].Claims {
				return out[i].Claims > out[j].Claims
			}
			return out[i].ID < out[j].ID
		})
		out = out[:limit]
	}
	return out, nil
}

// nodes loads the graph nodes of entity ids.
func (s *Store) nodes(ctx context.Context, ids []int64) (map[int64]Node, error) {
	out := make(map[int64]Node, len(ids))
	for _, chunk := range chunks(int64Args(ids), 500) {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, name, type, COALESCE(kb_id, ''), degree, lat, lon
			FROM entities WHERE id IN `+inList(len(chunk))), chunk...)
		if err != nil {
			return nil, fmt.Errorf("nodes: %w", err)
		}
		for rows.Next() {
			var n Node
			var typ string
			if err := rows.Scan(&n.ID, &n.Name, &typ, &n.KBID, &n.Degree, &n.Lat, &n.Lon); err != nil {
				rows.Close()
				return nil, fmt.Errorf("nodes: %w", err)
			}
			n.Type = dossier.EntityType(typ)
			out[n.ID] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Graph returns the neighborhood of q.Center to q.Depth hops, or with no center the
// entities of highest degree and the edges between them. Neighbors are taken in order of
// the number of claims linking them, up to q.Limit nodes.
func (s *Store) Graph(ctx context.Context, q GraphQuery) (*Graph, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 200
	}
	limit = min(limit, 5000)
	depth := q.Depth
	if depth <= 0 {
		depth = 1
	}
	if depth > 5 {
		return nil, fmt.Errorf("graph: depth %d above 5: %w", depth, dossier.ErrInvalid)
	}
	for _, t := range q.RelationTypes {
		if !t.Valid() {
			return nil, fmt.Errorf("graph: relation type %q: %w", t, dossier.ErrInvalid)
		}
	}
	types := map[dossier.EntityType]bool{}
	for _, t := range q.EntityTypes {
		if !t.Valid() {
			return nil, fmt.Errorf("graph: entity type %q: %w", t, dossier.ErrInvalid)
		}
		types[t] = true
	}
	f := relFilter{types: q.RelationTypes, since: q.Since, until: q.Until, tf: q.Time}
	g, err := s.newGraphReader(ctx, f, q.MinSources)
	if err != nil {
		return nil, err
	}
	var chosen []int64
	nCenters := 0
	in := map[int64]bool{}
	if len(q.Center) == 0 {
		where, args := "canon_id = id AND deleted = 0 AND degree > 0", []any{}
		if len(q.EntityTypes) > 0 {
			where += " AND type IN " + inList(len(q.EntityTypes))
			for _, t := range q.EntityTypes {
				args = append(args, string(t))
			}
		}
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT id FROM entities WHERE `+where+` ORDER BY degree DESC, id LIMIT ?`), append(args, limit)...)
		if err != nil {
			return nil, fmt.Errorf("graph: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			chosen = append(chosen, id)
			in[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	} else {
		for _, c := range q.Center {
			e, err := s.entity(ctx, s.db, c)
			if err != nil {
				return nil, fmt.Errorf("graph: %w", err)
			}
			if !in[e.ID] {
				in[e.ID] = true
				chosen = append(chosen, e.ID)
			}
		}
		nCenters = len(chosen)
		frontier := chosen
		for level := 0; level < depth && len(frontier) > 0 && len(chosen) < limit; level++ {
			var score map[int64]int
			if f.plain() {
				// The strongest edges of each frontier entity, enough to fill the room left.
				room := limit - len(chosen)
				score, err = g.topNeighbors(frontier, max(3, 2*room/len(frontier)+1))
			} else {
				score, err = g.neighbors(frontier)
			}
			if err != nil {
				return nil, fmt.Errorf("graph: %w", err)
			}
			cand := make([]int64, 0, len(score))
			for id := range score {
				if !in[id] {
					cand = append(cand, id)
				}
			}
			if len(types) > 0 {
				info, err := s.nodes(ctx, cand)
				if err != nil {
					return nil, err
				}
				kept := cand[:0]
				for _, id := range cand {
					if types[info[id].Type] {
						kept = append(kept, id)
					}
				}
				cand = kept
			}
			sort.Slice(cand, func(i, j int) bool {
				if score[cand[i]] != score[cand[j]] {
					return score[cand[i]] > score[cand[j]]
				}
				return cand[i] < cand[j]
			})
			if room := limit - len(chosen); len(cand) > room {
				cand = cand[:room]
			}
			for _, id := range cand {
				in[id] = true
			}
			chosen = append(chosen, cand...)
			frontier = cand
		}
	}
	maxEdges := q.MaxEdges
	if maxEdges <= 0 {
		maxEdges = 4 * limit
	}
	var edges []Edge
	if f.plain() {
		edges, err = g.topAmong(chosen, chosen[:nCenters], max(8, 2*maxEdges/max(len(chosen), 1)), maxEdges)
	} else {
		edges, err = g.among(chosen, maxEdges)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	info, err := s.nodes(ctx, chosen)
	if err != nil {
		return nil, err
	}
	out := &Graph{Nodes: make([]Node, 0, len(chosen)), Edges: []Edge{}}
	for _, id := range chosen {
		if n, ok := info[id]; ok {
			out.Nodes = append(out.Nodes, n)
		}
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].Claims != edges[j].Claims {
			return edges[i].Claims > edges[j].Claims
		}
		return edges[i].ID < edges[j].ID
	})
	if edges != nil {
		out.Edges = edges
	}
	return out, nil
}

// MaxEdgeClaims is the most claims an EdgeDetail lists: the latest ones. The edge's
// counts cover every claim.
const MaxEdgeClaims = 500

// Edge returns the edge of type typ from src to dst (either way for symmetric types)
// with the latest MaxEdgeClaims claims behind it in date order, rejected ones included
// with their status.
func (s *Store) Edge(ctx context.Context, src, dst int64, typ dossier.RelationType) (*EdgeDetail, error) {
	if !typ.Valid() {
		return nil, fmt.Errorf("edge: relation type %q: %w", typ, dossier.ErrInvalid)
	}
	a, err := s.entity(ctx, s.db, src)
	if err != nil {
		return nil, fmt.Errorf("edge: %w", err)
	}
	b, err := s.entity(ctx, s.db, dst)
	if err != nil {
		return nil, fmt.Errorf("edge: %w", err)
	}
	cond := "(r.src = ? AND r.dst = ?)"
	args := []any{a.ID, b.ID}
	if typ.Symmetric() {
		cond = "((r.src = ? AND r.dst = ?) OR (r.src = ? AND r.dst = ?))"
		args = append(args, b.ID, a.ID)
	}
	cond += " AND r.type = ?"
	args = append(args, string(typ))
	// The latest claims are chosen on the index before any row is joined.
	cs, err := s.claims(ctx, s.db, "r.id IN (SELECT r.id FROM relations r WHERE "+cond+" ORDER BY r.date_key DESC, r.id DESC LIMIT ?)",
		append(args, MaxEdgeClaims), relFilter{includeRejected: true}, 0)
	if err != nil {
		return nil, fmt.Errorf("edge: %w", err)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("edge %d -[%s]-> %d: %w", src, typ, dst, dossier.ErrNotFound)
	}
	d := &EdgeDetail{Claims: make([]Claim, 0, len(cs))}
	// The stored edge aggregates every live claim; none is stored when all are rejected.
	k := keyOf(&cs[0].Claim)
	es, err := s.storedEdges(ctx, s.db, "type = ? AND a = ? AND b = ?", []any{string(typ), k.src, k.dst})
	if err != nil {
		return nil, fmt.Errorf("edge: %w", err)
	}
	if len(es) > 0 {
		d.Edge = es[0]
	} else {
		d.Edge = Edge{ID: cs[0].RelationID, Source: k.src, Target: k.dst, Type: typ}
	}
	for _, c := range cs {
		d.Claims = append(d.Claims, c.Claim)
	}
	return d, nil
}

// pairClaims reads the claims of one type between two entities (either way when the type
// is symmetric, or when typ is empty: every type either way).
func (s *Store) pairClaims(ctx context.Context, a, b int64, typ dossier.RelationType, f relFilter, limit int) ([]claimRow, error) {
	cond := "(r.src = ? AND r.dst = ?)"
	args := []any{a, b}
	if typ == "" || typ.Symmetric() {
		cond = "((r.src = ? AND r.dst = ?) OR (r.src = ? AND r.dst = ?))"
		args = append(args, b, a)
	}
	if typ != "" {
		cond += " AND r.type = ?"
		args = append(args, string(typ))
	}
	return s.claims(ctx, s.db, cond, args, f, limit)
}

// Path returns the shortest paths (at most 10) from a to b of at most maxDepth hops
// (default 4, at most 6), each hop with its strongest edge and up to five of its claims.
func (s *Store) Path(ctx context.Context, a, b int64, maxDepth int, t TimeFilter) ([]Path, error) {
	if maxDepth <= 0 {
		maxDepth = 4
	}
	if maxDepth > 6 {
		return nil, fmt.Errorf("path: depth %d above 6: %w", maxDepth, dossier.ErrInvalid)
	}
	ea, err := s.entity(ctx, s.db, a)
	if err != nil {
		return nil, fmt.Errorf("path: %w", err)
	}
	eb, err := s.entity(ctx, s.db, b)
	if err != nil {
		return nil, fmt.Errorf("path: %w", err)
	}
	if ea.ID == eb.ID {
		return nil, fmt.Errorf("path from %d to itself: %w", a, dossier.ErrInvalid)
	}
	f := relFilter{tf: t}
	g, err := s.newGraphReader(ctx, f, 0)
	if err != nil {
		return nil, err
	}
	type side struct {
		dist     map[int64]int
		parents  map[int64][]int64
		frontier []int64
		depth    int
	}
	sa := &side{dist: map[int64]int{ea.ID: 0}, parents: map[int64][]int64{}, frontier: []int64{ea.ID}}
	sb := &side{dist: map[int64]int{eb.ID: 0}, parents: map[int64][]int64{}, frontier: []int64{eb.ID}}
	best := map[[2]int64]Edge{} // strongest edge per unordered pair
	pair := func(x, y int64) [2]int64 {
		if x > y {
			x, y = y, x
		}
		return [2]int64{x, y}
	}
	var meet []int64
	for sa.depth+sb.depth < maxDepth && len(meet) == 0 {
		cur := sa
		if len(sb.frontier) < len(sa.frontier) {
			cur = sb
		}
		if len(cur.frontier) == 0 {
			break
		}
		edges, err := g.adjacent(cur.frontier)
		if err != nil {
			return nil, fmt.Errorf("path: %w", err)
		}
		inFrontier := map[int64]bool{}
		for _, id := range cur.frontier {
			inFrontier[id] = true
		}
		next := []int64{}
		for _, e := range edges {
			for _, ends := range [][2]int64{{e.Source, e.Target}, {e.Target, e.Source}} {
				from, to := ends[0], ends[1]
				if !inFrontier[from] || from == to {
					continue
				}
				d, seen := cur.dist[to]
				if !seen {
					cur.dist[to] = cur.depth + 1
					next = append(next, to)
					d = cur.depth + 1
				}
				if d == cur.depth+1 {
					cur.parents[to] = appendUnique(cur.parents[to], from)
				}
			}
		}
		cur.depth++
		cur.frontier = next
		total := -1
		for id, da := range sa.dist {
			if db, ok := sb.dist[id]; ok {
				if total < 0 || da+db < total {
					total, meet = da+db, meet[:0]
				}
				if da+db == total {
					meet = append(meet, id)
				}
			}
		}
	}
	if len(meet) == 0 {
		return []Path{}, nil
	}
	sort.Slice(meet, func(i, j int) bool { return meet[i] < meet[j] })
	const maxPaths = 10
	// walk lists the chains from the root of a side to id (root first).
	var walk func(sd *side, id int64, limit int) [][]int64
	walk = func(sd *side, id int64, limit int) [][]int64 {
		ps := sd.parents[id]
		if len(ps) == 0 {
			return [][]int64{{id}}
		}
		var out [][]int64
		for _, p := range ps {
			for _, c := range walk(sd, p, limit) {
				out = append(out, append(c, id))
				if len(out) >= limit {
					return out
				}
			}
		}
		return out
	}
	var chains [][]int64
	for _, m := range meet {
		for _, left := range walk(sa, m, maxPaths) {
			for _, right := range walk(sb, m, maxPaths) {
				chain := append([]int64{}, left...)
				for i := len(right) - 2; i >= 0; i-- {
					chain = append(chain, right[i])
				}
				chains = append(chains, chain)
				if len(chains) >= maxPaths {
					break
				}
			}
		}
	}
	if len(chains) > maxPaths {
		chains = chains[:maxPaths]
	}
	var ids []int64
	for _, c := range chains {
		ids = append(ids, c...)
	}
	info, err := s.nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	claimCache := map[[2]int64][]Claim{}
	out := make([]Path, 0, len(chains))
	for _, c := range chains {
		p := Path{Nodes: make([]Node, 0, len(c)), Hops: make([]Hop, 0, len(c)-1)}
		for _, id := range c {
			p.Nodes = append(p.Nodes, info[id])
		}
		for i := 0; i+1 < len(c); i++ {
			k := pair(c[i], c[i+1])
			e, ok := best[k]
			if !ok {
				es, err := g.pair(c[i], c[i+1])
				if err != nil {
					return nil, err
				}
				for _, x := range es {
					if x.Claims > e.Claims {
						e = x
					}
				}
				best[k] = e
			}
			cl, ok := claimCache[k]
			if !ok {
				rows, err := s.pairClaims(ctx, e.Source, e.Target, e.Type, f, 5)
				if err != nil {
					return nil, err
				}
				cl = make([]Claim, 0, len(rows))
				for _, r := range rows {
					cl = append(cl, r.Claim)
				}
				claimCache[k] = cl
			}
			p.Hops = append(p.Hops, Hop{From: c[i], To: c[i+1], Edge: e, Claims: cl})
		}
		out = append(out, p)
	}
	return out, nil
}
