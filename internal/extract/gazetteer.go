package extract

import (
	"strings"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
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
			if i > 0 && x.nameBefore(s, i) {
				continue // "Hassan Sheikh Mohamud", "John Major": a title word inside a name
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
				person = person || tt.Person
				x.titleBody(d, s, k, k+m, tt.Org)
				k += m
			}
			if k == i {
				continue
			}
			if anyCap(s, i, k) && !s.caseless {
				if s.titleTok == nil {
					s.titleTok = make([]bool, n)
				}
				for m := i; m < k; m++ {
					s.titleTok[m] = true
				}
			}
			if person && k < n && s.shapes[k]&shCap != 0 && (!s.caseless || x.caselessName(s, k)) {
				t.start, t.end = i, k
				s.title[k] = &t
			}
			i = k - 1
		}
	}
}

// titleBody adds the named body a title spells out as an organization mention: "the
// Security Council" in "Chairman of the Security Council" (the title stays the person's
// role). org is the body the lexicon gives the title; only a body written capitalized
// inside the title's tokens [i, j) is taken.
func (x *Extractor) titleBody(d *nerDoc, s *nerSent, i, j int, org string) {
	if org == "" || s.caseless {
		return
	}
	ow := lexicon.Tokens(org)
	if len(ow) == 0 {
		return
	}
	for k := i + 1; k+len(ow) <= j; k++ {
		if !sameWords(s.words[k:k+len(ow)], ow) || !s.free(k, k+len(ow)) {
			continue
		}
		for m := k; m < k+len(ow); m++ {
			if s.shapes[m]&shCap == 0 && !isConnector(s.words[m]) {
				return // "chairman of the security council": no name is written
			}
		}
		d.add(&entCand{s: s.idx, i: k, j: k + len(ow), typ: dossier.Organization, form: dossier.FormName, key: keyOf(ow)})
		return
	}
}

func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
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
		x.reserveOrgRuns(d, s)
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
				if s.words[i] == "the" {
					// "the Gulf" must not hide "Gulf of Aden"
					if m2, _ := x.lex.Longest(s.words[:lim], i+1); i+1+m2 > i+m {
						break
					}
				}
				if s.reserved != nil && s.reserved[i+m-1] && !s.coversRun(i, i+m) && !(reservedOK(hits) && (i == 0 || !s.reserved[i-1] || s.resStart[i])) {
					break
				}
				if c := x.pick(d, s, i, i+m, hits); c != nil {
					x.nestBody(s, c)
					d.add(c)
					i += m - 1
					break
				}
				lim = i + m - 1
			}
		}
	}
	x.personTitles(d)
	x.coordinateMetonyms(d)
	x.rulers(d)
	x.townPairs(d)
	x.hyphenParts(d)
	x.compoundParts(d)
	x.expandAcronyms(d)
}

// personTitles gives a known person named after the name of a body its title: "Director
// of the Federal Security Service Alexander Bortnikov".
func (x *Extractor) personTitles(d *nerDoc) {
	for _, c := range d.cands {
		if c.dropped || c.entry == nil || c.entry.Type != dossier.Person || c.title != nil {
			continue
		}
		s := d.sents[c.s]
		if s.title[c.i] == nil {
			s.title[c.i] = x.bodyTitle(d, s, c.i)
		}
		c.title = s.title[c.i]
	}
}

