package extract

import (
	"strings"

	"dossier"
	"dossier/internal/lexicon"
)

// titles finds titles and offices that stand before a capitalized name ("President",
// "Acting Defense Minister Mullah"), so that later stages know the name is a person's and
// keep the title out of the name.
func (x *Extractor) titles(d *nerDoc) {
	for _, s := range d.sents {
		n := len(s.words)
		for i := 0; i < n; i++ {
			if s.shapes[i]&shWord == 0 {
				continue
			}
			k := i
			var t titleAt
			person := false
			for k < n {
				m, tt := x.lex.Title(s.words, k)
				if m == 0 {
					break
				}
				t.names = append(t.names, tt.Name)
				t.honorific = s.src(k, k+m)
				if tt.Org != "" {
					t.org = tt.Org
				}
				person = person || tt.Person
				k += m
			}
			if k == i {
				continue
			}
			if person && k < n && s.shapes[k]&shCap != 0 && !s.caseless {
				t.start, t.end = i, k
				t.surface = s.src(i, k)
				s.title[k] = &t
			}
			i = k - 1
		}
	}
}

// src returns the text of tokens [i, j).
func (s *nerSent) src(i, j int) string {
	a, b := s.span(i, j)
	return s.text[a:b]
}

// gazetteer finds the longest lexicon phrases, gated by capitalization and context.
func (x *Extractor) gazetteer(d *nerDoc) {
	for _, s := range d.sents {
		n := len(s.words)
		for i := 0; i < n; i++ {
			if s.shapes[i]&shWord == 0 || s.owner[i] != 0 || s.isTitle(i) {
				continue
			}
			lim := n
			for lim > i {
				m, hits := x.lex.Longest(s.words[:lim], i)
				if m == 0 {
					break
				}
				if c := x.pick(d, s, i, i+m, hits); c != nil {
					d.add(c)
					i += m - 1
					break
				}
				lim = i + m - 1
			}
		}
	}
}

// isTitle reports whether token i belongs to a title found by the titles stage.
func (s *nerSent) isTitle(i int) bool {
	for k := i + 1; k < len(s.title) && k <= i+8; k++ {
		if t := s.title[k]; t != nil && t.start <= i && i < t.end {
			return true
		}
	}
	return false
}

// pick chooses the hit that tokens [i, j) stand for, or returns nil when the phrase
// should not be taken as an entity here.
func (x *Extractor) pick(d *nerDoc, s *nerSent, i, j int, hits []lexicon.Hit) *entCand {
	if len(hits) == 0 {
		return nil
	}
	// Every content word must be capitalized, unless the sentence is caseless.
	capOK := true
	for k := i; k < j; k++ {
		if s.shapes[k]&shWord == 0 {
			continue
		}
		if s.shapes[k]&shCap == 0 && !isConnector(s.words[k]) {
			capOK = false
			break
		}
	}
	if !capOK && !s.caseless {
		return nil
	}
	single := j-i == 1 || (j-i == 2 && s.words[i] == "the")
	w := s.words[j-1]
	common := single && (x.lex.CommonWord(w) || x.lex.Stopword(w) || isFunctionWord(w))
	if _, ok := x.lex.Month(w); ok && single {
		return nil
	}
	if single && x.lex.Weekday(w) {
		return nil
	}
	for _, h := range hits {
		e := h.Entry
		switch h.Form {
		case dossier.FormAcronym:
			if !acronymCase(s.Tokens[j-1].Text) {
				continue
			}
		case dossier.FormName:
			if single && s.shapes[j-1]&shAllCaps != 0 && !s.caseless && len(s.Tokens[j-1].Text) <= 3 && !acronymListed(e, s.Tokens[j-1].Text) {
				continue // "IT", "US" written as a word in an all-caps run are not names
			}
		}
		if common {
			// "Will", "Of", "Police", "Split": a common word names a place only with support.
			strong := e.Type == dossier.Country && h.Form != dossier.FormDemonym
			if !strong && (s.shapes[i]&shInitial != 0 || s.caseless || s.Heading || !x.locativeBefore(s, i)) {
				continue
			}
		}
		if single && s.title[i] != nil && h.Form != dossier.FormAcronym {
			return nil // "President Clinton", "President Jordan"
		}
		if single && e.Type == dossier.Location && h.Form == dossier.FormName && x.personContext(s, i, j) {
			return nil // "Bill Clinton", "P. Simmons", "Dole said": a place name used as a surname
		}
		if single && (e.Type == dossier.Location || e.Type == dossier.Country) && h.Form == dossier.FormName {
			// "Georgia Smith", "Florence Nightingale": a first name before a capitalized
			// unknown word is a person's.
			if x.lex.FirstName(w) && j < len(s.words) && s.shapes[j]&shCap != 0 && s.owner[j] == 0 && !s.caseless {
				if m, _ := x.lex.Longest(s.words, j); m == 0 {
					return nil
				}
			}
			if s.title[i] != nil {
				return nil // "President Jordan"
			}
		}
		c := &entCand{s: s.idx, i: i, j: j, typ: e.Type, form: h.Form, entry: e}
		if h.Form == dossier.FormName && e.Kind == "city" {
			if st := stateMetonym(hits); st != nil && x.politicalSubject(s, i, j) {
				c.entry, c.typ, c.form = st, st.Type, dossier.FormMetonym
			}
		}
		if s.words[c.i] == "the" && c.j-c.i > 1 {
			c.i++ // "the United States": the article is no part of the name
		}
		return c
	}
	return nil
}

