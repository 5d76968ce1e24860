package store

import "database/sql"

// scanner is what *sql.Row and *sql.Rows have in common, so that one scan function
// serves a single-row query and a listing alike.
type scanner interface{ Scan(dest ...any) error }

// collect reads every row of rows with scan and closes rows. It returns the scanned
// values in row order, never nil (an empty result is an empty slice, which JSON writes
// as []), and the first error of scanning or of iterating. Callers wrap the error with
// their own context.
func collect[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// eachRow calls fn for every row of rows, stopping at the first error fn returns, and
// closes rows. It returns that error or the error of iterating; callers wrap it with
// their own context. It serves loops that fill maps or several values at once.
func eachRow(rows *sql.Rows, fn func(*sql.Rows) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanID scans a row of one integer id.
func scanID(sc scanner) (int64, error) {
	var id int64
	err := sc.Scan(&id)
	return id, err
}
