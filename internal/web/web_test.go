package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
	"dossier/internal/web/internal/fixture"
)

// shared is the team's shared directory, beside the repository root.
var sharedDir = filepath.Join("..", "..", "..", "shared")

// env is a handler over a real SQLite store holding the fixture documents.
type env struct {
	h       http.Handler
	st      *store.Store
	brief   fixture.Doc
	hostile fixture.Doc
}

func newEnv(t *testing.T, opts Options) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	brief, err := fixture.Brief27(sharedDir, now)
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	hostile := fixture.Hostile(now)
	for _, d := range []fixture.Doc{brief, hostile} {
		if _, err := st.PutDocument(ctx, d.Doc, d.Ex, "fixture"); err != nil {
			t.Fatalf("PutDocument(%s): %v", d.Doc.Title, err)
		}
	}
	return &env{h: New(st, opts), st: st, brief: brief, hostile: hostile}
}

// do sends a request and returns the recorded answer.
func (e *env) do(method, target string, body io.Reader, ctype string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec
}

func (e *env) get(target string) *httptest.ResponseRecorder { return e.do("GET", target, nil, "") }

// entityID finds the global id of the entity named name.
func (e *env) entityID(t *testing.T, name string) int64 {
	t.Helper()
	ent, err := e.st.FindEntity(context.Background(), name)
	if err != nil {
		t.Fatalf("FindEntity(%q): %v", name, err)
	}
	return ent.ID
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{fmt.Errorf("entity 9: %w", dossier.ErrNotFound), 404},
		{fmt.Errorf("date: %w", dossier.ErrInvalid), 400},
		{&dossier.InputError{Op: "ingest", Path: "a.bin", Err: errors.New("bad bytes")}, 400},
		{fmt.Errorf("merge: %w", dossier.ErrConflict), 409},
		{fmt.Errorf("pdf: %w", dossier.ErrUnsupported), 415},
		{&dossier.InputError{Op: "ingest", Path: "x.pdf", Err: dossier.ErrUnsupported}, 415},
		{fmt.Errorf("read: %w", &http.MaxBytesError{Limit: 10}), 413},
		{errors.New("disk on fire"), 500},
	}
	for _, tt := range tests {
		if got := statusOf(tt.err); got != tt.want {
			t.Errorf("statusOf(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestAPIStatusCodes(t *testing.T) {
	e := newEnv(t, Options{})
	docID := e.brief.Doc.ID
	putin := e.entityID(t, "Vladimir Putin")
	tests := []struct {
		target string
		want   int
	}{
		{"/api/stats", 200},
		{"/api/documents", 200},
		{"/api/documents?limit=1&offset=1", 200},
		{"/api/documents?limit=0", 400},
		{"/api/documents?limit=abc", 400},
		{"/api/documents?known_at=yesterday", 400},
		{"/api/documents/" + docID, 200},
		{"/api/documents/" + docID[:14], 200},
		{"/api/documents/sha256:0000000000000000", 404},
		{"/api/documents/" + docID + "/extraction", 200},
		{"/api/documents/sha256:0000000000000000/extraction", 404},
		{"/api/entities", 200},
		{"/api/entities?type=PERSON&order=degree", 200},
		{"/api/entities?type=WIZARD", 400},
		{"/api/entities?order=sideways", 400},
		{"/api/entities/999999", 404},
		{"/api/entities/" + fmt.Sprint(putin) + "?as_of=2023-02-30", 400},
		{"/api/claims/999999", 404},
		{"/api/graph?relation_type=HUGS", 400},
		{"/api/graph?since=2023-13", 400},
		{"/api/graph?depth=9", 400},
		{"/api/edges?source=1&target=2", 400},
		{"/api/edges?source=999998&target=999999&type=AID", 404},
		{"/api/path?from=&to=1", 400},
		{"/api/timeline?until=soon", 400},
		{"/api/search?q=Patrushev", 200},
		{"/api/search", 400},
		{"/api/search?q=Patrushev&limit=-1", 400},
		{"/api/audit?limit=5000", 400},
		{"/api/nothing", 404},
		{"/api/openapi.json", 200},
		{"/api/export?format=pdf", 400},
		{"/api/export?format=stix&depth=-1", 400},
		{"/api/export?format=stix&entity=Nobody+At+All", 404},
	}
	for _, tt := range tests {
		rec := e.get(tt.target)
		if rec.Code != tt.want {
			t.Errorf("GET %s = %d, want %d (body %s)", tt.target, rec.Code, tt.want, rec.Body.String())
			continue
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q, want JSON", tt.target, ct)
		}
		if rec.Code >= 400 {
			var body errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error == "" {
				t.Errorf("GET %s: error body %q is not {\"error\": ...}", tt.target, rec.Body.String())
			}
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	e := newEnv(t, Options{})
	if rec := e.do("DELETE", "/api/documents", nil, ""); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("DELETE /api/documents = %d, want 405", rec.Code)
	}
	if rec := e.do("GET", "/api/undo/1", nil, ""); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET /api/undo/1 = %d, want 405", rec.Code)
	}
}

func TestDocumentAndExtraction(t *testing.T) {
	e := newEnv(t, Options{})
	rec := e.get("/api/documents/" + e.brief.Doc.ID)
	var doc dossier.Document
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("document: %v", err)
	}
	if doc.Text != e.brief.Doc.Text || doc.ID != e.brief.Doc.ID {
		t.Errorf("document %s: text or id differs from what was stored", doc.ID)
	}
	rec = e.get("/api/documents/" + e.brief.Doc.ID + "/extraction")
	var ex dossier.Extraction
	if err := json.Unmarshal(rec.Body.Bytes(), &ex); err != nil {
		t.Fatalf("extraction: %v", err)
	}
	if len(ex.Entities) == 0 || len(ex.Relations) == 0 {
		t.Fatalf("extraction has %d entities, %d relations; want some of each", len(ex.Entities), len(ex.Relations))
	}
	if err := ex.CheckSpans(doc.Text); err != nil {
		t.Errorf("extraction spans do not point into the served text: %v", err)
	}
}

func TestHostileDocumentIsEscapedJSON(t *testing.T) {
	e := newEnv(t, Options{})
	for _, target := range []string{"/api/documents/" + e.hostile.Doc.ID, "/api/documents", "/api/entities?limit=100"} {
		rec := e.get(target)
		if rec.Code != 200 {
			t.Fatalf("GET %s = %d", target, rec.Code)
		}
		if b := rec.Body.String(); strings.Contains(b, "<script") || strings.Contains(b, "<img") {
			t.Errorf("GET %s: raw markup in the JSON body; want it escaped", target)
		}
	}
}

func TestSearchParts(t *testing.T) {
	e := newEnv(t, Options{})
	rec := e.get("/api/search?q=Patrushev")
	var hits []searchHit
	if err := json.Unmarshal(rec.Body.Bytes(), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("search: %v, %d hits (body %s)", err, len(hits), rec.Body.String())
	}
	found := false
	for _, p := range hits[0].Parts {
		if p.Hit && strings.EqualFold(p.Text, "Patrushev") {
			found = true
		}
		if strings.ContainsAny(p.Text, markOpen+markClose) {
			t.Errorf("snippet part %q still carries a marker", p.Text)
		}
	}
	if !found {
		t.Errorf("search parts %+v: no highlighted Patrushev", hits[0].Parts)
	}
}

func TestSnippetParts(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"plain", "plain"},
		{"a " + markOpen + "b" + markClose + " c", "a |[b]| c"},
		{markOpen + "x" + markClose + markOpen + "y" + markClose, "[x]|[y]"},
		{"broken " + markOpen + "z", "broken z"},
	}
	for _, tt := range tests {
		var parts []string
		for _, p := range snippetParts(tt.in) {
			if p.Hit {
				parts = append(parts, "["+p.Text+"]")
			} else {
				parts = append(parts, p.Text)
			}
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("snippetParts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t, Options{})
	for _, target := range []string{"/", "/entities/1", "/api/stats", "/assets/dist/app.js", "/api/nothing"} {
		rec := e.get(target)
		csp := rec.Header().Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "style-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: CSP %q lacks %q", target, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe") {
			t.Errorf("GET %s: CSP %q allows unsafe sources", target, csp)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" || rec.Header().Get("Referrer-Policy") == "" {
			t.Errorf("GET %s: missing nosniff or Referrer-Policy", target)
		}
	}
}

func TestPagesAndAssets(t *testing.T) {
	e := newEnv(t, Options{})
	for _, target := range []string{"/", "/documents", "/documents/sha256:abc", "/entities", "/entities/12", "/graph", "/timeline", "/map", "/search?q=x", "/upload"} {
		rec := e.get(target)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			t.Errorf("GET %s = %d %s, want the HTML page", target, rec.Code, rec.Header().Get("Content-Type"))
			continue
		}
		body := rec.Body.String()
		if !strings.Contains(body, `src="/assets/dist/app.js"`) || regexp.MustCompile(`<script>|\son[a-z]+=|style=`).MatchString(body) {
			t.Errorf("GET %s: page lacks the bundle or has inline script or style", target)
		}
	}
	if rec := e.get("/nowhere"); rec.Code != 404 {
		t.Errorf("GET /nowhere = %d, want 404", rec.Code)
	}
	for path, ctype := range map[string]string{"/assets/dist/app.js": "text/javascript", "/assets/dist/style.css": "text/css",
		"/assets/dist/countries-110m.json": "application/json", "/assets/favicon.svg": "image/svg+xml"} {
		rec := e.get(path)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), ctype) || rec.Body.Len() == 0 {
			t.Errorf("GET %s = %d %q (%d bytes), want %s", path, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len(), ctype)
			continue
		}
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
		again := httptest.NewRecorder()
		e.h.ServeHTTP(again, req)
		if again.Code != http.StatusNotModified {
			t.Errorf("GET %s with its ETag = %d, want 304", path, again.Code)
		}
	}
	if rec := e.get("/assets/dist/nothing.js"); rec.Code != 404 {
		t.Errorf("GET missing asset = %d, want 404", rec.Code)
	}
}

