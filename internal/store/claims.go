package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"dossier"
)

// relFilter restricts the relations a query reads.
type relFilter struct {
	types           []dossier.RelationType
	since, until    dossier.Date
	tf              TimeFilter
	includeRejected bool
}

// where returns the SQL conditions of f on the relations table aliased r.
func (f relFilter) where() (string, []any) {
	var conds []string
	var args []any
	if len(f.types) > 0 {
		conds = append(conds, "r.type IN "+inList(len(f.types)))
		for _, t := range f.types {
			args = append(args, string(t))
		}
	}
	if !f.since.IsZero() {
		conds = append(conds, "(r.date_key = '' OR r.date_key >= ?)")
		args = append(args, f.since.Time().Format("2006-01-02"))
	}
	if !f.until.IsZero() {
		conds = append(conds, "(r.date_key = '' OR r.date_key <= ?)")
		args = append(args, endKey(f.until))
	}
	if !f.tf.AsOf.IsZero() {
		conds = append(conds, "(r.date_key = '' OR r.date_key <= ?)")
		args = append(args, endKey(f.tf.AsOf))
	}
	if !f.tf.KnownAt.IsZero() {
		t := fmtTime(f.tf.KnownAt)
		conds = append(conds, "r.known_at <= ?")
		args = append(args, t)
		if !f.includeRejected {
			conds = append(conds, "(r.status <> 'rejected' OR r.status_at > ?)")
			args = append(args, t)
		}
	} else if !f.includeRejected {
		conds = append(conds, "r.status <> 'rejected'")
	}
	if len(conds) == 0 {
		return "1=1", nil
	}
	return strings.Join(conds, " AND "), args
}

// symmetricList is the SQL list of symmetric relation types.
func symmetricList() string {
	var q []string
	for _, t := range dossier.RelationTypes {
		if t.Symmetric() {
			q = append(q, "'"+string(t)+"'")
		}
	}
	return "(" + strings.Join(q, ",") + ")"
}

const claimCols = `r.id, r.type, COALESCE(r.subtype, ''), r.src, se.name, r.dst, te.name, COALESCE(r.role, ''), r.date,
	COALESCE(r.quantity, ''), COALESCE(r.attr_text, ''), COALESCE(ade.entity_id, 0), r.hedged, r.negated, r.confidence,
	r.status, r.status_at, d.doc_id, d.title, d.date, r.ev_start, r.ev_end, r.ev_text, sde.orig_entity_id, dde.orig_entity_id, r.doc`

const claimFrom = ` FROM relations r JOIN documents d ON d.id = r.doc
	JOIN entities se ON se.id = r.src JOIN entities te ON te.id = r.dst
	JOIN doc_entities sde ON sde.id = r.src_de JOIN doc_entities dde ON dde.id = r.dst_de
	LEFT JOIN doc_entities ade ON ade.id = r.attr_de`

// claimRow is a claim with what aggregation needs besides.
type claimRow struct {
	Claim
	origSrc, origDst, doc int64
}

