package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"dossier"
)

// Curation. Every action runs in one transaction that also appends its audit row, and
// returns that row's id, which Undo takes. An action on an entity bumps its version; a
// caller that read an entity at some version can pass it with ExpectVersion, and the
// action then fails with ErrConflict if another client changed the entity meanwhile.

type versionKey struct{}

// ExpectVersion returns a context that makes the next curation action on an entity fail
// with ErrConflict unless the entity (the kept one, for a merge) is still at version v.
func ExpectVersion(ctx context.Context, v int64) context.Context {
	return context.WithValue(ctx, versionKey{}, v)
}

func expectedVersion(ctx context.Context) (int64, bool) {
	v, ok := ctx.Value(versionKey{}).(int64)
	return v, ok
}

// audit appends one audit row and returns its id.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, actor, action, target string, before, after any) (int64, error) {
	if strings.TrimSpace(actor) == "" {
		return 0, fmt.Errorf("%s: empty actor: %w", action, dossier.ErrInvalid)
	}
	b, err := json.Marshal(before)
	if err != nil {
		return 0, fmt.Errorf("audit %s: before: %w", action, err)
	}
	a, err := json.Marshal(after)
	if err != nil {
		return 0, fmt.Errorf("audit %s: after: %w", action, err)
	}
	var id int64
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO audit (actor, at, action, target, before, after) VALUES (?,?,?,?,?,?) RETURNING id`),
		actor, fmtTime(s.now()), action, target, string(b), string(a)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("audit %s: %w", action, err)
	}
	return id, nil
}

// lockEntity resolves id to its canonical entity inside tx, checks the expected version
// when the context carries one, and bumps the version.
func (s *Store) lockEntity(ctx context.Context, tx *sql.Tx, id int64, check bool) (*EntitySummary, error) {
	e, err := s.entity(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if v, ok := expectedVersion(ctx); ok && check && v != e.Version {
		return nil, fmt.Errorf("entity %d is at version %d, not %d: changed by someone else: %w", e.ID, e.Version, v, dossier.ErrConflict)
	}
	res, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET version = version + 1 WHERE id = ? AND version = ?`), e.ID, e.Version)
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", e.ID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return nil, fmt.Errorf("entity %d changed concurrently: %w", e.ID, dossier.ErrConflict)
	}
	e.Version++
	return e, nil
}

// entityState is the audited state of an entity.
type entityState struct {
	ID      int64              `json:"id"`
	Name    string             `json:"name"`
	Type    dossier.EntityType `json:"type"`
	KBID    string             `json:"kb_id,omitempty"`
	Aliases []string           `json:"aliases,omitempty"`
}

func stateOf(e *EntitySummary) entityState {
	return entityState{ID: e.ID, Name: e.Name, Type: e.Type, KBID: e.KBID, Aliases: e.Aliases}
}

