package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dossier"
)

// HasDocument reports whether a document with exactly this id is stored.
func (s *Store) HasDocument(ctx context.Context, id string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM documents WHERE doc_id = ?`), id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("has document %s: %w", id, err)
	}
	return n > 0, nil
}

// PutDocument stores a document and its extraction in one transaction: the document row,
// its full-text index entry, its entities resolved against the entities of earlier
// documents, mentions, relations and events. A document already stored (same id) is left
// untouched and reported with New false. extractor names the extractor and its version.
func (s *Store) PutDocument(ctx context.Context, doc *dossier.Document, ex *dossier.Extraction, extractor string) (PutResult, error) {
	return s.PutDocumentWith(ctx, doc, ex, PutOptions{Extractor: extractor})
}

// PutDocumentWith is PutDocument with options: with a fingerprint, the document is also
// linked to the earliest stored document it nearly duplicates (see PutOptions), in the
// same transaction.
func (s *Store) PutDocumentWith(ctx context.Context, doc *dossier.Document, ex *dossier.Extraction, opt PutOptions) (PutResult, error) {
	if doc == nil || doc.ID == "" {
		return PutResult{}, fmt.Errorf("put document: missing id: %w", dossier.ErrInvalid)
	}
	if ex == nil {
		ex = &dossier.Extraction{}
	}
	if err := ex.CheckSpans(doc.Text); err != nil {
		return PutResult{}, fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	res := PutResult{ID: doc.ID}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM documents WHERE doc_id = ?`), doc.ID).Scan(&n); err != nil {
			return fmt.Errorf("look up: %w", err)
		}
		if n > 0 {
			return nil
		}
		res.New = true
		dup, err := s.putDocument(ctx, tx, doc, ex, opt)
		res.DuplicateOf = dup
		return err
	})
	if err != nil {
		return PutResult{}, fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	return res, nil
}

func (s *Store) fail(stage string) error {
	if s.opt.Fail == nil {
		return nil
	}
	if err := s.opt.Fail(stage); err != nil {
		return fmt.Errorf("stage %s: %w", stage, err)
	}
	return nil
}