// claims reads the claims matching cond (SQL on r) and f, ordered by date then id.
func (s *Store) claims(ctx context.Context, q querier, cond string, args []any, f relFilter, limit int) ([]claimRow, error) {
	fw, fargs := f.where()
	query := `SELECT ` + claimCols + claimFrom + ` WHERE (` + cond + `) AND ` + fw + ` ORDER BY r.date_key, r.id`
	all := append(append([]any{}, args...), fargs...)
	if limit > 0 {
		query += ` LIMIT ?`
		all = append(all, limit)
	}
	rows, err := q.QueryContext(ctx, s.q(query), all...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	defer rows.Close()
	var out []claimRow
	for rows.Next() {
		var c claimRow
		var typ, statusAt string
		var hedged, negated int
		if err := rows.Scan(&c.RelationID, &typ, &c.Subtype, &c.Source, &c.SourceName, &c.Target, &c.TargetName,
			&c.Role, &c.Date, &c.Quantity, &c.AttributedTo, &c.AttributedID, &hedged, &negated, &c.Confidence,
			&c.Status, &statusAt, &c.DocID, &c.DocTitle, &c.DocDate, &c.Evidence.Start, &c.Evidence.End,
			&c.Evidence.Text, &c.origSrc, &c.origDst, &c.doc); err != nil {
			return nil, fmt.Errorf("claims: %w", err)
		}
		c.Type = dossier.RelationType(typ)
		c.Hedged, c.Negated = hedged != 0, negated != 0
		if !f.tf.KnownAt.IsZero() && statusAt > fmtTime(f.tf.KnownAt) {
			c.Status = ""
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// remap gives, for transaction time t, the entity each stored entity id stood for then:
// merges performed after t (or undone since) are taken back. It returns nil when the
// merges then and now agree, which is the usual case.
func (s *Store) remap(ctx context.Context, q querier, t TimeFilter) (map[int64]int64, error) {
	if t.KnownAt.IsZero() {
		return nil, nil
	}
	at := fmtTime(t.KnownAt)
	var n int
	if err := q.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM merges WHERE at > ? OR (undone_at IS NOT NULL AND undone_at > ?)`), at, at).Scan(&n); err != nil {
		return nil, fmt.Errorf("merges: %w", err)
	}
	if n == 0 {
		return nil, nil
	}
	rows, err := q.QueryContext(ctx, s.q(`SELECT keep_id, drop_id FROM merges WHERE at <= ? AND (undone_at IS NULL OR undone_at > ?) ORDER BY at`), at, at)
	if err != nil {
		return nil, fmt.Errorf("merges: %w", err)
	}
	defer rows.Close()
	into := map[int64]int64{}
	for rows.Next() {
		var k, d int64
		if err := rows.Scan(&k, &d); err != nil {
			return nil, err
		}
		into[d] = k
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return into, nil
}

// mapAt follows the merges of a remap from a stored entity id.
func mapAt(into map[int64]int64, id int64) int64 {
	for i := 0; i < 64; i++ {
		k, ok := into[id]
		if !ok {
			return id
		}
		id = k
	}
	return id
}

// applyRemap rewrites the endpoints of claims as they stood at transaction time.
func applyRemap(cs []claimRow, into map[int64]int64) {
	if into == nil {
		return
	}
	for i := range cs {
		cs[i].Source = mapAt(into, cs[i].origSrc)
		cs[i].Target = mapAt(into, cs[i].origDst)
	}
}

// edgeKey identifies an edge: symmetric types are stored with Source < Target.
type edgeKey struct {
	typ      dossier.RelationType
	src, dst int64
}

func keyOf(c *Claim) edgeKey {
	a, b := c.Source, c.Target
	if c.Type.Symmetric() && a > b {
		a, b = b, a
	}
	return edgeKey{c.Type, a, b}
}

// aggregate turns claims into edges, in the order of first appearance.
func aggregate(cs []claimRow) []Edge {
	type acc struct {
		e       Edge
		docs    map[int64]bool
		sources map[string]bool
	}
	idx := map[edgeKey]*acc{}
	var order []edgeKey
	for i := range cs {
		c := &cs[i]
		k := keyOf(&c.Claim)
		a := idx[k]
		if a == nil {
			a = &acc{e: Edge{ID: c.RelationID, Source: k.src, Target: k.dst, Type: k.typ}, docs: map[int64]bool{}, sources: map[string]bool{}}
			idx[k] = a
			order = append(order, k)
		}
		a.e.Claims++
		a.e.ID = min(a.e.ID, c.RelationID)
		a.docs[c.doc] = true
		if c.AttributedTo != "" {
			a.sources["a:"+strings.ToLower(c.AttributedTo)] = true
		} else {
			a.sources["d:"+c.DocID] = true
		}
		if c.Hedged {
			a.e.Hedged++
		}
		if c.Negated {
			a.e.Negated++
		}
		if c.Date != "" && (a.e.First == "" || c.Date < a.e.First) {
			a.e.First = c.Date
		}
		if c.Date > a.e.Last {
			a.e.Last = c.Date
		}
	}
	out := make([]Edge, 0, len(order))
	for _, k := range order {
		a := idx[k]
		a.e.Docs, a.e.Sources = len(a.docs), len(a.sources)
		out = append(out, a.e)
	}
	return out
}

// aggEdges aggregates, in the database, the relations matching cond and f into edges.
func (s *Store) aggEdges(ctx context.Context, q querier, cond string, args []any, f relFilter) ([]Edge, error) {
	fw, fargs := f.where()
	sym := symmetricList()
	query := `SELECT MIN(r.id), r.type,
		CASE WHEN r.type IN ` + sym + ` AND r.src > r.dst THEN r.dst ELSE r.src END AS a,
		CASE WHEN r.type IN ` + sym + ` AND r.src > r.dst THEN r.src ELSE r.dst END AS b,
		COUNT(*), COUNT(DISTINCT r.doc),
		COUNT(DISTINCT CASE WHEN r.attr_text IS NULL OR r.attr_text = '' THEN 'd:' || r.doc ELSE 'a:' || LOWER(r.attr_text) END),
		SUM(r.hedged), SUM(r.negated), COALESCE(MIN(NULLIF(r.date, '')), ''), COALESCE(MAX(r.date), '')
		FROM relations r WHERE (` + cond + `) AND ` + fw + `
		GROUP BY r.type, a, b`
	rows, err := q.QueryContext(ctx, s.q(query), append(append([]any{}, args...), fargs...)...)
	if err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	defer rows.Close()
	var out []Edge
	for rows.Next() {
		var e Edge
		var typ string
		if err := rows.Scan(&e.ID, &typ, &e.Source, &e.Target, &e.Claims, &e.Docs, &e.Sources, &e.Hedged, &e.Negated, &e.First, &e.Last); err != nil {
			return nil, fmt.Errorf("edges: %w", err)
		}
		e.Type = dossier.RelationType(typ)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Claims returns every claim about an entity (as source or target), with attribution,
// hedging, negation and status, and the pairs of claims that contradict each other: an
// ALLY_OF against a HOSTILE_TO between the same two entities, or a claim against its own
// denial (same type and ends, one negated).
func (s *Store) Claims(ctx context.Context, id int64, t TimeFilter) (*ClaimSet, error) {
	e, err := s.entity(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	into, err := s.remap(ctx, s.db, t)
	if err != nil {
		return nil, err
	}
	f := relFilter{tf: t, includeRejected: true}
	var cs []claimRow
	if into == nil {
		cs, err = s.claims(ctx, s.db, "r.src = ? OR r.dst = ?", []any{e.ID, e.ID}, f, 0)
	} else {
		ids := s.membersAt(into, e.ID)
		cs, err = s.claims(ctx, s.db, "sde.orig_entity_id IN "+inList(len(ids))+" OR dde.orig_entity_id IN "+inList(len(ids)),
			append(int64Args(ids), int64Args(ids)...), f, 0)
		applyRemap(cs, into)
	}
	if err != nil {
		return nil, fmt.Errorf("claims of %d: %w", id, err)
	}
	set := &ClaimSet{Entity: *e, Claims: make([]Claim, 0, len(cs)), Contradictions: []Contradiction{}}
	for _, c := range cs {
		set.Claims = append(set.Claims, c.Claim)
	}
	set.Contradictions = contradictions(set.Claims, 200)
	return set, nil
}

// membersAt lists the stored entity ids that stood for id at a remap's time: id itself
// and every entity merged into it by then.
func (s *Store) membersAt(into map[int64]int64, id int64) []int64 {
	out := []int64{id}
	for d := range into {
		if mapAt(into, d) == id {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// opposite pairs of standing relation types that cannot hold together.
var opposite = map[dossier.RelationType]dossier.RelationType{
	dossier.AllyOf:    dossier.HostileTo,
	dossier.HostileTo: dossier.AllyOf,
}

// contradictions pairs claims that cannot both hold, at most max pairs. Rejected claims
// take no part.
func contradictions(cs []Claim, max int) []Contradiction {
	type pair struct{ a, b int64 }
	pk := func(c *Claim, undirected bool) pair {
		if undirected && c.Source > c.Target {
			return pair{c.Target, c.Source}
		}
		return pair{c.Source, c.Target}
	}
	out := []Contradiction{}
	seen := map[string]bool{}
	for i := range cs {
		a := &cs[i]
		if a.Status == "rejected" {
			continue
		}
		for j := i + 1; j < len(cs) && len(out) < max; j++ {
			b := &cs[j]
			if b.Status == "rejected" {
				continue
			}
			var reason string
			switch {
			case a.Type == b.Type && a.Negated != b.Negated && a.Subtype == b.Subtype &&
				pk(a, a.Type.Symmetric()) == pk(b, b.Type.Symmetric()):
				reason = fmt.Sprintf("%s and its denial", a.Type)
			case opposite[a.Type] == b.Type && !a.Negated && !b.Negated && pk(a, true) == pk(b, true):
				reason = fmt.Sprintf("%s vs %s", a.Type, b.Type)
			default:
				continue
			}
			// One pair per reason and pair of documents keeps the list readable.
			k := reason + "|" + a.DocID + "|" + b.DocID + fmt.Sprint(pk(a, true))
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, Contradiction{Reason: reason, A: *a, B: *b})
		}
	}
	return out
}
