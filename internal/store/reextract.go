package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dossier"
)

// ReplaceExtraction stores a new extraction of a stored document (a better extractor, new
// lexicons) in place of the old one, in one transaction. Analysts' decisions survive:
// merges, splits and alias removals keep applying through resolution, and a relation
// rejected or confirmed before keeps its status when the new extraction states it again
// (same type, ends and evidence span).
func (s *Store) ReplaceExtraction(ctx context.Context, docID string, ex *dossier.Extraction, extractor string) error {
	if ex == nil {
		ex = &dossier.Extraction{}
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rowid, _, err := s.docRowID(ctx, tx, docID)
		if err != nil {
			return err
		}
		var text, date, ingested string
		var dupOf int64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT text, date, ingested_at, COALESCE(dup_of, 0) FROM documents WHERE id = ?`), rowid).Scan(&text, &date, &ingested, &dupOf); err != nil {
			return fmt.Errorf("document: %w", err)
		}
		if err := ex.CheckSpans(text); err != nil {
			return err
		}
		// The analysts' verdicts on the old relations, by what they say.
		type verdict struct{ status, at string }
		verdicts := map[string]verdict{}
		rows, err := tx.QueryContext(ctx, s.q(`SELECT r.type, r.ev_start, r.ev_end, sde.name, dde.name, r.status, r.status_at
			FROM relations r JOIN doc_entities sde ON sde.id = r.src_de JOIN doc_entities dde ON dde.id = r.dst_de
			WHERE r.doc = ? AND r.status <> ''`), rowid)
		if err != nil {
			return fmt.Errorf("verdicts: %w", err)
		}
		err = eachRow(rows, func(rows *sql.Rows) error {
			var typ, src, dst, st, at string
			var a, b int
			if err := rows.Scan(&typ, &a, &b, &src, &dst, &st, &at); err != nil {
				return err
			}
			verdicts[verdictKey(typ, a, b, src, dst)] = verdict{st, at}
			return nil
		})
		if err != nil {
			return fmt.Errorf("verdicts: %w", err)
		}
		rows, err = tx.QueryContext(ctx, s.q(`SELECT DISTINCT entity_id FROM doc_entities WHERE doc = ?`), rowid)
		if err != nil {
			return fmt.Errorf("old entities: %w", err)
		}
		old, err := collect(rows, scanID)
		if err != nil {
			return fmt.Errorf("old entities: %w", err)
		}
		for _, st := range []string{
			`DELETE FROM event_participants WHERE event_id IN (SELECT id FROM events WHERE doc = ?)`,
			`DELETE FROM events WHERE doc = ?`,
			`DELETE FROM relations WHERE doc = ?`,
			`DELETE FROM mentions WHERE doc = ?`,
			`DELETE FROM doc_entities WHERE doc = ?`,
		} {
			if _, err := tx.ExecContext(ctx, s.q(st), rowid); err != nil {
				return fmt.Errorf("clear old extraction: %w", err)
			}
		}
		exData, err := encodeExtraction(ex)
		if err != nil {
			return fmt.Errorf("encode extraction: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE documents SET extraction = ?, extractor = ?, n_entities = ?, n_relations = ? WHERE id = ?`),
			exData, extractor, len(ex.Entities), len(ex.Relations), rowid); err != nil {
			return fmt.Errorf("update document: %w", err)
		}
		ids, err := s.insertExtraction(ctx, tx, rowid, dupOf, date, ingested, ex, false)
		if err != nil {
			return err
		}
		if len(verdicts) > 0 {
			rows, err := tx.QueryContext(ctx, s.q(`SELECT r.id, r.type, r.ev_start, r.ev_end, sde.name, dde.name
				FROM relations r JOIN doc_entities sde ON sde.id = r.src_de JOIN doc_entities dde ON dde.id = r.dst_de WHERE r.doc = ?`), rowid)
			if err != nil {
				return fmt.Errorf("new relations: %w", err)
			}
			type upd struct {
				id int64
				v  verdict
			}
			var ups []upd
			err = eachRow(rows, func(rows *sql.Rows) error {
				var id int64
				var typ, src, dst string
				var a, b int
				if err := rows.Scan(&id, &typ, &a, &b, &src, &dst); err != nil {
					return err
				}
				if v, ok := verdicts[verdictKey(typ, a, b, src, dst)]; ok {
					ups = append(ups, upd{id, v})
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("new relations: %w", err)
			}
			for _, u := range ups {
				if _, err := tx.ExecContext(ctx, s.q(`UPDATE relations SET status = ?, status_at = ? WHERE id = ?`), u.v.status, u.v.at, u.id); err != nil {
					return fmt.Errorf("relation %d: keep status: %w", u.id, err)
				}
			}
		}
		all := append(old, ids...)
		if err := s.recount(ctx, tx, all); err != nil {
			return err
		}
		return s.rebuildEdges(ctx, tx, all)
	})
	if err != nil {
		return fmt.Errorf("replace extraction of %s: %w", docID, err)
	}
	return nil
}

func verdictKey(typ string, a, b int, src, dst string) string {
	return fmt.Sprintf("%s|%d|%d|%s|%s", typ, a, b, strings.ToLower(src), strings.ToLower(dst))
}
