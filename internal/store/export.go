package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dossier"
)

// Streaming reads for exports. Each Each* method reads its rows in pages (keyset
// pagination on the row id) or as one cursor, and hands them to a callback one at a time,
// so that an export of a large graph never holds the whole graph in memory. The paged
// methods (EachEntity, EachDocument, EachClaim) close their cursor before calling back,
// so the callback may query the store; EachEdge keeps its cursor open, so its callback
// must not.

// ExportFilter selects the part of the graph the Each* methods read. The zero value
// selects everything.
type ExportFilter struct {
	// Entities, when non-nil, keeps only these canonical entities, the claims and edges
	// with both ends among them and the documents that mention one of them.
	Entities []int64
	// EntityTypes, when set, keeps only entities of these types (and claims and edges
	// whose both ends are of these types).
	EntityTypes []dossier.EntityType
	// RelationTypes, when set, keeps only claims and edges of these types.
	RelationTypes []dossier.RelationType
	// DocID, when set, keeps only the claims of this document (EachClaim only).
	DocID string
	// WithClaims makes EachDocument fill ExportDocument.Claims.
	WithClaims bool
	// Since and Until keep the claims and edges dated inside [Since, Until] (undated ones
	// are kept) and the documents dated inside it (undated ones are kept).
	Since, Until dossier.Date
	// PageSize is the number of rows read per query; 0 means 500 (50 for documents,
	// which carry their text).
	PageSize int
}

func (f ExportFilter) page(def int) int {
	if f.PageSize > 0 {
		return f.PageSize
	}
	return def
}

// check validates the types of f.
func (f ExportFilter) check() error {
	for _, t := range f.EntityTypes {
		if !t.Valid() {
			return fmt.Errorf("entity type %q: %w", t, dossier.ErrInvalid)
		}
	}
	for _, t := range f.RelationTypes {
		if !t.Valid() {
			return fmt.Errorf("relation type %q: %w", t, dossier.ErrInvalid)
		}
	}
	return nil
}

// entityCond returns the conditions of f on an entities table aliased a.
func (f ExportFilter) entityCond(a string) (string, []any) {
	var conds []string
	var args []any
	if f.Entities != nil {
		conds = append(conds, a+".id IN "+inList(len(f.Entities)))
		args = append(args, int64Args(f.Entities)...)
	}
	if len(f.EntityTypes) > 0 {
		conds = append(conds, a+".type IN "+inList(len(f.EntityTypes)))
		for _, t := range f.EntityTypes {
			args = append(args, string(t))
		}
	}
	if len(conds) == 0 {
		return "1=1", nil
	}
	return strings.Join(conds, " AND "), args
}

// relCond returns the conditions of f on a relations table aliased r: live (not rejected)
// claims of the selected types and dates between selected entities.
func (f ExportFilter) relCond() (string, []any) {
	w, args := relFilter{types: f.RelationTypes, since: f.Since, until: f.Until}.where()
	conds := []string{w}
	if f.Entities != nil || len(f.EntityTypes) > 0 {
		for _, side := range []string{"r.src", "r.dst"} {
			c, a := f.entityCond("x")
			conds = append(conds, "EXISTS (SELECT 1 FROM entities x WHERE x.id = "+side+" AND "+c+")")
			args = append(args, a...)
		}
	}
	return strings.Join(conds, " AND "), args
}

// ExportEntity is one canonical entity as exports see it.
type ExportEntity struct {
	EntitySummary
	Lat *float64 `json:"lat,omitempty"`
	Lon *float64 `json:"lon,omitempty"`
	// FirstSeen is when the earliest document naming the entity was ingested: a
	// timestamp that depends on the data only.
	FirstSeen time.Time `json:"first_seen"`
}

