package extract

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dossier"
	"dossier/internal/eval"
	"dossier/internal/lexicon"
)

// seedEntityF1Floor is the committed floor of the typed entity F1 on the seed brief
// (score_doc.py's rules). It only goes up.
const seedEntityF1Floor = 0.955

// examplesEntityF1Floor is the committed floor of the micro typed entity F1 over the
// annotated sample corpus (../../examples/gold against ../../examples/corpus, .txt and
// .md documents). It only goes up.
const examplesEntityF1Floor = 0.965

var (
	lexOnce sync.Once
	lexVal  *lexicon.Lexicon
	lexErr  error
)

// testExtractor returns an Extractor over the builtin lexicon, loaded once per test binary.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	lexOnce.Do(func() { lexVal, lexErr = lexicon.Load() })
	if lexErr != nil {
		t.Fatalf("lexicon.Load: %v", lexErr)
	}
	return New(lexVal)
}

// sharedFile reads a file of ../shared, skipping the test when it is missing outside CI.
func sharedFile(t *testing.T, parts ...string) []byte {
	t.Helper()
	path := filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("read %s: %v", path, err)
		}
		t.Skipf("%s not available: %v", path, err)
	}
	return b
}

func TestSeedEntities(t *testing.T) {
	src := string(sharedFile(t, "seed", "brief-27.txt"))
	g, err := os.Open(filepath.Join("..", "..", "..", "shared", "seed", "gold", "brief-27.json"))
	if err != nil {
		t.Fatalf("open gold: %v", err)
	}
	defer g.Close()
	gold, err := eval.ReadGold(g)
	if err != nil {
		t.Fatalf("read gold: %v", err)
	}
	x := testExtractor(t)
	out := x.Extract(src, Options{DocDate: dossier.Date{Year: 2023, Month: 3}})
	if err := out.CheckSpans(src); err != nil {
		t.Fatalf("span invariant: %v", err)
	}
	for _, e := range out.Entities {
		if len(e.Mentions) == 0 {
			t.Errorf("entity %s %q has no mention", e.ID, e.Name)
		}
		if os.Getenv("DUMP") != "" {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, m.Text+"/"+string(m.Form)[:1])
			}
			t.Logf("%s %s %q aliases=%q roles=%q %q", e.ID, e.Type, e.Name, e.Aliases, e.Roles, ms)
		}
	}
	sc := eval.ScoreDoc(gold, out)
	t.Logf("seed entity P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", sc.Entity.P(), sc.Entity.R(), sc.Entity.F1(), sc.Entity.TP, sc.Entity.Pred, sc.Entity.Gold)
	t.Logf("missing: %q", sc.Missing)
	t.Logf("spurious: %q", sc.Spurious)
	if f := sc.Entity.F1(); f < seedEntityF1Floor {
		t.Errorf("seed entity F1 = %.3f, below the floor %.3f", f, seedEntityF1Floor)
	}
}

// blankFrontMatter replaces a leading "---" front matter block of a Markdown document with
// spaces, as ingest drops it, keeping every offset.
func blankFrontMatter(src string) string {
	if !strings.HasPrefix(src, "---\n") {
		return src
	}
	end := strings.Index(src[4:], "\n---\n")
	if end < 0 {
		return src
	}
	end += 4 + 5
	b := []byte(src)
	for i := 0; i < end; i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

func TestExamplesEntities(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join("..", "..", "examples", "gold", "*.json"))
	if len(golds) == 0 {
		t.Skip("no annotated examples")
	}
	x := testExtractor(t)
	var tot eval.DocScore
	docs := 0
	for _, g := range golds {
		slug := strings.TrimSuffix(filepath.Base(g), ".json")
		var src []byte
		var err error
		for _, ext := range []string{".txt", ".md"} {
			if src, err = os.ReadFile(filepath.Join("..", "..", "examples", "corpus", slug+ext)); err == nil {
				break
			}
		}
		if err != nil {
			continue // an HTML document: ingest's tests cover it
		}
		f, err := os.Open(g)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := eval.ReadGold(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		text := blankFrontMatter(string(src))
		out := x.Extract(text, Options{Series: frontSeries(string(src))})
		if err := out.CheckSpans(text); err != nil {
			t.Errorf("%s: %v", slug, err)
		}
		sc := eval.ScoreDoc(gold, out)
		t.Logf("%-36s entity F1 %.3f  missing %q  spurious %q", slug, sc.Entity.F1(), sc.Missing, sc.Spurious)
		tot.Add(sc)
		docs++
	}
	t.Logf("%d documents: entity P=%.3f R=%.3f F1=%.3f", docs, tot.Entity.P(), tot.Entity.R(), tot.Entity.F1())
	if f := tot.Entity.F1(); docs > 0 && f < examplesEntityF1Floor {
		t.Errorf("examples entity F1 = %.3f, below the floor %.3f", f, examplesEntityF1Floor)
	}
}

// frontSeries returns the "series:" value of a Markdown document's front matter, as
// ingest reads it, or "".
func frontSeries(src string) string {
	if !strings.HasPrefix(src, "---\n") {
		return ""
	}
	end := strings.Index(src[4:], "\n---\n")
	if end < 0 {
		return ""
	}
	for _, line := range strings.Split(src[4:4+end], "\n") {
		if v, ok := strings.CutPrefix(line, "series:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}