// refreshCanon recomputes the canonical entity of every entity whose canonical entity is
// one of roots (and of the roots), then re-points the rows that carry canonical ids and
// recounts the entities concerned.
func (s *Store) refreshCanon(ctx context.Context, tx *sql.Tx, roots []int64) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT id, canon_id, COALESCE(merged_into, 0) FROM entities
		WHERE canon_id IN `+inList(len(roots))+` OR id IN `+inList(len(roots))), append(int64Args(roots), int64Args(roots)...)...)
	if err != nil {
		return fmt.Errorf("canon: %w", err)
	}
	type ent struct{ canon, into int64 }
	group := map[int64]*ent{}
	err = eachRow(rows, func(rows *sql.Rows) error {
		var id int64
		var e ent
		if err := rows.Scan(&id, &e.canon, &e.into); err != nil {
			return err
		}
		group[id] = &e
		return nil
	})
	if err != nil {
		return fmt.Errorf("canon: %w", err)
	}
	into := func(id int64) (int64, error) {
		if e, ok := group[id]; ok {
			return e.into, nil
		}
		var v int64
		err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(merged_into, 0) FROM entities WHERE id = ?`), id).Scan(&v)
		return v, err
	}
	var changed []int64
	affected := map[int64]bool{}
	for id, e := range group {
		c := id
		for i := 0; i < 1000; i++ {
			n, err := into(c)
			if err != nil {
				return fmt.Errorf("canon of %d: %w", id, err)
			}
			if n == 0 {
				break
			}
			c = n
		}
		if c != e.canon {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET canon_id = ? WHERE id = ?`), c, id); err != nil {
				return fmt.Errorf("canon of %d: %w", id, err)
			}
			changed = append(changed, id)
			affected[c], affected[e.canon] = true, true
		}
	}
	if len(changed) > 0 {
		if err := s.repoint(ctx, tx, changed); err != nil {
			return err
		}
	}
	var ids []int64
	for id := range affected {
		ids = append(ids, id)
	}
	if err := s.recount(ctx, tx, ids); err != nil {
		return err
	}
	return s.rebuildEdges(ctx, tx, ids)
}

// repoint copies the canonical ids of the given stored entities into the rows of their
// documents' entities, mentions, relations and event participants.
func (s *Store) repoint(ctx context.Context, tx *sql.Tx, origIDs []int64) error {
	in := inList(len(origIDs))
	a := int64Args(origIDs)
	stmts := []string{
		`UPDATE doc_entities SET entity_id = (SELECT canon_id FROM entities WHERE entities.id = doc_entities.orig_entity_id)
			WHERE orig_entity_id IN ` + in,
		`UPDATE mentions SET entity_id = (SELECT entity_id FROM doc_entities WHERE doc_entities.id = mentions.de_id)
			WHERE de_id IN (SELECT id FROM doc_entities WHERE orig_entity_id IN ` + in + `)`,
		`UPDATE relations SET src = (SELECT entity_id FROM doc_entities WHERE doc_entities.id = relations.src_de)
			WHERE src_de IN (SELECT id FROM doc_entities WHERE orig_entity_id IN ` + in + `)`,
		`UPDATE relations SET dst = (SELECT entity_id FROM doc_entities WHERE doc_entities.id = relations.dst_de)
			WHERE dst_de IN (SELECT id FROM doc_entities WHERE orig_entity_id IN ` + in + `)`,
		`UPDATE event_participants SET entity_id = (SELECT entity_id FROM doc_entities WHERE doc_entities.id = event_participants.de_id)
			WHERE de_id IN (SELECT id FROM doc_entities WHERE orig_entity_id IN ` + in + `)`,
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, s.q(st), a...); err != nil {
			return fmt.Errorf("repoint: %w", err)
		}
	}
	return nil
}

// recount recomputes the mention, document and degree counts of entities.
func (s *Store) recount(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET
			mention_count = (SELECT COUNT(*) FROM mentions WHERE entity_id = ?),
			doc_count = (SELECT COUNT(DISTINCT doc) FROM doc_entities WHERE entity_id = ?),
			degree = (SELECT COUNT(*) FROM relations WHERE (src = ? OR dst = ?) AND status <> 'rejected')
			WHERE id = ?`), id, id, id, id, id); err != nil {
			return fmt.Errorf("recount %d: %w", id, err)
		}
	}
	return nil
}

type mergeState struct {
	Keep entityState `json:"keep"`
	Drop entityState `json:"drop"`
}

// Merge merges entity drop into entity keep: drop's documents, mentions, relations and
// aliases count for keep from now on, including in documents stored later. Merging an
// entity with itself is ErrInvalid; merging two entities already merged is ErrConflict.
func (s *Store) Merge(ctx context.Context, actor string, keep, drop int64) (int64, error) {
	if keep == drop {
		return 0, fmt.Errorf("merge %d into itself: %w", drop, dossier.ErrInvalid)
	}
	var action int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		k, err := s.lockEntity(ctx, tx, keep, true)
		if err != nil {
			return err
		}
		d, err := s.entity(ctx, tx, drop)
		if err != nil {
			return err
		}
		if d.ID == k.ID {
			return fmt.Errorf("entities %d and %d are already one entity: %w", keep, drop, dossier.ErrConflict)
		}
		if _, err := s.lockEntity(ctx, tx, d.ID, false); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET merged_into = ? WHERE id = ?`), k.ID, d.ID); err != nil {
			return fmt.Errorf("mark %d merged: %w", d.ID, err)
		}
		if err := s.refreshCanon(ctx, tx, []int64{d.ID}); err != nil {
			return err
		}
		after, err := s.entity(ctx, tx, k.ID)
		if err != nil {
			return err
		}
		action, err = s.audit(ctx, tx, actor, "merge", "entity:"+itoa(k.ID),
			mergeState{Keep: stateOf(k), Drop: stateOf(d)}, mergeState{Keep: stateOf(after), Drop: stateOf(d)})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO merges (action_id, keep_id, drop_id, at) VALUES (?,?,?,?)`), action, k.ID, d.ID, fmtTime(s.now())); err != nil {
			return fmt.Errorf("record merge: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("merge %d into %d: %w", drop, keep, err)
	}
	return action, nil
}

