package extract

import (
	"sort"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// unit is one element of a sentence as the relation stage sees it: either one token or
// one whole entity mention (which may cover several tokens).
type unit struct {
	start, end int    // byte span in the document text
	word       string // folded token text; "" for a mention
	raw        string // text[start:end]
	ent        int    // index into the entity slice, -1 for a token
	mention    int    // index of the mention within its entity, for a mention unit
	poss       bool   // a mention followed by a possessive "'s" (absorbed)
	compound   bool   // a mention that opens a hyphenated compound ("Iran-backed")
	cap        bool   // a token that starts with an upper-case letter
	kind       text.Kind
}

func (u *unit) isMention() bool { return u.ent >= 0 }

// sentUnits is one sentence turned into units, with the folded words of each unit (a
// mention's folded text) for cue matching.
type sentUnits struct {
	start, end int
	units      []unit
	words      []string // per unit: folded word, or "\x00" for a mention
	cues       []uint32 // per unit: the cue kinds a cue starting there may belong to
	anyCue     uint32   // the union of cues
}

// mentionRef locates one mention of one entity.
type mentionRef struct {
	ent, idx   int
	start, end int
}

// sortedMentions returns every mention of ents ordered by start, longest first at equal
// starts, dropping mentions that overlap an earlier kept one.
func sortedMentions(ents []dossier.Entity, textLen int) []mentionRef {
	var ms []mentionRef
	for i := range ents {
		for j, m := range ents[i].Mentions {
			if m.Start < 0 || m.End > textLen || m.End <= m.Start {
				continue
			}
			ms = append(ms, mentionRef{ent: i, idx: j, start: m.Start, end: m.End})
		}
	}
	sort.Slice(ms, func(a, b int) bool {
		if ms[a].start != ms[b].start {
			return ms[a].start < ms[b].start
		}
		return ms[a].end > ms[b].end
	})
	out := ms[:0]
	last := -1
	for _, m := range ms {
		if m.start < last {
			continue
		}
		out = append(out, m)
		last = m.end
	}
	return out
}

// buildUnits turns every sentence into units. ms must come from sortedMentions.
func buildUnits(doc string, sents []text.Sentence, ents []dossier.Entity, ms []mentionRef) []sentUnits {
	out := make([]sentUnits, 0, len(sents))
	mi := 0
	for _, s := range sents {
		toks := s.Tokens
		if len(toks) == 0 && s.End > s.Start && s.End <= len(doc) {
			toks = text.Tokenize(doc[s.Start:s.End])
			for k := range toks {
				toks[k].Start += s.Start
				toks[k].End += s.Start
			}
		}
		for mi < len(ms) && ms[mi].start < s.Start {
			mi++
		}
		su := sentUnits{start: s.Start, end: s.End, units: make([]unit, 0, len(toks))}
		k := mi
		for ti := 0; ti < len(toks); {
			t := toks[ti]
			if k < len(ms) && ms[k].start < t.End && ms[k].start < s.End {
				m := ms[k]
				if m.end > s.End {
					// A mention across a sentence boundary: keep it out of this sentence.
					k++
					continue
				}
				u := unit{start: m.start, end: m.end, raw: doc[m.start:m.end], ent: m.ent, mention: m.idx}
				for ti < len(toks) && toks[ti].Start < m.end {
					if toks[ti].End > m.end && doc[m.end] == '-' {
						u.compound = true
					}
					ti++
				}
				if ti < len(toks) && isPossessive(toks[ti].Text) {
					u.poss = true
					ti++
				}
				su.units = append(su.units, u)
				k++
				continue
			}
			u := unit{start: t.Start, end: t.End, raw: t.Text, word: lexicon.Fold(t.Text), ent: -1, kind: t.Kind}
			u.cap = t.Text != "" && t.Text[0] >= 'A' && t.Text[0] <= 'Z'
			su.units = append(su.units, u)
			ti++
		}
		mi = k
		su.words = make([]string, len(su.units))
		for i, u := range su.units {
			if u.isMention() {
				su.words[i] = "\x00"
			} else {
				su.words[i] = u.word
			}
		}
		out = append(out, su)
	}
	return out
}

func isPossessive(s string) bool {
	switch s {
	case "'s", "’s", "'", "’", "'S", "’S":
		return true
	}
	return false
}

// Closed-class word lists of English used by the clause analysis.

func isPreposition(w string) bool {
	switch w {
	case "of", "in", "on", "at", "to", "from", "with", "by", "for", "about", "against", "under",
		"over", "into", "onto", "towards", "toward", "among", "between", "within", "without",
		"across", "through", "via", "near", "around", "after", "before", "during", "since",
		"until", "like", "including", "as", "than", "per", "despite", "behind", "beyond", "upon",
		"along", "amid", "amongst", "inside", "outside", "throughout", "regarding", "concerning":
		return true
	}
	return false
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that",
		"some", "all", "both", "any", "each", "several", "many", "other", "another", "such", "no",
		"every", "most", "few", "much":
		return true
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "'s", "am", "get", "gets", "got", "become", "became",
		"remain", "remains", "remained", "stay", "stays", "stayed":
		return true
	}
	return false
}

// isAux reports auxiliaries, modals and adverbs that may stand between a subject and
// its verb.
func isAux(w string) bool {
	switch w {
	case "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can",
		"could", "may", "might", "must", "not", "n't", "never", "also", "already", "still", "now",
		"then", "recently", "reportedly", "allegedly", "apparently", "probably", "possibly",
		"finally", "again", "both", "all", "jointly", "openly", "publicly", "repeatedly", "once",
		"just", "only", "even", "further", "later", "previously", "yet", "cannot", "to", "is",
		"are", "was", "were", "be", "been", "being", "likely", "reported", "said", "increasingly",
		"strongly", "sharply", "formally", "officially", "effectively", "directly", "first",
		"no", "longer", "always", "often", "actively", "indeed", "together", "themselves",
		"set", "going", "expected", "planning", "plans", "planned", "continues", "continue",
		"continued", "began", "begin", "begins", "started", "starts", "tried", "trying", "tries",
		"seeking", "seeks", "sought", "wants", "wanted", "intends", "intended", "able", "ready",
		"agreed", "decided", "refused", "refuses", "failed", "fails", "threatened", "threatens",
		"vowed", "vows", "pledged", "pledges", "promised", "promises", "need", "needs", "ought", "remain", "remains", "remained", "stay",
		"stays", "stayed", "largely", "mainly", "mostly", "primarily":
		return true
	}
	return false
}

// isBoundary reports words and marks that end the clause a subject is searched in.
func isBoundary(w string) bool {
	switch w {
	case ";", ":", "that", "which", "who", "whom", "whose", "because", "although", "though",
		"whereas", "while", "but", "if", "when", "where", "unless", "so", "\"", "“", "”", "?", "!",
		"—", "–":
		return true
	}
	return false
}

func isRelPronoun(w string) bool {
	switch w {
	case "which", "who", "whom", "that":
		return true
	}
	return false
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "it", "they", "them", "him", "her":
		return true
	}
	return false
}

// actorType reports entity types that can act (source or target of most relations).
func actorType(t dossier.EntityType) bool {
	switch t {
	case dossier.Person, dossier.Organization, dossier.ArmedGroup, dossier.Country:
		return true
	}
	return false
}
