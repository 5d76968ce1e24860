package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"

	"dossier/internal/store/sqlite"
	"dossier/internal/web"
)

// The handler serves the JSON API and the UI over one store; `dossier serve` wraps it in
// an http.Server with timeouts.
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "web-example")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "dossier.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	h := web.New(st, web.Options{})
	for _, target := range []string{"/api/stats", "/api/entities/42", "/"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		fmt.Println(target, rec.Code, rec.Header().Get("Content-Type"))
	}
	// Output:
	// /api/stats 200 application/json; charset=utf-8
	// /api/entities/42 404 application/json; charset=utf-8
	// / 200 text/html; charset=utf-8
}
