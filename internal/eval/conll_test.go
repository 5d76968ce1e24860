package eval_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/eval"
	"dossier/internal/extract"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// conllDevF1Floor is the committed floor of the micro F1 over PER, LOC and ORG on the
// CoNLL-2003 dev set (exact spans). It only goes up.
const conllDevF1Floor = 0.86

func TestCoNLLDev(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "eval", "conll2003", "dev.txt")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("open %s: %v", path, err)
		}
		t.Skipf("%s not available: %v", path, err)
	}
	defer f.Close()
	docs, err := eval.ReadCoNLL(f)
	if err != nil {
		t.Fatalf("ReadCoNLL: %v", err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatalf("lexicon.Load: %v", err)
	}
	x := extract.New(lex)
	fn := func(text string) []dossier.Entity {
		return x.Extract(text, extract.Options{}).Entities
	}
	if n, err := strconv.Atoi(os.Getenv("CONLL_DOC")); err == nil && n < len(docs) {
		var b strings.Builder
		for i, s := range docs[n].Sentences {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(s.Text)
		}
		t.Logf("doc %d:\n%s", n, b.String())
		for _, e := range fn(b.String()) {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, m.Text+"/"+string(m.Form))
			}
			t.Logf("%s %s %q %q", e.ID, e.Type, e.Name, ms)
		}
	}
	rep := eval.ScoreCoNLL(docs, fn)
	t.Logf("CoNLL-2003 dev:\n%s", rep)
	if out := os.Getenv("CONLL_ERRORS"); out != "" {
		var b strings.Builder
		for i, d := range docs {
			fmt.Fprintf(&b, "== doc %d\n", i)
			for _, l := range eval.Errors(d, fn) {
				b.WriteString(l + "\n")
			}
		}
		if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if rep.Docs < 200 || rep.Micro.Gold < 5000 {
		t.Fatalf("read %d documents with %d gold spans; want the whole dev set", rep.Docs, rep.Micro.Gold)
	}
	if f1 := rep.Micro.F1(); f1 < conllDevF1Floor {
		t.Errorf("CoNLL dev micro F1 = %.4f, below the floor %.4f", f1, conllDevF1Floor)
	}
}

// conllBench loads the CoNLL dev documents as texts (sentences joined by blank lines,
// the way ScoreCoNLL feeds the extractor) and an extractor, for the benchmarks below.
func conllBench(b *testing.B) (x *extract.Extractor, texts []string, ntok int) {
	b.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "eval", "conll2003", "dev.txt"))
	if err != nil {
		b.Skipf("dev set not available: %v", err)
	}
	defer f.Close()
	docs, err := eval.ReadCoNLL(f)
	if err != nil {
		b.Fatal(err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		b.Fatal(err)
	}
	x = extract.New(lex)
	for _, d := range docs {
		var sb strings.Builder
		for i, s := range d.Sentences {
			if i > 0 {
				sb.WriteString("\n\n")
			}
			sb.WriteString(s.Text)
			ntok += strings.Count(s.Text, " ") + 1
		}
		texts = append(texts, sb.String())
	}
	return x, texts, ntok
}

// BenchmarkExtractCoNLL measures full extraction (entities, relations, events) over the
// CoNLL-2003 dev documents, in tokens per second.
func BenchmarkExtractCoNLL(b *testing.B) {
	x, texts, ntok := conllBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			x.Extract(t, extract.Options{})
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEntitiesCoNLL measures entity extraction alone (sentence splitting and the
// entity stages) over the same documents: the figure make bench compares with prose.
func BenchmarkEntitiesCoNLL(b *testing.B) {
	x, texts, ntok := conllBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			x.Entities(t, text.Split(t))
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
