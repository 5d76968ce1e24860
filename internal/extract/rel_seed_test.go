package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"dossier"
	"dossier/internal/eval"
)

// Committed floors of the relation stage on the seed brief (score_doc.py's rules). They
// only go up.
const (
	seedRelationPrecisionFloor = 0.85
	seedRelationF1Floor        = 0.80
	seedLinkedF1Floor          = 0.82
	seedEventF1Floor           = 0.85
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

// TestConfidenceCalibration compares, on the seed and the held-out texts, the mean confidence of the relations
// in each confidence band with the share of them that are right (score_doc.py's
// matching). The seed is development data, so observed precision runs above what held-out
// text gets; the bound only catches gross miscalibration.
func TestConfidenceCalibration(t *testing.T) {
	src, gold := readSeed(t)
	x := testExtractor(t)
	out := x.Extract(src, Options{DocDate: dossier.Date{Year: 2023, Month: 3}})
	type band struct {
		n, right int
		sum      float64
	}
	var bands [4]band
	add := func(c float64, right bool) {
		b := int(c * 4)
		if b > 3 {
			b = 3
		}
		bands[b].n++
		bands[b].sum += c
		if right {
			bands[b].right++
		}
	}
	for _, r := range out.Relations {
		one := &dossier.Extraction{Entities: out.Entities, Relations: []dossier.Relation{r}}
		add(r.Confidence, eval.ScoreDoc(gold, one).Relation.TP == 1)
	}
	_, _, _, judged := heldOutCounts(t)
	for _, j := range judged {
		add(j.r.Confidence, j.right)
	}
	gap, n := 0.0, 0
	for i, b := range bands {
		if b.n == 0 {
			continue
		}
		mean, prec := b.sum/float64(b.n), float64(b.right)/float64(b.n)
		t.Logf("confidence band %.2f-%.2f: %d relations, mean confidence %.2f, precision %.2f", float64(i)/4, float64(i+1)/4, b.n, mean, prec)
		d := prec - mean
		if d < 0 {
			d = -d
		}
		gap += d * float64(b.n)
		n += b.n
	}
	if n > 0 {
		gap /= float64(n)
		t.Logf("mean absolute calibration gap %.2f over %d relations", gap, n)
		if gap > 0.3 {
			t.Errorf("confidence is miscalibrated: mean gap %.2f > 0.3", gap)
		}
	}
}

// TestSeedDates checks that every date the extraction gives a relation or event that the
// gold also has, and dates, is the gold's date.
func TestSeedDates(t *testing.T) {
	src, gold := readSeed(t)
	var dated struct {
		Relations []struct {
			Type           dossier.RelationType
			Source, Target string
			Date           *string
		}
		Events []struct {
			Name string
			Date *string
		}
	}
	if err := json.Unmarshal(sharedFile(t, "seed", "gold", "brief-27.json"), &dated); err != nil {
		t.Fatalf("gold: %v", err)
	}
	x := testExtractor(t)
	out := x.Extract(src, Options{DocDate: dossier.Date{Year: 2023, Month: 3}})
	checked := 0
	for _, r := range out.Relations {
		if r.Date == nil {
			continue
		}
		one := &dossier.Extraction{Entities: out.Entities, Relations: []dossier.Relation{r}}
		if eval.ScoreDoc(gold, one).Relation.TP != 1 {
			continue
		}
		// the gold relations of the same key that carry a date
		var want []string
		for _, g := range dated.Relations {
			if g.Date == nil || g.Type != r.Type {
				continue
			}
			sub := &eval.Gold{Entities: gold.Entities, Relations: []eval.GoldRelation{{Type: g.Type, Source: g.Source, Target: g.Target}}}
			if eval.ScoreDoc(sub, one).Relation.TP == 1 {
				want = append(want, *g.Date)
			}
		}
		if len(want) == 0 {
			continue
		}
		checked++
		ok := false
		for _, w := range want {
			ok = ok || w == *r.Date
		}
		if !ok {
			t.Errorf("relation %s %s: date %s, gold has %q", r.ID, r.Type, *r.Date, want)
		}
	}
	for _, v := range out.Events {
		one := &dossier.Extraction{Entities: out.Entities, Events: []dossier.Event{v}}
		for _, g := range gold.Events {
			if g.Date == "" {
				continue
			}
			sub := &eval.Gold{Entities: gold.Entities, Events: []eval.GoldEvent{g}}
			if eval.ScoreDoc(sub, one).Event.TP == 1 {
				checked++
				if v.Date == nil || *v.Date != g.Date {
					t.Errorf("event %s: date %v, gold %s", v.ID, derefT(v.Date), g.Date)
				}
			}
		}
	}
	t.Logf("%d dates checked against the gold", checked)
	if checked < 3 {
		t.Errorf("only %d dated gold facts found, want at least 3", checked)
	}
}