// multipartBody returns a multipart form with one file field.
func multipartBody(t *testing.T, field, name string, content []byte) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func TestUpload(t *testing.T) {
	seen := map[string]bool{}
	ingest := func(ctx context.Context, name string, r io.Reader) (string, bool, error) {
		b, err := io.ReadAll(r)
		if err != nil {
			return "", false, err
		}
		if strings.HasSuffix(name, ".exe") {
			return "", false, &dossier.InputError{Op: "ingest", Path: name, Err: dossier.ErrUnsupported}
		}
		id := "sha256:" + fmt.Sprintf("%x", len(b))
		isNew := !seen[id]
		seen[id] = true
		return id, isNew, nil
	}
	e := newEnv(t, Options{Ingest: ingest, MaxUpload: 1024})
	small := []byte("A short note about Kandahar.")
	tests := []struct {
		name, field, file string
		content           []byte
		want              int
	}{
		{"new file", "file", "note.txt", small, 201},
		{"same file again", "file", "note.txt", small, 200},
		{"unsupported", "file", "tool.exe", small, 415},
		{"no file field", "other", "note.txt", small, 400},
		{"too large", "file", "big.txt", bytes.Repeat([]byte("x"), 4096), 413},
	}
	for _, tt := range tests {
		body, ct := multipartBody(t, tt.field, tt.file, tt.content)
		rec := e.do("POST", "/api/upload", body, ct)
		if rec.Code != tt.want {
			t.Errorf("%s: POST /api/upload = %d, want %d (body %s)", tt.name, rec.Code, tt.want, rec.Body.String())
		}
	}
	if rec := e.do("POST", "/api/upload", strings.NewReader("x"), "text/plain"); rec.Code != 415 {
		t.Errorf("POST /api/upload as text/plain = %d, want 415", rec.Code)
	}
	// A body that lies about nothing but streams past the limit (no Content-Length).
	body, ct := multipartBody(t, "file", "big.txt", bytes.Repeat([]byte("y"), 4096))
	req := httptest.NewRequest("POST", "/api/upload", io.MultiReader(body))
	req.ContentLength = -1
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	if rec.Code != 413 {
		t.Errorf("streamed oversize upload = %d, want 413", rec.Code)
	}
	off := newEnv(t, Options{})
	body, ct = multipartBody(t, "file", "note.txt", small)
	if rec := off.do("POST", "/api/upload", body, ct); rec.Code != http.StatusNotImplemented {
		t.Errorf("upload without Ingest = %d, want 501", rec.Code)
	}
}

