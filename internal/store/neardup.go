package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Near duplicates. A document stored with a sketch (computed by the caller, such as
// ingest's dedup package: the store treats it as opaque bytes) and its band keys is
// compared with the documents stored before it that share a band key at the same index;
// the caller's Near function confirms a candidate. The document is then linked to the
// earliest document of the candidate's cluster (documents.dup_of always names a document
// that is not itself a near duplicate). A document and its near duplicates count as one
// source of a claim.

// PutOptions are the options of PutDocumentWith.
type PutOptions struct {
	// Extractor names the extractor and its version.
	Extractor string
	// Sketch is the document's near-duplicate sketch; nil means none (the document is
	// never a near duplicate nor the original of one).
	Sketch []byte
	// Bands are the sketch's locality-sensitive keys: documents with an equal key at the
	// same index are candidates.
	Bands []uint64
	// Near reports whether two sketches make near duplicates.
	Near func(a, b []byte) bool
}

// sketchArg is the value stored for a sketch: NULL for none.
func sketchArg(sketch []byte) any {
	if len(sketch) == 0 {
		return nil
	}
	return sketch
}

// linkNearDuplicate finds the earliest stored document that the new document rowid
// nearly duplicates, records the link and the document's bands, and returns the
// original's row id and document id (0 and "" when there is none).
func (s *Store) linkNearDuplicate(ctx context.Context, tx *sql.Tx, rowid int64, opt PutOptions) (int64, string, error) {
	if len(opt.Sketch) == 0 || len(opt.Bands) == 0 || opt.Near == nil {
		return 0, "", nil
	}
	args := make([]any, 0, 3*len(opt.Bands))
	cond := ""
	for i, key := range opt.Bands {
		if i > 0 {
			cond += " OR "
		}
		cond += "(b.band = ? AND b.value = ?)"
		args = append(args, i, int64(key))
	}
	args = append(args, rowid)
	rows, err := tx.QueryContext(ctx, s.q(`SELECT DISTINCT d.id, d.sketch, COALESCE(d.dup_of, d.id)
		FROM doc_bands b JOIN documents d ON d.id = b.doc WHERE (`+cond+`) AND d.id <> ?`), args...)
	if err != nil {
		return 0, "", fmt.Errorf("near-duplicate candidates: %w", err)
	}
	var root int64
	err = eachRow(rows, func(rows *sql.Rows) error {
		var id, r int64
		var sketch []byte
		if err := rows.Scan(&id, &sketch, &r); err != nil {
			return err
		}
		if opt.Near(opt.Sketch, sketch) && (root == 0 || r < root) {
			root = r
		}
		return nil
	})
	if err != nil {
		return 0, "", fmt.Errorf("near-duplicate candidates: %w", err)
	}
	ins := "INSERT INTO doc_bands (band, value, doc) VALUES "
	args = args[:0]
	for i, key := range opt.Bands {
		if i > 0 {
			ins += ","
		}
		ins += "(?,?,?)"
		args = append(args, i, int64(key), rowid)
	}
	if _, err := tx.ExecContext(ctx, s.q(ins), args...); err != nil {
		return 0, "", fmt.Errorf("near-duplicate bands: %w", err)
	}
	if root == 0 {
		return 0, "", nil
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE documents SET dup_of = ? WHERE id = ?`), root, rowid); err != nil {
		return 0, "", fmt.Errorf("near-duplicate link: %w", err)
	}
	var docID string
	if err := tx.QueryRowContext(ctx, s.q(`SELECT doc_id FROM documents WHERE id = ?`), root).Scan(&docID); err != nil {
		return 0, "", fmt.Errorf("near-duplicate link: %w", err)
	}
	return root, docID, nil
}

// NearDuplicateOf returns the id of the earliest stored document that the document
// idOrPrefix nearly duplicates, or "" when it duplicates none.
func (s *Store) NearDuplicateOf(ctx context.Context, idOrPrefix string) (string, error) {
	rowid, _, err := s.docRowID(ctx, s.db, idOrPrefix)
	if err != nil {
		return "", err
	}
	var of sql.NullString
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT o.doc_id FROM documents d LEFT JOIN documents o ON o.id = d.dup_of WHERE d.id = ?`), rowid).Scan(&of); err != nil {
		return "", fmt.Errorf("near duplicate of %s: %w", idOrPrefix, err)
	}
	return of.String, nil
}

// dupRoots maps each near-duplicate document (row id) to the original of its cluster.
func (s *Store) dupRoots(ctx context.Context, q querier) (map[int64]int64, error) {
	rows, err := q.QueryContext(ctx, s.q(`SELECT id, dup_of FROM documents WHERE dup_of IS NOT NULL`))
	if err != nil {
		return nil, fmt.Errorf("near duplicates: %w", err)
	}
	m := map[int64]int64{}
	err = eachRow(rows, func(rows *sql.Rows) error {
		var id, of int64
		if err := rows.Scan(&id, &of); err != nil {
			return err
		}
		m[id] = of
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("near duplicates: %w", err)
	}
	return m, nil
}

// sourceKeySQL is the SQL expression, over relations r, naming the source of a claim for
// corroboration: its attribution when it has one, else the publishing document, a near
// duplicate standing for the original of its cluster. Counting DISTINCT values of it
// gives an edge's number of sources.
const sourceKeySQL = `CASE WHEN r.attr_text IS NULL OR r.attr_text = '' THEN 'd:' || COALESCE(r.source_doc, r.doc) ELSE 'a:' || LOWER(r.attr_text) END`