// rulers gives the capital of a state governed by an armed group to that group when the
// document names the group: the lexicon lists the group with its state and a "... government"
// or "... regime" alias (the Taliban in Afghanistan). A capital that stands for the
// government ("Islamabad accuses Kabul") is then a metonym of the group, and "the
// government in Kabul" or "the authorities in Kabul" a description of it; the capital stays
// a place as well.
func (x *Extractor) rulers(d *nerDoc) {
	var ruler map[string]*lexicon.Entry // state KBID -> ruling group
	for _, c := range d.cands {
		if c.dropped || c.entry == nil || c.entry.Type != dossier.ArmedGroup || c.entry.Country == "" {
			continue
		}
		for _, a := range c.entry.Aliases {
			if strings.HasSuffix(a, " government") || strings.HasSuffix(a, " regime") {
				if ruler == nil {
					ruler = map[string]*lexicon.Entry{}
				}
				ruler[c.entry.Country] = c.entry
				break
			}
		}
	}
	if ruler == nil {
		return
	}
	n := len(d.cands)
	for ci := 0; ci < n; ci++ {
		c := d.cands[ci]
		if c.dropped || c.entry == nil {
			continue
		}
		switch {
		case c.form == dossier.FormMetonym && c.alt != nil && c.alt.Kind == "city" && ruler[c.entry.KBID] != nil:
			g := ruler[c.entry.KBID]
			c.entry, c.typ = g, g.Type // "Islamabad accuses Kabul"
		case c.form == dossier.FormName && c.alt != nil && c.entry.Kind == "city" && ruler[c.alt.KBID] != nil:
			s := d.sents[c.s]
			if c.i < 3 || s.words[c.i-1] != "in" || !governmentNoun(s.words[c.i-2]) {
				continue
			}
			i := c.i - 2
			if s.words[i-1] == "the" {
				i--
			}
			g := ruler[c.alt.KBID]
			desc := &entCand{s: c.s, i: i, j: c.j, typ: g.Type, form: dossier.FormDescription, entry: g}
			desc.start, desc.end = s.span(i, c.j)
			d.cands = append(d.cands, desc) // overlaps the place: owns no token
		}
	}
}

// governmentNoun reports whether w names the holders of power in a place ("the government
// in Kabul", "the authorities in Kabul").
func governmentNoun(w string) bool {
	switch w {
	case "government", "authorities", "regime", "rulers", "administration", "leadership":
		return true
	}
	return false
}

// nestBody notes the international organization that opens a listed organization's name:
// "European Union" in "European Union Naval Force", "United Nations" in "United Nations
// Security Council". The inner name is a mention of its own that owns no token.
func (x *Extractor) nestBody(s *nerSent, c *entCand) {
	if c.entry == nil || c.form != dossier.FormName || c.typ != dossier.Organization || c.j-c.i < 3 {
		return
	}
	m, hits := x.lex.Longest(s.words[:c.j-1], c.i)
	if m < 2 || len(hits) == 0 || hits[0].Entry == c.entry || hits[0].Entry.Kind != "io" || hits[0].Form != dossier.FormName {
		return
	}
	in := &entCand{s: s.idx, i: c.i, j: c.i + m, typ: hits[0].Entry.Type, form: dossier.FormName, entry: hits[0].Entry}
	in.start, in.end = s.span(in.i, in.j)
	c.nested = in
}

// townPairs undoes two adjacent one-word town names that together read as a person's name
// ("Mariano Rivera", "Paris Hilton" would be two towns): they are left to ner.
func (x *Extractor) townPairs(d *nerDoc) {
	for _, c := range d.cands {
		if c.dropped || c.entry == nil || c.form != dossier.FormName || c.j-c.i != 1 || c.entry.Kind != "city" || c.entry.Population >= 1000000 {
			continue
		}
		s := d.sents[c.s]
		if c.j >= len(s.words) || s.owner[c.j] == 0 || s.Tokens[c.j].Start != s.Tokens[c.i].End+1 || x.locativeBefore(s, c.i) {
			continue
		}
		o := d.cands[s.owner[c.j]-1]
		if o.dropped || o.entry == nil || o.form != dossier.FormName || o.j-o.i != 1 || o.entry.Type != dossier.Location || o.entry.Population >= 1000000 || !x.lex.FirstName(s.words[c.i]) && !x.lex.Surname(s.words[o.i]) && o.entry.Kind != "city" {
			continue
		}
		for _, p := range []*entCand{c, o} {
			p.dropped = true
			s.owner[p.i] = 0
		}
	}
}

