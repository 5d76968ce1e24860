package extract

import (
	"strings"

	"dossier"
	"dossier/internal/text"
)

// ner recognizes names the lexicon does not know: runs of capitalized words typed by
// titles, head nouns, first names, name shapes, cue words and frames; armed groups from a
// demonym and a cue word ("Chechen fighters"); and, in all-caps text, names found
// elsewhere in the document.
func (x *Extractor) ner(d *nerDoc) {
	for _, s := range d.sents {
		if s.caseless {
			x.caselessTitled(d, s)
			continue
		}
		x.definedAcronyms(d, s)
		n := len(s.words)
		for i := 0; i < n; i++ {
			if !x.nameStart(d, s, i) {
				continue
			}
			j := x.runEnd(d, s, i)
			if c := x.classify(d, s, i, j); c != nil {
				d.add(c)
			}
			i = j - 1
		}
	}
	x.cueGroups(d)
	x.facilities(d)
	x.wars(d)
	x.placeEvents(d)
	x.factions(d)
	x.panelScopes(d)
	x.caselessNames(d)
	x.teams(d)
}

// panelScopes extends the name of a panel, committee or commission found beyond the
// lexicon with the state or place it is about: "the United Nations Panel of Experts on
// Somalia", "the Commission of Inquiry on Syria". The place is part of the name.
func (x *Extractor) panelScopes(d *nerDoc) {
	for ci, c := range d.cands {
		if c.dropped || c.entry != nil || c.typ != dossier.Organization || c.form != dossier.FormName {
			continue
		}
		s := d.sents[c.s]
		n := len(s.words)
		if c.j+1 >= n || s.words[c.j] != "on" || s.owner[c.j+1] == 0 || c.end != s.Tokens[c.j-1].End {
			continue
		}
		switch s.words[c.j-1] {
		case "experts", "panel", "committee", "commission", "inquiry", "rapporteur":
		default:
			continue
		}
		p := d.cands[s.owner[c.j+1]-1]
		if p.dropped || p.i != c.j+1 || p.form != dossier.FormName || p.typ != dossier.Country && p.typ != dossier.Location {
			continue
		}
		p.dropped = true
		end := s.Tokens[p.j-1].End
		if c.longName != "" {
			c.longName += d.src[c.end:end]
		}
		for k := c.j; k < p.j; k++ {
			s.owner[k] = int32(ci + 1)
		}
		c.j, c.end = p.j, end
		c.key = keyOf(s.words[c.i:c.j])
	}
}

// nameStart reports whether a name may start at token i.
func (x *Extractor) nameStart(d *nerDoc, s *nerSent, i int) bool {
	sh := s.shapes[i]
	if sh&shCap == 0 || s.owner[i] != 0 || s.isTitle(i) {
		return false
	}
	w := s.words[i]
	if isFunctionWord(w) || x.lex.Stopword(w) && (s.resStart == nil || !s.resStart[i]) {
		return false
	}
	if n := len(w); n > 4 && w[n-1] == 's' && (i+1 >= len(s.words) || s.shapes[i+1]&shCap == 0) {
		one := [1]string{w[:n-1]}
		if m, _ := x.lex.Title(one[:], 0); m == 1 {
			return false // "Envoys", "Ministers": a plural title
		}
	}
	if strings.IndexByte(w, '-') > 0 && !hyphenName(s.Tokens[i].Text) {
		return false // "US-made", "Ontario-based"
	}
	if _, ok := x.lex.Month(w); ok {
		return false
	}
	if x.lex.Weekday(w) {
		return false
	}
	if sh&shInitial != 0 || s.Heading {
		// "Notably", "Following", "New Threat": a capitalized common word at the start of
		// a sentence or in a heading is no name unless a name word follows it
		if (x.commonWord(w) || d.lowerSeen[w]) && (s.resStart == nil || !s.resStart[i]) {
			return false
		}
		if commonShape(w) && !d.capSeen[w] && (i+1 >= len(s.words) || s.shapes[i+1]&shCap == 0) {
			return false // "Notably,", "Following the vote", "According to"
		}
	}
	return true
}

// runEnd extends a run of capitalized words from token i, across connectors that may sit
// inside names, and returns its end.
func (x *Extractor) runEnd(d *nerDoc, s *nerSent, i int) int {
	n := len(s.words)
	j := i + 1
	for j < n {
		if s.reserved != nil && s.reserved[j-1] && (!s.reserved[j] || s.resStart[j]) {
			break // the organization's run ends here ("National Security Service | Armen Abazyan")
		}
		if s.owner[j] == 0 && !s.isTitle(j) && s.shapes[j]&shCap != 0 && !s.Heading {
			j++
			continue
		}
		if s.owner[j] == 0 && s.Heading && s.shapes[j]&shCap != 0 && (!x.commonWord(s.words[j]) && !d.lowerSeen[s.words[j]] || s.reserved != nil && s.reserved[j] && s.reserved[j-1]) {
			j++
			continue
		}
		if p := particles(s, j); p > 0 && j+p < n && s.shapes[j+p]&shCap != 0 && s.owner[j+p] == 0 {
			j += p + 1 // "Joost van der Westhuizen", "Osama bin Laden"
			continue
		}
		if j+1 < n && s.words[j] == "&" && s.owner[j+1] == 0 && s.shapes[j+1]&shCap != 0 {
			j += 2 // "Douglas & Lomason"
			continue
		}
		if j+1 < n && (s.words[j] == "'s" || s.words[j] == "’s") && s.owner[j+1] == 0 && s.shapes[j+1]&shCap != 0 && x.orgAhead(s, j+1) {
			j += 2 // "Boatmen's Bancshares Inc"
			continue
		}
		if j+1 < n && s.owner[j] == 0 && s.shapes[j+1]&shCap != 0 && s.owner[j+1] == 0 {
			w := s.words[j]
			switch w {
			case "of", "for", "and", "&":
				if x.hasOrgHead(s, i, j) && (w == "of" || w == "for" || !x.orgHead(s.words[j-1])) || w == "of" && j == i+1 && locHead(s.words[i]) {
					j += 2
					if w == "of" && j < n && s.words[j-1] == "the" {
						j++
					}
					continue
				}
			}
		}
		if j+2 < n && s.words[j] == "of" && s.words[j+1] == "the" && s.owner[j+2] == 0 && s.shapes[j+2]&shCap != 0 && x.hasOrgHead(s, i, j) {
			j += 3
			continue
		}
		break
	}
	return j
}

// hasOrgHead reports whether a word of tokens [i, j) is an organization head noun.
func (x *Extractor) hasOrgHead(s *nerSent, i, j int) bool {
	for k := i; k < j; k++ {
		if x.orgHead(s.words[k]) || armedHead(s.words[k]) {
			return true
		}
	}
	return false
}

// armedHead reports whether w heads the names of non-state armed groups.
func armedHead(w string) bool {
	switch w {
	case "brigade", "brigades", "battalion", "battalions", "militia", "militias", "mujahideen",
		"mujahidin", "mujahedeen", "jihad", "taliban":
		return true
	}
	return false
}

// appositiveHead returns the type an apposition right after token j-1 gives a name:
// ", the intelligence wing of ..." or ", an elite unit" name an armed group or an
// organization; "" when there is no such apposition.
func appositiveHead(s *nerSent, j int) dossier.EntityType {
	n := len(s.words)
	if j+2 >= n || s.words[j] != "," || s.words[j+1] != "the" && s.words[j+1] != "a" && s.words[j+1] != "an" {
		return ""
	}
	for k := j + 2; k < n && k <= j+5; k++ {
		if s.shapes[k]&shLower == 0 {
			return ""
		}
		switch s.words[k] {
		case "wing", "arm", "branch", "faction", "cell", "battalion", "brigade", "regiment",
			"militia", "unit", "squad", "affiliate", "offshoot", "splinter":
			return dossier.ArmedGroup
		case "agency", "service", "ministry", "office", "department", "directorate",
			"committee", "council", "body", "company", "firm", "outlet", "network":
			return dossier.Organization
		}
	}
	return ""
}