// personContext reports whether the single word at [i, j) is used as a person's name: after
// a first name or an initial, or before a verb of saying.
func (x *Extractor) personContext(s *nerSent, i, j int) bool {
	if s.caseless {
		return false
	}
	if i > 0 && s.owner[i-1] == 0 && s.shapes[i-1]&shCap != 0 {
		p := s.Tokens[i-1].Text
		if x.lex.FirstName(s.words[i-1]) && s.shapes[i-1]&shInitial == 0 || len(p) == 2 && p[1] == '.' {
			return true
		}
		if x.lex.FirstName(s.words[i-1]) && !x.lex.CommonWord(s.words[i-1]) {
			return true
		}
	}
	if j < len(s.words) {
		switch s.words[j] {
		case "said", "says", "told", "added":
			return true
		}
	}
	return false
}

// stateMetonym returns the state for which a hit list holds a METONYM hit, or nil.
func stateMetonym(hits []lexicon.Hit) *lexicon.Entry {
	for _, h := range hits {
		if h.Form == dossier.FormMetonym && h.Entry.Type == dossier.Country {
			return h.Entry
		}
	}
	return nil
}

// politicalSubject reports whether the place name at [i, j) stands for a government: the
// subject of a verb of saying, wanting or acting ("Moscow is aware", "Washington said"),
// or a possessor ("Moscow's intention"), or a party with whom one deals ("contacts with
// Moscow").
func (x *Extractor) politicalSubject(s *nerSent, i, j int) bool {
	if i > 0 {
		switch s.words[i-1] {
		case "in", "at", "near", "from", "outside", "around", "across", "into", "of", "via", "through", "to":
			return false
		case "with", "between", "against", "toward", "towards":
			return true
		}
	}
	if j >= len(s.words) {
		return false
	}
	w := s.words[j]
	if w == "'s" || w == "’s" {
		return true
	}
	k := j
	if w == "also" || w == "now" || w == "still" || w == "then" || w == "has" || w == "had" || w == "is" || w == "was" || w == "will" || w == "would" || w == "cannot" || w == "can" || w == "does" || w == "did" || w == "should" || w == "must" || w == "may" {
		return true
	}
	return k < len(s.words) && isPoliticalVerb(s.words[k])
}

// isPoliticalVerb reports whether w is a verb a state or its government is subject of.
func isPoliticalVerb(w string) bool {
	switch strings.TrimSuffix(strings.TrimSuffix(w, "s"), "ed") {
	case "say", "said", "announc", "accus", "condemn", "warn", "want", "understand", "understood",
		"see", "believ", "fear", "demand", "insist", "reject", "approv", "support", "oppos",
		"claim", "deni", "deny", "threaten", "urg", "call", "refus", "agre", "back", "criticiz",
		"criticis", "welcom", "respond", "decid", "sign", "plan", "hope", "tri", "try", "seek",
		"sought", "consider", "view", "regard", "recogni", "blame", "sanction", "send", "sent",
		"told", "tell", "stat", "declar", "expect", "offer", "ask", "wish", "intend", "prefer":
		return true
	}
	return false
}

// locativeBefore reports whether a preposition of place precedes token i.
func (x *Extractor) locativeBefore(s *nerSent, i int) bool {
	if i == 0 {
		return false
	}
	switch s.words[i-1] {
	case "in", "at", "near", "from", "to", "outside", "around", "across", "into", "via", "through", "towards", "toward":
		return true
	}
	return false
}

// isConnector reports whether w may stand uncapitalized inside a name ("Bank of England",
// "Abu Bakr al-Baghdadi", "Ludwig van Beethoven").
func isConnector(w string) bool {
	switch w {
	case "of", "the", "and", "for", "on", "de", "del", "della", "der", "den", "van", "von", "da", "di", "du",
		"des", "la", "le", "al", "el", "bin", "ibn", "bint", "y", "e", "&", "-", "'s", "’s", "in", "i", "a":
		return true
	}
	return false
}

// isFunctionWord reports whether w is a function word that is never a name on its own.
func isFunctionWord(w string) bool {
	switch w {
	case "will", "may", "can", "must", "shall", "should", "would", "could", "might", "the", "a", "an",
		"and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "as", "is", "are", "was",
		"were", "be", "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those",
		"his", "her", "its", "their", "our", "no", "not", "all", "any", "some", "new", "said", "says":
		return true
	}
	return false
}

// acronymCase reports whether a token is written as an acronym: no lower-case letter
// except a trailing "s" ("NGOs") and at least two upper-case letters.
func acronymCase(t string) bool {
	upper := 0
	for i, r := range t {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			if !(r == 's' && i == len(t)-1) {
				return false
			}
		case r > 127:
			if strings.ToUpper(string(r)) != string(r) {
				return false
			}
			upper++
		}
	}
	return upper >= 2
}

// acronymListed reports whether e lists t among its acronyms with that exact case.
func acronymListed(e *lexicon.Entry, t string) bool {
	for _, a := range e.Acronyms {
		if a == t {
			return true
		}
	}
	return false
}