type splitState struct {
	Entity     entityState `json:"entity"`
	New        int64       `json:"new"`
	Aliases    []string    `json:"aliases"`
	DocEnts    [][2]int64  `json:"doc_entities"` // (doc entity, its entity before)
	AliasRows  []aliasRow  `json:"alias_rows"`   // alias rows moved to the new entity
	NewAliases []string    `json:"new_aliases"`
}

type aliasRow struct {
	Entity  int64  `json:"entity"`
	Norm    string `json:"norm"`
	Alias   string `json:"alias"`
	Origin  string `json:"origin"`
	Removed int    `json:"removed"`
}

// Split moves the given aliases of an entity, and the documents' entities named by them,
// to a new entity of the same type, and returns the new entity's id. It takes no audit
// id back: Audit lists it under the entity.
func (s *Store) Split(ctx context.Context, actor string, id int64, aliases []string) (int64, error) {
	norms := map[string]bool{}
	var clean []string
	for _, a := range aliases {
		if n := normName(a); n != "" && !norms[n] {
			norms[n] = true
			clean = append(clean, strings.TrimSpace(a))
		}
	}
	if len(clean) == 0 {
		return 0, fmt.Errorf("split %d: no aliases: %w", id, dossier.ErrInvalid)
	}
	var newID int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		e, err := s.lockEntity(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if norms[normName(e.Name)] {
			return fmt.Errorf("%q is the entity's own name; rename it first: %w", e.Name, dossier.ErrInvalid)
		}
		// The alias rows of the group that name the split part.
		rows, err := tx.QueryContext(ctx, s.q(`SELECT a.entity_id, a.norm, a.alias, a.origin, a.removed FROM entity_aliases a
			JOIN entities e ON e.id = a.entity_id WHERE e.canon_id = ?`), e.ID)
		if err != nil {
			return fmt.Errorf("alias rows: %w", err)
		}
		group, err := collect(rows, scanAliasRow)
		if err != nil {
			return fmt.Errorf("alias rows: %w", err)
		}
		var moved []aliasRow
		for _, r := range group {
			if norms[r.Norm] {
				moved = append(moved, r)
			}
		}
		// The documents' entities named by the aliases.
		rows, err = tx.QueryContext(ctx, s.q(`SELECT id, orig_entity_id, name FROM doc_entities WHERE entity_id = ?`), e.ID)
		if err != nil {
			return fmt.Errorf("document entities: %w", err)
		}
		var des [][2]int64
		err = eachRow(rows, func(rows *sql.Rows) error {
			var de, orig int64
			var name string
			if err := rows.Scan(&de, &orig, &name); err != nil {
				return err
			}
			if norms[normName(name)] {
				des = append(des, [2]int64{de, orig})
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("document entities: %w", err)
		}
		if len(moved) == 0 && len(des) == 0 {
			return fmt.Errorf("none of %q is an alias of %s: %w", clean, e.Name, dossier.ErrNotFound)
		}
		newID, err = s.insertEntity(ctx, tx, clean[0], e.Type, "")
		if err != nil {
			return err
		}
		for _, r := range moved {
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM entity_aliases WHERE entity_id = ? AND norm = ?`), r.Entity, r.Norm); err != nil {
				return fmt.Errorf("move alias %q: %w", r.Alias, err)
			}
		}
		for _, a := range clean {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO entity_aliases (entity_id, norm, alias, origin) VALUES (?,?,?,'user')
				ON CONFLICT DO NOTHING`), newID, normName(a), a); err != nil {
				return fmt.Errorf("alias %q of %d: %w", a, newID, err)
			}
		}
		var origs []int64
		for _, d := range des {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE doc_entities SET orig_entity_id = ? WHERE id = ?`), newID, d[0]); err != nil {
				return fmt.Errorf("document entity %d: %w", d[0], err)
			}
			origs = append(origs, d[1])
		}
		if len(des) > 0 {
			if err := s.repoint(ctx, tx, []int64{newID}); err != nil {
				return err
			}
		}
		if err := s.recount(ctx, tx, append(origs, e.ID, newID)); err != nil {
			return err
		}
		if err := s.rebuildEdges(ctx, tx, []int64{e.ID, newID}); err != nil {
			return err
		}
		before := splitState{Entity: stateOf(e), New: newID, Aliases: clean, DocEnts: des, AliasRows: moved}
		after, err := s.entity(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		_, err = s.audit(ctx, tx, actor, "split", "entity:"+itoa(e.ID), before,
			splitState{Entity: stateOf(after), New: newID, Aliases: clean})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("split %d: %w", id, err)
	}
	return newID, nil
}

// Rename gives an entity a new name; the name also becomes an alias, so that later
// documents using it resolve to the entity.
func (s *Store) Rename(ctx context.Context, actor string, id int64, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if normName(name) == "" {
		return 0, fmt.Errorf("rename %d: empty name: %w", id, dossier.ErrInvalid)
	}
	var action int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		e, err := s.lockEntity(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if e.Name == name {
			return fmt.Errorf("entity %d is already named %q: %w", id, name, dossier.ErrConflict)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET name = ?, norm = ? WHERE id = ?`), name, normName(name), e.ID); err != nil {
			return fmt.Errorf("set name: %w", err)
		}
		res, err := tx.ExecContext(ctx, s.q(`INSERT INTO entity_aliases (entity_id, norm, alias, origin) VALUES (?,?,?,'user') ON CONFLICT DO NOTHING`),
			e.ID, normName(name), name)
		if err != nil {
			return fmt.Errorf("alias %q: %w", name, err)
		}
		added, _ := res.RowsAffected()
		after := stateOf(e)
		after.Name = name
		action, err = s.audit(ctx, tx, actor, "rename", "entity:"+itoa(e.ID), stateOf(e),
			struct {
				entityState
				AliasAdded bool `json:"alias_added"`
			}{after, added > 0})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("rename %d: %w", id, err)
	}
	return action, nil
}