func TestJSONBodyLimits(t *testing.T) {
	e := newEnv(t, Options{})
	id := e.entityID(t, "Nikolai Patrushev")
	target := fmt.Sprintf("/api/entities/%d/rename", id)
	huge := `{"name": "` + strings.Repeat("a", maxJSONBody+10) + `"}`
	tests := []struct {
		name, body, ctype string
		want              int
	}{
		{"too large", huge, "application/json", 413},
		{"not JSON", "name=x", "application/json", 400},
		{"unknown field", `{"nom": "x"}`, "application/json", 400},
		{"trailing data", `{"name": "x"} {}`, "application/json", 400},
		{"empty", ``, "application/json", 400},
		{"form content type", `{"name": "x"}`, "application/x-www-form-urlencoded", 415},
		{"empty name", `{"name": "  "}`, "application/json", 400},
	}
	for _, tt := range tests {
		rec := e.do("POST", target, strings.NewReader(tt.body), tt.ctype)
		if rec.Code != tt.want {
			t.Errorf("%s: POST %s = %d, want %d (body %.200s)", tt.name, target, rec.Code, tt.want, rec.Body.String())
		}
	}
}

// apiPath turns a mux pattern into its method and OpenAPI path.
func apiPath(pattern string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	return strings.ToLower(method), path
}

