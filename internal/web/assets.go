package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"dossier"
)

// files holds the UI page and the bundle built from web/ (make assets).
//
//go:embed assets/index.html assets/favicon.svg assets/dist
var files embed.FS

// asset is one embedded file with its content type and a strong ETag.
type asset struct {
	body  []byte
	ctype string
	etag  string
}

// assetSet is the immutable set of embedded files, keyed by URL path.
type assetSet struct {
	index asset
	byURL map[string]asset
}

// loadAssets reads the embedded files once. Missing files (a bundle not yet built) leave
// the set without them; the UI page is always present.
func loadAssets() *assetSet {
	set := &assetSet{byURL: map[string]asset{}}
	_ = fs.WalkDir(files, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return nil
		}
		ct := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".js", ".mjs":
			ct = "text/javascript; charset=utf-8"
		case ".json":
			ct = "application/json"
		case ".css":
			ct = "text/css; charset=utf-8"
		case ".svg":
			ct = "image/svg+xml"
		case ".txt":
			ct = "text/plain; charset=utf-8"
		}
		if ct == "" {
			ct = "application/octet-stream"
		}
		sum := sha256.Sum256(b)
		a := asset{body: b, ctype: ct, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		if p == "assets/index.html" {
			a.ctype = "text/html; charset=utf-8"
			set.index = a
			return nil
		}
		set.byURL["/"+p] = a
		return nil
	})
	return set
}

// serve writes a, answering 304 when the client's ETag matches.
func (a asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", "no-cache")
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}

// handleAsset serves GET /assets/{path...}.
func (s *server) handleAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets.byURL[r.URL.Path]
	if !ok {
		s.fail(w, r, fmt.Errorf("asset %s: %w", r.URL.Path, dossier.ErrNotFound))
		return
	}
	a.serve(w, r)
}

// handlePage serves the UI page for every UI route; the script renders the view the
// path names.
func (s *server) handlePage(w http.ResponseWriter, r *http.Request) {
	s.assets.index.serve(w, r)
}

// openapi is the hand-written OpenAPI 3 description of the JSON API.
//
//go:embed openapi.json
var openapi []byte

// handleOpenAPI serves GET /api/openapi.json.
func (s *server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	asset{body: openapi, ctype: "application/json", etag: etagOf(openapi)}.serve(w, r)
}

// etagOf returns a strong ETag for b.
func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}