// putDocument inserts a new document and its extraction; it returns the id of the
// document it nearly duplicates, if any.
func (s *Store) putDocument(ctx context.Context, tx *sql.Tx, doc *dossier.Document, ex *dossier.Extraction, opt PutOptions) (string, error) {
	marking := doc.Marking
	if marking == "" {
		marking = dossier.DefaultMarking
	}
	ingested := doc.IngestedAt
	if ingested.IsZero() {
		ingested = s.now()
	}
	footnotes, err := json.Marshal(orEmpty(doc.Footnotes))
	if err != nil {
		return "", fmt.Errorf("footnotes: %w", err)
	}
	pages, err := json.Marshal(orEmpty(doc.Pages))
	if err != nil {
		return "", fmt.Errorf("pages: %w", err)
	}
	exData, err := encodeExtraction(ex)
	if err != nil {
		return "", fmt.Errorf("encode extraction: %w", err)
	}
	var rowid int64
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO documents
		(doc_id, title, date, source, series, lang, format, marking, size, text, footnotes, pages,
		 ingested_at, extractor, extraction, n_entities, n_relations, sketch)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id`),
		doc.ID, doc.Title, doc.Date.String(), doc.Source, doc.Series, doc.Lang, doc.Format, marking,
		doc.Size, doc.Text, string(footnotes), string(pages), fmtTime(ingested), opt.Extractor,
		exData, len(ex.Entities), len(ex.Relations), sketchArg(opt.Sketch)).Scan(&rowid)
	if err != nil {
		return "", fmt.Errorf("insert document: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.q(s.d.FTSInsert), rowid, doc.Title, doc.Text); err != nil {
		return "", fmt.Errorf("index document: %w", err)
	}
	dupRow, dupID, err := s.linkNearDuplicate(ctx, tx, rowid, opt)
	if err != nil {
		return "", fmt.Errorf("near duplicates: %w", err)
	}
	if err := s.fail("document"); err != nil {
		return "", err
	}
	_, err = s.insertExtraction(ctx, tx, rowid, dupRow, doc.Date.String(), fmtTime(ingested), ex, true)
	return dupID, err
}

// insertExtraction stores the entities, mentions, relations and events of a document
// already stored as rowid (a near duplicate of document dupOf when that is not 0),
// resolving its entities. With incremental set it also updates
// the counts of the entities and the stored edges; otherwise the caller recounts and
// rebuilds them. It returns the canonical entities the document's entities resolved to.
func (s *Store) insertExtraction(ctx context.Context, tx *sql.Tx, rowid, dupOf int64, docDate, knownAt string, ex *dossier.Extraction, incremental bool) ([]int64, error) {
	pc := newStmtCache(tx)
	defer pc.close()
	r := &resolver{s: s, tx: tx, pc: pc, ctx: ctx}
	if err := r.load(ex.Entities); err != nil {
		return nil, err
	}
	local := make(map[string]localEntity, len(ex.Entities))
	counts := map[int64]*entityDelta{}
	delta := func(id int64) *entityDelta {
		d := counts[id]
		if d == nil {
			d = &entityDelta{}
			counts[id] = d
		}
		return d
	}
	// The document's entities are resolved one by one, then stored with their mentions
	// in a few multi-row statements.
	deRows := make([][]any, 0, len(ex.Entities))
	canons := make([]int64, 0, len(ex.Entities))
	for i := range ex.Entities {
		e := &ex.Entities[i]
		if e.ID == "" {
			return nil, fmt.Errorf("entity %d has no id: %w", i, dossier.ErrInvalid)
		}
		if _, dup := local[e.ID]; dup {
			return nil, fmt.Errorf("entity id %s repeated: %w", e.ID, dossier.ErrInvalid)
		}
		if !e.Type.Valid() {
			return nil, fmt.Errorf("entity %s: type %q: %w", e.ID, e.Type, dossier.ErrInvalid)
		}
		dec, err := r.resolve(e)
		if err != nil {
			return nil, fmt.Errorf("resolve entity %s: %w", e.ID, err)
		}
		aliases, _ := json.Marshal(orEmpty(e.Aliases))
		roles, _ := json.Marshal(orEmpty(e.Roles))
		deRows = append(deRows, []any{rowid, e.ID, dec.entity, dec.canon, e.Name, string(e.Type), nullStr(e.KBID),
			string(aliases), string(roles), dec.rule, dec.evidence})
		canons = append(canons, dec.canon)
		local[e.ID] = localEntity{canon: dec.canon, name: e.Name}
	}
	deIDs, err := s.insertRows(ctx, pc, `INSERT INTO doc_entities
		(doc, local_id, orig_entity_id, entity_id, name, type, kb_id, aliases, roles, rule, evidence) VALUES `, deRows, true)
	if err != nil {
		return nil, fmt.Errorf("insert entities: %w", err)
	}
	var mentionRows [][]any
	for i := range ex.Entities {
		e := &ex.Entities[i]
		le := local[e.ID]
		le.de = deIDs[i]
		local[e.ID] = le
		d := delta(canons[i])
		d.docs = 1
		for _, m := range e.Mentions {
			mentionRows = append(mentionRows, []any{rowid, le.de, le.canon, m.Start, m.End, m.Text, string(m.Form)})
			d.mentions++
		}
	}
	if _, err := s.insertRows(ctx, pc, `INSERT INTO mentions (doc, de_id, entity_id, start_off, end_off, text, form) VALUES `, mentionRows, false); err != nil {
		return nil, fmt.Errorf("insert mentions: %w", err)
	}
	if err := s.fail("entities"); err != nil {
		return nil, err
	}
	var sourceDoc any // the original of the document's near-duplicate cluster
	if dupOf != 0 {
		sourceDoc = dupOf
	}
	relRows := make([][]any, 0, len(ex.Relations))
	relEdges := make([]*edgeDelta, 0, len(ex.Relations))
	edges := map[edgeKey]*edgeDelta{}
	var edgeOrder []edgeKey
	for i := range ex.Relations {
		rel := &ex.Relations[i]
		src, ok1 := local[rel.Source]
		dst, ok2 := local[rel.Target]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("relation %s: unknown entity %s or %s: %w", rel.ID, rel.Source, rel.Target, dossier.ErrInvalid)
		}
		if !rel.Type.Valid() {
			return nil, fmt.Errorf("relation %s: type %q: %w", rel.ID, rel.Type, dossier.ErrInvalid)
		}
		date, key := effectiveDate(rel.Date, docDate)
		var placeDE, attrDE any
		if rel.Place != nil {
			if p, ok := local[*rel.Place]; ok {
				placeDE = p.de
			}
		}
		var attrText any
		if rel.AttributedTo != nil && *rel.AttributedTo != "" {
			if a, ok := local[*rel.AttributedTo]; ok {
				attrDE, attrText = a.de, a.name
			} else {
				attrText = *rel.AttributedTo
			}
		}
		relRows = append(relRows, []any{rowid, rel.ID, string(rel.Type), nullStr(rel.Subtype), src.de, dst.de, src.canon, dst.canon,
			nullStr(rel.Role), date, key, placeDE, nullStr(rel.Quantity), attrText, attrDE,
			b2i(rel.Hedged), b2i(rel.Negated), rel.Confidence, rel.Evidence.Start, rel.Evidence.End,
			rel.Evidence.Text, knownAt, sourceDoc})
		k := keyOf(&Claim{Type: rel.Type, Source: src.canon, Target: dst.canon})
		ed := edges[k]
		if ed == nil {
			ed = &edgeDelta{key: k, attributions: map[string]bool{}}
			edges[k] = ed
			edgeOrder = append(edgeOrder, k)
		}
		relEdges = append(relEdges, ed)
		ed.claims++
		ed.hedged += b2i(rel.Hedged)
		ed.neg += b2i(rel.Negated)
		if date != "" && (ed.first == "" || date < ed.first) {
			ed.first = date
		}
		if date > ed.last {
			ed.last = date
		}
		if a, ok := attrText.(string); ok {
			ed.attributions[strings.ToLower(a)] = true
		} else {
			ed.unattributed = true
		}
		delta(src.canon).degree++
		if dst.canon != src.canon {
			delta(dst.canon).degree++
		}
	}
	relIDs, err := s.insertRows(ctx, pc, `INSERT INTO relations
		(doc, local_id, type, subtype, src_de, dst_de, src, dst, role, date, date_key, place_de, quantity,
		 attr_text, attr_de, hedged, negated, confidence, ev_start, ev_end, ev_text, known_at, source_doc) VALUES `, relRows, true)
	if err != nil {
		return nil, fmt.Errorf("insert relations: %w", err)
	}
	for i, ed := range relEdges {
		if ed.relID == 0 || relIDs[i] < ed.relID {
			ed.relID = relIDs[i]
		}
	}
	if incremental {
		if err := s.addEdges(ctx, pc, rowid, dupOf, edges, edgeOrder); err != nil {
			return nil, err
		}
	}
	if err := s.fail("relations"); err != nil {
		return nil, err
	}
	evRows := make([][]any, 0, len(ex.Events))
	for i := range ex.Events {
		ev := &ex.Events[i]
		date, key := effectiveDate(ev.Date, docDate)
		var placeDE any
		if ev.Place != nil {
			if p, ok := local[*ev.Place]; ok {
				placeDE = p.de
			}
		}
		for _, p := range ev.Participants {
			if _, ok := local[p]; !ok {
				return nil, fmt.Errorf("event %s: unknown participant %s: %w", ev.ID, p, dossier.ErrInvalid)
			}
		}
		evRows = append(evRows, []any{rowid, ev.ID, nullStr(ev.Name), string(ev.Type), date, key, placeDE,
			ev.Evidence.Start, ev.Evidence.End, ev.Evidence.Text, knownAt})
	}
	evIDs, err := s.insertRows(ctx, pc, `INSERT INTO events (doc, local_id, name, type, date, date_key, place_de, ev_start, ev_end, ev_text, known_at) VALUES `, evRows, true)
	if err != nil {
		return nil, fmt.Errorf("insert events: %w", err)
	}
	var partRows [][]any
	for i := range ex.Events {
		seen := map[int64]bool{}
		for _, p := range ex.Events[i].Participants {
			le := local[p]
			if seen[le.de] {
				continue
			}
			seen[le.de] = true
			partRows = append(partRows, []any{evIDs[i], le.de, le.canon})
		}
	}
	if _, err := s.insertRows(ctx, pc, `INSERT INTO event_participants (event_id, de_id, entity_id) VALUES `, partRows, false); err != nil {
		return nil, fmt.Errorf("insert event participants: %w", err)
	}
	if err := s.fail("events"); err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(counts))
	countRows := make([][]any, 0, len(counts))
	for id, d := range counts {
		ids = append(ids, id)
		countRows = append(countRows, []any{id, d.mentions, d.docs, d.degree})
	}
	if incremental {
		if err := s.addCounts(ctx, pc, countRows); err != nil {
			return nil, fmt.Errorf("update entity counts: %w", err)
		}
	}
	return ids, s.fail("commit")
}

// maxInsertArgs bounds the arguments of one multi-row statement (SQLite allows 32,766,
// PostgreSQL 65,535).
const maxInsertArgs = 8000

// insertRows runs head followed by one "(?,...)" per row, in chunks of rows that keep
// under maxInsertArgs arguments. With ids set it returns the ids of the new rows in the
// order of rows: a multi-row INSERT numbers its rows in order, so the ids returned, in
// ascending order, are those of rows.
func (s *Store) insertRows(ctx context.Context, pc *stmtCache, head string, rows [][]any, ids bool) ([]int64, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	width := len(rows[0])
	per := max(1, maxInsertArgs/width)
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?,", width), ",") + ")"
	var out []int64
	if ids {
		out = make([]int64, 0, len(rows))
	}
	for len(rows) > 0 {
		n := min(per, len(rows))
		chunk := rows[:n]
		rows = rows[n:]
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, n*width)
		for i, r := range chunk {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(tuple)
			args = append(args, r...)
		}
		if !ids {
			if _, err := pc.ExecContext(ctx, s.q(b.String()), args...); err != nil {
				return nil, err
			}
			continue
		}
		b.WriteString(" RETURNING id")
		rs, err := pc.QueryContext(ctx, s.q(b.String()), args...)
		if err != nil {
			return nil, err
		}
		got, err := collect(rs, scanID)
		if err != nil {
			return nil, fmt.Errorf("returned ids: %w", err)
		}
		if len(got) != n {
			return nil, fmt.Errorf("insert returned %d ids for %d rows", len(got), n)
		}
		slices.Sort(got)
		out = append(out, got...)
	}
	return out, nil
}

// addCounts adds to the counts of entities; each row is (id, mentions, docs, degree).
func (s *Store) addCounts(ctx context.Context, pc *stmtCache, rows [][]any) error {
	// Sorted, so that the statement text and the order of updates are the same from run
	// to run.
	slices.SortFunc(rows, func(a, b []any) int { return cmp.Compare(a[0].(int64), b[0].(int64)) })
	per := maxInsertArgs / 4
	for len(rows) > 0 {
		n := min(per, len(rows))
		chunk := rows[:n]
		rows = rows[n:]
		args := make([]any, 0, 4*n)
		tuples := make([]string, n)
		for i, r := range chunk {
			// Typed, so that an engine that infers types from context (PostgreSQL)
			// does not read them as text.
			tuples[i] = "(CAST(? AS BIGINT),CAST(? AS BIGINT),CAST(? AS BIGINT),CAST(? AS BIGINT))"
			args = append(args, r...)
		}
		if _, err := pc.ExecContext(ctx, s.q(`UPDATE entities SET mention_count = mention_count + v.column2,
			doc_count = doc_count + v.column3, degree = degree + v.column4
			FROM (VALUES `+strings.Join(tuples, ",")+`) AS v WHERE entities.id = v.column1`), args...); err != nil {
			return err
		}
	}
	return nil
}

type localEntity struct {
	de, canon int64
	name      string
}

type entityDelta struct{ mentions, docs, degree int }

// effectiveDate returns the date a relation or event is filed under: its own, else the
// document's; and the first day of that date as a sortable key ("" when undated).
func effectiveDate(own *string, docDate string) (string, string) {
	d := docDate
	if own != nil && strings.TrimSpace(*own) != "" {
		d = strings.TrimSpace(*own)
	}
	pd, err := dossier.ParseDate(d)
	if err != nil || pd.IsZero() {
		if d == docDate {
			return "", ""
		}
		return effectiveDate(nil, docDate)
	}
	return pd.String(), pd.Time().Format("2006-01-02")
}

// endKey returns the last day covered by d as a sortable key.
func endKey(d dossier.Date) string {
	switch d.Precision() {
	case dossier.PrecisionYear:
		return fmt.Sprintf("%04d-12-31", d.Year)
	case dossier.PrecisionMonth:
		return d.Time().AddDate(0, 1, -1).Format("2006-01-02")
	case dossier.PrecisionDay:
		return d.Time().Format("2006-01-02")
	}
	return ""
}

func orEmpty[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// docRowID resolves a document id or unique prefix ("sha256:ab12" or "ab12").
func (s *Store) docRowID(ctx context.Context, q querier, idOrPrefix string) (int64, string, error) {
	p := strings.ToLower(strings.TrimSpace(idOrPrefix))
	p = strings.TrimPrefix(p, "sha256:")
	if p == "" {
		return 0, "", fmt.Errorf("document %q: empty id: %w", idOrPrefix, dossier.ErrInvalid)
	}
	for _, c := range p {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return 0, "", fmt.Errorf("document %q: %w", idOrPrefix, dossier.ErrNotFound)
		}
	}
	lo := "sha256:" + p
	rows, err := q.QueryContext(ctx, s.q(`SELECT id, doc_id FROM documents WHERE doc_id >= ? AND doc_id < ? ORDER BY doc_id LIMIT 2`), lo, lo+"~")
	if err != nil {
		return 0, "", fmt.Errorf("document %s: %w", idOrPrefix, err)
	}
	var ids []int64
	var docIDs []string
	err = eachRow(rows, func(rows *sql.Rows) error {
		var id int64
		var d string
		if err := rows.Scan(&id, &d); err != nil {
			return err
		}
		ids, docIDs = append(ids, id), append(docIDs, d)
		return nil
	})
	if err != nil {
		return 0, "", fmt.Errorf("document %s: %w", idOrPrefix, err)
	}
	switch {
	case len(ids) == 0:
		return 0, "", notFound("document", idOrPrefix)
	case len(ids) > 1 && docIDs[0] != lo:
		return 0, "", fmt.Errorf("document prefix %s is ambiguous (%s, %s, ...): %w", idOrPrefix, docIDs[0], docIDs[1], dossier.ErrConflict)
	}
	return ids[0], docIDs[0], nil
}

// Document returns a stored document by id or unique id prefix.
func (s *Store) Document(ctx context.Context, idOrPrefix string) (*dossier.Document, error) {
	rowid, _, err := s.docRowID(ctx, s.db, idOrPrefix)
	if err != nil {
		return nil, err
	}
	var d dossier.Document
	var date, footnotes, pages, ingested string
	err = s.db.QueryRowContext(ctx, s.q(`SELECT doc_id, title, date, source, series, lang, format, marking, size, text,
		footnotes, pages, ingested_at FROM documents WHERE id = ?`), rowid).Scan(&d.ID, &d.Title, &date, &d.Source,
		&d.Series, &d.Lang, &d.Format, &d.Marking, &d.Size, &d.Text, &footnotes, &pages, &ingested)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", idOrPrefix, err)
	}
	d.Date, _ = dossier.ParseDate(date)
	d.IngestedAt = parseTime(ingested)
	if err := json.Unmarshal([]byte(footnotes), &d.Footnotes); err != nil {
		return nil, fmt.Errorf("document %s footnotes: %w", d.ID, err)
	}
	if err := json.Unmarshal([]byte(pages), &d.Pages); err != nil {
		return nil, fmt.Errorf("document %s pages: %w", d.ID, err)
	}
	if len(d.Footnotes) == 0 {
		d.Footnotes = nil
	}
	if len(d.Pages) == 0 {
		d.Pages = nil
	}
	return &d, nil
}

// Extraction returns a document's extraction as stored, with the entity ids replaced by
// the global ids (as decimal strings) of the entities they were resolved to.
func (s *Store) Extraction(ctx context.Context, docID string) (*dossier.Extraction, error) {
	rowid, _, err := s.docRowID(ctx, s.db, docID)
	if err != nil {
		return nil, err
	}
	var exData []byte
	var id, title, date, source, series, lang, text string
	err = s.db.QueryRowContext(ctx, s.q(`SELECT extraction, doc_id, title, date, source, series, lang, text FROM documents WHERE id = ?`), rowid).
		Scan(&exData, &id, &title, &date, &source, &series, &lang, &text)
	if err != nil {
		return nil, fmt.Errorf("extraction %s: %w", docID, err)
	}
	ex, err := decodeExtraction(exData, text)
	if err != nil {
		return nil, fmt.Errorf("extraction %s: %w", docID, err)
	}
	ex.Document = &dossier.DocumentInfo{ID: id, Title: title, Date: date, Source: source, Series: series, Lang: lang}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT local_id, entity_id FROM doc_entities WHERE doc = ?`), rowid)
	if err != nil {
		return nil, fmt.Errorf("extraction %s: %w", docID, err)
	}
	ids := map[string]string{}
	err = eachRow(rows, func(rows *sql.Rows) error {
		var l string
		var g int64
		if err := rows.Scan(&l, &g); err != nil {
			return err
		}
		ids[l] = strconv.FormatInt(g, 10)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("extraction %s: entity ids: %w", docID, err)
	}
	mapID := func(p *string) {
		if p != nil {
			if g, ok := ids[*p]; ok {
				*p = g
			}
		}
	}
	for i := range ex.Entities {
		mapID(&ex.Entities[i].ID)
	}
	for i := range ex.Relations {
		r := &ex.Relations[i]
		mapID(&r.Source)
		mapID(&r.Target)
		mapID(r.Place)
		mapID(r.AttributedTo)
	}
	for i := range ex.Events {
		v := &ex.Events[i]
		mapID(v.Place)
		for j := range v.Participants {
			mapID(&v.Participants[j])
		}
	}
	ex.Normalize()
	return ex, nil
}