// Retype changes an entity's type.
func (s *Store) Retype(ctx context.Context, actor string, id int64, typ dossier.EntityType) (int64, error) {
	if !typ.Valid() {
		return 0, fmt.Errorf("retype %d: type %q: %w", id, typ, dossier.ErrInvalid)
	}
	var action int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		e, err := s.lockEntity(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if e.Type == typ {
			return fmt.Errorf("entity %d is already %s: %w", id, typ, dossier.ErrConflict)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET type = ? WHERE id = ?`), string(typ), e.ID); err != nil {
			return fmt.Errorf("set type: %w", err)
		}
		after := stateOf(e)
		after.Type = typ
		action, err = s.audit(ctx, tx, actor, "retype", "entity:"+itoa(e.ID), stateOf(e), after)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("retype %d: %w", id, err)
	}
	return action, nil
}

type aliasChange struct {
	Entity int64      `json:"entity"`
	Alias  string     `json:"alias"`
	Rows   []aliasRow `json:"rows"` // rows as they were
}

// AddAlias adds an alias to an entity (or revives one that was removed).
func (s *Store) AddAlias(ctx context.Context, actor string, id int64, alias string) (int64, error) {
	alias = strings.TrimSpace(alias)
	if normName(alias) == "" {
		return 0, fmt.Errorf("add alias to %d: empty alias: %w", id, dossier.ErrInvalid)
	}
	action, err := s.changeAlias(ctx, actor, "alias add", id, alias, func(tx *sql.Tx, e *EntitySummary, n string, rows []aliasRow) error {
		for _, r := range rows {
			if r.Removed == 0 {
				return fmt.Errorf("%q is already an alias of entity %d: %w", alias, e.ID, dossier.ErrConflict)
			}
		}
		if len(rows) > 0 {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE entity_aliases SET removed = 0 WHERE norm = ? AND entity_id IN
				(SELECT id FROM entities WHERE canon_id = ?)`), n, e.ID); err != nil {
				return fmt.Errorf("revive alias: %w", err)
			}
		} else if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO entity_aliases (entity_id, norm, alias, origin) VALUES (?,?,?,'user')`),
			e.ID, n, alias); err != nil {
			return fmt.Errorf("insert alias: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("add alias %q to %d: %w", alias, id, err)
	}
	return action, nil
}

// RemoveAlias removes an alias from an entity; later documents no longer resolve to the
// entity through it, and re-ingesting never brings it back.
func (s *Store) RemoveAlias(ctx context.Context, actor string, id int64, alias string) (int64, error) {
	if normName(alias) == "" {
		return 0, fmt.Errorf("remove alias from %d: empty alias: %w", id, dossier.ErrInvalid)
	}
	action, err := s.changeAlias(ctx, actor, "alias remove", id, alias, func(tx *sql.Tx, e *EntitySummary, n string, rows []aliasRow) error {
		live := false
		for _, r := range rows {
			live = live || r.Removed == 0
		}
		if !live {
			return fmt.Errorf("%q is not an alias of entity %d: %w", alias, e.ID, dossier.ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entity_aliases SET removed = 1 WHERE norm = ? AND entity_id IN
			(SELECT id FROM entities WHERE canon_id = ?)`), n, e.ID); err != nil {
			return fmt.Errorf("mark alias removed: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("remove alias %q from %d: %w", alias, id, err)
	}
	return action, nil
}

