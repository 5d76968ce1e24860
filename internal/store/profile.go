package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"dossier"
)

// Profile returns what is known about an entity: aliases, roles over time, relations by
// type and direction with counts and date ranges, the documents that mention it, the
// entities most often seen with it, the resolution decisions that built it and notes.
func (s *Store) Profile(ctx context.Context, id int64, t TimeFilter) (*Profile, error) {
	e, err := s.entity(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	p := &Profile{Entity: *e, Roles: []Role{}, Relations: []RelationCount{}, Documents: []DocRef{},
		CoOccurring: []CoOccurrence{}, Decisions: []Decision{}, Notes: []Note{}}
	known, knownArgs := "", []any{}
	if !t.KnownAt.IsZero() {
		known, knownArgs = " AND d.ingested_at <= ?", []any{fmtTime(t.KnownAt)}
	}
	asOf, asOfArgs := "", []any{}
	if !t.AsOf.IsZero() {
		asOf, asOfArgs = " AND (d.date = '' OR d.date <= ?)", []any{endKey(t.AsOf)}
	}

	// Documents and decisions: the latest 200 of the document's entities resolved to it.
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT d.doc_id, d.title, d.date, de.local_id, de.name, de.rule, de.evidence,
		(SELECT COUNT(*) FROM mentions m WHERE m.de_id = de.id)
		FROM doc_entities de JOIN documents d ON d.id = de.doc
		WHERE de.entity_id = ?`+known+asOf+` ORDER BY de.doc DESC LIMIT 200`), append(append([]any{e.ID}, knownArgs...), asOfArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("profile %d: %w", id, err)
	}
	docIdx := map[string]int{}
	for rows.Next() {
		var dec Decision
		var title, date string
		var n int
		if err := rows.Scan(&dec.DocID, &title, &date, &dec.LocalID, &dec.Name, &dec.Rule, &dec.Evidence, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("profile %d: %w", id, err)
		}
		if i, ok := docIdx[dec.DocID]; ok {
			p.Documents[i].Mentions += n
		} else {
			docIdx[dec.DocID] = len(p.Documents)
			p.Documents = append(p.Documents, DocRef{ID: dec.DocID, Title: title, Date: date, Mentions: n})
		}
		p.Decisions = append(p.Decisions, dec)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(p.Documents, func(i, j int) bool { return sortKey(p.Documents[i].Date) > sortKey(p.Documents[j].Date) })
	// Roles over time, from every document that gives one.
	roles := map[string]*Role{}
	rows, err = s.db.QueryContext(ctx, s.q(`SELECT d.date, de.roles FROM doc_entities de JOIN documents d ON d.id = de.doc
		WHERE de.entity_id = ? AND de.roles <> '[]'`+known+asOf), append(append([]any{e.ID}, knownArgs...), asOfArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("profile %d roles: %w", id, err)
	}
	for rows.Next() {
		var date, rolesJSON string
		if err := rows.Scan(&date, &rolesJSON); err != nil {
			rows.Close()
			return nil, err
		}
		var rs []string
		_ = json.Unmarshal([]byte(rolesJSON), &rs)
		for _, r := range rs {
			addRole(roles, r, date)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Relations by type and direction, from the stored edges when no time filter applies.
	f := relFilter{tf: t}
	fw, fargs := f.where()
	query := `SELECT r.type,
		CASE WHEN r.type IN ` + symmetricList() + ` THEN 'both' WHEN r.src = ? THEN 'out' ELSE 'in' END AS dir,
		COUNT(*), COUNT(DISTINCT CASE WHEN r.src = ? THEN r.dst ELSE r.src END),
		COALESCE(MIN(NULLIF(r.date, '')), ''), COALESCE(MAX(r.date), '')
		FROM relations r WHERE (r.src = ? OR r.dst = ?) AND ` + fw + ` GROUP BY r.type, dir ORDER BY COUNT(*) DESC, r.type`
	if f.plain() {
		// Each stored edge links the entity to one other entity per type and side (and
		// symmetric edges are stored once), so counting edges counts the others.
		query = `SELECT g.type, CASE WHEN g.type IN ` + symmetricList() + ` THEN 'both' ELSE 'out' END,
		SUM(g.claims), COUNT(*), COALESCE(MIN(NULLIF(g.first_date, '')), ''), COALESCE(MAX(g.last_date), '')
		FROM edges g WHERE g.a = ? GROUP BY g.type
		UNION ALL SELECT g.type, CASE WHEN g.type IN ` + symmetricList() + ` THEN 'both' ELSE 'in' END,
		SUM(g.claims), COUNT(*), COALESCE(MIN(NULLIF(g.first_date, '')), ''), COALESCE(MAX(g.last_date), '')
		FROM edges g WHERE g.b = ? GROUP BY g.type`
	}
	qargs := append([]any{e.ID, e.ID, e.ID, e.ID}, fargs...)
	if f.plain() {
		qargs = []any{e.ID, e.ID}
	}
	rows, err = s.db.QueryContext(ctx, s.q(query), qargs...)
	if err != nil {
		return nil, fmt.Errorf("profile %d relations: %w", id, err)
	}
	relIdx := map[[2]string]int{}
	for rows.Next() {
		var rc RelationCount
		var typ string
		if err := rows.Scan(&typ, &rc.Direction, &rc.Count, &rc.Others, &rc.First, &rc.Last); err != nil {
			rows.Close()
			return nil, err
		}
		rc.Type = dossier.RelationType(typ)
		k := [2]string{typ, rc.Direction}
		if i, ok := relIdx[k]; ok {
			r := &p.Relations[i]
			r.Count += rc.Count
			r.Others += rc.Others
			if rc.First != "" && (r.First == "" || rc.First < r.First) {
				r.First = rc.First
			}
			r.Last = max(r.Last, rc.Last)
			continue
		}
		relIdx[k] = len(p.Relations)
		p.Relations = append(p.Relations, rc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(p.Relations, func(i, j int) bool {
		if p.Relations[i].Count != p.Relations[j].Count {
			return p.Relations[i].Count > p.Relations[j].Count
		}
		return p.Relations[i].Type < p.Relations[j].Type
	})

	// Roles stated by MEMBER_OF and LEADS relations.
	rows, err = s.db.QueryContext(ctx, s.q(`SELECT r.role, r.date FROM relations r
		WHERE r.src = ? AND r.type IN ('MEMBER_OF', 'LEADS') AND r.role IS NOT NULL AND r.role <> '' AND `+fw), append([]any{e.ID}, fargs...)...)
	if err != nil {
		return nil, fmt.Errorf("profile %d roles: %w", id, err)
	}
	for rows.Next() {
		var role, date string
		if err := rows.Scan(&role, &date); err != nil {
			rows.Close()
			return nil, err
		}
		addRole(roles, role, date)
	}
	rows.Close()
	for _, r := range roles {
		p.Roles = append(p.Roles, *r)
	}
	sort.Slice(p.Roles, func(i, j int) bool {
		if p.Roles[i].First != p.Roles[j].First {
			return p.Roles[i].First < p.Roles[j].First
		}
		return p.Roles[i].Role < p.Roles[j].Role
	})

	// Entities of the same documents, over its 200 latest documents.
	rows, err = s.db.QueryContext(ctx, s.q(`SELECT b.entity_id, COUNT(DISTINCT b.doc) AS n FROM doc_entities b
		WHERE b.doc IN (SELECT a.doc FROM doc_entities a JOIN documents d ON d.id = a.doc WHERE a.entity_id = ?`+known+asOf+`
		ORDER BY a.doc DESC LIMIT 200) AND b.entity_id <> ?
		GROUP BY b.entity_id ORDER BY n DESC, b.entity_id LIMIT 25`),
		append(append(append([]any{e.ID}, knownArgs...), asOfArgs...), e.ID)...)
	if err != nil {
		return nil, fmt.Errorf("profile %d co-occurrence: %w", id, err)
	}
	var coIDs []int64
	for rows.Next() {
		var c CoOccurrence
		if err := rows.Scan(&c.ID, &c.Docs); err != nil {
			rows.Close()
			return nil, err
		}
		coIDs = append(coIDs, c.ID)
		p.CoOccurring = append(p.CoOccurring, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	info, err := s.nodes(ctx, coIDs)
	if err != nil {
		return nil, err
	}
	for i := range p.CoOccurring {
		c := &p.CoOccurring[i]
		c.Name, c.Type = info[c.ID].Name, info[c.ID].Type
	}
	notes, err := s.notes(ctx, "entity:"+itoa(e.ID), t)
	if err != nil {
		return nil, err
	}
	p.Notes = notes
	return p, nil
}

func addRole(roles map[string]*Role, role, date string) {
	role = strings.TrimSpace(role)
	if role == "" {
		return
	}
	k := strings.ToLower(role)
	r := roles[k]
	if r == nil {
		r = &Role{Role: role}
		roles[k] = r
	}
	r.Docs++
	if date != "" && (r.First == "" || date < r.First) {
		r.First = date
	}
	if date > r.Last {
		r.Last = date
	}
}

// notes returns the live notes on a target, oldest first.
func (s *Store) notes(ctx context.Context, target string, t TimeFilter) ([]Note, error) {
	where, args := "target = ? AND deleted = 0", []any{target}
	if !t.KnownAt.IsZero() {
		where += " AND at <= ?"
		args = append(args, fmtTime(t.KnownAt))
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT action_id, actor, at, target, text FROM notes WHERE `+where+` ORDER BY id`), args...)
	if err != nil {
		return nil, fmt.Errorf("notes %s: %w", target, err)
	}
	defer rows.Close()
	out := []Note{}
	for rows.Next() {
		var n Note
		var at string
		if err := rows.Scan(&n.ID, &n.Actor, &at, &n.Target, &n.Text); err != nil {
			return nil, err
		}
		n.At = parseTime(at)
		out = append(out, n)
	}
	return out, rows.Err()
}