// classify types the capitalized run [i, j) and returns its candidate, or nil.
func (x *Extractor) classify(d *nerDoc, s *nerSent, i, j int) *entCand {
	n := len(s.words)
	// drop a trailing possessive or connector
	for j > i+1 && (isConnector(s.words[j-1]) || s.shapes[j-1]&shWord == 0) {
		j--
	}
	first, last := s.words[i], s.words[j-1]
	single := j-i == 1
	if s.title[i] == nil && j-i <= 4 && !x.orgHead(last) && !armedHead(last) {
		s.title[i] = x.bodyTitle(d, s, i) // "Director of the Federal Security Service Alexander Bortnikov"
	}
	c := &entCand{s: s.idx, i: i, j: j, form: dossier.FormName}
	c.key = keyOf(s.words[i:j])
	if single && len(s.Tokens[i].Text) > 1 && s.shapes[i]&shAllCaps != 0 && acronymCase(s.Tokens[i].Text) {
		c.form = dossier.FormAcronym
	}
	if single && s.shapes[i]&shInitial != 0 && j < n && s.words[j] == ":" {
		return nil // "Scorers:", "Note:"
	}
	if single && compass(first) {
		return nil // "Western officials"
	}
	for k := i; k < j; k++ {
		if s.Tokens[k].Kind == text.Word && hasDigit(s.Tokens[k].Text) {
			return nil // "Bayraktar TB2", "Su-25": equipment, not a name
		}
	}
	if j < n && s.Tokens[j].Kind == text.Number && !hasDigit(s.Tokens[i].Text) && numberedHead(last) && (j+1 >= n || s.Tokens[j+1].Kind != text.Word || s.shapes[j+1]&shCap == 0) {
		c.j = j + 1 // "Air Base 201", "Camp 5"
		c.typ = dossier.Location
		c.key = keyOf(s.words[i:c.j])
		return c
	}
	if i > 0 && s.words[i-1] == "operation" && s.shapes[i-1]&shLower != 0 {
		c.i = i - 1 // "operation Aspides"
		c.typ = dossier.NamedEvent
		c.key = keyOf(s.words[c.i:j])
		return c
	}
	if j < n && s.shapes[j]&shLower != 0 && geoNoun(s.words[j]) && !x.lex.FirstName(first) {
		c.typ = dossier.Location // "the Lachin corridor"
		a, _ := s.span(i, j)
		c.longName = d.src[a:s.Tokens[j].End]
		return c
	}
	if j < n && s.shapes[j]&shLower != 0 && mediaNoun(s.words[j]) && !x.lex.FirstName(first) {
		c.typ = dossier.Organization // "the group's al-Masirah television"
		return c
	}
	if j+1 < n && s.words[j] == "special" && s.words[j+1] == "forces" && s.shapes[j]&shLower != 0 {
		c.typ = dossier.Organization // "the Akhmat special forces": a named unit
		c.j = j + 2
		c.key = keyOf(s.words[i:c.j])
		return c
	}
	if i > 0 && s.words[i-1] == "(" && j+1 < n && s.words[j] == ")" && isDash(s.words[j+1]) {
		c.typ = dossier.Organization // the agency of a dateline: "SANAA, Jan. 12 (Reuters) -"
		return c
	}
	glued := i > 0 && s.owner[i-1] != 0 && s.Tokens[i-1].SpaceAfter && d.cands[s.owner[i-1]-1].j == i && d.cands[s.owner[i-1]-1].entry != nil
	if eventHead(last, single && !glued) || (!single && first == "operation") {
		return x.namedEvent(d, s, c)
	}
	orgHead := x.orgHead(last) || armedHead(last) || (!single && x.headBeforeOf(s, i, j))
	if !orgHead && !single && (locHead(last) || locHead(first) && j-i >= 3 && s.words[i+1] == "of") {
		c.typ = dossier.Location
		return c
	}
	switch {
	case s.title[i] != nil && !orgHead:
		c.typ = dossier.Person
		c.title = s.title[i]
		return c
	case s.title[i] != nil && orgHead:
		// "General Assembly": the title word is part of an organization's name
		c.i = s.title[i].start
		c.key = keyOf(s.words[c.i:j])
		c.typ = dossier.Organization
		if armedHead(last) {
			c.typ = dossier.ArmedGroup // "Sheikh Mansur Battalion"
		}
		return c
	case orgHead:
		c.typ = dossier.Organization
		if single && (x.commonWord(first) || (i > 0 && s.words[i-1] == "the")) {
			// "the Authority", "the Council", "the Ministry": kept only as a short form
			// of a name of the text
			c.heading = true
		}
		if m, hits := x.lex.Longest(s.words[:j], i); m > 0 && m < j-i && len(hits) > 0 && (hits[0].Form == dossier.FormName || hits[0].Form == dossier.FormAcronym) && hits[0].Entry.Type == dossier.Organization && hits[0].Entry.Kind == "io" {
			// "United Nations Security Council": the body of a known organization names it too
			in := &entCand{s: s.idx, i: i, j: i + m, typ: hits[0].Entry.Type, form: hits[0].Form, entry: hits[0].Entry}
			in.start, in.end = s.span(in.i, in.j)
			c.nested = in
		}
		if armedHead(last) || (j < n && x.groupCue(s.words[j])) {
			c.typ = dossier.ArmedGroup
		}
		// "Somali National Army": the demonym stays a mention of its state, but names the
		// organization too
		if i > 0 && s.owner[i-1] != 0 {
			if p := d.cands[s.owner[i-1]-1]; p.j == i && !p.dropped && !p.compound(s) && (p.form == dossier.FormDemonym || p.typ == dossier.Country && (p.form == dossier.FormAcronym || p.form == dossier.FormName)) {
				a, _ := s.span(p.i, p.j)
				_, b := s.span(c.i, c.j)
				c.longName = d.src[a:b]
			}
		}
		// a place name glued before an organization's head belongs to it ("Kabul Bank")
		if i > 0 && s.owner[i-1] != 0 {
			if p := d.cands[s.owner[i-1]-1]; p.form == dossier.FormName && p.j == i && !p.compound(s) && (p.typ == dossier.Location || p.typ == dossier.Country) && !p.dropped {
				p.dropped = true
				for k := p.i; k < p.j; k++ {
					s.owner[k] = 0
				}
				c.i = p.i
				c.key = keyOf(s.words[c.i:j])
			}
		}
		return c
	case j < n && x.groupCue(s.words[j]):
		c.typ = dossier.ArmedGroup
		if single && adjectiveShape(first) {
			// "Kurdish rebels": the adjective alone names no group; the phrase describes one
			c.j = j + 1
			c.form = dossier.FormDescription
			c.key = "group " + first
		}
		return c
	}
	allCommon := true
	for k := i; k < j; k++ {
		if !x.commonWord(s.words[k]) && !isConnector(s.words[k]) {
			allCommon = false
			break
		}
	}
	person := x.personEvidence(s, i, j)
	switch {
	case !single && hasWord(s.words[i:j], "&"):
		c.typ = dossier.Organization // "Douglas & Lomason": partners' names make a firm's
	case !single && shipPrefix(s.Tokens[i].Text):
		c.typ = dossier.Organization // "USS Lewis B. Puller": a ship, not its namesake
	case person:
		c.typ = dossier.Person
	case !single && initialToken(s.Tokens[i].Text) && !initialToken(s.Tokens[j-1].Text):
		c.typ = dossier.Person // "M. Waugh", "J. R. Smith"
	case d.sports && i > 0 && scorecardMark(s.words[i-1]):
		c.typ = dossier.Person // "c Healy b Muralitharan"
	case !single && j+2 < n && s.words[j] == "(" && s.owner[j+1] != 0 && d.cands[s.owner[j+1]-1].typ == dossier.Country && x.namesShape(s, i, j):
		c.typ = dossier.Person // "Ludmila Engquist ( Sweden )": a name with its nationality
	case allCommon:
		return nil // "Special Representatives", "New Great Game"
	case !single && x.lex.FirstName(first):
		c.typ = dossier.Person
	case surnameShape(last) && j-i <= 3:
		c.typ = dossier.Person
	case single && adjectiveShape(first) && !x.lex.FirstName(first):
		return nil // "Kurdish", "Islamic", "Christians": nationalities and creeds (MISC)
	case x.locativeBefore(s, i):
		c.typ = dossier.Location
		c.weak = !(i > 0 && (s.words[i-1] == "in" || s.words[i-1] == "near" || s.words[i-1] == "outside"))
	case i >= 2 && (s.words[i-1] == "and" || s.words[i-1] == "or") && x.placeBefore(d, s, i-2):
		c.typ = dossier.Location // "in Harim and Jindires": a place coordinated with a place
		c.weak = true
	case j+1 < n && s.words[j] == "," && s.owner[j+1] != 0 && d.cands[s.owner[j+1]-1].typ == dossier.Country && d.cands[s.owner[j+1]-1].form == dossier.FormName:
		c.typ = dossier.Location // "Tavildara, Tajikistan"
	case i >= 3 && s.words[i-1] == "of" && (s.words[i-2] == "town" || s.words[i-2] == "city" || s.words[i-2] == "village" || s.words[i-2] == "province" || s.words[i-2] == "region" || s.words[i-2] == "district" || s.words[i-2] == "port"):
		c.typ = dossier.Location // "the town of Uyo"
	case c.form == dossier.FormAcronym:
		c.typ = dossier.Organization
		c.weak = true
	case !single && (x.commonWord(last) || d.lowerSeen[last]) && !x.lex.FirstName(first):
		return nil // "Strategic Framework": capitalized common words, no name
	case single && !d.sports && !d.business && x.peopleNoun(first):
		return nil // "Kurds", "Afrikaners": a people or group, not a person
	case j-i <= 3 && i > 0 && s.words[i-1] == "the" && !x.lex.FirstName(first) && !(single && x.lex.Surname(first)):
		// "the Amniyat": a person's name takes no article; a body's does
		c.typ = dossier.Organization
		c.weak = true
		if h := appositiveHead(s, j); h != "" {
			c.typ, c.weak = h, false // "the Amniyat, the intelligence wing of the group"
		}
	case single && i > 0 && quantifier(s.words[i-1]):
		return nil // "a Shia mosque", "several Sunni clerics": a name takes no such determiner
	case single && i > 0 && s.owner[i-1] != 0 && s.Tokens[i-1].End < s.Tokens[i].Start:
		return nil // "the SCO Plus format": a word added to a name, no person
	case j-i <= 3:
		c.typ = dossier.Person
		c.weak = true
	default:
		return nil
	}
	if s.Heading && c.weak {
		c.heading = true // kept only if coreference finds it a name of the text
	}
	if single && c.weak && c.typ == dossier.Person && j < n && s.shapes[j]&shLower != 0 && peopleHead(s.words[j]) {
		return nil // "Rohingya refugees", "Hazara villagers": a people, not a person
	}
	if single && c.weak && j < n && s.shapes[j]&shLower != 0 && x.modifiedNoun(s.words[j]) {
		return nil // "Hazara groups": a capitalized modifier of a common noun
	}
	return c
}

