package extract

// Attribution, hedging and negation of relations. attributed_to is who asserts a claim:
// "according to X", "X said that ...", "sources in Y", a cited source's headline in a
// footnote ("2. The Daily Record, Headline of the article ..."), or a footnote marker "(2)"
// pointing to such a note. It holds the entity id when the source is an entity, else the
// phrase, and is empty when the document asserts the claim itself.

import (
	"dossier"
	"dossier/internal/text"
)

// attribution returns who asserts the relation with head h in sentence si, whose source
// is entity src: an entity id, a phrase, or "".
func (st *relState) attribution(si, h, src int) string {
	su := &st.sus[si]
	us := su.units
	// "according to X", "as reported by X", "citing X", "sources in Y"
	for k := 0; k < len(us); k++ {
		if us[k].isMention() {
			continue
		}
		n, v := st.cue(si, "source", k)
		if n == 0 {
			continue
		}
		if v == "phrase" {
			// "informed sources in Afghanistan": the phrase with its modifiers
			lo := k
			for lo > 0 && !us[lo-1].isMention() && us[lo-1].kind == text.Word && !isPreposition(us[lo-1].word) && !isBoundary(us[lo-1].word) && !isDeterminer(us[lo-1].word) && us[lo-1].word != "," {
				lo--
			}
			hi := k + n
			if hi < len(us) && us[hi].isMention() {
				return dossier.SpanOf(st.doc, us[lo].start, us[hi].end).Text
			}
			continue
		}
		if k <= h && h < k+n+8 && phraseEndsBefore(us, k+n, h) {
			continue // the head is inside the source phrase itself
		}
		if s := st.sourcePhrase(si, k+n); s != "" {
			return s
		}
	}
	// a quotation: "X made a statement: "Russia cannot ..."" or "X said: "..."": the
	// speaker is the first actor of the sentence before the opening quote
	if q := openQuoteBefore(us, h); q >= 0 {
		for k := 0; k < q; k++ {
			if us[k].isMention() && actorType(st.ents[us[k].ent].Type) && !oblique(us, k) {
				if us[k].ent != src {
					return st.ents[us[k].ent].ID
				}
				break
			}
		}
	}
	// "X said (that) ...": a speech verb before the head with its subject
	for k := 0; k < h; k++ {
		if us[k].isMention() {
			continue
		}
		if v, ok := st.sayAt(si, k); ok && v != "neg" {
			if k == 0 {
				continue
			}
			subj := st.subject(si, k, false)
			if len(subj) > 0 && subj[0].ent != src {
				return st.ents[subj[0].ent].ID
			}
		}
	}
	// "..., X said." after the head
	for k := h + 1; k+1 < len(us); k++ {
		if us[k].word == "," && us[k+1].isMention() && k+2 < len(us) {
			if _, ok := st.sayAt(si, k+2); ok && us[k+1].ent != src {
				return st.ents[us[k+1].ent].ID
			}
		}
	}
	// a citation line: "2. The Daily Record, Headline of the cited article, 9 May 2022"
	if c := st.citationComma(si); c > 0 && c < h && us[c-1].ent != src {
		return st.ents[us[c-1].ent].ID
	}
	// a footnote marker "(2)" in the sentence pointing to a note that names a source
	for k := 0; k+2 < len(us); k++ {
		if us[k].word == "(" && us[k+1].kind == text.Number && us[k+2].word == ")" && !us[k].isMention() {
			if s := st.noteSource(us[k+1].raw); s != "" {
				return s
			}
		}
	}
	return ""
}

// openQuoteBefore returns the unit of an opening quotation mark before h that is not
// closed before it, or -1.
func openQuoteBefore(us []unit, h int) int {
	open := -1
	for k := 0; k < h && k < len(us); k++ {
		if us[k].isMention() {
			continue
		}
		switch us[k].raw {
		case "“":
			open = k
		case "”":
			open = -1
		case "\"":
			if open >= 0 {
				open = -1
			} else {
				open = k
			}
		}
	}
	return open
}

func phraseEndsBefore(us []unit, from, h int) bool {
	for k := from; k < h; k++ {
		if !us[k].isMention() && (us[k].word == "," || isBoundary(us[k].word)) {
			return false
		}
	}
	return true
}

// sourcePhrase returns the source named from unit k to the next comma: the entity id when
// it is one mention, else the phrase.
func (st *relState) sourcePhrase(si, k int) string {
	us := st.sus[si].units
	hi := k
	for hi < len(us) && hi < k+8 {
		if !us[hi].isMention() && (us[hi].word == "," || us[hi].word == "." || isBoundary(us[hi].word) || us[hi].word == "(") {
			break
		}
		hi++
	}
	if hi == k {
		return ""
	}
	lo := k
	for lo < hi && !us[lo].isMention() && isDeterminer(us[lo].word) {
		lo++
	}
	if hi-lo == 1 && us[lo].isMention() && actorType(st.ents[us[lo].ent].Type) {
		return st.ents[us[lo].ent].ID
	}
	return dossier.SpanOf(st.doc, us[k].start, us[hi-1].end).Text
}

// sayAt reports whether unit k of sentence si is an inflected speech verb, with its cue
// value ("hedge", "neg" or "").
func (st *relState) sayAt(si, k int) (string, bool) {
	if n, v := st.cue(si, "say", k); n == 1 {
		return v, true
	}
	return "", false
}

// noteSource finds the note labelled label ("2. The Economic Times, ...") at the end of
// the document and returns the organization it cites first, as an entity id.
func (st *relState) noteSource(label string) string {
	if st.notes == nil {
		st.notes = map[string]string{}
		for si := range st.sus {
			us := st.sus[si].units
			if len(us) < 3 || us[0].kind != text.Number || us[1].word != "." {
				continue
			}
			k := 2
			if !us[k].isMention() && us[k].word == "the" && k+1 < len(us) {
				k++
			}
			if us[k].isMention() && st.ents[us[k].ent].Type == dossier.Organization {
				st.notes[us[0].raw] = st.ents[us[k].ent].ID
			} else {
				st.notes[us[0].raw] = ""
			}
		}
	}
	return st.notes[label]
}

// hedgedAt reports a hedging cue in sentence si before unit end (the claim's extent):
// "probably", "may", "it appears", "suggests", "potential", "allegedly", "set to".
func (st *relState) hedgedAt(si, h, end int) bool {
	su := &st.sus[si]
	if end > len(su.units) {
		end = len(su.units)
	}
	for k := 0; k < end; k++ {
		if su.units[k].isMention() {
			continue
		}
		if su.units[k].cap && su.words[k] == "may" && (k+1 < len(su.units) && su.units[k+1].kind == text.Number || st.inDate(si, k)) {
			continue // the month: "May 3", "In May, ..."
		}
		if n, _ := st.cue(si, "hedge", k); n > 0 {
			return true
		}
		if v, ok := st.sayAt(si, k); ok && v == "hedge" && k < h {
			return true
		}
	}
	return false
}

// inDate reports whether unit k of sentence si is part of a date expression.
func (st *relState) inDate(si, k int) bool {
	for _, e := range st.dates[si] {
		if e.u0 <= k && k < e.u1 {
			return true
		}
	}
	return false
}