// changeAlias runs one alias action in a transaction: it locks entity id, reads the alias
// rows of its group whose normal form is alias's, lets change alter them, and audits the
// action with the rows as they were.
func (s *Store) changeAlias(ctx context.Context, actor, action string, id int64, alias string,
	change func(tx *sql.Tx, e *EntitySummary, norm string, rows []aliasRow) error) (int64, error) {
	n := normName(alias)
	var actionID int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		e, err := s.lockEntity(ctx, tx, id, true)
		if err != nil {
			return err
		}
		rows, err := s.groupAliasRows(ctx, tx, e.ID, n)
		if err != nil {
			return err
		}
		if err := change(tx, e, n, rows); err != nil {
			return err
		}
		actionID, err = s.audit(ctx, tx, actor, action, "entity:"+itoa(e.ID),
			aliasChange{Entity: e.ID, Alias: alias, Rows: rows}, aliasChange{Entity: e.ID, Alias: alias})
		return err
	})
	return actionID, err
}

func (s *Store) groupAliasRows(ctx context.Context, tx *sql.Tx, canon int64, norm string) ([]aliasRow, error) {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT a.entity_id, a.norm, a.alias, a.origin, a.removed FROM entity_aliases a
		JOIN entities e ON e.id = a.entity_id WHERE e.canon_id = ? AND a.norm = ?`), canon, norm)
	if err != nil {
		return nil, fmt.Errorf("alias rows of %d: %w", canon, err)
	}
	var out []aliasRow // nil when there are none: audited as null
	err = eachRow(rows, func(rows *sql.Rows) error {
		r, err := scanAliasRow(rows)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("alias rows of %d: %w", canon, err)
	}
	return out, nil
}

func scanAliasRow(sc scanner) (aliasRow, error) {
	var r aliasRow
	err := sc.Scan(&r.Entity, &r.Norm, &r.Alias, &r.Origin, &r.Removed)
	return r, err
}

type relationStatus struct {
	Relation int64  `json:"relation"`
	Status   string `json:"status"`
	At       string `json:"at,omitempty"`
}

// RejectRelation marks a relation as wrong: it no longer counts in the graph, paths,
// timelines or contradictions, and is listed with its status among claims.
func (s *Store) RejectRelation(ctx context.Context, actor string, relID int64) (int64, error) {
	return s.setRelationStatus(ctx, actor, relID, "rejected")
}

// ConfirmRelation marks a relation as checked by an analyst.
func (s *Store) ConfirmRelation(ctx context.Context, actor string, relID int64) (int64, error) {
	return s.setRelationStatus(ctx, actor, relID, "confirmed")
}

func (s *Store) setRelationStatus(ctx context.Context, actor string, relID int64, status string) (int64, error) {
	verb := strings.TrimSuffix(status, "ed")
	if status == "confirmed" {
		verb = "confirm"
	}
	var action int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var cur, at, typ string
		var src, dst int64
		err := tx.QueryRowContext(ctx, s.q(`SELECT status, status_at, src, dst, type FROM relations WHERE id = ?`), relID).Scan(&cur, &at, &src, &dst, &typ)
		if isNoRows(err) {
			return notFound("relation", relID)
		}
		if err != nil {
			return fmt.Errorf("relation: %w", err)
		}
		if cur == status {
			return fmt.Errorf("relation %d is already %s: %w", relID, status, dossier.ErrConflict)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE relations SET status = ?, status_at = ? WHERE id = ?`), status, fmtTime(s.now()), relID); err != nil {
			return fmt.Errorf("set status: %w", err)
		}
		if err := s.recount(ctx, tx, []int64{src, dst}); err != nil {
			return err
		}
		if err := s.rebuildEdge(ctx, tx, dossier.RelationType(typ), src, dst); err != nil {
			return err
		}
		action, err = s.audit(ctx, tx, actor, "relation "+verb, "relation:"+itoa(relID),
			relationStatus{Relation: relID, Status: cur, At: at}, relationStatus{Relation: relID, Status: status})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("%s relation %d: %w", verb, relID, err)
	}
	return action, nil
}

type noteState struct {
	Note   int64  `json:"note"`
	Target string `json:"target"`
	Text   string `json:"text"`
}

