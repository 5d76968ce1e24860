// Package web serves dossier's JSON API and its browser UI from one http.Handler. The
// routes live in one function (routes), error kinds map to HTTP statuses in one function
// (statusOf), and the front-end bundle built from web/ is embedded from assets/dist, so
// the binary serves everything the UI needs and nothing is fetched from elsewhere.
package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/store"
)

// Options configures the handler returned by New.
type Options struct {
	// Logger receives request errors; nil discards them.
	Logger *slog.Logger
	// Ingest stores an uploaded file (ingest, extract, store) and returns the document id
	// and whether it was new. Nil disables POST /api/upload.
	Ingest func(ctx context.Context, name string, r io.Reader) (docID string, isNew bool, err error)
	// MaxUpload is the largest upload accepted, in bytes; 0 means 32 MiB.
	MaxUpload int64
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Lexicon gives coordinates to places that the store has none for (by kb_id), for the
	// map and the graph; nil means the embedded lexicon, loaded on first use.
	Lexicon *lexicon.Lexicon
}

// Default limits.
const (
	defaultMaxUpload = 32 << 20
	maxJSONBody      = 1 << 20
	// actor is recorded in the audit log for curation done through the web UI.
	actor = "web"
)

// backend is what the handlers need from the store; *store.Store implements it.
type backend interface {
	Stats(ctx context.Context) (*store.Stats, error)
	Documents(ctx context.Context, q store.DocQuery) ([]store.DocSummary, error)
	Document(ctx context.Context, idOrPrefix string) (*dossier.Document, error)
	Extraction(ctx context.Context, docID string) (*dossier.Extraction, error)
	SearchMarked(ctx context.Context, q string, limit int, open, close string) ([]store.SearchHit, error)
	Entities(ctx context.Context, q store.EntityQuery) ([]store.EntitySummary, error)
	FindEntity(ctx context.Context, nameOrID string) (*store.EntitySummary, error)
	Profile(ctx context.Context, id int64, t store.TimeFilter) (*store.Profile, error)
	Claims(ctx context.Context, id int64, t store.TimeFilter) (*store.ClaimSet, error)
	Graph(ctx context.Context, q store.GraphQuery) (*store.Graph, error)
	Edge(ctx context.Context, src, dst int64, typ dossier.RelationType) (*store.EdgeDetail, error)
	Path(ctx context.Context, a, b int64, maxDepth int, t store.TimeFilter) ([]store.Path, error)
	Timeline(ctx context.Context, q store.TimelineQuery) ([]store.TimelineItem, error)
	Audit(ctx context.Context, q store.AuditQuery) ([]store.AuditEntry, error)
	Merge(ctx context.Context, actor string, keep, drop int64) (int64, error)
	Split(ctx context.Context, actor string, id int64, aliases []string) (int64, error)
	Rename(ctx context.Context, actor string, id int64, name string) (int64, error)
	Retype(ctx context.Context, actor string, id int64, typ dossier.EntityType) (int64, error)
	AddAlias(ctx context.Context, actor string, id int64, alias string) (int64, error)
	RemoveAlias(ctx context.Context, actor string, id int64, alias string) (int64, error)
	RejectRelation(ctx context.Context, actor string, relID int64) (int64, error)
	ConfirmRelation(ctx context.Context, actor string, relID int64) (int64, error)
	Note(ctx context.Context, actor, target, text string) (int64, error)
	Undo(ctx context.Context, actor string, actionID int64) (int64, error)
}

// server holds what the handlers share; nothing in it changes after New except the
// lexicon, loaded once on first use.
type server struct {
	st     backend
	log    *slog.Logger
	ingest func(ctx context.Context, name string, r io.Reader) (string, bool, error)
	maxUp  int64
	now    func() time.Time
	assets *assetSet
	lex    func() *lexicon.Lexicon
}

// New returns the handler serving the JSON API under /api/ and the UI everywhere else.
func New(st *store.Store, opts Options) http.Handler {
	s := &server{st: st, log: opts.Logger, ingest: opts.Ingest, maxUp: opts.MaxUpload, now: opts.Now}
	if s.log == nil {
		s.log = discardLogger()
	}
	if s.maxUp <= 0 {
		s.maxUp = defaultMaxUpload
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.assets = loadAssets()
	if opts.Lexicon != nil {
		s.lex = func() *lexicon.Lexicon { return opts.Lexicon }
	} else {
		s.lex = sync.OnceValue(func() *lexicon.Lexicon {
			l, err := lexicon.Load()
			if err != nil {
				s.log.Error("load lexicon", "err", err)
				return nil
			}
			return l
		})
	}
	return secure(s.logged(s.routes()))
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logged logs every request at debug level with its status and duration, and slow
// ones (over a second) as warnings.
func (s *server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		d := s.now().Sub(start)
		level := slog.LevelDebug
		if d > time.Second {
			level = slog.LevelWarn
		}
		s.log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "duration", d)
	})
}

// secure adds the security headers every answer carries. Documents are untrusted, so the
// policy allows scripts and styles from this server only, with no inline code and no eval.
func secure(next http.Handler) http.Handler {
	const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
		"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
		"frame-ancestors 'none'; form-action 'self'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}