// hyphenParts finds known names inside hyphenated compounds of names ("US-Taliban
// dialogue", "Russia-Ukraine"): each known part is a mention of its own, with a span
// inside the token. Compounds with a lower-case part ("US-made") name nothing.
func (x *Extractor) hyphenParts(d *nerDoc) {
	var one [1]string
	for _, s := range d.sents {
		for i, t := range s.Tokens {
			if s.owner[i] != 0 || s.shapes[i]&shCap == 0 || strings.IndexByte(t.Text, '-') <= 0 {
				continue
			}
			parts := strings.Split(t.Text, "-")
			ok := true
			for _, p := range parts {
				if p == "" || !(p[0] >= 'A' && p[0] <= 'Z' || p[0] >= 0x80) {
					ok = false
				}
			}
			if !ok {
				continue
			}
			off := t.Start
			var found []*entCand
			for _, p := range parts {
				one[0] = lexicon.Fold(p)
				if m, hits := x.lex.Longest(one[:], 0); m == 1 {
					for _, h := range hits {
						if h.Form == dossier.FormAcronym && !acronymCase(p) || h.Form == dossier.FormMetonym {
							continue
						}
						found = append(found, &entCand{s: s.idx, i: i, j: i + 1, start: off, end: off + len(p), typ: h.Entry.Type, form: h.Form, entry: h.Entry})
						break
					}
				}
				off += len(p) + 1
			}
			if len(found) == 0 {
				continue
			}
			for _, c := range found {
				d.add(c)
			}
		}
	}
}

// compoundParts finds the known name before a lower-case participle in a hyphenated
// compound ("Mali-based", "Iran-backed", "US-led", "Russian-made", "al-Shabaab-linked"):
// the name is a mention of its own, with a span inside the token; the relation the
// compound states is read by the relation stage.
func (x *Extractor) compoundParts(d *nerDoc) {
	for _, s := range d.sents {
		for i, t := range s.Tokens {
			if s.owner[i] != 0 || s.shapes[i]&shCap == 0 {
				continue
			}
			k := strings.LastIndexByte(t.Text, '-')
			if k <= 0 || !compoundParticiple(t.Text[k+1:]) {
				continue
			}
			words := lexicon.Tokens(t.Text[:k])
			m, hits := x.lex.Longest(words, 0)
			if m == 0 || m != len(words) {
				continue
			}
			for _, h := range hits {
				if h.Form == dossier.FormAcronym && !acronymCase(t.Text[:k]) || h.Entry.Type == dossier.Person {
					continue
				}
				if h.Entry.Kind == "city" {
					break // "London-based", "York-based": a firm's seat, seldom an actor
				}
				d.add(&entCand{s: s.idx, i: i, j: i + 1, start: t.Start, end: t.Start + k, typ: h.Entry.Type, form: h.Form, entry: h.Entry})
				break
			}
		}
	}
}

// compoundParticiple reports the second halves of hyphenated compounds whose first half
// names a state, place or group: "-based", "-backed", "-led", "-made".
func compoundParticiple(w string) bool {
	switch w {
	case "based", "backed", "led", "made", "linked", "affiliated", "aligned", "allied",
		"supported", "sponsored", "funded", "financed", "armed", "trained", "inspired",
		"controlled", "brokered", "supplied", "occupied", "administered":
		return true
	}
	return false
}

// expandAcronyms joins a known acronym and the long form that follows it in parentheses
// ("ISKP (Islamic State of Khorasan Province)"): the long form becomes a NAME mention of
// the acronym's entity, replacing whatever the lexicon found inside it.
func (x *Extractor) expandAcronyms(d *nerDoc) {
	n := len(d.cands)
	for ci := 0; ci < n; ci++ {
		c := d.cands[ci]
		if c.form != dossier.FormAcronym || c.dropped || c.entry == nil {
			continue
		}
		s := d.sents[c.s]
		k := c.j
		if k+2 >= len(s.words) || s.words[k] != "(" {
			continue
		}
		end := k + 1
		for end < len(s.words) && end < k+12 && s.words[end] != ")" {
			if s.shapes[end]&shCap == 0 && !isConnector(s.words[end]) {
				end = len(s.words)
				break
			}
			end++
		}
		if end >= len(s.words) || end-k < 3 {
			continue
		}
		a, b := s.span(k+1, end)
		if !abbreviates(s.Tokens[c.i].Text, d.src[a:b]) {
			continue
		}
		for m := k + 1; m < end; m++ {
			if o := s.owner[m]; o != 0 {
				d.cands[o-1].dropped = true
			}
		}
		d.add(&entCand{s: c.s, i: k + 1, j: end, typ: c.typ, form: dossier.FormName, entry: c.entry})
	}
}