// EachEntity calls fn for every canonical entity selected by f, in id order, with its
// live aliases. fn may query the store; an error from fn stops the walk and is returned.
func (s *Store) EachEntity(ctx context.Context, f ExportFilter, fn func(*ExportEntity) error) error {
	if err := f.check(); err != nil {
		return fmt.Errorf("export entities: %w", err)
	}
	cond, cargs := f.entityCond("e")
	var last int64
	for {
		args := append([]any{last}, cargs...)
		args = append(args, f.page(500))
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+entityCols+`, e.lat, e.lon,
			COALESCE((SELECT MIN(d.ingested_at) FROM doc_entities de JOIN documents d ON d.id = de.doc WHERE de.entity_id = e.id), '')
			FROM entities e WHERE e.id > ? AND e.canon_id = e.id AND e.deleted = 0 AND e.doc_count > 0 AND `+cond+`
			ORDER BY e.id LIMIT ?`), args...)
		if err != nil {
			return fmt.Errorf("export entities: %w", err)
		}
		var page []ExportEntity
		var sums []EntitySummary
		for rows.Next() {
			var x ExportEntity
			var typ, first string
			err := rows.Scan(&x.ID, &x.Name, &typ, &x.KBID, &x.Mentions, &x.Docs, &x.Degree, &x.Version, &x.Lat, &x.Lon, &first)
			if err != nil {
				rows.Close()
				return fmt.Errorf("export entities: %w", err)
			}
			x.Type = dossier.EntityType(typ)
			if first != "" {
				x.FirstSeen = parseTime(first)
			}
			page = append(page, x)
			sums = append(sums, x.EntitySummary)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("export entities: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		if err := s.fillAliases(ctx, s.db, sums); err != nil {
			return fmt.Errorf("export entities: %w", err)
		}
		for i := range page {
			page[i].Aliases = sums[i].Aliases
			if err := fn(&page[i]); err != nil {
				return err
			}
		}
		last = page[len(page)-1].ID
	}
}

// ExportDocEntity is one entity of a document's extraction with the canonical entity it
// now stands for.
type ExportDocEntity struct {
	LocalID  string             `json:"local_id"`
	EntityID int64              `json:"entity_id"`
	Name     string             `json:"name"` // the canonical entity's name
	Type     dossier.EntityType `json:"type"`
	KBID     string             `json:"kb_id,omitempty"`
}

// ExportDocument is a stored document with its extraction as extracted (local entity
// ids) and the canonical entities its local entities resolve to.
type ExportDocument struct {
	dossier.Document
	Extractor  string              `json:"extractor"`
	Extraction *dossier.Extraction `json:"extraction"`
	Entities   []ExportDocEntity   `json:"entities"` // in local id order
	// Claims are the document's live claims selected by the filter (in relation id
	// order), when the filter asks for them with WithClaims.
	Claims []ExportClaim `json:"claims,omitempty"`
}

