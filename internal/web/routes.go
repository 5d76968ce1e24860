package web

import (
	"fmt"
	"net/http"
	"strings"

	"dossier"
)

// routes is the one place that lists every route the server answers. openapi.json must
// describe each /api/ pattern here (a test checks it).
func (s *server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	for _, p := range apiRoutes(s) {
		mux.HandleFunc(p.pattern, p.handler)
	}
	// UI pages: the same page for each view; the script renders what the path names.
	for _, p := range []string{"/{$}", "/documents", "/documents/{id}", "/entities", "/entities/{id}",
		"/graph", "/timeline", "/map", "/search", "/upload"} {
		mux.HandleFunc("GET "+p, s.handlePage)
	}
	mux.HandleFunc("GET /assets/", s.handleAsset)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/assets/favicon.svg", http.StatusMovedPermanently)
	})
	// Anything else under /api/ gets a JSON 404, or a JSON 405 when another method is served.
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, p := mux.Handler(probe); p != "/api/" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.writeJSON(w, http.StatusMethodNotAllowed, errorBody{Error: r.Method + " not allowed on " + r.URL.Path})
			return
		}
		s.fail(w, r, fmt.Errorf("no such API route: %s %s: %w", r.Method, r.URL.Path, dossier.ErrNotFound))
	})
	return mux
}

// route is one API pattern and its handler.
type route struct {
	pattern string
	handler http.HandlerFunc
}

// apiRoutes lists the JSON API.
func apiRoutes(s *server) []route {
	return []route{
		{"GET /api/openapi.json", s.handleOpenAPI},
		{"GET /api/stats", s.handleStats},
		{"GET /api/documents", s.handleDocuments},
		{"GET /api/documents/{id}", s.handleDocument},
		{"GET /api/documents/{id}/extraction", s.handleExtraction},
		{"GET /api/entities", s.handleEntities},
		{"GET /api/entities/{id}", s.handleProfile},
		{"GET /api/claims/{id}", s.handleClaims},
		{"GET /api/graph", s.handleGraph},
		{"GET /api/edges", s.handleEdge},
		{"GET /api/path", s.handlePath},
		{"GET /api/timeline", s.handleTimeline},
		{"GET /api/search", s.handleSearch},
		{"GET /api/audit", s.handleAudit},
		{"GET /api/places", s.handlePlaces},
		{"GET /api/export", s.handleExport},
		{"POST /api/entities/{id}/merge", s.versioned(s.handleMerge)},
		{"POST /api/entities/{id}/rename", s.versioned(s.handleRename)},
		{"POST /api/entities/{id}/retype", s.versioned(s.handleRetype)},
		{"POST /api/entities/{id}/aliases", s.versioned(s.handleAliases)},
		{"POST /api/entities/{id}/split", s.versioned(s.handleSplit)},
		{"POST /api/relations/{id}/reject", s.handleReject},
		{"POST /api/relations/{id}/confirm", s.handleConfirm},
		{"POST /api/notes", s.handleNote},
		{"POST /api/undo/{action}", s.handleUndo},
		{"POST /api/upload", s.handleUpload},
	}
}
