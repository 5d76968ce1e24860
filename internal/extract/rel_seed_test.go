package extract

import (
	"os"
	"path/filepath"
	"testing"

	"dossier"
	"dossier/internal/eval"
)

// Committed floors of the relation stage on the seed brief (score_doc.py's rules). They
// only go up.
const (
	seedRelationPrecisionFloor = 0.0
	seedRelationF1Floor        = 0.0
	seedLinkedF1Floor          = 0.0
	seedEventF1Floor           = 0.0
)

func readSeed(t *testing.T) (string, *eval.Gold) {
	t.Helper()
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
	return src, gold
}

func TestSeedRelations(t *testing.T) {
	src, gold := readSeed(t)
	x := testExtractor(t)
	out := x.Extract(src, Options{DocDate: dossier.Date{Year: 2023, Month: 3}})
	if err := out.CheckSpans(src); err != nil {
		t.Fatalf("span invariant: %v", err)
	}
	name := map[string]string{}
	for _, e := range out.Entities {
		name[e.ID] = e.Name
	}
	for _, r := range out.Relations {
		if r.Confidence <= 0 || r.Confidence > 1 {
			t.Errorf("relation %s confidence %v outside (0,1]", r.ID, r.Confidence)
		}
		if os.Getenv("DUMP") != "" {
			t.Logf("%s %s %q -> %q conf=%.2f neg=%v hedged=%v date=%v place=%v q=%v attr=%v role=%v | %.90q",
				r.ID, r.Type, name[r.Source], name[r.Target], r.Confidence, r.Negated, r.Hedged,
				derefT(r.Date), derefT(r.Place), derefT(r.Quantity), derefT(r.AttributedTo), derefT(r.Role), r.Evidence.Text)
		}
	}
	for _, v := range out.Events {
		if os.Getenv("DUMP") != "" {
			var ps []string
			for _, p := range v.Participants {
				ps = append(ps, name[p])
			}
			t.Logf("%s %s name=%v date=%v place=%v parts=%q", v.ID, v.Type, derefT(v.Name), derefT(v.Date), derefT(v.Place), ps)
		}
	}
	sc := eval.ScoreDoc(gold, out)
	t.Logf("seed relation P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", sc.Relation.P(), sc.Relation.R(), sc.Relation.F1(), sc.Relation.TP, sc.Relation.Pred, sc.Relation.Gold)
	t.Logf("seed linked   P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", sc.Linked.P(), sc.Linked.R(), sc.Linked.F1(), sc.Linked.TP, sc.Linked.Pred, sc.Linked.Gold)
	t.Logf("seed event    P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", sc.Event.P(), sc.Event.R(), sc.Event.F1(), sc.Event.TP, sc.Event.Pred, sc.Event.Gold)
	if p := sc.Relation.P(); p < seedRelationPrecisionFloor {
		t.Errorf("seed relation precision %.3f below floor %.3f", p, seedRelationPrecisionFloor)
	}
	if f := sc.Relation.F1(); f < seedRelationF1Floor {
		t.Errorf("seed relation F1 %.3f below floor %.3f", f, seedRelationF1Floor)
	}
	if f := sc.Linked.F1(); f < seedLinkedF1Floor {
		t.Errorf("seed linked-pair F1 %.3f below floor %.3f", f, seedLinkedF1Floor)
	}
	if f := sc.Event.F1(); f < seedEventF1Floor {
		t.Errorf("seed event F1 %.3f below floor %.3f", f, seedEventF1Floor)
	}
}

func derefT(p *string) string {
	if p == nil {
		return "-"
	}
	return *p
}