// isTitle reports whether token i belongs to a title found by the titles stage.
func (s *nerSent) isTitle(i int) bool {
	return s.titleTok != nil && s.titleTok[i]
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
		// "central Asian": a lower-case direction before a capitalized demonym
		if !(j-i == 2 && compass(s.words[i]) && s.shapes[i+1]&shCap != 0 && len(hits) > 0 && hits[0].Form == dossier.FormDemonym) {
			return nil
		}
	}
	single := j-i == 1 || (j-i == 2 && s.words[i] == "the")
	w := s.words[j-1]
	common := single && (x.lex.CommonWord(w) || x.lex.Stopword(w) || isFunctionWord(w))
	if _, ok := x.lex.Month(w); ok && single {
		return nil
	}
	if single && (x.lex.Weekday(w) || compass(w)) {
		return nil
	}
	for _, h := range hits {
		e := h.Entry
		switch h.Form {
		case dossier.FormAcronym:
			if !acronymCase(s.Tokens[j-1].Text) {
				continue
			}
			if s.caseless && len(s.Tokens[j-1].Text) <= 2 && !acronymListed(e, s.Tokens[j-1].Text) {
				continue // "GB" in a table header
			}
		case dossier.FormName:
			if single && s.shapes[j-1]&shAllCaps != 0 && !s.caseless && len(s.Tokens[j-1].Text) <= 3 && !acronymListed(e, s.Tokens[j-1].Text) {
				continue // "IT", "US" written as a word in an all-caps run are not names
			}
		}
		if common {
			// "Will", "Of", "Police", "Split": a common word names a place only with support.
			strong := e.Type == dossier.Country && h.Form != dossier.FormDemonym || h.Form == dossier.FormAcronym && acronymListed(e, s.Tokens[j-1].Text)
			if h.Form == dossier.FormName && e.Type == dossier.Organization && j-i == 2 && s.words[i] == "the" && s.shapes[j-1]&(shCap|shInitial) == shCap && !s.caseless && !s.Heading {
				strong = true // "the Fed": a listed name that takes the article, capitalized inside a sentence
			}
			if !strong && (s.shapes[i]&shInitial != 0 || s.caseless || s.Heading || !x.locativeBefore(s, i)) {
				continue
			}
		}
		if single && e.Type == dossier.Location && e.Kind != "region" && h.Form == dossier.FormName && x.lex.FirstName(w) && !x.locativeBefore(s, i) && e.Population < 1000000 {
			continue // "Douglas", "Paul": a first name before a small town
		}
		if single && e.Type == dossier.Location && e.Kind == "city" && h.Form == dossier.FormName && e.Population < 1000000 && x.unknownNameBefore(s, i) {
			return nil // "Yasser Arafat", "MaliVai Washington": a surname that is also a town's name
		}
		if single && h.Form == dossier.FormDemonym && x.unknownNameBefore(s, i) && i >= 2 && s.shapes[i-2]&shCap != 0 && (j >= len(s.words) || s.shapes[j]&shWord == 0) {
			return nil // "Mumtaz Zahra Baloch": a surname shaped like a demonym
		}
		if single && s.title[i] != nil && h.Form != dossier.FormAcronym {
			return nil // "President Clinton", "President Jordan"
		}
		if j-i <= 3 && e.Kind == "city" && h.Form == dossier.FormName {
			if st := stateMetonym(hits); st != nil && x.politicalSubject(s, i, j) {
				return &entCand{s: s.idx, i: i, j: j, typ: st.Type, form: dossier.FormMetonym, entry: st, alt: e}
			}
		}
		if single && (e.Type == dossier.Location && x.personContext(s, i, j) || e.Type == dossier.Country && x.afterFirstName(s, i)) && h.Form == dossier.FormName {
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
		if e.Type == dossier.Country && j < len(s.words) && (s.words[j] == "dollars" || s.words[j] == "dollar") {
			return nil // "US dollars": a currency
		}
		c := &entCand{s: s.idx, i: i, j: j, typ: e.Type, form: h.Form, entry: e}
		if e.Type == dossier.Person {
			c.title = s.title[i] // "President Bola Tinubu"
		}
		if h.Form == dossier.FormName && e.Kind == "city" {
			c.alt = stateMetonym(hits)
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
	if x.afterFirstName(s, i) {
		return true
	}
	if i > 0 && placePrep(s.words[i-1]) {
		return false // "sources in Dushanbe said": a place before the verb of saying
	}
	if j < len(s.words) {
		switch s.words[j] {
		case "said", "says", "told", "added":
			return true
		}
	}
	return false
}

// afterFirstName reports whether token i follows a capitalized first name or an initial
// ("Neil Jordan", "P. Simmons").
func (x *Extractor) afterFirstName(s *nerSent, i int) bool {
	if s.caseless || i == 0 || s.owner[i-1] != 0 || s.shapes[i-1]&shCap == 0 {
		return false
	}
	p := s.Tokens[i-1].Text
	if len(p) == 2 && p[1] == '.' {
		return true
	}
	w := s.words[i-1]
	return x.lex.FirstName(w) && (s.shapes[i-1]&shInitial == 0 || !x.lex.CommonWord(w))
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
		if s.words[i-1] == "to" && i >= 2 && relationAdjective(s.words[i-2]) {
			return true // "useful to Moscow", "loyal to Tehran"
		}
		if s.words[i-1] == "for" && i >= 2 && serveVerb(s.words[i-2]) && (i < 3 || s.words[i-3] != "the") {
			return true // "volunteers fight for Kyiv", "he spied for Moscow" (not "the fight for Kyiv")
		}
		switch s.words[i-1] {
		case "in", "at", "near", "from", "outside", "around", "across", "into", "of", "via", "through", "to":
			return false
		case "with", "between", "against", "toward", "towards":
			return true
		}
		if objectVerb(verbStem(s.words[i-1])) {
			return true // "Mogadishu accused Addis Ababa", "to embarrass Paris"
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
	for k < len(s.words)-1 && politicalAdverb(s.words[k]) {
		k++ // "Damascus later offered"
	}
	w = s.words[k]
	if w == "also" || w == "now" || w == "still" || w == "then" || w == "has" || w == "had" || w == "is" || w == "was" || w == "will" || w == "would" || w == "cannot" || w == "can" || w == "does" || w == "did" || w == "should" || w == "must" || w == "may" {
		return true
	}
	return k < len(s.words) && isPoliticalVerb(s.words[k])
}

// objectVerb reports whether the stem of a verb (verbStem) takes a government as its object:
// "accused Addis Ababa of", "warned Moscow", "embarrass Paris".
func objectVerb(stem string) bool {
	switch stem {
	case "accus", "accuse", "warn", "urg", "urge", "blam", "blame", "criticiz", "criticise", "criticize",
		"sanction", "embarrass", "pressur", "pressure", "isolat", "isolate", "punish", "reassur",
		"reassure", "condemn", "threaten", "recogniz", "recognize", "lobbi", "lobby", "persuad",
		"persuade", "rebuk", "rebuke", "summon", "snub", "thank", "congratulat", "congratulate":
		return true
	}
	return false
}

// relationAdjective reports whether w, before "to", relates someone to a government:
// "useful to Moscow", "loyal to Tehran", "hostile to Kyiv".
func relationAdjective(w string) bool {
	switch w {
	case "useful", "loyal", "close", "hostile", "friendly", "grateful", "opposed", "allied", "subordinate",
		"beholden", "answerable", "accountable", "indebted", "valuable", "unacceptable", "acceptable", "closer":
		return true
	}
	return false
}

// serveVerb reports whether w, before "for", says someone acts on behalf of a government:
// "fight for Kyiv", "spied for Moscow", "works for Tehran".
func serveVerb(w string) bool {
	switch w {
	case "fight", "fights", "fought", "fighting", "spy", "spies", "spied", "spying", "work", "works",
		"worked", "working", "recruit", "recruits", "recruited", "recruiting", "pool":
		return true
	}
	return false
}

// politicalAdverb reports whether w is an adverb that may stand between a subject and its
// verb.
func politicalAdverb(w string) bool {
	switch w {
	case "later", "reportedly", "repeatedly", "recently", "again", "already", "officially", "publicly",
		"never", "swiftly", "quickly", "initially", "previously", "formally", "firmly", "strongly":
		return true
	}
	return false
}

// isPoliticalVerb reports whether w is a verb a state or its government is subject of.
func isPoliticalVerb(w string) bool {
	switch verbStem(w) {
	case "say", "said", "announc", "accus", "condemn", "warn", "want", "understand", "understood",
		"promis", "pledg", "vow", "insist", "respond", "retaliat", "protest", "summon", "recall", "host",
		"veto", "mediat", "negotiat", "pressur", "push", "press", "sought", "order", "see", "believ",
		"fear", "demand", "reject", "approv", "support", "oppos", "claim", "deni", "deny", "threaten",
		"urg", "call", "refus", "agre", "back", "criticiz", "criticis", "welcom", "decid", "sign",
		"plan", "hope", "tri", "try", "seek", "consider", "view", "regard", "recogni", "blame",
		"sanction", "send", "sent", "told", "tell", "stat", "declar", "expect", "offer", "ask", "wish",
		"intend", "prefer", "hop", "blam", "recogniz":
		return true
	}
	return false
}

// verbStem strips the inflection of a verb form: "accuses", "accused" -> "accus"; "says" ->
// "say"; "denies" -> "deni".
func verbStem(w string) string {
	switch {
	case strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "es") && len(w) > 4:
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// locativeBefore reports whether a preposition of place precedes token i.
func (x *Extractor) locativeBefore(s *nerSent, i int) bool {
	if i > 1 && s.words[i-1] == "the" {
		i-- // "at the Oval"
	}
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
		"his", "her", "its", "their", "our", "no", "not", "all", "any", "some", "said", "says":
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

// coordinateMetonyms turns a capital city coordinated with a state or its government into
// that state's metonym: "between the Taliban and Washington", "Washington and Moscow
// disagreed" (once Moscow is the subject of a political verb).
func (x *Extractor) coordinateMetonyms(d *nerDoc) {
	for pass := 0; pass < 2; pass++ {
		for _, c := range d.cands {
			if c.alt == nil || c.form != dossier.FormName || c.dropped {
				continue
			}
			s := d.sents[c.s]
			actor := func(k int) bool {
				if k < 0 || k >= len(s.words) || s.owner[k] == 0 {
					return false
				}
				o := d.cands[s.owner[k]-1]
				return o.form == dossier.FormMetonym || (o.form == dossier.FormName && (o.typ == dossier.Country || o.typ == dossier.ArmedGroup || o.typ == dossier.Organization))
			}
			before := c.i >= 2 && (s.words[c.i-1] == "and" || s.words[c.i-1] == ",") && actor(c.i-2) && !(c.i >= 3 && x.locativeBefore(s, c.i-2))
			after := c.j+1 < len(s.words) && s.words[c.j] == "and" && actor(c.j+1) && !x.locativeBefore(s, c.i)
			if before || after {
				c.entry, c.typ, c.form, c.alt = c.alt, c.alt.Type, dossier.FormMetonym, c.entry
			}
		}
	}
}

// reserveOrgRuns marks the capitalized runs of s that end with an organization's head
// noun ("Eastern Liberation Front", "Ministry of Foreign Affairs", "National Bank of
// Poland"), so that the gazetteer does not take a place or a newspaper's name out of them:
// ner types the whole run. A leading demonym or acronym stays outside ("German Foreign
// Ministry"), and a run the lexicon knows whole is left to the lexicon.
func (x *Extractor) reserveOrgRuns(d *nerDoc, s *nerSent) {
	if s.caseless {
		return
	}
	n := len(s.words)
	for i := 0; i < n; i++ {
		if s.shapes[i]&shCap == 0 || s.isTitle(i) || isFunctionWord(s.words[i]) {
			continue
		}
		if s.shapes[i]&shInitial != 0 && x.lex.CommonWord(s.words[i]) && !x.orgHead(s.words[i]) && !d.capSeen[s.words[i]] && !orgModifier(s.words[i]) {
			if m, _ := x.lex.Longest(s.words, i); m < 2 {
				continue // "New York Mercantile Exchange" starts with a place's name
			}
		}
		j := i + 1
		for j < n {
			if s.shapes[j]&shCap != 0 && !s.isTitle(j) {
				j++
				continue
			}
			if j+1 < n && (s.words[j] == "of" || s.words[j] == "for" || s.words[j] == "and" || s.words[j] == "&") && s.shapes[j+1]&shCap != 0 && x.hasOrgHead(s, i, j) && (s.words[j] == "of" || s.words[j] == "for" || !x.orgHead(s.words[j-1])) {
				j += 2
				continue
			}
			if j+2 < n && s.words[j] == "of" && s.words[j+1] == "the" && s.shapes[j+2]&shCap != 0 && x.hasOrgHead(s, i, j) {
				j += 3
				continue
			}
			break
		}
		if j == i+1 && j+1 < n && s.words[j] == "of" && locHead(s.words[i]) && s.shapes[j+1]&shCap != 0 {
			j += 2 // "Gulf of Aden", "Bay of Bengal"
			for j < n && s.shapes[j]&shCap != 0 {
				j++
			}
		}
		if j-i >= 4 && !x.orgHead(s.words[j-1]) {
			// "(Head of the) National Security Service Armen Abazyan": a body's name, then a
			// person's
			k := i - 1
			if k > 0 && s.words[k] == "the" {
				k--
			}
			titled := k > 0 && s.words[k] == "of" && s.shapes[k-1]&shCap != 0 && (s.isTitle(k-1) || roleHead(s.words[k-1]))
			for k := j - 1; k >= i+2 && k >= j-3; k-- {
				if x.orgHead(s.words[k-1]) && (titled || k <= j-2 && x.lex.FirstName(s.words[k])) && !x.orgHead(s.words[k]) {
					j = k
					break
				}
			}
		}
		if j-i >= 2 && (x.orgHead(s.words[j-1]) || armedHead(s.words[j-1]) || x.headBeforeOf(s, i, j) || locHead(s.words[i]) && hasWord(s.words[i:j], "of")) {
			if m, _ := x.lex.Longest(s.words[:j], i); m != j-i {
				if s.reserved == nil {
					s.reserved = make([]bool, n)
					s.resStart = make([]bool, n)
				}
				s.resStart[i] = true
				for k := i; k < j; k++ {
					s.reserved[k] = true
				}
			}
		}
		i = j - 1
	}
}

// roleHead reports whether w heads a role held in a body ("Head of the National Security
// Service", "Director of the ...").
func roleHead(w string) bool {
	switch w {
	case "head", "director", "chief", "commander", "chairman", "chairwoman", "chair", "secretary", "leader",
		"president", "spokesman", "spokeswoman", "spokesperson", "deputy", "governor", "minister",
		"ambassador", "envoy", "representative", "coordinator", "founder", "member", "rector", "dean":
		return true
	}
	return false
}

// reservedOK reports whether a lexicon match may still be taken inside a reserved run: a
// demonym or an acronym before the organization's own name.
func reservedOK(hits []lexicon.Hit) bool {
	return len(hits) > 0 && (hits[0].Form == dossier.FormDemonym || hits[0].Form == dossier.FormAcronym)
}

// compass reports whether w is a direction or size adjective that names no place alone.
func compass(w string) bool {
	switch w {
	case "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
		"upper", "lower", "greater", "new", "middle", "far", "near", "inner", "outer":
		return true
	}
	return false
}

// unknownNameBefore reports whether token i follows a capitalized word that is neither a
// common word, a title, nor a known place: a given name the first-name list lacks.
func (x *Extractor) unknownNameBefore(s *nerSent, i int) bool {
	if s.caseless || i == 0 || s.owner[i-1] != 0 || s.shapes[i-1]&shCap == 0 || s.isTitle(i-1) || s.Tokens[i-1].Kind != text.Word {
		return false
	}
	w := s.words[i-1]
	if x.lex.CommonWord(w) || x.lex.Stopword(w) || isFunctionWord(w) || compass(w) || x.orgHead(w) || strings.IndexByte(w, '.') >= 0 {
		return false
	}
	if i >= 2 && (x.locativeBefore(s, i-1) || s.words[i-2] == "'s") {
		return false
	}
	if m, _ := x.lex.Longest(s.words[:i], i-1); m > 0 {
		return false
	}
	return true
}

// anyCap reports whether a token of [i, j) is capitalized.
func anyCap(s *nerSent, i, j int) bool {
	for k := i; k < j; k++ {
		if s.shapes[k]&shCap != 0 {
			return true
		}
	}
	return false
}

// nameBefore reports whether token i follows a capitalized word that belongs to a name
// rather than qualifies a title: not sentence-initial, not a known place, demonym or
// organization head, not a title or function word ("Hassan" in "Hassan Sheikh Mohamud",
// but not "Russian" in "Russian President").
func (x *Extractor) nameBefore(s *nerSent, i int) bool {
	p := i - 1
	if s.caseless || s.shapes[p]&shCap == 0 || s.shapes[p]&shInitial != 0 || s.Tokens[p].Kind != text.Word || s.shapes[i]&shCap == 0 {
		return false
	}
	w := s.words[p]
	if isFunctionWord(w) || x.lex.Stopword(w) || x.orgHead(w) || compass(w) || strings.HasSuffix(w, ".") {
		return false
	}
	if m, _ := x.lex.Title(s.words, p); m > 0 {
		return false
	}
	if m, _ := x.lex.Longest(s.words[:i], p); m > 0 && !x.lex.FirstName(w) {
		return false
	}
	// a known body or state ends just before the title: "United Nations Secretary-General"
	for k := max(0, p-5); k < p; k++ {
		if m, hits := x.lex.Longest(s.words[:i], k); m == i-k && len(hits) > 0 && hits[0].Entry.Type != dossier.Person {
			return false
		}
	}
	if tn, _ := x.lex.Title(s.words, i); tn > 0 && i+tn < len(s.words) && s.shapes[i+tn]&shCap == 0 {
		return false // "the Kremlin Spokesman said": the title is followed by no name
	}
	return true
}

// headBeforeOf reports whether an organization head noun stands just before an "of" in
// [i, j): "Ministry of Foreign Affairs", "Armed Forces of Ukraine", "Bank of England".
func (x *Extractor) headBeforeOf(s *nerSent, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if s.words[k] == "of" && x.orgHead(s.words[k-1]) {
			return true
		}
	}
	return false
}

// orgModifier reports whether w is an adjective that opens the names of state bodies
// ("Foreign Ministry", "Interior Ministry", "Supreme Court"), even at a sentence's start.
func orgModifier(w string) bool {
	switch w {
	case "foreign", "interior", "defence", "defense", "justice", "finance", "national", "federal", "central",
		"supreme", "state", "security", "royal", "presidential", "constitutional", "general", "joint", "army",
		"air", "naval", "navy", "military", "revolutionary", "popular", "democratic", "islamic", "republican":
		return true
	}
	return false
}

// coversRun reports whether [i, j) holds the whole reserved run its last token is in: a
// lexicon name longer than the organization's run ("Guardians of the Blood Brigade").
func (s *nerSent) coversRun(i, j int) bool {
	if j < len(s.reserved) && s.reserved[j] && !s.resStart[j] {
		return false // the run goes on after j
	}
	for k := j - 1; k >= 0 && s.reserved[k]; k-- {
		if s.resStart[k] {
			return k >= i
		}
	}
	return false
}

// caselessName reports whether token k of an all-caps sentence may be a name: a word that
// is neither common, a function word, nor in the lexicon ("CLINTON" after "PRESIDENT").
func (x *Extractor) caselessName(s *nerSent, k int) bool {
	w := s.words[k]
	if s.Tokens[k].Kind != text.Word || len(w) < 3 || x.lex.CommonWord(w) || x.lex.Stopword(w) || isFunctionWord(w) {
		return false
	}
	m, _ := x.lex.Longest(s.words, k)
	return m == 0
}
