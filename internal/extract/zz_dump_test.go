//go:build zzdump

package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/internal/ingest"
)

// Temporary: dumps extract --json outputs for score_doc.py while the CLI does not build.
func TestZZDump(t *testing.T) {
	out := os.Getenv("ZZ_OUT")
	x := testExtractor(t)
	paths, _ := filepath.Glob("../../examples/corpus/*")
	paths = append(paths, "../../../shared/seed/brief-27.txt")
	for _, p := range paths {
		doc, err := ingest.File(p, ingest.Options{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }})
		if err != nil {
			t.Logf("%s: %v", p, err)
			continue
		}
		ex := x.Extract(doc.Text, Options{DocDate: doc.Date})
		ex.Normalize()
		ex.Document = doc.Info()
		slug := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		b, _ := json.Marshal(ex)
		os.WriteFile(filepath.Join(out, slug+".json"), b, 0o644)
	}
}

func TestZZText(t *testing.T) {
	x := testExtractor(t)
	ex := x.Extract(os.Getenv("ZZ_TEXT"), Options{})
	ex.Normalize()
	b, _ := json.Marshal(ex)
	os.WriteFile("/tmp/r2/x.json", b, 0o644)
}