// peopleNoun reports whether a capitalized word without other evidence is shaped like the
// plural name of a people or group ("Kurds", "Pashtuns", "Afrikaners") rather than a
// surname: a plural in -s after a consonant that no name list holds.
func (x *Extractor) peopleNoun(w string) bool {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return false
	}
	switch w[n-2] {
	case 's', 'a', 'e', 'i', 'o', 'u', 'y', '\'', 'z', 'x':
		return false
	}
	return !x.lex.Surname(w) && !x.lex.FirstName(w) && !x.lex.Surname(w[:n-1]) && !x.lex.FirstName(w[:n-1])
}

// placeBefore reports whether token k ends a place's name that a preposition of place
// introduces ("in Harim", "between Gao"), the first of a coordination of places.
func (x *Extractor) placeBefore(d *nerDoc, s *nerSent, k int) bool {
	if s.owner[k] == 0 {
		return false
	}
	p := d.cands[s.owner[k]-1]
	if p.typ != dossier.Location || p.form != dossier.FormName || p.j != k+1 {
		return false
	}
	return x.locativeBefore(s, p.i) || p.entry != nil && p.i > 0 && s.words[p.i-1] == "between"
}

// bodyTitle returns the role a person holds in the organization named just before token
// i, after a role word and "of (the)": "Director of the Federal Security Service" before
// "Alexander Bortnikov". It returns nil when no such role stands there.
func (x *Extractor) bodyTitle(d *nerDoc, s *nerSent, i int) *titleAt {
	if i == 0 || s.owner[i-1] == 0 {
		return nil
	}
	o := d.cands[s.owner[i-1]-1]
	if o.dropped || o.j != i || o.typ != dossier.Organization && o.typ != dossier.ArmedGroup || o.form != dossier.FormName && o.form != dossier.FormAcronym {
		return nil
	}
	k := o.i - 1
	if k > 0 && s.words[k] == "the" {
		k--
	}
	if k < 1 || s.words[k] != "of" || s.shapes[k-1]&shCap == 0 || !(s.isTitle(k-1) || roleHead(s.words[k-1])) {
		return nil
	}
	start := k - 1
	for start > 0 && s.isTitle(start-1) {
		start-- // "Deputy Director of ..."
	}
	name := s.src(start, i)
	return &titleAt{start: start, end: i, names: []string{name}, honorific: name}
}

// peopleHead reports whether w, after a capitalized word, names members of a people or
// community ("Rohingya refugees", "Uyghur minority").
func peopleHead(w string) bool {
	switch w {
	case "refugees", "migrants", "civilians", "villagers", "minority", "minorities", "community", "communities",
		"population", "people", "peoples", "tribesmen", "tribes", "tribe", "clan", "clans", "elders", "women",
		"men", "children", "families", "diaspora", "muslims", "christians", "settlers", "herders", "farmers":
		return true
	}
	return false
}

