package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/eval"
)

// Committed floors of the relation stage on the plain-text documents of the second
// development set (examples/corpus with examples/gold), scored with score_doc.py's rules
// (eval.ScoreDoc). They only go up.
const (
	devRelationPrecisionFloor = 0.94
	devRelationF1Floor        = 0.68
	devLinkedF1Floor          = 0.73
	devEventF1Floor           = 0.66
)

func TestDevRelations(t *testing.T) {
	golds, err := filepath.Glob(filepath.Join("..", "..", "examples", "gold", "*.json"))
	if err != nil || len(golds) == 0 {
		t.Skipf("no development set: %v", err)
	}
	x := testExtractor(t)
	var sum eval.DocScore
	docs := 0
	for _, g := range golds {
		slug := strings.TrimSuffix(filepath.Base(g), ".json")
		src, err := os.ReadFile(filepath.Join("..", "..", "examples", "corpus", slug+".txt"))
		if err != nil {
			continue // Markdown and HTML documents need the ingest parsers
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
		var hdr struct {
			DocDate string `json:"doc_date"`
		}
		b, _ := os.ReadFile(g)
		_ = json.Unmarshal(b, &hdr)
		doc, _ := dossier.ParseDate(hdr.DocDate)
		out := x.Extract(string(src), Options{DocDate: doc})
		if err := out.CheckSpans(string(src)); err != nil {
			t.Fatalf("%s: span invariant: %v", slug, err)
		}
		sc := eval.ScoreDoc(gold, out)
		t.Logf("%-36s relation F1=%.3f linked F1=%.3f event F1=%.3f", slug, sc.Relation.F1(), sc.Linked.F1(), sc.Event.F1())
		sum.Add(sc)
		docs++
	}
	if docs == 0 {
		t.Skip("no plain-text development documents")
	}
	t.Logf("dev relation P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", sum.Relation.P(), sum.Relation.R(), sum.Relation.F1(), sum.Relation.TP, sum.Relation.Pred, sum.Relation.Gold)
	t.Logf("dev linked   P=%.3f R=%.3f F1=%.3f", sum.Linked.P(), sum.Linked.R(), sum.Linked.F1())
	t.Logf("dev event    P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", sum.Event.P(), sum.Event.R(), sum.Event.F1(), sum.Event.TP, sum.Event.Pred, sum.Event.Gold)
	if p := sum.Relation.P(); p < devRelationPrecisionFloor {
		t.Errorf("dev relation precision %.3f below floor %.3f", p, devRelationPrecisionFloor)
	}
	if f := sum.Relation.F1(); f < devRelationF1Floor {
		t.Errorf("dev relation F1 %.3f below floor %.3f", f, devRelationF1Floor)
	}
	if f := sum.Linked.F1(); f < devLinkedF1Floor {
		t.Errorf("dev linked-pair F1 %.3f below floor %.3f", f, devLinkedF1Floor)
	}
	if f := sum.Event.F1(); f < devEventF1Floor {
		t.Errorf("dev event F1 %.3f below floor %.3f", f, devEventF1Floor)
	}
}
