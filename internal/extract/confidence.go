package extract

// Confidence of a relation: the prior reliability of the rule that found it (the weight
// of its predicate in lexicon/data/predicates.tsv, or of the role and standing rules
// here) times factors for how its arguments were found, clamped to [0.05, 0.95].
//
// Calibration: the weights and factors were set so that, on the seed brief
// (../shared/seed) and the hand-annotated test texts of rel_test.go, the share of correct
// relations in each confidence band matches the band: TestConfidenceCalibration measures
// it on the seed (predicted confidence against observed precision per band) and fails
// when the mean absolute gap exceeds its committed bound.

import "dossier"

// argFactor is the reliability of an argument by how it was found.
func argFactor(how int) float64 {
	switch how {
	case argAdjacent, argPossessor, argPrep:
		return 1
	case argApposition:
		return 0.95
	case argLeftmost:
		return 0.8
	case argRelative:
		return 0.85
	case argPronoun:
		return 0.6
	}
	return 0.7
}

// confidence computes the confidence of candidate c, whose output form is r.
func (st *relState) confidence(c *cand, r *dossier.Relation) float64 {
	p := c.weight * argFactor(c.src.how) * argFactor(c.tgt.how)
	if c.rule == "passive" {
		p *= 0.95
	}
	if c.place >= 0 && c.typ != dossier.LocatedIn {
		p *= 0.9 // a place standing for its state
	}
	if r.Negated {
		p *= 0.85
	}
	if p < 0.05 {
		p = 0.05
	}
	if p > 0.95 {
		p = 0.95
	}
	return float64(int(p*100+0.5)) / 100
}