// Note attaches an analyst's note to a target ("entity:12", "relation:7", a document id).
func (s *Store) Note(ctx context.Context, actor string, target string, text string) (int64, error) {
	target, text = strings.TrimSpace(target), strings.TrimSpace(text)
	if target == "" || text == "" {
		return 0, fmt.Errorf("note: empty target or text: %w", dossier.ErrInvalid)
	}
	var action int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.checkTarget(ctx, tx, target); err != nil {
			return err
		}
		var err error
		action, err = s.audit(ctx, tx, actor, "note", target, nil, noteState{Target: target, Text: text})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO notes (action_id, actor, at, target, text) VALUES (?,?,?,?,?)`),
			action, actor, fmtTime(s.now()), target, text); err != nil {
			return fmt.Errorf("insert note: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("note on %s: %w", target, err)
	}
	return action, nil
}

// checkTarget verifies that "entity:N", "relation:N" or a document id names something
// stored.
func (s *Store) checkTarget(ctx context.Context, tx *sql.Tx, target string) error {
	kind, id, ok := strings.Cut(target, ":")
	n, err := strconv.ParseInt(id, 10, 64)
	switch {
	case ok && kind == "entity" && err == nil:
		_, err := s.entity(ctx, tx, n)
		return err
	case ok && kind == "relation" && err == nil:
		var c int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM relations WHERE id = ?`), n).Scan(&c); err != nil {
			return fmt.Errorf("relation %d: %w", n, err)
		}
		if c == 0 {
			return notFound("relation", n)
		}
		return nil
	}
	_, _, err = s.docRowID(ctx, tx, target)
	return err
}

// Undo takes back a curation action and records the undo as an action of its own.
// Undoing an action already undone, or an undo, is ErrConflict, as is undoing an action
// whose effect a later action has changed.
func (s *Store) Undo(ctx context.Context, actor string, actionID int64) (int64, error) {
	var action int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var act, target, before, after string
		var undoes, undoneBy sql.NullInt64
		err := tx.QueryRowContext(ctx, s.q(`SELECT action, target, before, after, undoes, undone_by FROM audit WHERE id = ?`), actionID).
			Scan(&act, &target, &before, &after, &undoes, &undoneBy)
		if isNoRows(err) {
			return notFound("action", actionID)
		}
		if err != nil {
			return fmt.Errorf("action: %w", err)
		}
		if undoneBy.Valid {
			return fmt.Errorf("action %d was already undone by action %d: %w", actionID, undoneBy.Int64, dossier.ErrConflict)
		}
		if undoes.Valid || act == "undo" {
			return fmt.Errorf("action %d is an undo; perform the action again instead: %w", actionID, dossier.ErrConflict)
		}
		if err := s.undo(ctx, tx, actionID, act, []byte(before), []byte(after)); err != nil {
			return fmt.Errorf("%s: %w", act, err)
		}
		action, err = s.audit(ctx, tx, actor, "undo", target, json.RawMessage(after), json.RawMessage(before))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE audit SET undoes = ? WHERE id = ?`), actionID, action); err != nil {
			return fmt.Errorf("mark undo: %w", err)
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE audit SET undone_by = ? WHERE id = ? AND undone_by IS NULL`), action, actionID)
		if err != nil {
			return fmt.Errorf("mark undone: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("action %d was undone concurrently: %w", actionID, dossier.ErrConflict)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("undo %d: %w", actionID, err)
	}
	return action, nil
}

