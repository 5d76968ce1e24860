package store

import (
	"context"
	"database/sql"
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

// plain reports whether f selects every live relation at the present time, so that the
// stored edges answer for it.
func (f relFilter) plain() bool {
	return f.since.IsZero() && f.until.IsZero() && f.tf.AsOf.IsZero() && f.tf.KnownAt.IsZero() && !f.includeRejected
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
	return s.claimsOrdered(ctx, q, cond, args, f, limit, false)
}

// claimsOrdered is claims; byDateIndex lets the database walk the date index, which pays
// only when cond keeps most relations.
func (s *Store) claimsOrdered(ctx context.Context, q querier, cond string, args []any, f relFilter, limit int, byDateIndex bool) ([]claimRow, error) {
	fw, fargs := f.where()
	order := ` ORDER BY (r.date_key || ''), r.id`
	if byDateIndex {
		order = ` ORDER BY r.date_key, r.id`
	}
	query := `SELECT ` + claimCols + claimFrom + ` WHERE (` + cond + `) AND ` + fw + order
	all := append(append([]any{}, args...), fargs...)
	if limit > 0 {
		query += ` LIMIT ?`
		all = append(all, limit)
	}
	rows, err := q.QueryContext(ctx, s.q(query), all...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	return scanClaimRows(rows, f)
}

func scanClaimRows(rows *sql.Rows, f relFilter) ([]claimRow, error) {
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

// aggregate turns claims into edges, in the order of first appearance; roots maps a near
// duplicate's row id to its original's, so that both count as one source.
func aggregate(cs []claimRow, roots map[int64]int64) []Edge {
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
			doc := c.doc
			if r, ok := roots[doc]; ok {
				doc = r
			}
			a.sources["d:"+itoa(doc)] = true
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

// aggSelect is the SELECT that aggregates relations r into edges, in the column order
// of the edges table; where holds its conditions.
func aggSelect(where string) string {
	sym := symmetricList()
	return `SELECT MIN(r.id), r.type,
		CASE WHEN r.type IN ` + sym + ` AND r.src > r.dst THEN r.dst ELSE r.src END AS a,
		CASE WHEN r.type IN ` + sym + ` AND r.src > r.dst THEN r.src ELSE r.dst END AS b,
		COUNT(*), COUNT(DISTINCT r.doc),
		COUNT(DISTINCT ` + sourceKeySQL + `),
		SUM(r.hedged), SUM(r.negated), COALESCE(MIN(NULLIF(r.date, '')), ''), COALESCE(MAX(r.date), '')
		FROM relations r WHERE ` + where + `
		GROUP BY r.type, a, b`
}

// aggEdges aggregates, in the database, the relations matching cond and f into edges.
func (s *Store) aggEdges(ctx context.Context, q querier, cond string, args []any, f relFilter) ([]Edge, error) {
	fw, fargs := f.where()
	rows, err := q.QueryContext(ctx, s.q(aggSelect("("+cond+") AND "+fw)), append(append([]any{}, args...), fargs...)...)
	if err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	return scanEdges(rows)
}

// edgeCols are the columns of the edges table in Edge order.
const edgeCols = `rel_id, type, a, b, claims, docs, sources, hedged, negated, first_date, last_date`

func scanEdges(rows *sql.Rows) ([]Edge, error) {
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

// storedEdges reads edges from the edges table.
func (s *Store) storedEdges(ctx context.Context, q querier, cond string, args []any) ([]Edge, error) {
	rows, err := q.QueryContext(ctx, s.q(`SELECT `+edgeCols+` FROM edges WHERE `+cond), args...)
	if err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	return scanEdges(rows)
}

// rebuildEdges recomputes from the relations every stored edge with an end in ids.
func (s *Store) rebuildEdges(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	in := inList(len(ids))
	a := int64Args(ids)
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM edges WHERE a IN `+in+` OR b IN `+in), append(a, a...)...); err != nil {
		return fmt.Errorf("rebuild edges: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM edge_sources WHERE a IN `+in+` OR b IN `+in), append(a, a...)...); err != nil {
		return fmt.Errorf("rebuild edges: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO edge_sources (type, a, b, source) `+
		sourcesSelect(`(r.src IN `+in+` OR r.dst IN `+in+`)`)), append(a, a...)...); err != nil {
		return fmt.Errorf("rebuild edges: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO edges (`+edgeCols+`) `+
		aggSelect(`(r.src IN `+in+` OR r.dst IN `+in+`) AND r.status <> 'rejected'`)), append(a, a...)...); err != nil {
		return fmt.Errorf("rebuild edges: %w", err)
	}
	return nil
}

// rebuildEdge recomputes one stored edge from its relations.
func (s *Store) rebuildEdge(ctx context.Context, tx *sql.Tx, typ dossier.RelationType, src, dst int64) error {
	a, b := src, dst
	if typ.Symmetric() && a > b {
		a, b = b, a
	}
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM edges WHERE type = ? AND a = ? AND b = ?`), string(typ), a, b); err != nil {
		return fmt.Errorf("rebuild edge: %w", err)
	}
	cond := `r.type = ? AND r.src = ? AND r.dst = ?`
	args := []any{string(typ), a, b}
	if typ.Symmetric() {
		cond = `r.type = ? AND ((r.src = ? AND r.dst = ?) OR (r.src = ? AND r.dst = ?))`
		args = append(args, b, a)
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO edges (`+edgeCols+`) `+aggSelect(cond+` AND r.status <> 'rejected'`)), args...); err != nil {
		return fmt.Errorf("rebuild edge: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM edge_sources WHERE type = ? AND a = ? AND b = ?`), string(typ), a, b); err != nil {
		return fmt.Errorf("rebuild edge: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO edge_sources (type, a, b, source) `+sourcesSelect(cond)), args...); err != nil {
		return fmt.Errorf("rebuild edge: %w", err)
	}
	return nil
}

// sourcesSelect is the SELECT of the attributions of the live relations r matching
// where, per edge, in the column order of edge_sources.
func sourcesSelect(where string) string {
	sym := symmetricList()
	return `SELECT DISTINCT r.type,
		CASE WHEN r.type IN ` + sym + ` AND r.src > r.dst THEN r.dst ELSE r.src END,
		CASE WHEN r.type IN ` + sym + ` AND r.src > r.dst THEN r.src ELSE r.dst END,
		LOWER(r.attr_text)
		FROM relations r WHERE (` + where + `) AND r.status <> 'rejected' AND r.attr_text IS NOT NULL AND r.attr_text <> ''`
}

// edgeDelta is what one document adds to one edge.
type edgeDelta struct {
	key          edgeKey
	relID        int64
	claims       int
	hedged, neg  int
	first, last  string
	unattributed bool
	attributions map[string]bool
}

// addEdges folds the relations of a new document into the stored edges.
func (s *Store) addEdges(ctx context.Context, tx querier, doc, dupOf int64, ds map[edgeKey]*edgeDelta, order []edgeKey) error {
	for _, k := range order {
		d := ds[k]
		sources := 0
		if d.unattributed {
			counted, err := s.clusterStated(ctx, tx, doc, dupOf, k)
			if err != nil {
				return fmt.Errorf("edge sources: %w", err)
			}
			if !counted {
				sources++
			}
		}
		for a := range d.attributions {
			res, err := tx.ExecContext(ctx, s.q(`INSERT INTO edge_sources (type, a, b, source) VALUES (?,?,?,?) ON CONFLICT DO NOTHING`),
				string(k.typ), k.src, k.dst, a)
			if err != nil {
				return fmt.Errorf("edge sources: %w", err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				sources++
			}
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO edges (`+edgeCols+`) VALUES (?,?,?,?,?,1,?,?,?,?,?)
			ON CONFLICT (type, a, b) DO UPDATE SET
			rel_id = CASE WHEN excluded.rel_id < edges.rel_id THEN excluded.rel_id ELSE edges.rel_id END,
			claims = edges.claims + excluded.claims, docs = edges.docs + 1, sources = edges.sources + excluded.sources,
			hedged = edges.hedged + excluded.hedged, negated = edges.negated + excluded.negated,
			first_date = CASE WHEN excluded.first_date <> '' AND (edges.first_date = '' OR excluded.first_date < edges.first_date)
				THEN excluded.first_date ELSE edges.first_date END,
			last_date = CASE WHEN excluded.last_date > edges.last_date THEN excluded.last_date ELSE edges.last_date END`),
			d.relID, string(k.typ), k.src, k.dst, d.claims, sources, d.hedged, d.neg, d.first, d.last)
		if err != nil {
			return fmt.Errorf("edge %s %d %d: %w", k.typ, k.src, k.dst, err)
		}
	}
	return nil
}

// clusterStated reports whether another document of the near-duplicate cluster of
// document doc (whose original is dupOf; 0 when doc is no near duplicate) already states
// edge k without attribution: the cluster is then already counted among its sources.
func (s *Store) clusterStated(ctx context.Context, q querier, doc, dupOf int64, k edgeKey) (bool, error) {
	if dupOf == 0 {
		return false, nil
	}
	a, b := k.src, k.dst
	ra, rb := a, b
	if k.typ.Symmetric() {
		ra, rb = b, a
	}
	var n int
	err := q.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM relations r
		WHERE r.type = ? AND ((r.src = ? AND r.dst = ?) OR (r.src = ? AND r.dst = ?))
		AND r.doc <> ? AND (r.doc = ? OR r.source_doc = ?) AND (r.attr_text IS NULL OR r.attr_text = '') AND r.status <> 'rejected'`),
		string(k.typ), a, b, ra, rb, doc, dupOf, dupOf).Scan(&n)
	return n > 0, err
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
	if into == nil {
		return s.claimsNow(ctx, e, f)
	}
	ids := s.membersAt(into, e.ID)
	cs, err := s.claims(ctx, s.db, "sde.orig_entity_id IN "+inList(len(ids))+" OR dde.orig_entity_id IN "+inList(len(ids)),
		append(int64Args(ids), int64Args(ids)...), f, 0)
	if err != nil {
		return nil, fmt.Errorf("claims of %d: %w", id, err)
	}
	applyRemap(cs, into)
	set := &ClaimSet{Entity: *e, Claims: make([]Claim, 0, min(len(cs), MaxClaims)), Contradictions: []Contradiction{}, Total: len(cs)}
	all := make([]Claim, 0, len(cs))
	for _, c := range cs {
		all = append(all, c.Claim)
	}
	set.Contradictions = contradictions(all, 200)
	// The latest claims when there are too many to list.
	if len(all) > MaxClaims {
		all = all[len(all)-MaxClaims:]
	}
	set.Claims = append(set.Claims, all...)
	return set, nil
}

// claimsNow is Claims when the merges at f's time are those of now, so that the stored
// ends of relations hold. Contradictions are looked for among the latest scanClaims
// claims, read from the relations alone; only the claims listed (the latest MaxClaims and
// those of contradictions) are read whole, with their names, documents and attributions.
func (s *Store) claimsNow(ctx context.Context, e *EntitySummary, f relFilter) (*ClaimSet, error) {
	keys, err := s.claimKeysLatest(ctx, e.ID, f)
	if err != nil {
		return nil, fmt.Errorf("claims of %d: %w", e.ID, err)
	}
	total := len(keys)
	if total >= scanClaims {
		// Counted on each end's index alone; a relation of the entity with itself once.
		fw, fargs := f.where()
		if err := s.db.QueryRowContext(ctx, s.q(`SELECT (SELECT COUNT(*) FROM relations r WHERE r.src = ? AND `+fw+`)
			+ (SELECT COUNT(*) FROM relations r WHERE r.dst = ? AND r.src <> ? AND `+fw+`)`),
			append(append(append([]any{e.ID}, fargs...), e.ID, e.ID), fargs...)...).Scan(&total); err != nil {
			return nil, fmt.Errorf("claims of %d: %w", e.ID, err)
		}
	}
	pairs := contradictions(keys, 200)
	listed := keys
	if len(listed) > MaxClaims {
		listed = listed[len(listed)-MaxClaims:]
	}
	ids := make([]int64, 0, len(listed)+2*len(pairs))
	for _, k := range listed {
		ids = append(ids, k.RelationID)
	}
	for _, p := range pairs {
		ids = append(ids, p.A.RelationID, p.B.RelationID)
	}
	whole, err := s.claimsByID(ctx, ids, f)
	if err != nil {
		return nil, fmt.Errorf("claims of %d: %w", e.ID, err)
	}
	set := &ClaimSet{Entity: *e, Claims: make([]Claim, 0, len(listed)), Contradictions: make([]Contradiction, 0, len(pairs)), Total: total}
	for _, k := range listed {
		if c, ok := whole[k.RelationID]; ok {
			set.Claims = append(set.Claims, c)
		}
	}
	for _, p := range pairs {
		a, okA := whole[p.A.RelationID]
		b, okB := whole[p.B.RelationID]
		if okA && okB {
			set.Contradictions = append(set.Contradictions, Contradiction{Reason: p.Reason, A: a, B: b})
		}
	}
	return set, nil
}

// claimKeysLatest reads, from the relations table alone, the latest scanClaims claims
// about an entity in date order, with what contradictions needs: id, type, subtype, ends,
// negation, status, and the document's row id standing for its id.
func (s *Store) claimKeysLatest(ctx context.Context, id int64, f relFilter) ([]Claim, error) {
	fw, fargs := f.where()
	side := func(col string) string {
		return `SELECT id, date_key FROM (SELECT r.id, r.date_key FROM relations r WHERE r.` + col + ` = ? AND ` + fw +
			` ORDER BY r.date_key DESC, r.id DESC LIMIT ?) AS ` + col + `_side`
	}
	args := append(append([]any{id}, fargs...), scanClaims)
	args = append(append(append(args, id), fargs...), scanClaims, scanClaims)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT r.id, r.type, COALESCE(r.subtype, ''), r.src, r.dst, r.negated, r.status, r.status_at, r.doc
		FROM relations r WHERE r.id IN (SELECT id FROM (`+side("src")+` UNION `+side("dst")+`) AS latest
		ORDER BY date_key DESC, id DESC LIMIT ?) ORDER BY r.date_key, r.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	defer rows.Close()
	var out []Claim
	for rows.Next() {
		var c Claim
		var typ, statusAt string
		var negated int
		var doc int64
		if err := rows.Scan(&c.RelationID, &typ, &c.Subtype, &c.Source, &c.Target, &negated, &c.Status, &statusAt, &doc); err != nil {
			return nil, fmt.Errorf("claims: %w", err)
		}
		c.Type, c.Negated, c.DocID = dossier.RelationType(typ), negated != 0, itoa(doc)
		if !f.tf.KnownAt.IsZero() && statusAt > fmtTime(f.tf.KnownAt) {
			c.Status = ""
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// claimsByID reads whole claims by relation id.
func (s *Store) claimsByID(ctx context.Context, ids []int64, f relFilter) (map[int64]Claim, error) {
	out := make(map[int64]Claim, len(ids))
	for _, chunk := range chunks(int64Args(ids), 500) {
		cs, err := s.claims(ctx, s.db, "r.id IN "+inList(len(chunk)), chunk, f, 0)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out[c.RelationID] = c.Claim
		}
	}
	return out, nil
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

// scanClaims is the most claims Claims reads, the latest ones: contradictions are looked
// for among them.
const scanClaims = 5000

// entityRelIDs returns a subquery of the ids of the first (dir "ASC") or last ("DESC")
// n relations of an entity in date order, with extra conditions on r, walking the date
// indexes of both ends.
func entityRelIDs(id int64, f relFilter, extra, dir string, n int) (string, []any) {
	fw, fargs := f.where()
	side := func(col string) string {
		return `SELECT id FROM (SELECT r.id FROM relations r WHERE r.` + col + ` = ?` + extra + ` AND ` + fw +
			` ORDER BY r.date_key ` + dir + `, r.id ` + dir + ` LIMIT ?) AS ` + col + `_side`
	}
	args := append(append([]any{id}, fargs...), n)
	args = append(append(append(args, id), fargs...), n)
	return side("src") + ` UNION ` + side("dst"), args
}

// MaxClaims is the most claims a ClaimSet lists (the latest ones).
const MaxClaims = 2000

// contradictions pairs claims that cannot both hold, at most limit pairs, one pair per
// reason and pair of documents: a claim and its denial (same type, subtype and ends, one
// negated), and opposite standing relations between the same two entities. Rejected
// claims take no part.
func contradictions(cs []Claim, limit int) []Contradiction {
	type side struct {
		yes, no []int
	}
	type denialKey struct {
		typ      dossier.RelationType
		subtype  string
		src, dst int64
	}
	type pairKey struct{ a, b int64 }
	denials := map[denialKey]*side{}
	var denialOrder []denialKey
	opp := map[pairKey]map[dossier.RelationType][]int{}
	var oppOrder []pairKey
	for i := range cs {
		c := &cs[i]
		if c.Status == "rejected" {
			continue
		}
		k := denialKey{c.Type, c.Subtype, c.Source, c.Target}
		if c.Type.Symmetric() && k.src > k.dst {
			k.src, k.dst = k.dst, k.src
		}
		sd := denials[k]
		if sd == nil {
			sd = &side{}
			denials[k] = sd
			denialOrder = append(denialOrder, k)
		}
		if c.Negated {
			sd.no = append(sd.no, i)
		} else {
			sd.yes = append(sd.yes, i)
		}
		if _, ok := opposite[c.Type]; ok && !c.Negated {
			p := pairKey{min(c.Source, c.Target), max(c.Source, c.Target)}
			if opp[p] == nil {
				opp[p] = map[dossier.RelationType][]int{}
				oppOrder = append(oppOrder, p)
			}
			opp[p][c.Type] = append(opp[p][c.Type], i)
		}
	}
	out := []Contradiction{}
	seen := map[string]bool{}
	add := func(reason string, xs, ys []int) {
		for _, x := range xs {
			for _, y := range ys {
				if len(out) >= limit {
					return
				}
				a, b := &cs[x], &cs[y]
				if b.RelationID < a.RelationID {
					a, b = b, a
				}
				k := reason + "|" + a.DocID + "|" + b.DocID
				if seen[k] {
					continue
				}
				seen[k] = true
				out = append(out, Contradiction{Reason: reason, A: *a, B: *b})
			}
		}
	}
	for _, k := range denialOrder {
		if sd := denials[k]; len(sd.yes) > 0 && len(sd.no) > 0 {
			add(fmt.Sprintf("%s and its denial", k.typ), sd.yes, sd.no)
		}
	}
	for _, p := range oppOrder {
		m := opp[p]
		for _, t := range []dossier.RelationType{dossier.AllyOf} {
			o := opposite[t]
			if len(m[t]) > 0 && len(m[o]) > 0 {
				add(fmt.Sprintf("%s vs %s", t, o), m[t], m[o])
			}
		}
	}
	return out
}
