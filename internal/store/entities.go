package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"dossier"
)

const entityCols = `e.id, e.name, e.type, COALESCE(e.kb_id, ''), e.mention_count, e.doc_count, e.degree, e.version`

func scanEntity(sc scanner) (EntitySummary, error) {
	var e EntitySummary
	var typ string
	err := sc.Scan(&e.ID, &e.Name, &typ, &e.KBID, &e.Mentions, &e.Docs, &e.Degree, &e.Version)
	e.Type = dossier.EntityType(typ)
	return e, err
}

// Entities lists canonical entities, filtered and ordered by q.
func (s *Store) Entities(ctx context.Context, q EntityQuery) ([]EntitySummary, error) {
	where := []string{"e.canon_id = e.id", "e.deleted = 0", "e.doc_count > 0"}
	var args []any
	if q.Type != "" {
		where = append(where, "e.type = ?")
		args = append(args, string(q.Type))
	}
	if p := normName(q.Prefix); p != "" {
		where = append(where, "e.norm >= ? AND e.norm < ?")
		args = append(args, p, p+"\U0010FFFF")
	}
	if q.MinDocs > 0 {
		where = append(where, "e.doc_count >= ?")
		args = append(args, q.MinDocs)
	}
	order := "e.mention_count DESC, e.id"
	switch q.OrderBy {
	case "", "mentions":
	case "degree":
		order = "e.degree DESC, e.mention_count DESC, e.id"
	case "docs":
		order = "e.doc_count DESC, e.mention_count DESC, e.id"
	case "name":
		order = "e.norm, e.id"
	default:
		return nil, fmt.Errorf("entities: order %q: %w", q.OrderBy, dossier.ErrInvalid)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit, max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+entityCols+` FROM entities e WHERE `+
		strings.Join(where, " AND ")+` ORDER BY `+order+` LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	out, err := collect(rows, scanEntity)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	if err := s.fillAliases(ctx, s.db, out); err != nil {
		return nil, err
	}
	return out, nil
}

// fillAliases loads the live aliases of canonical entities in one query.
func (s *Store) fillAliases(ctx context.Context, q querier, es []EntitySummary) error {
	if len(es) == 0 {
		return nil
	}
	idx := map[int64]int{}
	args := make([]any, len(es))
	for i := range es {
		idx[es[i].ID] = i
		args[i] = es[i].ID
		es[i].Aliases = []string{}
	}
	rows, err := q.QueryContext(ctx, s.q(`SELECT e.canon_id, a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
		WHERE e.canon_id IN `+inList(len(args))+` AND a.removed = 0 AND a.origin <> 'key' ORDER BY a.alias`), args...)
	if err != nil {
		return fmt.Errorf("aliases: %w", err)
	}
	seen := map[int64]map[string]bool{}
	err = eachRow(rows, func(rows *sql.Rows) error {
		var id int64
		var a string
		if err := rows.Scan(&id, &a); err != nil {
			return err
		}
		e := &es[idx[id]]
		if seen[id] == nil {
			seen[id] = map[string]bool{strings.ToLower(e.Name): true}
		}
		if k := strings.ToLower(a); !seen[id][k] {
			seen[id][k] = true
			e.Aliases = append(e.Aliases, a)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("aliases: %w", err)
	}
	return nil
}

// entity returns one canonical entity by id; a merged entity answers with the entity it
// was merged into.
func (s *Store) entity(ctx context.Context, q querier, id int64) (*EntitySummary, error) {
	row := q.QueryRowContext(ctx, s.q(`SELECT `+entityCols+` FROM entities c JOIN entities e ON e.id = c.canon_id
		WHERE c.id = ? AND c.deleted = 0`), id)
	e, err := scanEntity(row)
	if isNoRows(err) {
		return nil, notFound("entity", id)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	es := []EntitySummary{e}
	if err := s.fillAliases(ctx, q, es); err != nil {
		return nil, err
	}
	return &es[0], nil
}

// Entity returns one entity by id (a merged entity's id answers with the survivor).
func (s *Store) Entity(ctx context.Context, id int64) (*EntitySummary, error) {
	return s.entity(ctx, s.db, id)
}

// FindEntity finds an entity by id, by name or by alias, ignoring case. Several
// different entities answering to the name is an error wrapping ErrConflict that lists
// them.
func (s *Store) FindEntity(ctx context.Context, nameOrID string) (*EntitySummary, error) {
	q := strings.TrimSpace(nameOrID)
	if q == "" {
		return nil, fmt.Errorf("find entity: empty name: %w", dossier.ErrInvalid)
	}
	if id, err := strconv.ParseInt(q, 10, 64); err == nil {
		return s.entity(ctx, s.db, id)
	}
	n := normName(q)
	if n == "" {
		return nil, notFound("entity", q)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT DISTINCT e.canon_id FROM entities e WHERE e.norm = ? AND e.deleted = 0
		UNION SELECT DISTINCT e.canon_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
		WHERE a.norm = ? AND a.removed = 0 AND e.deleted = 0`), n, n)
	if err != nil {
		return nil, fmt.Errorf("find entity %q: %w", q, err)
	}
	var ids []int64
	err = eachRow(rows, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = appendUnique(ids, id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find entity %q: %w", q, err)
	}
	if len(ids) == 0 {
		return nil, notFound("entity", q)
	}
	var found []EntitySummary
	for _, id := range ids {
		e, err := s.entity(ctx, s.db, id)
		if err != nil {
			return nil, err
		}
		found = append(found, *e)
	}
	if len(found) == 1 {
		return &found[0], nil
	}
	// An exact name match wins over alias matches.
	var exact []EntitySummary
	for _, e := range found {
		if normName(e.Name) == n {
			exact = append(exact, e)
		}
	}
	if len(exact) == 1 {
		return &exact[0], nil
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Mentions > found[j].Mentions })
	var names []string
	for _, e := range found {
		names = append(names, fmt.Sprintf("%d %s (%s, %d mentions)", e.ID, e.Name, e.Type, e.Mentions))
	}
	return nil, fmt.Errorf("entity %q is ambiguous: %s: %w", q, strings.Join(names, "; "), dossier.ErrConflict)
}

