package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRelationsGolden renders the relations and events of the held-out texts and compares
// them with testdata/rel_heldout.golden (rewrite it with go test -update after a
// deliberate change, and read the diff).
func TestRelationsGolden(t *testing.T) {
	var b strings.Builder
	for _, h := range heldOut {
		rels, evs, name := runRelate(t, h.text, h.ents, h.doc)
		fmt.Fprintf(&b, "== %s\n", h.name)
		for _, r := range rels {
			fmt.Fprintf(&b, "%s conf=%.2f\n", relString(r, name), r.Confidence)
		}
		for _, v := range evs {
			var ps []string
			for _, p := range v.Participants {
				ps = append(ps, name[p])
			}
			fmt.Fprintf(&b, "EVENT %s name=%s date=%s place=%s parts=%s\n", v.Type, derefT(v.Name), derefT(v.Date), name[derefT(v.Place)], strings.Join(ps, ", "))
		}
	}
	got := b.String()
	golden := filepath.Join("testdata", "rel_heldout.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%s: %v (run go test -update)", golden, err)
	}
	if string(want) != got {
		t.Errorf("relations differ from %s (run go test -update after a deliberate change):\n--- want\n%s\n--- got\n%s", golden, want, got)
	}
}
