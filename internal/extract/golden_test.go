package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenEntities extracts the entities of each testdata/entities/*.txt and compares them
// with the .json beside it. Run `go test -update` to rewrite the golden files after a
// deliberate change of output (and bump Version).
func TestGoldenEntities(t *testing.T) {
	x := testExtractor(t)
	files, err := filepath.Glob(filepath.Join("testdata", "entities", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range files {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		out := x.Extract(src, Options{})
		if err := out.CheckSpans(src); err != nil {
			t.Errorf("%s: %v", in, err)
		}
		got, err := json.MarshalIndent(out.Entities, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden := strings.TrimSuffix(in, ".txt") + ".json"
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%s: %v (run go test -update)", golden, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: entities differ from %s (run go test -update after a deliberate change):\n%s", in, golden, diffEntities(want, got))
		}
	}
}

// diffEntities lists the entities (type and name) only one of two JSON lists holds.
func diffEntities(want, got []byte) string {
	var w, g []dossier.Entity
	_ = json.Unmarshal(want, &w)
	_ = json.Unmarshal(got, &g)
	key := func(e dossier.Entity) string {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text)
		}
		return string(e.Type) + " " + e.Name + " [" + strings.Join(ms, ", ") + "]"
	}
	ws, gs := map[string]bool{}, map[string]bool{}
	for _, e := range w {
		ws[key(e)] = true
	}
	for _, e := range g {
		gs[key(e)] = true
	}
	var b strings.Builder
	for k := range ws {
		if !gs[k] {
			b.WriteString("- " + k + "\n")
		}
	}
	for k := range gs {
		if !ws[k] {
			b.WriteString("+ " + k + "\n")
		}
	}
	if b.Len() == 0 {
		b.WriteString("(same entities; ids, aliases, roles or offsets differ)\n")
	}
	return b.String()
}

// TestSpanInvariant checks text[start:end] == text for every mention of the seed brief and
// of every file in ../../examples, and that no entity lacks a mention.
func TestSpanInvariant(t *testing.T) {
	x := testExtractor(t)
	var paths []string
	seed := filepath.Join("..", "..", "..", "shared", "seed", "brief-27.txt")
	if _, err := os.Stat(seed); err == nil {
		paths = append(paths, seed)
	} else if os.Getenv("CI") == "true" {
		t.Fatalf("seed brief missing: %v", err)
	}
	for _, pat := range []string{"*.txt", "*.md", "*/*.txt", "*/*.md"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "examples", pat))
		paths = append(paths, m...)
	}
	m, _ := filepath.Glob(filepath.Join("testdata", "entities", "*.txt"))
	paths = append(paths, m...)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		out := x.Extract(src, Options{})
		if err := out.CheckSpans(src); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		for i, e := range out.Entities {
			if len(e.Mentions) == 0 {
				t.Errorf("%s: entity %s %q has no mention", p, e.ID, e.Name)
			}
			if want := "e" + itoa(i+1); e.ID != want {
				t.Errorf("%s: entity %d has id %s, want %s", p, i, e.ID, want)
			}
			if !e.Type.Valid() {
				t.Errorf("%s: entity %s has type %q", p, e.ID, e.Type)
			}
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