// Stats returns counts for an overview.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{EntityTypes: map[dossier.EntityType]int{}, RelationTypes: map[string]int{}}
	var first, last sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents),
		(SELECT COUNT(*) FROM entities WHERE canon_id = id AND deleted = 0 AND doc_count > 0),
		(SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM relations WHERE status <> 'rejected'),
		(SELECT COUNT(*) FROM events),
		(SELECT COUNT(*) FROM audit),
		(SELECT MIN(ingested_at) FROM documents),
		(SELECT MAX(ingested_at) FROM documents)`).Scan(&st.Documents, &st.Entities, &st.Mentions, &st.Relations,
		&st.Events, &st.AuditEntries, &first, &last)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if first.Valid {
		st.FirstIngest, st.LastIngest = parseTime(first.String), parseTime(last.String)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT type, COUNT(*) FROM entities WHERE canon_id = id AND deleted = 0 AND doc_count > 0 GROUP BY type`)
	if err != nil {
		return nil, fmt.Errorf("stats: entity types: %w", err)
	}
	err = eachRow(rows, func(rows *sql.Rows) error {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return err
		}
		st.EntityTypes[dossier.EntityType(t)] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stats: entity types: %w", err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT type, SUM(claims), COUNT(*) FROM edges GROUP BY type`)
	if err != nil {
		return nil, fmt.Errorf("stats: relation types: %w", err)
	}
	err = eachRow(rows, func(rows *sql.Rows) error {
		var t string
		var n, edges int
		if err := rows.Scan(&t, &n, &edges); err != nil {
			return err
		}
		st.RelationTypes[t] = n
		st.Edges += edges
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stats: relation types: %w", err)
	}
	return st, nil
}
