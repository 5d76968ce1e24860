// Package sqlite opens a dossier store in an SQLite database file through
// modernc.org/sqlite (pure Go): it sets the pragmas (WAL, foreign keys, busy timeout,
// synchronous=NORMAL, a 32 MB page cache, statement journals in memory, memory-mapped
// reads, checkpoints every 20,000 pages), applies the embedded, versioned migrations in
// order, and supplies the SQLite dialect (FTS5 full-text search with snippet
// highlighting).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is the SQLite dialect of the store.
var Dialect = store.Dialect{
	Name:      "sqlite",
	FTSInsert: `INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)`,
	FTSSearch: `SELECT d.doc_id, d.title, snippet(documents_fts, -1, ?2, ?3, '…', 16)
		FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
		WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?4`,
	FTSMatch:       Match,
	IntegrityCheck: `PRAGMA integrity_check`,
}

// Open opens (creating if needed) the store at path and migrates it to the current
// schema. opts may be omitted.
func Open(ctx context.Context, path string, opts ...store.Options) (*store.Store, error) {
	if path == "" {
		return nil, fmt.Errorf("open store: empty path: %w", dossier.ErrInvalid)
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)",
		"cache_size(-32768)", "temp_store(MEMORY)", "mmap_size(1073741824)", "wal_autocheckpoint(20000)", "journal_size_limit(134217728)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if path == ":memory:" {
		db.SetMaxOpenConns(1)
	}
	var o store.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	if err := migrate(ctx, db, now); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return store.New(db, Dialect, o), nil
}

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", e.Name())
		}
		b, err := migrations.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies, in order and each in its own transaction, the migrations newer than
// the version recorded in schema_version, stamping each with the time now gives.
func migrate(ctx context.Context, db *sql.DB, now func() time.Time) error {
	ms, err := loadMigrations()
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("schema_version: %w", err)
	}
	for _, m := range ms {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version WHERE version = ?`, m.version).Scan(&n); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if n > 0 {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES (?,?,?)`,
			m.version, m.name, now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// SchemaVersion returns the highest migration applied to the store's database.
func SchemaVersion(ctx context.Context, s *store.Store) (int, error) {
	var v sql.NullInt64
	if err := s.DB().QueryRowContext(ctx, `SELECT MAX(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return int(v.Int64), nil
}

// Match turns a user's search query into an FTS5 match expression in which every term is
// a quoted string: words and "quoted phrases" are ANDed, a trailing * on a word asks for a
// prefix, and OR between two terms is an alternative. Nothing the user types can reach
// FTS5 as syntax. A query without any term is ErrInvalid.
func Match(q string) (string, error) {
	var terms []string
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	rest := q
	for {
		rest = strings.TrimLeft(rest, " \t\r\n")
		if rest == "" {
			break
		}
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			var phrase string
			if end < 0 {
				phrase, rest = rest[1:], ""
			} else {
				phrase, rest = rest[1:1+end], rest[2+end:]
			}
			if t := cleanTerm(phrase); t != "" {
				terms = append(terms, quote(t))
			}
			continue
		}
		end := strings.IndexAny(rest, " \t\r\n")
		word := rest
		if end >= 0 {
			word, rest = rest[:end], rest[end:]
		} else {
			rest = ""
		}
		if word == "OR" {
			if len(terms) > 0 && terms[len(terms)-1] != "OR" {
				terms = append(terms, "OR")
			}
			continue
		}
		prefix := strings.HasSuffix(word, "*")
		t := cleanTerm(strings.TrimRight(word, "*"))
		if t == "" {
			continue
		}
		if prefix {
			terms = append(terms, quote(t)+"*")
		} else {
			terms = append(terms, quote(t))
		}
	}
	for len(terms) > 0 && terms[len(terms)-1] == "OR" {
		terms = terms[:len(terms)-1]
	}
	if len(terms) == 0 {
		return "", fmt.Errorf("search query %q has no words: %w", q, dossier.ErrInvalid)
	}
	return strings.Join(terms, " "), nil
}

// cleanTerm keeps a term only if it has a letter or digit for the tokenizer to match.
func cleanTerm(s string) string {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 {
			return s
		}
	}
	return ""
}
