package bench

import (
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// proseTypes maps prose's entity labels to CoNLL types.
var proseTypes = map[string]string{"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}

// devOrSkip loads the CoNLL dev set; without it the test fails under CI=true and is
// skipped elsewhere.
func devOrSkip(tb testing.TB) []Doc {
	tb.Helper()
	docs, err := LoadDev()
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("load CoNLL dev: %v", err)
		}
		tb.Skipf("load CoNLL dev: %v", err)
	}
	return docs
}

// proseModel loads prose's default model once (NewDocument would reload it per call).
func proseModel(tb testing.TB) *prose.Model {
	tb.Helper()
	d, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
	if err != nil {
		tb.Fatalf("prose: %v", err)
	}
	return d.Model
}

// proseEntities runs prose's tokenizer, tagger and entity extractor over text.
func proseEntities(tb testing.TB, m *prose.Model, text string) []Entity {
	d, err := prose.NewDocument(text, prose.UsingModel(m), prose.WithSegmentation(false))
	if err != nil {
		tb.Fatalf("prose: %v", err)
	}
	var out []Entity
	for _, e := range d.Entities() {
		out = append(out, Entity{Text: e.Text, Type: proseTypes[e.Label]})
	}
	return out
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n" +
		"call NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\n" +
		"LONDON NNP B-NP B-LOC\n"
	docs, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatalf("ReadCoNLL: %v", err)
	}
	if len(docs) != 2 {
		t.Fatalf("ReadCoNLL read %d documents, want 2", len(docs))
	}
	if want := "EU rejects German call\n\nPeter Blackburn"; docs[0].Text != want {
		t.Errorf("document text = %q, want %q", docs[0].Text, want)
	}
	if docs[0].Tokens != 6 {
		t.Errorf("document has %d tokens, want 6", docs[0].Tokens)
	}
	wantGold := []Entity{{"EU", "ORG"}, {"German", "MISC"}, {"Peter Blackburn", "PER"}}
	if len(docs[0].Gold) != len(wantGold) {
		t.Fatalf("gold = %v, want %v", docs[0].Gold, wantGold)
	}
	for i, e := range wantGold {
		if docs[0].Gold[i] != e {
			t.Errorf("gold[%d] = %v, want %v", i, docs[0].Gold[i], e)
		}
	}
	if _, err := ReadCoNLL(strings.NewReader("word NNP B-NP X-PER\n")); err == nil {
		t.Errorf("ReadCoNLL accepted the tag X-PER")
	}
}

func TestTextF1(t *testing.T) {
	gold := [][]Entity{{{"Paris", "LOC"}, {"Paris", "LOC"}, {"UN", "ORG"}, {"Cup", "MISC"}}}
	pred := [][]Entity{{{"Paris", "LOC"}, {"UN", "PER"}, {"Cup", "MISC"}}}
	p, r, f := TextF1(gold, pred)
	if p != 0.5 || r != 1.0/3 || f < 0.39 || f > 0.41 {
		t.Errorf("TextF1 = %.3f, %.3f, %.3f; want 0.500, 0.333, 0.400", p, r, f)
	}
}

func TestProseFindsEntities(t *testing.T) {
	docs := devOrSkip(t)
	m := proseModel(t)
	n := 0
	for _, d := range docs[:5] {
		n += len(proseEntities(t, m, d.Text))
	}
	if n == 0 {
		t.Errorf("prose found no entity in the first 5 CoNLL dev documents")
	}
}

// BenchmarkProseNER measures prose's tokenization, tagging and entity extraction over the
// CoNLL-2003 dev documents, fed exactly as dossier's eval feeds its extractor (sentences
// joined by blank lines, one text per document). Run it with -cpu 1 for tokens/s per core.
func BenchmarkProseNER(b *testing.B) {
	docs := devOrSkip(b)
	m := proseModel(b)
	tokens := 0
	for _, d := range docs {
		tokens += d.Tokens
	}
	// Quality on the side, outside the timed loop: approximate F1 by text and type.
	gold, pred := make([][]Entity, len(docs)), make([][]Entity, len(docs))
	for i, d := range docs {
		gold[i], pred[i] = d.Gold, proseEntities(b, m, d.Text)
	}
	_, _, f1 := TextF1(gold, pred)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			proseEntities(b, m, d.Text)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(f1, "textF1")
}