func (s *Store) undo(ctx context.Context, tx *sql.Tx, actionID int64, act string, before, after []byte) error {
	changed := func(what string) error {
		return fmt.Errorf("action %d: %s changed since: %w", actionID, what, dossier.ErrConflict)
	}
	switch act {
	case "merge":
		var st mergeState
		if err := json.Unmarshal(before, &st); err != nil {
			return fmt.Errorf("audited state: %w", err)
		}
		var into sql.NullInt64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT merged_into FROM entities WHERE id = ?`), st.Drop.ID).Scan(&into); err != nil {
			return fmt.Errorf("entity %d: %w", st.Drop.ID, err)
		}
		if !into.Valid || into.Int64 != st.Keep.ID {
			return changed("the merge")
		}
		var root int64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT canon_id FROM entities WHERE id = ?`), st.Keep.ID).Scan(&root); err != nil {
			return fmt.Errorf("entity %d: %w", st.Keep.ID, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET merged_into = NULL, version = version + 1 WHERE id = ?`), st.Drop.ID); err != nil {
			return fmt.Errorf("unmerge %d: %w", st.Drop.ID, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET version = version + 1 WHERE id = ?`), root); err != nil {
			return fmt.Errorf("entity %d: %w", root, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE merges SET undone_at = ? WHERE action_id = ?`), fmtTime(s.now()), actionID); err != nil {
			return fmt.Errorf("mark merge undone: %w", err)
		}
		return s.refreshCanon(ctx, tx, []int64{root})
	case "split":
		var st splitState
		if err := json.Unmarshal(before, &st); err != nil {
			return fmt.Errorf("audited state: %w", err)
		}
		var others, merged int
		moved := map[int64]bool{}
		for _, d := range st.DocEnts {
			moved[d[0]] = true
		}
		rows, err := tx.QueryContext(ctx, s.q(`SELECT id FROM doc_entities WHERE orig_entity_id = ?`), st.New)
		if err != nil {
			return fmt.Errorf("document entities of %d: %w", st.New, err)
		}
		des, err := collect(rows, scanID)
		if err != nil {
			return fmt.Errorf("document entities of %d: %w", st.New, err)
		}
		for _, id := range des {
			if !moved[id] {
				others++
			}
		}
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM entities WHERE (merged_into = ? OR id = ?) AND canon_id <> id`), st.New, st.New).Scan(&merged); err != nil {
			return fmt.Errorf("merges into %d: %w", st.New, err)
		}
		if others > 0 || merged > 0 {
			return changed("the new entity")
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM entity_aliases WHERE entity_id = ?`), st.New); err != nil {
			return fmt.Errorf("aliases of %d: %w", st.New, err)
		}
		for _, r := range st.AliasRows {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO entity_aliases (entity_id, norm, alias, origin, removed) VALUES (?,?,?,?,?)
				ON CONFLICT DO NOTHING`), r.Entity, r.Norm, r.Alias, r.Origin, r.Removed); err != nil {
				return fmt.Errorf("restore alias %q: %w", r.Alias, err)
			}
		}
		var origs []int64
		for _, d := range st.DocEnts {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE doc_entities SET orig_entity_id = ? WHERE id = ?`), d[1], d[0]); err != nil {
				return fmt.Errorf("document entity %d: %w", d[0], err)
			}
			origs = appendUnique(origs, d[1])
		}
		if len(origs) > 0 {
			if err := s.repoint(ctx, tx, origs); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET deleted = 1 WHERE id = ?`), st.New); err != nil {
			return fmt.Errorf("delete %d: %w", st.New, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET version = version + 1 WHERE id = ?`), st.Entity.ID); err != nil {
			return fmt.Errorf("entity %d: %w", st.Entity.ID, err)
		}
		var canon []int64
		for _, o := range origs {
			var c int64
			if err := tx.QueryRowContext(ctx, s.q(`SELECT canon_id FROM entities WHERE id = ?`), o).Scan(&c); err != nil {
				return fmt.Errorf("entity %d: %w", o, err)
			}
			canon = appendUnique(canon, c)
		}
		if err := s.recount(ctx, tx, append(canon, st.Entity.ID, st.New)); err != nil {
			return err
		}
		return s.rebuildEdges(ctx, tx, append(canon, st.Entity.ID, st.New))
	case "rename", "retype":
		var b, a entityState
		if err := json.Unmarshal(before, &b); err != nil {
			return fmt.Errorf("audited state: %w", err)
		}
		var aa struct {
			entityState
			AliasAdded bool `json:"alias_added"`
		}
		if err := json.Unmarshal(after, &aa); err != nil {
			return fmt.Errorf("audited state: %w", err)
		}
		a = aa.entityState
		e, err := s.lockEntity(ctx, tx, b.ID, true)
		if err != nil {
			return err
		}
		if e.ID != b.ID || e.Name != a.Name || e.Type != a.Type {
			return changed("the entity")
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE entities SET name = ?, norm = ?, type = ? WHERE id = ?`),
			b.Name, normName(b.Name), string(b.Type), b.ID); err != nil {
			return fmt.Errorf("restore entity %d: %w", b.ID, err)
		}
		if act == "rename" && aa.AliasAdded {
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM entity_aliases WHERE entity_id = ? AND norm = ? AND origin = 'user'`),
				b.ID, normName(a.Name)); err != nil {
				return fmt.Errorf("remove alias %q: %w", a.Name, err)
			}
		}
		return nil
	case "alias add", "alias remove":
		var st aliasChange
		if err := json.Unmarshal(before, &st); err != nil {
			return fmt.Errorf("audited state: %w", err)
		}
		e, err := s.lockEntity(ctx, tx, st.Entity, true)
		if err != nil {
			return err
		}
		n := normName(st.Alias)
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM entity_aliases WHERE norm = ? AND entity_id IN
			(SELECT id FROM entities WHERE canon_id = ?)`), n, e.ID); err != nil {
			return fmt.Errorf("aliases %q: %w", st.Alias, err)
		}
		for _, r := range st.Rows {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO entity_aliases (entity_id, norm, alias, origin, removed) VALUES (?,?,?,?,?)
				ON CONFLICT DO NOTHING`), r.Entity, r.Norm, r.Alias, r.Origin, r.Removed); err != nil {
				return fmt.Errorf("restore alias %q: %w", r.Alias, err)
			}
		}
		return nil
	case "relation reject", "relation confirm":
		var b, a relationStatus
		if err := json.Unmarshal(before, &b); err != nil {
			return fmt.Errorf("audited state: %w", err)
		}
		if err := json.Unmarshal(after, &a); err != nil {
			return fmt.Errorf("audited state: %w", err)
		}
		var cur, typ string
		var src, dst int64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT status, src, dst, type FROM relations WHERE id = ?`), b.Relation).Scan(&cur, &src, &dst, &typ); err != nil {
			return fmt.Errorf("relation %d: %w", b.Relation, err)
		}
		if cur != a.Status {
			return changed("the relation's status")
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE relations SET status = ?, status_at = ? WHERE id = ?`), b.Status, fmtTime(s.now()), b.Relation); err != nil {
			return fmt.Errorf("relation %d: %w", b.Relation, err)
		}
		if err := s.recount(ctx, tx, []int64{src, dst}); err != nil {
			return err
		}
		return s.rebuildEdge(ctx, tx, dossier.RelationType(typ), src, dst)
	case "note":
		res, err := tx.ExecContext(ctx, s.q(`UPDATE notes SET deleted = 1 WHERE action_id = ? AND deleted = 0`), actionID)
		if err != nil {
			return fmt.Errorf("delete note: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return changed("the note")
		}
		return nil
	case "lexicon add":
		return fmt.Errorf("action %d (%s) cannot be undone: %w", actionID, act, dossier.ErrUnsupported)
	}
	return fmt.Errorf("action %d: unknown action %q: %w", actionID, act, dossier.ErrUnsupported)
}

// Audit lists audit entries, newest first.
func (s *Store) Audit(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	var conds []string
	var args []any
	if q.Actor != "" {
		conds = append(conds, "actor = ?")
		args = append(args, q.Actor)
	}
	if q.Target != "" {
		conds = append(conds, "target = ?")
		args = append(args, q.Target)
	}
	if !q.Since.IsZero() {
		conds = append(conds, "at >= ?")
		args = append(args, fmtTime(q.Since))
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit, max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, actor, at, action, target, before, after, COALESCE(undoes, 0), COALESCE(undone_by, 0)
		FROM audit `+where+` ORDER BY id DESC LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	out, err := collect(rows, func(sc scanner) (AuditEntry, error) {
		var a AuditEntry
		var at string
		err := sc.Scan(&a.ID, &a.Actor, &at, &a.Action, &a.Target, &a.Before, &a.After, &a.Undoes, &a.UndoneBy)
		a.At = parseTime(at)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return out, nil
}

// AddLexiconEntries adds or replaces entries of a user watchlist, read by the extractor
// through LexiconEntries.
func (s *Store) AddLexiconEntries(ctx context.Context, actor string, source string, entries []LexEntry) error {
	for i, e := range entries {
		if normName(e.Name) == "" || !e.Type.Valid() {
			return fmt.Errorf("lexicon %s entry %d (%q, %q): %w", source, i+1, e.Name, e.Type, dossier.ErrInvalid)
		}
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := fmtTime(s.now())
		for _, e := range entries {
			al, _ := json.Marshal(orEmpty(e.Aliases))
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO lexicon (norm, name, type, aliases, kb_id, source, actor, at) VALUES (?,?,?,?,?,?,?,?)
				ON CONFLICT (norm, type) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, kb_id = excluded.kb_id,
				source = excluded.source, actor = excluded.actor, at = excluded.at`),
				normName(e.Name), strings.TrimSpace(e.Name), string(e.Type), string(al), e.KBID, source, actor, now); err != nil {
				return fmt.Errorf("entry %q: %w", e.Name, err)
			}
		}
		_, err := s.audit(ctx, tx, actor, "lexicon add", "lexicon:"+source, nil, map[string]int{"entries": len(entries)})
		return err
	})
	if err != nil {
		return fmt.Errorf("lexicon %s: %w", source, err)
	}
	return nil
}

// LexiconEntries returns every user watchlist entry, by name.
func (s *Store) LexiconEntries(ctx context.Context) ([]LexEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, type, aliases, kb_id FROM lexicon ORDER BY norm, type`)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	out, err := collect(rows, func(sc scanner) (LexEntry, error) {
		var e LexEntry
		var typ, al string
		if err := sc.Scan(&e.Name, &typ, &al, &e.KBID); err != nil {
			return e, err
		}
		e.Type = dossier.EntityType(typ)
		if err := json.Unmarshal([]byte(al), &e.Aliases); err != nil {
			return e, fmt.Errorf("%s: aliases: %w", e.Name, err)
		}
		return e, nil
	})
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return out, nil
}
