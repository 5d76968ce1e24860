package web

import (
	"fmt"
	"net/http"
	"strings"

	"dossier"
	"dossier/internal/export"
	"dossier/internal/store"
)

// handleExport serves GET /api/export?format=F with the selection parameters of
// export.ParseSelection (entity, depth, since, until, types, table). The export streams:
// headers go out with the first bytes, so an error found before any output (a bad
// selection, an unknown entity) is still a JSON error with its status, while one after it
// ends the response early and is logged.
func (s *server) handleExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := strings.ToLower(strings.TrimSpace(q.Get("format")))
	sel, err := export.ParseSelection(q.Get)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lw := &lazyWriter{w: w, start: func() {
		w.Header().Set("Content-Type", export.ContentType(format, sel))
		w.Header().Set("Content-Disposition", `attachment; filename="dossier-export.`+exportExt(format, sel)+`"`)
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
	}}
	st, ok := s.st.(*store.Store)
	if !ok {
		s.fail(w, r, fmt.Errorf("export: this server's backend cannot export: %w", dossier.ErrUnsupported))
		return
	}
	if err := export.Write(r.Context(), st, lw, format, sel); err != nil {
		if !lw.started {
			s.fail(w, r, err)
			return
		}
		s.log.Error("export failed mid-stream", "format", format, "err", err)
	}
	if !lw.started {
		lw.start()
	}
}

// exportExt is the file extension of an export's download name.
func exportExt(format string, sel export.Selection) string {
	switch {
	case format == "stix":
		return "json"
	case format == "ftm" || format == "jsonl":
		return "jsonl"
	case format == "csv" && sel.Table == export.TableAll:
		return "zip"
	case format == "graphml" || format == "gexf" || format == "csv":
		return format
	}
	return "bin"
}

// lazyWriter calls start before the first byte it writes.
type lazyWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

// Write implements io.Writer.
func (l *lazyWriter) Write(p []byte) (int, error) {
	if !l.started {
		l.started = true
		l.start()
	}
	return l.w.Write(p)
}
