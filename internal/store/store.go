// Package store keeps documents, their extractions and the knowledge graph built from them
// in one SQL database behind one *Store. Every SQL statement of dossier lives here; the
// differences between database engines (placeholders, full-text search, integrity checks)
// are carried by a Dialect value supplied by a driver package such as store/sqlite.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dossier"
)

// Dialect holds what differs between database engines. The store writes its SQL with "?"
// placeholders and the portable INSERT ... RETURNING / ON CONFLICT forms; Rebind turns the
// placeholders into the engine's own. Full-text search is reached only through the FTS
// fields.
type Dialect struct {
	// Name names the engine ("sqlite", "postgres").
	Name string
	// Rebind rewrites a query written with "?" placeholders; nil leaves it unchanged.
	Rebind func(query string) string
	// FTSInsert indexes one document; its arguments are (rowid, title, text).
	FTSInsert string
	// FTSSearch finds documents; its arguments are (match, open marker, close marker,
	// limit) and it returns rows of (doc_id, title, snippet) best first. The SQL may
	// refer to the arguments by number in any order.
	FTSSearch string
	// FTSMatch turns a user's query into the engine's match expression, quoting every
	// term so that no user input is read as query syntax. It returns an error wrapping
	// dossier.ErrInvalid for a query with no terms.
	FTSMatch func(q string) (string, error)
	// IntegrityCheck is a query returning one row per problem, or the single row "ok".
	IntegrityCheck string
}

// Options configures a Store. The zero value is usable.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Open and Close wrap each match in search snippets; both empty mean "«" and "»".
	Open, Close string
	// Fail, when set, is called at named stages inside PutDocument's transaction
	// ("document", "entities", "relations", "events", "commit"); an error it returns
	// aborts the document. It exists so that tests can prove one transaction per document.
	Fail func(stage string) error
}

// Store is dossier's persistent state over one database.
type Store struct {
	db  *sql.DB
	d   Dialect
	opt Options
}

// New returns a Store over db, whose schema the driver has already migrated.
func New(db *sql.DB, d Dialect, opt Options) *Store {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Open == "" && opt.Close == "" {
		opt.Open, opt.Close = "«", "»"
	}
	return &Store{db: db, d: d, opt: opt}
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the underlying database, for drivers and tests.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the store's dialect.
func (s *Store) Dialect() Dialect { return s.d }

// IntegrityCheck runs the engine's integrity check and returns nil when the database is
// sound.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if s.d.IntegrityCheck == "" {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, s.d.IntegrityCheck)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	var problems []string
	err = eachRow(rows, func(rows *sql.Rows) error {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		if v != "ok" {
			problems = append(problems, v)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check: %s", strings.Join(problems, "; "))
	}
	return nil
}

// q rebinds a query for the dialect.
func (s *Store) q(query string) string {
	if s.d.Rebind == nil {
		return query
	}
	return s.d.Rebind(query)
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// tx runs fn in one transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// now returns the clock's time in UTC.
func (s *Store) now() time.Time { return s.opt.Now().UTC() }

// timeLayout is fixed-width so that stored times compare correctly as text.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

// inList returns "(?,?,...)" for n values.
func inList(n int) string {
	if n == 0 {
		return "(NULL)"
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")"
}

func int64Args(ids []int64) []any {
	a := make([]any, len(ids))
	for i, v := range ids {
		a[i] = v
	}
	return a
}

func nullStr(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func notFound(what string, id any) error {
	return fmt.Errorf("%s %v: %w", what, id, dossier.ErrNotFound)
}

// isNoRows reports whether err is sql.ErrNoRows.
func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// WithOptions returns a Store over the same database with other options (a clock, snippet
// markers, a failure hook). Closing either closes the database of both.
func (s *Store) WithOptions(opt Options) *Store { return New(s.db, s.d, opt) }

// stmtCache prepares each statement once per transaction: storing a document runs the
// same few statements hundreds of times.
type stmtCache struct {
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

func newStmtCache(tx *sql.Tx) *stmtCache { return &stmtCache{tx: tx, m: map[string]*sql.Stmt{}} }

func (c *stmtCache) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	c.m[query] = st
	return st, nil
}

// ExecContext runs a cached statement.
func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryContext runs a cached query.
func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs a cached query for one row; a statement that does not prepare is
// run unprepared, so that its error reaches Scan.
func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (c *stmtCache) close() {
	for _, st := range c.m {
		st.Close()
	}
}