// modifiedNoun reports whether w, after a capitalized word, is a common noun that word
// modifies rather than a verb it is the subject of.
func (x *Extractor) modifiedNoun(w string) bool {
	if !x.commonWord(w) || isFunctionWord(w) || x.lex.Stopword(w) {
		return false
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	switch w {
	case "says", "said", "told", "has", "had", "is", "was", "will", "would", "did", "does", "won", "lost",
		"beat", "scored", "took", "made", "got", "came", "went", "left", "met", "saw", "gave", "hit", "ran",
		"leads", "wins", "takes", "makes", "gets", "comes", "goes", "sees", "gives", "runs", "plays", "faces":
		return false
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// eventHead reports whether w ends the names of events ("Summit", "World Cup", "Security
// Dialogue"); "Open" only after another word ("U.S. Open").
func eventHead(w string, single bool) bool {
	switch w {
	case "summit", "dialogue", "conference", "forum", "talks", "war", "games", "olympics", "olympiad",
		"cup", "championship", "championships", "tournament", "festival", "grand prix", "expo", "marathon",
		"rally", "trophy", "classic", "masters", "series", "uprising", "revolution", "offensive", "crisis",
		"agreement", "accord", "accords", "treaty":
		return !single || w == "olympics" || w == "olympiad"
	case "open":
		return !single
	}
	return false
}

// namedEvent turns c into a named event, with a leading ordinal ("5th Security Dialogue"),
// a place name glued before it ("U.S. Open", "Asian Cup") and a following "on/in/of" and
// name ("... on Afghanistan").
func (x *Extractor) namedEvent(d *nerDoc, s *nerSent, c *entCand) *entCand {
	c.typ = dossier.NamedEvent
	c.form = dossier.FormName
	if c.i > 0 && s.owner[c.i-1] != 0 {
		if p := d.cands[s.owner[c.i-1]-1]; p.j == c.i && p.entry != nil && !p.dropped && (p.form == dossier.FormName || p.form == dossier.FormDemonym || p.form == dossier.FormAcronym) {
			p.dropped = true
			for k := p.i; k < p.j; k++ {
				s.owner[k] = 0
			}
			c.i = p.i
		}
	}
	if c.i > 0 && s.Tokens[c.i-1].Kind == text.Number && ordinal(s.words[c.i-1]) {
		c.i--
	}
	n := len(s.words)
	if c.j+1 < n && (s.words[c.j] == "on" || s.words[c.j] == "in" || s.words[c.j] == "of" || s.words[c.j] == "for") && s.shapes[c.j+1]&shCap != 0 {
		k := c.j + 1
		if o := s.owner[k]; o != 0 {
			if p := d.cands[o-1]; p.i == k {
				k = p.j
			}
		} else {
			for k < n && s.shapes[k]&shCap != 0 && s.owner[k] == 0 {
				k++
			}
		}
		c.j = k
	}
	c.key = keyOf(s.words[c.i:c.j])
	return c
}

// ordinal reports whether a folded number token is an ordinal ("5th", "21st").
func ordinal(w string) bool {
	return strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd")
}

// personEvidence reports whether the frame around [i, j) shows a person: "X said",
// "according to X", "X, who", "X, the president of ...".
func (x *Extractor) personEvidence(s *nerSent, i, j int) bool {
	n := len(s.words)
	if j-i > 4 {
		return false
	}
	if i >= 2 && s.words[i-2] == "according" && s.words[i-1] == "to" {
		return true
	}
	k := j
	if k < n && (s.words[k] == "'s" || s.words[k] == "’s") {
		return false
	}
	if k < n && s.words[k] == "," {
		k++
		if k < n && s.words[k] == "who" {
			return true
		}
		if k+1 < n && (s.words[k] == "the" || s.words[k] == "a" || s.words[k] == "an") {
			if m, t := x.lex.Title(s.words, k+1); m > 0 && t.Person {
				return true
			}
			if m, t := x.lex.Title(s.words, k+2); m > 0 && t.Person {
				return true // "the new Russian ambassador"
			}
		}
		if m, t := x.lex.Title(s.words, k); m > 0 && t.Person {
			return true
		}
	}
	if j < n && !(i > 0 && placePrep(s.words[i-1])) { // "a trader from Tidermene told us"
		switch s.words[j] {
		case "said", "says", "told", "added", "stated", "noted", "explained", "argued", "insisted",
			"wrote", "recalled", "admitted", "denied", "confirmed", "declared":
			return true
		}
	}
	return false
}

// placePrep reports whether w introduces a place rather than a person ("sources in
// Dushanbe", "a trader from Tidermene"; but "a letter to Okonkwo").
func placePrep(w string) bool {
	return w == "in" || w == "at" || w == "near" || w == "from" || w == "outside"
}

// surnameShape reports whether w ends like a Slavic or similar family name.
func surnameShape(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, suf := range []string{"ov", "ev", "ova", "eva", "sky", "ski", "skiy", "enko", "vich", "ovic", "evic", "shvili", "dze", "yan"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func hasWord(ws []string, w string) bool {
	for _, v := range ws {
		if v == w {
			return true
		}
	}
	return false
}

// keyOf returns the grouping key of a folded token sequence.
func keyOf(words []string) string {
	var b strings.Builder
	for k, w := range words {
		if w == "'s" || w == "’s" {
			continue
		}
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// cueGroups adds armed groups named by a demonym and a cue word ("Chechen fighters",
// "Chechen jihadists"): one group per demonym and document.
func (x *Extractor) cueGroups(d *nerDoc) {
	n := len(d.cands)
	for ci := 0; ci < n; ci++ {
		c := d.cands[ci]
		if c.dropped || c.entry == nil {
			continue
		}
		s := d.sents[c.s]
		j := c.j
		if c.form != dossier.FormDemonym {
			// "Kyiv's military intelligence agency": a state's body by the possessive
			if c.entry.Type != dossier.Country || j+1 >= len(s.words) || s.words[j] != "'s" || s.owner[j] != 0 {
				continue
			}
			if k := bodyNoun(s, j+1); k > j+1 && s.free(j, k) && s.words[j+1] != "diaspora" && s.words[j+1] != "peacekeepers" {
				g := &entCand{s: c.s, i: c.i, j: k, typ: dossier.Organization, form: dossier.FormDescription, key: "body " + c.entry.Name + " " + s.words[j+1]}
				d.cands = append(d.cands, g)
				g.start, g.end = s.span(g.i, g.j)
				for m := j; m < k; m++ {
					s.owner[m] = int32(len(d.cands))
				}
			}
			continue
		}
		if k := bodyNoun(s, j); k > j && s.free(j, k) {
			// "the Chechen diaspora", "the Russian peacekeeping contingent": a body of the
			// state's people, one per demonym and noun
			noun := s.words[j]
			if strings.HasPrefix(noun, "peacekeep") {
				noun = "peacekeepers" // the contingent and its peacekeepers are one body
			}
			g := &entCand{s: c.s, i: c.i, j: k, typ: dossier.Organization, form: dossier.FormDescription, key: "body " + c.entry.Name + " " + noun}
			d.cands = append(d.cands, g)
			g.start, g.end = s.span(g.i, g.j)
			for m := j; m < k; m++ {
				s.owner[m] = int32(len(d.cands))
			}
			continue
		}
		if j < len(s.words) && x.groupCue(s.words[j]) && s.owner[j] == 0 {
			key := "group " + c.entry.Name
			if s.words[j] == "volunteers" {
				key += " volunteers" // volunteers are another body than the fighters
			}
			g := &entCand{s: c.s, i: c.i, j: j + 1, typ: dossier.ArmedGroup, form: dossier.FormDescription, key: key}
			d.cands = append(d.cands, g)
			g.start, g.end = s.span(g.i, g.j)
			s.owner[j] = int32(len(d.cands))
		}
	}
}

// bodyNoun returns the end of a lower-case noun phrase at token j that names a body of a
// state's people or forces ("diaspora", "peacekeeping contingent", "peacekeepers"), or j.
func bodyNoun(s *nerSent, j int) int {
	n := len(s.words)
	if j >= n || s.shapes[j]&shLower == 0 {
		return j
	}
	switch s.words[j] {
	case "diaspora", "peacekeepers":
		return j + 1
	case "peacekeeping":
		if j+1 < n {
			switch s.words[j+1] {
			case "contingent", "force", "forces", "mission":
				return j + 2
			}
		}
	case "military", "foreign":
		// "Ukrainian military intelligence", "British foreign intelligence"
		if j+1 < n && s.words[j+1] == "intelligence" {
			if j+2 < n && intelligenceNoun(s.words[j+2]) {
				return j + 3
			}
			return j + 2
		}
	case "intelligence":
		if j+1 < n && intelligenceNoun(s.words[j+1]) {
			return j + 2 // "Western intelligence services"
		}
	case "press", "special", "security":
		// "the Kremlin press service", "Russian special services", "Afghan security services"
		if j+1 < n && (s.words[j+1] == "service" || s.words[j+1] == "services") {
			return j + 2
		}
	}
	return j
}

// intelligenceNoun reports the nouns that make "intelligence" a body: "services",
// "agency".
func intelligenceNoun(w string) bool {
	switch w {
	case "service", "services", "agency", "agencies", "directorate":
		return true
	}
	return false
}

// caselessNames finds, in all-caps sentences, the names found elsewhere in the document.
func (x *Extractor) caselessNames(d *nerDoc) {
	known := map[string]*entCand{}
	maxLen := 0
	for _, c := range d.cands {
		if c.entry == nil && c.form == dossier.FormName && !c.dropped && !c.weak {
			known[c.key] = c
			if c.j-c.i > maxLen {
				maxLen = c.j - c.i
			}
			if c.typ == dossier.Person && c.j-c.i >= 2 {
				// "SHEARER" in a headline is the Alan Shearer of the story
				if last := d.sents[c.s].words[c.j-1]; known[last] == nil && len(last) > 2 {
					known[last] = c
				}
			}
		}
	}
	if len(known) == 0 {
		return
	}
	for _, s := range d.sents {
		if !s.caseless {
			continue
		}
		n := len(s.words)
		for i := 0; i < n; i++ {
			if s.owner[i] != 0 || s.shapes[i]&shWord == 0 {
				continue
			}
			for m := min(maxLen, n-i); m >= 1; m-- {
				if !s.free(i, i+m) {
					continue
				}
				if k, ok := known[keyOf(s.words[i:i+m])]; ok && !isFunctionWord(s.words[i]) {
					d.add(&entCand{s: s.idx, i: i, j: i + m, typ: k.typ, form: dossier.FormName, key: k.key})
					i += m - 1
					break
				}
			}
		}
	}
}

// hyphenName reports whether every part of a hyphenated word is capitalized, but for the
// particles names keep in lower case ("Tehrik-i-Taliban", "al-Qaeda").
func hyphenName(t string) bool {
	if k := strings.IndexByte(t, '-'); k > 0 {
		switch strings.ToLower(t[:k]) {
		case "ex", "pro", "anti", "non", "post", "pre", "neo", "pan", "mid", "self", "vice", "former", "then":
			return false // "Ex-Yankee", "Anti-Taliban"
		}
	}
	for _, part := range strings.Split(t, "-") {
		if part == "" {
			return false
		}
		c := part[0]
		if c >= '0' && c <= '9' {
			return false // "Under-21", "C-4"
		}
		if c >= 'a' && c <= 'z' {
			switch part {
			case "i", "e", "al", "el", "ul", "ud", "ur", "ad", "as", "ash", "at", "az", "bin", "ibn", "de", "la", "le", "sur", "on", "upon", "in", "en", "am", "an", "der", "d", "l":
				continue
			}
			return false // "pro-Moscow", "mid-September", "US-made"
		}
	}
	return true
}

// sportsDoc reports whether the document reads like a sports report: results, tables,
// matches. In one, a city or region named with a score or against another is a team.
func sportsDoc(d *nerDoc) bool {
	n := 0
	for _, s := range d.sents {
		for _, w := range s.words {
			switch w {
			case "soccer", "football", "cricket", "baseball", "basketball", "tennis", "golf", "rugby", "hockey",
				"cycling", "athletics", "match", "matches", "league", "innings", "halftime", "half-time",
				"goals", "goal", "scorers", "standings", "season", "coach", "striker", "midfielder", "wickets",
				"wicket", "points", "beat", "drew", "defeated", "champions", "championship", "playoff",
				"play-off", "quarter-final", "semi-final", "final", "inning", "pitcher", "homer", "runs":
				n++
			}
		}
		if n >= 3 {
			return true
		}
	}
	return false
}

// teams retypes, in sports reports, place names that stand for teams: a city or region
// followed by a score or a results row ("Leicestershire 296", "NEW YORK 74 58 .561"),
// opposed with "v", "at" or a result verb ("Kent beat Essex"), or followed by its country
// in parentheses ("Red Star ( Yugoslavia )"). States stay places: national teams are
// named like their country.
func (x *Extractor) teams(d *nerDoc) {
	if !d.sports {
		return
	}
	teams := map[string]bool{}
	for _, c := range d.cands {
		if c.dropped || c.form != dossier.FormName && c.form != dossier.FormAcronym {
			continue
		}
		if c.typ == dossier.Country || c.typ == dossier.Person && (!c.weak || c.j-c.i > 1 && x.lex.FirstName(d.sents[c.s].words[c.i])) || c.typ == dossier.NamedEvent {
			continue
		}
		if c.typ == dossier.Organization || c.typ == dossier.ArmedGroup || c.entry != nil && homeNation(c.entry.Name) {
			continue
		}
		s := d.sents[c.s]
		if c.entry != nil && !s.caseless {
			x.clubName(d, s, c) // "Real Madrid", "Paris St Germain", "Dynamo Moscow"
		}
		if c.typ == dossier.Organization || x.teamContext(d, s, c) {
			c.typ = dossier.Organization
			c.weak = false
			c.heading = false
			teams[keyOf(s.words[c.i:c.j])] = true
			if c.entry != nil {
				c.key = "team " + keyOf(s.words[c.i:c.j])
				c.entry = nil
			}
		}
	}
	// lists of teams: "Essex, Derbyshire and Surrey"
	for pass := 0; pass < 2; pass++ {
		for _, c := range d.cands {
			if c.dropped || c.typ != dossier.Organization || c.entry != nil || !strings.HasPrefix(c.key, "team ") {
				continue
			}
			s := d.sents[c.s]
			for _, k := range []int{c.j + 1, c.i - 2} {
				if k < 0 || k >= len(s.words) || s.owner[k] == 0 {
					continue
				}
				var sep string // the word between c and the neighbour
				if k < c.i {
					sep = s.words[k+1]
				} else {
					sep = s.words[k-1]
				}
				if sep != "," && sep != "and" && sep != "or" {
					continue
				}
				o := d.cands[s.owner[k]-1]
				if o.entry != nil && o.form == dossier.FormName && o.typ == dossier.Location && !homeNation(o.entry.Name) {
					teams[keyOf(s.words[o.i:o.j])] = true
				}
			}
		}
	}
	// one sense per report: a place named as a team once is the team wherever it is not
	// after a preposition of place
	for _, c := range d.cands {
		if c.dropped || c.entry == nil || c.form != dossier.FormName || c.typ == dossier.Country || homeNation(c.entry.Name) {
			continue
		}
		s := d.sents[c.s]
		k := keyOf(s.words[c.i:c.j])
		if teams[k] && !x.locativeBefore(s, c.i) && (c.j >= len(s.words) || s.words[c.j] != ":") {
			c.typ = dossier.Organization
			c.key = "team " + k
			c.entry = nil
		}
	}
}

// clubName joins a place name and a capitalized word glued to it into a club's name.
func (x *Extractor) clubName(d *nerDoc, s *nerSent, c *entCand) {
	n := len(s.words)
	i, j := c.i, c.j
	// a weak name found by ner next to the place is part of the club's name
	free := func(k int) bool {
		if s.owner[k] == 0 {
			return true
		}
		o := d.cands[s.owner[k]-1]
		return o.entry == nil && o.weak && o.form == dossier.FormName && o.i >= k-2 && o.j <= k+3
	}
	if i > 0 && free(i-1) && s.shapes[i-1]&shCap != 0 && !s.isTitle(i-1) && !isFunctionWord(s.words[i-1]) && s.Tokens[i-1].Kind == text.Word && !x.locativeBefore(s, i-1) {
		i--
	}
	for j < n && j < c.j+2 && free(j) && s.shapes[j]&shCap != 0 && !s.isTitle(j) && s.Tokens[j].Kind == text.Word {
		j++
	}
	if i == c.i && j == c.j {
		return
	}
	for k := i; k < j; k++ {
		if o := s.owner[k]; o != 0 && d.cands[o-1] != c {
			d.cands[o-1].dropped = true
		}
	}
	own := s.owner[c.i]
	c.i, c.j = i, j
	c.start, c.end = s.span(i, j)
	for k := i; k < j; k++ {
		s.owner[k] = own
	}
	c.typ = dossier.Organization
	c.key = "team " + keyOf(s.words[i:j])
	c.entry = nil
}

// teamContext reports whether candidate c stands where a team's name stands.
func (x *Extractor) teamContext(d *nerDoc, s *nerSent, c *entCand) bool {
	n := len(s.words)
	j := c.j
	if j < n && s.words[j] == "'s" {
		j++
	}
	if j < n && s.Tokens[j].Kind == text.Number && !dateLike(s.words[j]) {
		return true
	}
	if j+1 < n && s.words[j] == "(" && s.owner[j+1] != 0 {
		if p := d.cands[s.owner[j+1]-1]; p.typ == dossier.Country && p.j < n && s.words[p.j] == ")" {
			return true
		}
	}
	if c.i > 0 {
		switch s.words[c.i-1] {
		case "v", "v.", "vs", "vs.", "beat", "beating", "against", "over", "to":
			if s.words[c.i-1] == "to" || s.words[c.i-1] == "over" || s.words[c.i-1] == "against" {
				return c.i > 1 && (s.words[c.i-2] == "lost" || s.words[c.i-2] == "losing" || s.words[c.i-2] == "win" || s.words[c.i-2] == "victory" || s.words[c.i-2] == "defeat" || s.words[c.i-2] == "draw")
			}
			return true
		}
	}
	if j < n {
		w := s.words[j]
		if s.shapes[j]&shLower != 0 && strings.HasSuffix(w, "ed") && (c.i == 0 || s.shapes[c.i]&shInitial != 0 || s.words[c.i-1] == "as" || s.words[c.i-1] == "while" || s.words[c.i-1] == "and" || s.words[c.i-1] == ",") {
			return true // "Surrey closed on 429", "as Essex reached 372"
		}
		switch w {
		case "captain", "coach", "manager", "players", "player", "side", "team", "fans", "striker", "midfielder",
			"goalkeeper", "defender", "batsman", "bowler", "skipper", "supporters", "club", "squad", "keeper":
			return true // "Surrey captain Chris Lewis"
		case "v", "v.", "vs", "vs.", "beat", "drew", "defeated", "lost", "won", "thrashed", "edged", "routed", "held", "trailed", "led", "scored":
			return true
		case "at":
			return j+1 < n && s.owner[j+1] != 0 && s.caseless
		}
	}
	return false
}

// dateLike reports whether a number token is a date ("1996-08-30") rather than a score.
func dateLike(w string) bool {
	return len(w) == 10 && w[4] == '-' && w[7] == '-'
}

// orgHead reports whether w heads organization names: the lexicon's list, and the legal
// forms and institution nouns every name list of companies and bodies ends with.
func (x *Extractor) orgHead(w string) bool {
	if x.lex.OrgHead(w) {
		return true
	}
	switch w {
	case "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv", "bv",
		"gmbh", "spa", "group", "holdings", "bancshares", "bancorp", "bank", "airlines", "airways", "motors",
		"ministry", "council", "committee", "commission", "agency", "party", "front", "union", "association",
		"federation", "institute", "university", "college", "church", "court", "parliament", "assembly",
		"senate", "congress", "army", "navy", "league", "club", "times", "news", "post", "journal", "herald",
		"telegraph", "tribune", "gazette", "daily", "press", "corporation", "company", "foundation", "fund",
		"organisation", "organization", "authority", "board", "office", "department", "bureau", "exchange",
		"network", "television", "radio", "broadcasting", "systems", "technologies", "industries",
		"enterprises", "securities", "investments", "insurance", "telecom", "communications", "electric",
		"petroleum", "chemicals", "pharmaceuticals", "reserve", "treasury", "cabinet", "police", "guard",
		"movement", "alliance", "coalition", "brigade", "brigades", "service", "services", "directorate":
		return true
	}
	return false
}

// locHead reports whether w heads place names ("Wall Street", "Red Sea", "Stansted Airport").
func locHead(w string) bool {
	switch w {
	case "street", "avenue", "road", "square", "bridge", "airport", "river", "mountains", "mountain", "mount",
		"lake", "island", "islands", "sea", "ocean", "gulf", "bay", "valley", "desert", "province", "region",
		"district", "county", "city", "strait", "straits", "peninsula", "coast", "canal", "plain", "plains",
		"hills", "heights", "park", "harbour", "harbor", "port", "basin", "delta", "cape", "forest", "stadium",
		"shoal", "reef", "reefs", "atoll", "atolls", "plateau", "ridge", "dam", "oasis", "archipelago", "lagoon",
		"glacier", "falls", "marsh", "creek":
		return true
	}
	return false
}

// groupCue reports whether w names members of an armed group: the lexicon's cue list and
// the common nouns of war reporting.
func (x *Extractor) groupCue(w string) bool {
	if x.lex.GroupCue(w) {
		return true
	}
	switch w {
	case "fighters", "militants", "jihadists", "insurgents", "rebels", "guerrillas", "gunmen", "militiamen",
		"extremists", "terrorists", "combatants", "separatists", "paramilitaries", "volunteers":
		return true
	}
	return false
}

// commonShape reports whether a capitalized word at the start of a sentence is shaped like
// an ordinary English word rather than a name: adverbs, participles, abstract nouns.
func commonShape(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, suf := range []string{"ly", "ing", "ed", "ness", "ment", "ments", "tion", "tions", "ity", "ous", "ive", "ful", "less", "able", "ally", "ever", "ther", "ists", "ants", "ents", "ers", "ees"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// adjectiveShape reports whether a capitalized word is shaped like a nationality, creed or
// language adjective or noun ("Kurdish", "Islamic", "Sudanese", "Christians").
func adjectiveShape(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, suf := range []string{"ish", "ese", "ic", "ian", "ians", "ans", "ist", "ists", "ite", "ites"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// particles returns how many lower-case name particles start at token j ("van der", "bin",
// "de la"), or 0.
func particles(s *nerSent, j int) int {
	k := j
	for k < len(s.words) && k < j+2 && s.owner[k] == 0 {
		switch s.words[k] {
		case "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "des", "la", "le", "al", "el",
			"bin", "ibn", "bint", "ben", "abu", "y", "dos", "das", "ter", "ten", "zu":
			if s.shapes[k]&shCap != 0 {
				return k - j
			}
			k++
			continue
		}
		break
	}
	return k - j
}

// orgAhead reports whether the capitalized run from token j ends with an organization's
// head noun.
func (x *Extractor) orgAhead(s *nerSent, j int) bool {
	k := j
	for k < len(s.words) && s.shapes[k]&shCap != 0 && s.owner[k] == 0 {
		k++
	}
	return k > j && x.orgHead(s.words[k-1])
}

// commonWord reports whether w, or its singular, is a frequent English word.
func (x *Extractor) commonWord(w string) bool {
	if x.lex.CommonWord(w) {
		return true
	}
	if n := len(w); n > 3 && w[n-1] == 's' {
		if x.lex.CommonWord(w[:n-1]) || (n > 4 && w[n-2] == 'e' && x.lex.CommonWord(w[:n-2])) || (n > 4 && w[n-3:] == "ies" && x.lex.CommonWord(w[:n-3]+"y")) {
			return true
		}
	}
	return false
}

// businessDoc reports whether the document reads like business news, where a one-word
// name without other evidence is more often a company's than a person's.
func businessDoc(d *nerDoc) bool {
	n := 0
	for _, s := range d.sents {
		for _, w := range s.words {
			switch w {
			case "shares", "stock", "stocks", "profit", "profits", "revenue", "revenues", "earnings",
				"dividend", "investors", "analysts", "company", "companies", "bank", "banks", "bond",
				"bonds", "market", "markets", "percent", "pct", "net", "sales", "quarter", "firm",
				"merger", "acquisition", "bid", "trading", "traders", "prices", "tonnes", "exchange":
				n++
			}
		}
		if n >= 4 {
			return true
		}
	}
	return false
}

// homeNation reports whether a place is one of the nations inside the United Kingdom, which
// field national teams under their own names.
func homeNation(name string) bool {
	switch name {
	case "England", "Scotland", "Wales", "Northern Ireland":
		return true
	}
	return false
}

// facilities adds the facility a known place names ("Makhachkala airport", "the Rafah
// crossing"): a place of its own, whose mention overlaps the town's.
func (x *Extractor) facilities(d *nerDoc) {
	n := len(d.cands)
	for ci := 0; ci < n; ci++ {
		c := d.cands[ci]
		if c.dropped || c.entry == nil || c.form != dossier.FormName || c.typ != dossier.Location && c.typ != dossier.Country {
			continue
		}
		s := d.sents[c.s]
		if c.j >= len(s.words) || s.shapes[c.j]&shLower == 0 || !facilityNoun(s.words[c.j]) {
			continue
		}
		f := &entCand{s: c.s, i: c.i, j: c.j + 1, typ: dossier.Location, form: dossier.FormName, key: "facility " + keyOf(s.words[c.i:c.j+1])}
		f.start, f.end = s.span(f.i, f.j)
		d.cands = append(d.cands, f)
	}
}

// wars adds the wars named after a state: "the Ukrainian conflict", "the war in Ukraine"
// are one event per state and document.
func (x *Extractor) wars(d *nerDoc) {
	n := len(d.cands)
	for ci := 0; ci < n; ci++ {
		c := d.cands[ci]
		if c.dropped || c.entry == nil || c.entry.Type != dossier.Country && !(c.entry.Type == dossier.Location && c.form == dossier.FormName) {
			continue // states, and places: "the war in Gaza"
		}
		s := d.sents[c.s]
		var i, j int
		switch {
		case c.form == dossier.FormDemonym && c.i > 0 && s.words[c.i-1] == "the" && c.j < len(s.words) && warNoun(s.words[c.j]):
			i, j = c.i, c.j+1
		case c.form == dossier.FormName && c.i >= 3 && (s.words[c.i-3] == "the" || s.words[c.i-3] == "its" || s.words[c.i-3] == "their" || s.words[c.i-3] == "'s" || s.words[c.i-3] == "’s") && warNoun(s.words[c.i-2]) && (s.words[c.i-1] == "in" || s.words[c.i-1] == "on" || s.words[c.i-1] == "against"):
			i, j = c.i-2, c.j
			if s.words[c.i-3] != "the" && c.i >= 4 && s.owner[c.i-4] != 0 {
				i = c.i - 4 // "Russia's war in Ukraine"
			}
		default:
			continue
		}
		e := &entCand{s: c.s, i: i, j: j, typ: dossier.NamedEvent, form: dossier.FormName, key: "war " + c.entry.Name}
		e.start, e.end = s.span(i, j)
		d.cands = append(d.cands, e)
	}
}

// placeEvents adds the events named by a place or a body and a lower-case event noun: "the
// Moscow attack", "the CSTO summit in Minsk". A city's summit is the document's one named
// meeting when it names exactly one ("the Moscow summit" of the "5th Security Dialogue").
func (x *Extractor) placeEvents(d *nerDoc) {
	var meeting *entCand
	meetings := 0
	for _, c := range d.cands {
		if !c.dropped && c.typ == dossier.NamedEvent && c.form == dossier.FormName && c.entry == nil {
			for _, w := range d.sents[c.s].words[c.i:c.j] {
				if w == "summit" || w == "dialogue" || w == "conference" || w == "forum" || w == "talks" || w == "meeting" {
					meeting = c // "5th Security Dialogue on Afghanistan"
					meetings++
					break
				}
			}
		}
	}
	n := len(d.cands)
	for ci := 0; ci < n; ci++ {
		c := d.cands[ci]
		if c.dropped || c.entry == nil || c.i == 0 || c.j >= len(d.sents[c.s].words) {
			continue
		}
		s := d.sents[c.s]
		city := c.entry.Kind == "city" || c.alt != nil && c.alt.Kind == "city"
		body := c.typ == dossier.Organization && (c.form == dossier.FormAcronym || c.form == dossier.FormName)
		if s.words[c.i-1] != "the" || !city && !body || s.shapes[c.j]&shLower == 0 {
			continue
		}
		noun := s.words[c.j]
		switch noun {
		case "summit", "attack", "attacks", "bombing", "bombings", "massacre", "riot", "riots", "siege", "uprising":
		default:
			continue
		}
		j := c.j + 1
		if j+1 < len(s.words) && s.words[j] == "in" && s.owner[j+1] != 0 {
			if p := d.cands[s.owner[j+1]-1]; p.i == j+1 && (p.typ == dossier.Location || p.typ == dossier.Country) {
				j = p.j // "the CSTO summit in Minsk"
			}
		}
		e := &entCand{s: c.s, i: c.i, j: j, typ: dossier.NamedEvent, form: dossier.FormName, key: "event " + keyOf(s.words[c.i:j])}
		if noun == "summit" && city && meetings == 1 {
			e.key, e.form = meeting.key, dossier.FormDescription
		}
		e.start, e.end = s.span(e.i, e.j)
		d.cands = append(d.cands, e)
	}
}

func warNoun(w string) bool { return w == "war" || w == "conflict" || w == "invasion" }

// factions adds the factions a text sets apart with a quoted qualifier: "the «moderate»
// Taliban", "the “radical” wing of Hamas" (a faction of the group, one per qualifier).
func (x *Extractor) factions(d *nerDoc) {
	n := len(d.cands)
	for ci := 0; ci < n; ci++ {
		c := d.cands[ci]
		if c.dropped || c.form != dossier.FormName || c.typ != dossier.ArmedGroup && c.typ != dossier.Organization {
			continue
		}
		s := d.sents[c.s]
		// «moderate» Taliban
		if c.i >= 3 && closeQuote(s.words[c.i-1]) && openQuote(s.words[c.i-3]) && s.shapes[c.i-2]&shLower != 0 {
			x.addFaction(d, s, c, c.i-3, c.j, s.words[c.i-2])
			continue
		}
		// «moderate» faction of the Taliban (leadership), « moderates » within the Taliban
		for _, back := range []int{5, 6} {
			k := c.i - back
			if k < 0 || !openQuote(s.words[k]) || !closeQuote(s.words[k+2]) || s.shapes[k+1]&shLower == 0 {
				continue
			}
			mid := s.words[k+3 : c.i]
			if (mid[0] == "faction" || mid[0] == "wing" || mid[0] == "within") && (mid[len(mid)-1] == "the" || mid[len(mid)-1] == "of") {
				j := c.j
				if j < len(s.words) && (s.words[j] == "leadership" || s.words[j] == "movement") {
					j++
				}
				x.addFaction(d, s, c, k, j, strings.TrimSuffix(s.words[k+1], "s"))
				break
			}
		}
	}
}

func (x *Extractor) addFaction(d *nerDoc, s *nerSent, c *entCand, i, j int, qual string) {
	name := c.key
	if c.entry != nil {
		name = c.entry.Name
	}
	f := &entCand{s: c.s, i: i, j: j, typ: c.typ, form: dossier.FormDescription, key: "faction " + qual + " " + name}
	f.start, f.end = s.span(i, j)
	d.cands = append(d.cands, f)
}

func openQuote(w string) bool  { return w == "«" || w == "“" || w == "\"" }
func closeQuote(w string) bool { return w == "»" || w == "”" || w == "\"" }

// definedAcronyms finds names defined with an acronym in parentheses: "the Malian Armed
// Forces (FAMa)", "Islamic State Khorasan Province (ISKP)". The capitalized run before
// the parenthesis, trimmed to the words whose initials spell the acronym, becomes one
// name, and the acronym a mention of the same entity wherever it occurs.
func (x *Extractor) definedAcronyms(d *nerDoc, s *nerSent) {
	n := len(s.words)
	for p := 2; p+2 < n; p++ {
		if s.words[p] != "(" || s.words[p+2] != ")" || s.Tokens[p+1].Kind != text.Word {
			continue
		}
		acr := s.Tokens[p+1].Text
		if upperCount(acr) < 2 || len(acr) > 12 {
			continue
		}
		if o := s.owner[p+1]; o != 0 && d.cands[o-1].entry != nil {
			continue // a known acronym: expandAcronyms has handled it
		}
		start := -1
		for k := p - 1; k >= 0 && k >= p-12; k-- {
			if h := strings.LastIndexByte(s.Tokens[k].Text, '-'); h > 0 && compoundParticiple(s.Tokens[k].Text[h+1:]) {
				break // "the Saudi-backed Presidential Leadership Council (PLC)"
			}
			if s.shapes[k]&shCap != 0 && !s.isTitle(k) {
				start = k
				continue
			}
			if isConnector(s.words[k]) && k > 0 && s.words[k] != "'s" {
				continue
			}
			break
		}
		if start < 0 || p-start < 2 {
			continue
		}
		for start < p-1 && (!abbreviates(acr, d.src[s.Tokens[start].Start:s.Tokens[p-1].End]) || isConnector(s.words[start])) {
			start++
		}
		if p-start < 2 || !abbreviates(acr, d.src[s.Tokens[start].Start:s.Tokens[p-1].End]) {
			continue
		}
		typ := dossier.Organization
		for k := start; k < p; k++ {
			if o := s.owner[k]; o != 0 {
				c := d.cands[o-1]
				if c.typ == dossier.ArmedGroup {
					typ = dossier.ArmedGroup
				}
				c.dropped = true
				for m := c.i; m < c.j; m++ {
					s.owner[m] = 0
				}
			}
		}
		if armedHead(s.words[p-1]) || p+3 < n && x.groupCue(s.words[p+3]) {
			typ = dossier.ArmedGroup
		}
		if o := s.owner[p+1]; o != 0 {
			d.cands[o-1].dropped = true
			s.owner[p+1] = 0
		}
		key := keyOf(s.words[p+1 : p+2])
		d.add(&entCand{s: s.idx, i: start, j: p, typ: typ, form: dossier.FormName, key: key})
		d.add(&entCand{s: s.idx, i: p + 1, j: p + 2, typ: typ, form: dossier.FormAcronym, key: key})
	}
}

func upperCount(t string) int {
	n := 0
	for _, r := range t {
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n
}

// initialToken reports whether t is an initial: one upper-case letter and a dot.
func initialToken(t string) bool {
	return len(t) == 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] == '.'
}

// scorecardMark reports whether w marks a player on a cricket scorecard ("c Healy b
// Warne", "st Kaluwitharana", "lbw").
func scorecardMark(w string) bool {
	return w == "c" || w == "b" || w == "st" || w == "lbw"
}

// namesShape reports whether [i, j) looks like a personal name: two to four capitalized
// words, none a common word.
func (x *Extractor) namesShape(s *nerSent, i, j int) bool {
	if j-i < 2 || j-i > 4 {
		return false
	}
	for k := i; k < j; k++ {
		if s.shapes[k]&shCap == 0 && !isConnector(s.words[k]) || x.commonWord(s.words[k]) && !x.lex.FirstName(s.words[k]) {
			return false
		}
	}
	return true
}

func isDash(w string) bool { return w == "-" || w == "–" || w == "—" }

func hasDigit(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			return true
		}
	}
	return false
}

// numberedHead reports whether w heads the names of sites that take a number ("Air Base
// 201", "Camp 5", "Checkpoint 9").
func numberedHead(w string) bool {
	switch w {
	case "base", "camp", "checkpoint", "outpost", "gate", "terminal", "sector", "hangar", "pier", "berth":
		return true
	}
	return false
}

// mediaNoun reports whether a lower-case noun after a name makes it a news outlet ("al-Masirah
// television", "Tasnim news agency").
func mediaNoun(w string) bool {
	switch w {
	case "television", "tv", "channel", "newspaper", "daily", "weekly", "broadcaster", "website":
		return true
	}
	return false
}

// geoNoun reports whether a lower-case noun after a name makes it a place ("the Lachin
// corridor", "the Kunar valley", "Makhachkala airport").
func geoNoun(w string) bool {
	switch w {
	case "corridor", "valley", "airport", "gorge", "pass", "river", "mountains", "region", "province",
		"district", "oblast", "governorate", "prefecture", "border", "crossing", "enclave", "exclave", "strip", "basin":
		return true
	}
	return false
}

// caselessTitled finds, in an all-caps sentence, the person a title introduces
// ("PRESIDENT CLINTON", "GENERAL LEBED"): the words after the title up to the first
// common or known word, at most three.
func (x *Extractor) caselessTitled(d *nerDoc, s *nerSent) {
	for k, t := range s.title {
		if t == nil || k >= len(s.words) || s.owner[k] != 0 {
			continue
		}
		j := k
		for j < len(s.words) && j < k+3 && s.owner[j] == 0 && x.caselessName(s, j) {
			j++
		}
		if j > k {
			d.add(&entCand{s: s.idx, i: k, j: j, typ: dossier.Person, form: dossier.FormName, key: keyOf(s.words[k:j]), title: t})
		}
	}
}

// shipPrefix reports the prefixes of warship names ("USS", "HMS", "INS").
func shipPrefix(t string) bool {
	switch t {
	case "USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "ROKS":
		return true
	}
	return false
}

// quantifier reports determiners that a proper name does not take ("a", "several").
func quantifier(w string) bool {
	switch w {
	case "a", "an", "several", "many", "some", "most", "few", "other", "these", "those", "all", "various", "numerous":
		return true
	}
	return false
}