// Timeline returns dated relations and events in date order, optionally only those of
// one entity.
func (s *Store) Timeline(ctx context.Context, q TimelineQuery) ([]TimelineItem, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 200
	}
	offset := max(q.Offset, 0)
	want := limit + offset
	cond, args := "r.date_key <> ''", []any{}
	evCond, evArgs := "v.date_key <> ''", []any{}
	f := relFilter{since: q.Since, until: q.Until, tf: q.Time}
	if q.Entity != 0 {
		e, err := s.entity(ctx, s.db, q.Entity)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		ids, idArgs := entityRelIDs(e.ID, f, " AND r.date_key <> ''", "ASC", want)
		cond += " AND r.id IN (" + ids + ")"
		args = append(args, idArgs...)
		evCond += " AND v.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)"
		evArgs = append(evArgs, e.ID)
	}
	cs, err := s.claimsOrdered(ctx, s.db, cond, args, f, want, true)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	var items []TimelineItem
	keys := map[int]string{}
	for i := range cs {
		c := cs[i].Claim
		items = append(items, TimelineItem{Date: c.Date, Kind: "relation", ID: c.RelationID, Type: c.Type,
			Participants: []CoOccurrence{}, Claim: &c, DocID: c.DocID, Evidence: c.Evidence})
	}
	// Events, filtered like relations.
	if !q.Since.IsZero() {
		evCond += " AND v.date_key >= ?"
		evArgs = append(evArgs, q.Since.Time().Format("2006-01-02"))
	}
	if !q.Until.IsZero() {
		evCond += " AND v.date_key <= ?"
		evArgs = append(evArgs, endKey(q.Until))
	}
	if !q.Time.AsOf.IsZero() {
		evCond += " AND v.date_key <= ?"
		evArgs = append(evArgs, endKey(q.Time.AsOf))
	}
	if !q.Time.KnownAt.IsZero() {
		evCond += " AND v.known_at <= ?"
		evArgs = append(evArgs, fmtTime(q.Time.KnownAt))
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT v.id, v.date, v.date_key, COALESCE(v.name, ''), v.type, d.doc_id, v.ev_start, v.ev_end, v.ev_text
		FROM events v JOIN documents d ON d.id = v.doc WHERE `+evCond+` ORDER BY v.date_key, v.id LIMIT ?`), append(evArgs, want)...)
	if err != nil {
		return nil, fmt.Errorf("timeline events: %w", err)
	}
	evIdx := map[int64]int{}
	var evIDs []int64
	for rows.Next() {
		var it TimelineItem
		var key, typ string
		if err := rows.Scan(&it.ID, &it.Date, &key, &it.Name, &typ, &it.DocID, &it.Evidence.Start, &it.Evidence.End, &it.Evidence.Text); err != nil {
			rows.Close()
			return nil, err
		}
		it.Kind, it.Type, it.Participants = "event", dossier.RelationType(typ), []CoOccurrence{}
		evIdx[it.ID] = len(items)
		evIDs = append(evIDs, it.ID)
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(evIDs) > 0 {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT p.event_id, e.id, e.name, e.type FROM event_participants p
			JOIN entities e ON e.id = p.entity_id WHERE p.event_id IN `+inList(len(evIDs))+` ORDER BY p.event_id, e.id`), int64Args(evIDs)...)
		if err != nil {
			return nil, fmt.Errorf("timeline participants: %w", err)
		}
		for rows.Next() {
			var ev int64
			var c CoOccurrence
			var typ string
			if err := rows.Scan(&ev, &c.ID, &c.Name, &typ); err != nil {
				rows.Close()
				return nil, err
			}
			c.Type = dossier.EntityType(typ)
			it := &items[evIdx[ev]]
			it.Participants = append(it.Participants, c)
		}
		rows.Close()
	}
	for i := range items {
		keys[i] = sortKey(items[i].Date)
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := make([]TimelineItem, 0, limit)
	for n, i := range idx {
		if n < offset {
			continue
		}
		if len(out) == limit {
			break
		}
		out = append(out, items[i])
	}
	return out, nil
}

// sortKey orders partial dates by their first day.
func sortKey(date string) string {
	d, err := dossier.ParseDate(date)
	if err != nil || d.IsZero() {
		return date
	}
	return d.Time().Format("2006-01-02")
}