// Documents lists stored documents, most recently ingested first.
func (s *Store) Documents(ctx context.Context, q DocQuery) ([]DocSummary, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where, args := "", []any{}
	if !q.KnownAt.IsZero() {
		where = "WHERE ingested_at <= ?"
		args = append(args, fmtTime(q.KnownAt))
	}
	args = append(args, limit, max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT doc_id, title, date, source, series, lang, format, marking, size,
		extractor, ingested_at, n_entities, n_relations,
		COALESCE((SELECT o.doc_id FROM documents o WHERE o.id = documents.dup_of), '') FROM documents `+where+`
		ORDER BY ingested_at DESC, id DESC LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	out, err := collect(rows, func(sc scanner) (DocSummary, error) {
		var d DocSummary
		var at string
		err := sc.Scan(&d.ID, &d.Title, &d.Date, &d.Source, &d.Series, &d.Lang, &d.Format, &d.Marking,
			&d.Size, &d.Extractor, &at, &d.Entities, &d.Relations, &d.DuplicateOf)
		d.IngestedAt = parseTime(at)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return out, nil
}

// Search finds documents whose title or text match q. Every term of q is quoted, so no
// input is read as query syntax; a trailing * asks for a prefix, "quoted words" a phrase,
// and OR between terms an alternative. A query with no terms is ErrInvalid.
func (s *Store) Search(ctx context.Context, q string, limit int) ([]SearchHit, error) {
	return s.SearchMarked(ctx, q, limit, s.opt.Open, s.opt.Close)
}

// SearchMarked is Search with the snippet markers given per call, so that a caller such as
// the web UI can pass markers that survive its escaping and then turn them into
// highlighting.
func (s *Store) SearchMarked(ctx context.Context, q string, limit int, open, close string) ([]SearchHit, error) {
	if limit <= 0 {
		limit = 20
	}
	match, err := s.d.FTSMatch(q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	rows, err := s.db.QueryContext(ctx, s.q(s.d.FTSSearch), match, open, close, limit)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("search %q: %w", q, ctx.Err())
		}
		return nil, fmt.Errorf("search %q: %v: %w", q, err, dossier.ErrInvalid)
	}
	defer rows.Close()
	out := []SearchHit{}
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.DocID, &h.Title, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %v: %w", q, err, dossier.ErrInvalid)
	}
	return out, nil
}
