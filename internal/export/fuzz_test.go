package export

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"dossier"
)

// FuzzScanBundle feeds arbitrary input to the validating pass of the STIX import: it
// must never panic, and it rejects input only with ErrInvalid (or the context's error).
func FuzzScanBundle(f *testing.F) {
	f.Add([]byte(bundleHead + `]}`))
	f.Add([]byte(bundleHead + `{"type":"identity","id":"identity--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e40"}]}`))
	f.Add([]byte(bundleHead + `{"type":"report","id":"report--0b6b1c5e-7c8a-4f3e-9a55-3c3f1c1d2e40","extensions":{"` +
		ExtensionID() + `":{"doc_id":"x","text":"abc","ingested_at":"2024-01-01T00:00:00Z","extraction":{"entities":[{"id":"e1","type":"PERSON","mentions":[{"start":0,"end":9,"text":"abc"}]}]}}}}]}`))
	f.Add([]byte(`{"objects":[1,2,{}],"type":"bundle"}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, _, err := scanBundle(context.Background(), bytes.NewReader(data), ImportResult{Skipped: map[string]int{}}, 1<<20)
		if err != nil && !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("scanBundle(%q) = %v, want ErrInvalid", data, err)
		}
		if res.Objects < 0 {
			t.Errorf("negative object count")
		}
	})
}
