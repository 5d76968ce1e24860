package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
)

// Near duplicates. A document stored with a fingerprint (a 64-bit SimHash computed by the
// caller, such as ingest's dedup package) is compared with the fingerprints of the
// documents stored before it. Candidates are found through four bands of 16 bits: two
// fingerprints that differ in at most three bits always share a band, and farther ones
// often do. A candidate within PutOptions.NearDistance bits is a near duplicate, and the
// document is linked to the earliest document of the candidate's cluster (documents.dup_of
// always names a document that is not itself a near duplicate). A document and its near
// duplicates then count as one source of a claim.

// PutOptions are the options of PutDocumentWith.
type PutOptions struct {
	// Extractor names the extractor and its version.
	Extractor string
	// Fingerprint is the document's SimHash; 0 means none (the document is never a near
	// duplicate nor the original of one).
	Fingerprint uint64
	// NearDistance is the largest number of differing bits at which two fingerprints
	// make near duplicates; 0 keeps only identical fingerprints.
	NearDistance int
}

// fpBands is the number of 16-bit bands a fingerprint is cut into.
const fpBands = 4

// fingerprintArg is the value stored for a fingerprint: NULL for none, else the bits as a
// signed 64-bit integer.
func fingerprintArg(fp uint64) any {
	if fp == 0 {
		return nil
	}
	return int64(fp)
}

// bandValue returns band i of fp.
func bandValue(fp uint64, i int) int64 { return int64(fp >> (16 * uint(i)) & 0xFFFF) }

// linkNearDuplicate finds the earliest stored document that the new document rowid
// nearly duplicates, records the link and the document's bands, and returns the
// original's row id and document id (0 and "" when there is none).
func (s *Store) linkNearDuplicate(ctx context.Context, tx *sql.Tx, rowid int64, opt PutOptions) (int64, string, error) {
	fp := opt.Fingerprint
	if fp == 0 {
		return 0, "", nil
	}
	args := make([]any, 0, 2*fpBands+1)
	cond := ""
	for i := 0; i < fpBands; i++ {
		if i > 0 {
			cond += " OR "
		}
		cond += "(b.band = ? AND b.value = ?)"
		args = append(args, i, bandValue(fp, i))
	}
	args = append(args, rowid)
	rows, err := tx.QueryContext(ctx, s.q(`SELECT DISTINCT d.id, d.simhash, COALESCE(d.dup_of, d.id)
		FROM doc_bands b JOIN documents d ON d.id = b.doc WHERE (`+cond+`) AND d.id <> ?`), args...)
	if err != nil {
		return 0, "", err
	}
	var root int64
	for rows.Next() {
		var id, h, r int64
		if err := rows.Scan(&id, &h, &r); err != nil {
			rows.Close()
			return 0, "", err
		}
		if bits.OnesCount64(uint64(h)^fp) <= opt.NearDistance && (root == 0 || r < root) {
			root = r
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, "", err
	}
	for i := 0; i < fpBands; i++ {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO doc_bands (band, value, doc) VALUES (?,?,?)`), i, bandValue(fp, i), rowid); err != nil {
			return 0, "", err
		}
	}
	if root == 0 {
		return 0, "", nil
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE documents SET dup_of = ? WHERE id = ?`), root, rowid); err != nil {
		return 0, "", err
	}
	var docID string
	if err := tx.QueryRowContext(ctx, s.q(`SELECT doc_id FROM documents WHERE id = ?`), root).Scan(&docID); err != nil {
		return 0, "", err
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
	defer rows.Close()
	m := map[int64]int64{}
	for rows.Next() {
		var id, of int64
		if err := rows.Scan(&id, &of); err != nil {
			return nil, fmt.Errorf("near duplicates: %w", err)
		}
		m[id] = of
	}
	return m, rows.Err()
}

// sourceKeySQL is the SQL expression, over relations r, naming the source of a claim for
// corroboration: its attribution when it has one, else the publishing document, a near
// duplicate standing for the original of its cluster. Counting DISTINCT values of it
// gives an edge's number of sources.
const sourceKeySQL = `CASE WHEN r.attr_text IS NULL OR r.attr_text = '' THEN 'd:' || COALESCE(r.source_doc, r.doc) ELSE 'a:' || LOWER(r.attr_text) END`