// EachDocument calls fn for every document selected by f, in ingestion order (then
// row order), with its text, its stored extraction and its resolved entities. fn may
// query the store.
func (s *Store) EachDocument(ctx context.Context, f ExportFilter, fn func(*ExportDocument) error) error {
	if err := f.check(); err != nil {
		return fmt.Errorf("export documents: %w", err)
	}
	var conds []string
	var cargs []any
	if f.Entities != nil || len(f.EntityTypes) > 0 {
		c, a := f.entityCond("x")
		conds = append(conds, "EXISTS (SELECT 1 FROM doc_entities de JOIN entities x ON x.id = de.entity_id WHERE de.doc = d.id AND "+c+")")
		cargs = append(cargs, a...)
	}
	if !f.Since.IsZero() {
		conds = append(conds, "(d.date = '' OR d.date >= ?)")
		cargs = append(cargs, f.Since.String())
	}
	if !f.Until.IsZero() {
		conds = append(conds, "(d.date = '' OR d.date <= ?)")
		cargs = append(cargs, f.Until.String()+"~")
	}
	where := ""
	if len(conds) > 0 {
		where = " AND " + strings.Join(conds, " AND ")
	}
	page := f.page(50)
	lastAt, lastID := "", int64(0)
	for {
		args := append([]any{lastAt, lastAt, lastID}, cargs...)
		args = append(args, page)
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT d.id, d.doc_id, d.title, d.date, d.source, d.series, d.lang, d.format,
			d.marking, d.size, d.text, d.footnotes, d.pages, d.ingested_at, d.extractor, d.extraction
			FROM documents d WHERE (d.ingested_at > ? OR (d.ingested_at = ? AND d.id > ?))`+where+`
			ORDER BY d.ingested_at, d.id LIMIT ?`), args...)
		if err != nil {
			return fmt.Errorf("export documents: %w", err)
		}
		var docs []ExportDocument
		var rowids []int64
		var ats []string
		for rows.Next() {
			var x ExportDocument
			var rowid int64
			var date, footnotes, pages, at, ex string
			if err := rows.Scan(&rowid, &x.ID, &x.Title, &date, &x.Source, &x.Series, &x.Lang, &x.Format, &x.Marking,
				&x.Size, &x.Text, &footnotes, &pages, &at, &x.Extractor, &ex); err != nil {
				rows.Close()
				return fmt.Errorf("export documents: %w", err)
			}
			x.Date, _ = dossier.ParseDate(date)
			x.IngestedAt = parseTime(at)
			if err := json.Unmarshal([]byte(footnotes), &x.Footnotes); err != nil {
				rows.Close()
				return fmt.Errorf("export document %s footnotes: %w", x.ID, err)
			}
			if err := json.Unmarshal([]byte(pages), &x.Pages); err != nil {
				rows.Close()
				return fmt.Errorf("export document %s pages: %w", x.ID, err)
			}
			if len(x.Footnotes) == 0 {
				x.Footnotes = nil
			}
			if len(x.Pages) == 0 {
				x.Pages = nil
			}
			x.Extraction = &dossier.Extraction{}
			if err := json.Unmarshal([]byte(ex), x.Extraction); err != nil {
				rows.Close()
				return fmt.Errorf("export document %s extraction: %w", x.ID, err)
			}
			x.Extraction.Normalize()
			docs = append(docs, x)
			rowids = append(rowids, rowid)
			ats = append(ats, at)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("export documents: %w", err)
		}
		if len(docs) == 0 {
			return nil
		}
		idx := make(map[int64]int, len(rowids))
		for i, r := range rowids {
			idx[r] = i
			docs[i].Entities = []ExportDocEntity{}
		}
		if err := s.exportDocEntities(ctx, rowids, func(row int64, e ExportDocEntity) {
			docs[idx[row]].Entities = append(docs[idx[row]].Entities, e)
		}); err != nil {
			return fmt.Errorf("export documents: %w", err)
		}
		if f.WithClaims {
			cond, cargs := f.relCond()
			cond += " AND r.doc IN " + inList(len(rowids))
			cargs = append(cargs, int64Args(rowids)...)
			if err := s.exportClaims(ctx, f, cond, cargs, func(c *ExportClaim) error {
				d := &docs[idx[c.doc]]
				d.Claims = append(d.Claims, *c)
				return nil
			}); err != nil {
				return err
			}
		}
		for i := range docs {
			if err := fn(&docs[i]); err != nil {
				return err
			}
		}
		lastAt, lastID = ats[len(ats)-1], rowids[len(rowids)-1]
	}
}

// exportDocEntities calls fn with the local entities of the documents of rows, with their
// canonical entities, ordered by document and local id.
func (s *Store) exportDocEntities(ctx context.Context, rows []int64, fn func(row int64, e ExportDocEntity)) error {
	rs, err := s.db.QueryContext(ctx, s.q(`SELECT de.doc, de.local_id, e.id, e.name, e.type, COALESCE(e.kb_id, '')
		FROM doc_entities de JOIN entities e ON e.id = de.entity_id WHERE de.doc IN `+inList(len(rows))+`
		ORDER BY de.doc, de.local_id`), int64Args(rows)...)
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		var x ExportDocEntity
		var row int64
		var typ string
		if err := rs.Scan(&row, &x.LocalID, &x.EntityID, &x.Name, &typ, &x.KBID); err != nil {
			return err
		}
		x.Type = dossier.EntityType(typ)
		fn(row, x)
	}
	return rs.Err()
}

// ExportEnd is one end of a claim: a canonical entity and the document's entity it was
// read from.
type ExportEnd struct {
	ID      int64              `json:"id"`
	Name    string             `json:"name"`
	Type    dossier.EntityType `json:"type"`
	KBID    string             `json:"kb_id,omitempty"`
	LocalID string             `json:"local_id"`
}

// ExportClaim is one live (not rejected) relation as its document states it.
type ExportClaim struct {
	Claim
	LocalID string    `json:"local_id"` // the relation's id in its document's extraction
	From    ExportEnd `json:"from"`
	To      ExportEnd `json:"to"`
	// Place is the canonical entity of the relation's place, if any.
	Place *ExportEnd `json:"place,omitempty"`
	// KnownAt is when the claim's document was ingested.
	KnownAt time.Time `json:"known_at"`
	// DocMarking is the marking of the claim's document ("TLP:CLEAR"...).
	DocMarking string `json:"doc_marking"`
	doc        int64  // the document's row
}

// EachClaim calls fn for every live claim selected by f, in relation id order. fn may
// query the store.
func (s *Store) EachClaim(ctx context.Context, f ExportFilter, fn func(*ExportClaim) error) error {
	if err := f.check(); err != nil {
		return fmt.Errorf("export claims: %w", err)
	}
	cond, cargs := f.relCond()
	if f.DocID != "" {
		cond += " AND r.doc = (SELECT id FROM documents WHERE doc_id = ?)"
		cargs = append(cargs, f.DocID)
	}
	return s.exportClaims(ctx, f, cond, cargs, fn)
}

// exportClaims pages through the live claims matching cond, in relation id order.
func (s *Store) exportClaims(ctx context.Context, f ExportFilter, cond string, cargs []any, fn func(*ExportClaim) error) error {
	var last int64
	for {
		args := append([]any{last}, cargs...)
		args = append(args, f.page(500))
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+claimCols+`, r.local_id, r.known_at,
			se.type, COALESCE(se.kb_id, ''), sde.local_id, te.type, COALESCE(te.kb_id, ''), dde.local_id,
			COALESCE(pe.id, 0), COALESCE(pe.name, ''), COALESCE(pe.type, ''), COALESCE(pe.kb_id, ''), COALESCE(pde.local_id, ''), d.marking`+
			claimFrom+` LEFT JOIN doc_entities pde ON pde.id = r.place_de LEFT JOIN entities pe ON pe.id = pde.entity_id
			WHERE r.id > ? AND `+cond+` ORDER BY r.id LIMIT ?`), args...)
		if err != nil {
			return fmt.Errorf("export claims: %w", err)
		}
		var page []ExportClaim
		for rows.Next() {
			var c ExportClaim
			var typ, statusAt, knownAt, st, tt, pt string
			var hedged, negated int
			var origSrc, origDst, doc int64
			var place ExportEnd
			if err := rows.Scan(&c.RelationID, &typ, &c.Subtype, &c.Source, &c.SourceName, &c.Target, &c.TargetName,
				&c.Role, &c.Date, &c.Quantity, &c.AttributedTo, &c.AttributedID, &hedged, &negated, &c.Confidence,
				&c.Status, &statusAt, &c.DocID, &c.DocTitle, &c.DocDate, &c.Evidence.Start, &c.Evidence.End,
				&c.Evidence.Text, &origSrc, &origDst, &doc, &c.LocalID, &knownAt,
				&st, &c.From.KBID, &c.From.LocalID, &tt, &c.To.KBID, &c.To.LocalID,
				&place.ID, &place.Name, &pt, &place.KBID, &place.LocalID, &c.DocMarking); err != nil {
				rows.Close()
				return fmt.Errorf("export claims: %w", err)
			}
			c.Type = dossier.RelationType(typ)
			c.Hedged, c.Negated = hedged != 0, negated != 0
			c.KnownAt = parseTime(knownAt)
			c.doc = doc
			c.From.ID, c.From.Name, c.From.Type = c.Source, c.SourceName, dossier.EntityType(st)
			c.To.ID, c.To.Name, c.To.Type = c.Target, c.TargetName, dossier.EntityType(tt)
			if place.ID != 0 {
				place.Type = dossier.EntityType(pt)
				c.Place = &place
			}
			page = append(page, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("export claims: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for i := range page {
			if err := fn(&page[i]); err != nil {
				return err
			}
		}
		last = page[len(page)-1].RelationID
	}
}

// ExportEdge is an edge with the names of its ends.
type ExportEdge struct {
	Edge
	SourceName string `json:"source_name"`
	TargetName string `json:"target_name"`
}

// EachEdge calls fn for every edge (the live claims of one type between two entities,
// aggregated; symmetric types with Source < Target) selected by f, ordered by source,
// target and type. The cursor stays open while fn runs: fn must not query the store.
func (s *Store) EachEdge(ctx context.Context, f ExportFilter, fn func(*ExportEdge) error) error {
	if err := f.check(); err != nil {
		return fmt.Errorf("export edges: %w", err)
	}
	cond, args := f.relCond()
	sym := symmetricList()
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT g.*, ea.name, eb.name FROM (SELECT MIN(r.id) AS id, r.type AS type,
		CASE WHEN r.type IN `+sym+` AND r.src > r.dst THEN r.dst ELSE r.src END AS a,
		CASE WHEN r.type IN `+sym+` AND r.src > r.dst THEN r.src ELSE r.dst END AS b,
		COUNT(*), COUNT(DISTINCT r.doc),
		COUNT(DISTINCT CASE WHEN r.attr_text IS NULL OR r.attr_text = '' THEN 'd:' || r.doc ELSE 'a:' || LOWER(r.attr_text) END),
		SUM(r.hedged), SUM(r.negated), COALESCE(MIN(NULLIF(r.date, '')), ''), COALESCE(MAX(r.date), '')
		FROM relations r WHERE `+cond+`
		GROUP BY r.type, a, b) g JOIN entities ea ON ea.id = g.a JOIN entities eb ON eb.id = g.b
		ORDER BY g.a, g.b, g.type`), args...)
	if err != nil {
		return fmt.Errorf("export edges: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e ExportEdge
		var typ string
		if err := rows.Scan(&e.ID, &typ, &e.Source, &e.Target, &e.Claims, &e.Docs, &e.Sources, &e.Hedged, &e.Negated,
			&e.First, &e.Last, &e.SourceName, &e.TargetName); err != nil {
			return fmt.Errorf("export edges: %w", err)
		}
		e.Type = dossier.RelationType(typ)
		if err := fn(&e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export edges: %w", err)
	}
	return nil
}

// ExportNeighborhood returns the ids of the entities within depth hops of the entity
// named name (a name, alias or id, as FindEntity takes it), at most limit of them (0
// means 5000), for ExportFilter.Entities.
func (s *Store) ExportNeighborhood(ctx context.Context, name string, depth, limit int, f ExportFilter) ([]int64, error) {
	e, err := s.FindEntity(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("neighborhood: %w", err)
	}
	if limit <= 0 {
		limit = 5000
	}
	g, err := s.Graph(ctx, GraphQuery{Center: []int64{e.ID}, Depth: depth, EntityTypes: f.EntityTypes,
		RelationTypes: f.RelationTypes, Since: f.Since, Until: f.Until, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("neighborhood of %q: %w", name, err)
	}
	ids := make([]int64, 0, len(g.Nodes))
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	return ids, nil
}

// GlobalExtraction returns the document's extraction in the SCHEMA.md shape with its
// document header and the entity ids replaced by the global ids (as decimal strings) of
// the entities they were resolved to, as Extraction returns it, without querying the
// store again.
func (d *ExportDocument) GlobalExtraction() *dossier.Extraction {
	ids := make(map[string]string, len(d.Entities))
	for _, e := range d.Entities {
		ids[e.LocalID] = strconv.FormatInt(e.EntityID, 10)
	}
	mapID := func(p *string) {
		if p != nil {
			if g, ok := ids[*p]; ok {
				*p = g
			}
		}
	}
	src := d.Extraction
	if src == nil {
		src = &dossier.Extraction{}
	}
	ex := &dossier.Extraction{
		Document:  &dossier.DocumentInfo{ID: d.ID, Title: d.Title, Date: d.Date.String(), Source: d.Source, Series: d.Series, Lang: d.Lang},
		Entities:  append([]dossier.Entity(nil), src.Entities...),
		Relations: append([]dossier.Relation(nil), src.Relations...),
		Events:    append([]dossier.Event(nil), src.Events...),
	}
	clone := func(p *string) *string {
		if p == nil {
			return nil
		}
		v := *p
		return &v
	}
	for i := range ex.Entities {
		mapID(&ex.Entities[i].ID)
	}
	for i := range ex.Relations {
		r := &ex.Relations[i]
		r.Place, r.AttributedTo = clone(r.Place), clone(r.AttributedTo)
		mapID(&r.Source)
		mapID(&r.Target)
		mapID(r.Place)
		mapID(r.AttributedTo)
	}
	for i := range ex.Events {
		v := &ex.Events[i]
		v.Place = clone(v.Place)
		v.Participants = append([]string(nil), v.Participants...)
		mapID(v.Place)
		for j := range v.Participants {
			mapID(&v.Participants[j])
		}
	}
	ex.Normalize()
	return ex
}
