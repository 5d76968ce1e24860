package extract

// Quantities: a number with its comparator and the noun it counts ("more than 1,500
// fighters", "159 containers of ammunition"), attached to the relation in whose sentence
// it stands. Years, dates, ordinals and footnote markers are not quantities.

import (
	"strings"

	"dossier"
	"dossier/internal/text"
)

// isComparator reports words that qualify a number before it.
func isComparator(w string) bool {
	switch w {
	case "than", "over", "about", "around", "nearly", "almost", "approximately", "roughly",
		"some", "least", "to", "exceeded", "exceeds", "exceeding", "under", "below", "above",
		"only", "just", "estimated":
		return true
	}
	return false
}

// quantityIn returns the quantity nearest to the head h in sentence si, or "".
func (st *relState) quantityIn(si, h, end int) string {
	us := st.sus[si].units
	inDate := func(i int) bool {
		for _, d := range st.dates[si] {
			if d.u0 <= i && i < d.u1 {
				return true
			}
		}
		return false
	}
	best, bestDist := "", 1<<30
	for i := range us {
		u := &us[i]
		if u.isMention() || u.kind != text.Number || inDate(i) {
			continue
		}
		w := u.word
		if strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") {
			continue // an ordinal
		}
		if i > 0 && us[i-1].word == "(" && i+1 < len(us) && us[i+1].word == ")" {
			continue // a footnote marker
		}
		if i == 0 || (i+1 < len(us) && us[i+1].word == "." && i < 2) {
			continue // a list number
		}
		if _, ok := yearNum(w); ok && !strings.Contains(w, ",") {
			continue
		}
		lo := i
		for lo > 0 && !us[lo-1].isMention() && (isComparator(us[lo-1].word) || us[lo-1].word == "more" || us[lo-1].word == "fewer" || us[lo-1].word == "less" || us[lo-1].word == "at" || us[lo-1].word == "up") && i-lo < 3 {
			lo--
		}
		hi := i + 1
		for hi < len(us) && hi < i+4 && !us[hi].isMention() && us[hi].kind == text.Word && !isBoundary(us[hi].word) &&
			(us[hi].word == "of" || !isPreposition(us[hi].word)) && !isBe(us[hi].word) && !isAux(us[hi].word) && us[hi].word != "and" {
			hi++
		}
		for hi > i+1 && (us[hi-1].word == "of" || isDeterminer(us[hi-1].word)) {
			hi--
		}
		if hi > i+1 && us[hi-1].isMention() {
			hi--
		}
		dist := h - i
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = dossier.SpanOf(st.doc, us[lo].start, us[hi-1].end).Text, dist
		}
	}
	_ = end
	return best
}