func TestOpenAPIListsEveryRoute(t *testing.T) {
	e := newEnv(t, Options{})
	rec := e.get("/api/openapi.json")
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("openapi.json does not parse: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	served := map[string]bool{}
	for _, r := range apiRoutes(&server{}) {
		m, p := apiPath(r.pattern)
		served[m+" "+p] = true
		if _, ok := doc.Paths[p][m]; !ok {
			t.Errorf("route %q is not described in openapi.json", r.pattern)
		}
	}
	for p, ops := range doc.Paths {
		for m := range ops {
			if !served[m+" "+p] {
				t.Errorf("openapi.json describes %s %s, which the server does not serve", m, p)
			}
		}
	}
	// Every described path answers something other than the catch-all 404.
	for key := range served {
		m, p, _ := strings.Cut(key, " ")
		p = strings.NewReplacer("{id}", "1", "{action}", "1").Replace(p)
		rec := e.do(strings.ToUpper(m), p, strings.NewReader("{}"), "application/json")
		var body errorBody
		_ = json.Unmarshal(rec.Body.Bytes(), &body)
		if strings.HasPrefix(body.Error, "no such API route") || rec.Code == http.StatusMethodNotAllowed {
			t.Errorf("%s %s is described but not routed (%d)", m, p, rec.Code)
		}
	}
}

func TestPlacesTakeLexiconCoordinates(t *testing.T) {
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatalf("lexicon: %v", err)
	}
	var known *lexicon.Entry
	for _, e := range lex.Entries() {
		if e.Type == dossier.Location && e.KBID != "" && (e.Lat != 0 || e.Lon != 0) && len(e.Name) > 3 {
			known = e
			break
		}
	}
	if known == nil {
		t.Fatal("the lexicon has no located place")
	}
	e := newEnv(t, Options{Lexicon: lex})
	text := "Fighting was reported near " + known.Name + " on Monday."
	i := strings.Index(text, known.Name)
	kb := known.KBID
	doc := &dossier.Document{ID: "sha256:00ff", Title: "place", Text: text, Format: "txt", Lang: "en", Marking: dossier.DefaultMarking}
	ex := &dossier.Extraction{Entities: []dossier.Entity{{ID: "e1", Name: known.Name, Type: dossier.Location, KBID: &kb,
		Mentions: []dossier.Mention{{Span: dossier.SpanOf(text, i, i+len(known.Name)), Form: dossier.FormName}}}}}
	ex.Normalize()
	if _, err := e.st.PutDocument(context.Background(), doc, ex, "test"); err != nil {
		t.Fatalf("PutDocument: %v", err)
	}
	var places []struct {
		Name string   `json:"name"`
		KBID string   `json:"kb_id"`
		Lat  *float64 `json:"lat"`
	}
	rec := e.get("/api/places?type=LOCATION")
	if err := json.Unmarshal(rec.Body.Bytes(), &places); err != nil {
		t.Fatalf("places: %v (%s)", err, rec.Body.String())
	}
	found := false
	for _, p := range places {
		if p.KBID == known.KBID {
			found = true
			if p.Lat == nil || *p.Lat != known.Lat {
				t.Errorf("place %s: lat %v, want %v from the lexicon", p.Name, p.Lat, known.Lat)
			}
		}
	}
	if !found {
		t.Errorf("GET /api/places lacks %s (%s)", known.Name, known.KBID)
	}
	if rec := e.get("/api/places?type=ROBOT"); rec.Code != 400 {
		t.Errorf("places with a bad type = %d, want 400", rec.Code)
	}
}

func TestSlowRequestsAreLogged(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	now := func() time.Time {
		clock = clock.Add(1500 * time.Millisecond) // every request looks slow
		return clock
	}
	e := newEnv(t, Options{Logger: slog.New(slog.NewTextHandler(&buf, nil)), Now: now})
	e.get("/api/entities/999999")
	if out := buf.String(); !strings.Contains(out, "level=WARN") || !strings.Contains(out, "status=404") || !strings.Contains(out, "duration=1.5s") {
		t.Errorf("log = %q, want a WARN line with status=404 and duration=1.5s", out)
	}
}

func TestExportStreams(t *testing.T) {
	e := newEnv(t, Options{})
	tests := []struct {
		target, contentType, prefix string
	}{
		{"/api/export?format=graphml", "application/xml", "<?xml"},
		{"/api/export?format=stix", "application/stix+json", "{"},
		{"/api/export?format=csv&table=nodes", "text/csv", "id,"},
	}
	for _, tt := range tests {
		rec := e.get(tt.target)
		if rec.Code != 200 {
			t.Errorf("GET %s = %d, want 200 (body %.200s)", tt.target, rec.Code, rec.Body.String())
			continue
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
			t.Errorf("GET %s: Content-Type %q, want %s", tt.target, ct, tt.contentType)
		}
		if body := strings.TrimSpace(rec.Body.String()); !strings.HasPrefix(body, tt.prefix) || !strings.Contains(body, "Patrushev") {
			t.Errorf("GET %s: body %.120q does not start with %q or lacks the seed's entities", tt.target, body, tt.prefix)
		}
	}
}
