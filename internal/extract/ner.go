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
			continue
		}
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
	x.caselessNames(d)
	x.teams(d)
}

// nameStart reports whether a name may start at token i.
func (x *Extractor) nameStart(d *nerDoc, s *nerSent, i int) bool {
	sh := s.shapes[i]
	if sh&shCap == 0 || s.owner[i] != 0 || s.isTitle(i) {
		return false
	}
	w := s.words[i]
	if isFunctionWord(w) || x.lex.Stopword(w) {
		return false
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
		if x.lex.CommonWord(w) || d.lowerSeen[w] {
			return false
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
		if s.owner[j] == 0 && !s.isTitle(j) && s.shapes[j]&shCap != 0 && !s.Heading {
			j++
			continue
		}
		if s.owner[j] == 0 && s.Heading && s.shapes[j]&shCap != 0 && !x.lex.CommonWord(s.words[j]) {
			j++
			continue
		}
		if j+1 < n && s.owner[j] == 0 && s.shapes[j+1]&shCap != 0 && s.owner[j+1] == 0 {
			w := s.words[j]
			switch w {
			case "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "des", "la", "le", "al", "el", "bin", "ibn", "bint", "ben", "abu", "y":
				j += 2
				continue
			case "of", "for", "and", "&":
				if x.hasOrgHead(s, i, j) {
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

// classify types the capitalized run [i, j) and returns its candidate, or nil.
func (x *Extractor) classify(d *nerDoc, s *nerSent, i, j int) *entCand {
	n := len(s.words)
	// drop a trailing possessive or connector
	for j > i+1 && (isConnector(s.words[j-1]) || s.shapes[j-1]&shWord == 0) {
		j--
	}
	first, last := s.words[i], s.words[j-1]
	single := j-i == 1
	c := &entCand{s: s.idx, i: i, j: j, form: dossier.FormName}
	c.key = keyOf(s.words[i:j])
	if single && len(s.Tokens[i].Text) > 1 && s.shapes[i]&shAllCaps != 0 && acronymCase(s.Tokens[i].Text) {
		c.form = dossier.FormAcronym
	}
	if single && s.shapes[i]&shInitial != 0 && j < n && s.words[j] == ":" {
		return nil // "Scorers:", "Note:"
	}
	glued := i > 0 && s.owner[i-1] != 0 && s.Tokens[i-1].SpaceAfter && d.cands[s.owner[i-1]-1].j == i && d.cands[s.owner[i-1]-1].entry != nil
	if eventHead(last, single && !glued) || (!single && first == "operation") {
		return x.namedEvent(d, s, c)
	}
	orgHead := x.orgHead(last) || armedHead(last) || (!single && x.orgHead(first) && hasWord(s.words[i:j], "of"))
	if !orgHead && !single && locHead(last) {
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
		return c
	case orgHead:
		c.typ = dossier.Organization
		if armedHead(last) || (j < n && x.lex.GroupCue(s.words[j])) {
			c.typ = dossier.ArmedGroup
		}
		// a place name glued before an organization's head belongs to it ("Kabul Bank")
		if i > 0 && s.owner[i-1] != 0 {
			if p := d.cands[s.owner[i-1]-1]; p.form == dossier.FormName && p.j == i && (p.typ == dossier.Location || p.typ == dossier.Country) && !p.dropped {
				p.dropped = true
				for k := p.i; k < p.j; k++ {
					s.owner[k] = 0
				}
				c.i = p.i
				c.key = keyOf(s.words[c.i:j])
			}
		}
		return c
	case j < n && x.lex.GroupCue(s.words[j]):
		c.typ = dossier.ArmedGroup
		return c
	}
	allCommon := true
	for k := i; k < j; k++ {
		if !x.lex.CommonWord(s.words[k]) && !isConnector(s.words[k]) {
			allCommon = false
			break
		}
	}
	person := x.personEvidence(s, i, j)
	switch {
	case person:
		c.typ = dossier.Person
	case allCommon:
		return nil // "Special Representatives", "New Great Game"
	case !single && x.lex.FirstName(first):
		c.typ = dossier.Person
	case surnameShape(last) && j-i <= 3:
		c.typ = dossier.Person
	case x.locativeBefore(s, i):
		c.typ = dossier.Location
		c.weak = true
	case c.form == dossier.FormAcronym:
		c.typ = dossier.Organization
		c.weak = true
	case j-i <= 3:
		c.typ = dossier.Person
		c.weak = true
	default:
		return nil
	}
	if s.Heading && c.weak {
		return nil
	}
	return c
}

// eventHead reports whether w ends the names of events ("Summit", "World Cup", "Security
// Dialogue"); "Open" only after another word ("U.S. Open").
func eventHead(w string, single bool) bool {
	switch w {
	case "summit", "dialogue", "conference", "forum", "talks", "war", "games", "olympics", "olympiad",
		"cup", "championship", "championships", "tournament", "festival", "grand prix", "expo", "marathon",
		"rally", "trophy", "classic", "masters", "series", "uprising", "revolution", "offensive", "crisis":
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
	if j < n {
		switch s.words[j] {
		case "said", "says", "told", "added", "stated", "noted", "explained", "argued", "insisted",
			"wrote", "recalled", "admitted", "denied", "confirmed", "declared":
			return true
		}
	}
	return false
}

// surnameShape reports whether w ends like a Slavic or similar family name.
func surnameShape(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, suf := range []string{"ov", "ev", "ova", "eva", "sky", "ski", "skiy", "enko", "vich", "ovic", "evic", "shvili", "dze", "yan", "ian"} {
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
		if c.form != dossier.FormDemonym || c.dropped {
			continue
		}
		s := d.sents[c.s]
		j := c.j
		if j < len(s.words) && x.lex.GroupCue(s.words[j]) && s.owner[j] == 0 {
			g := &entCand{s: c.s, i: c.i, j: j + 1, typ: dossier.ArmedGroup, form: dossier.FormDescription, key: "group " + c.entry.Name}
			d.cands = append(d.cands, g)
			g.start, g.end = s.span(g.i, g.j)
			s.owner[j] = int32(len(d.cands))
		}
	}
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
				if k, ok := known[keyOf(s.words[i:i+m])]; ok {
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
	for k, part := range strings.Split(t, "-") {
		if part == "" {
			return false
		}
		c := part[0]
		if c >= 'a' && c <= 'z' {
			switch part {
			case "i", "e", "al", "el", "ul", "ud", "ur", "ad", "as", "ash", "at", "az", "bin", "ibn", "de", "la", "le", "sur", "on", "upon", "in", "en", "am", "an", "der":
				continue
			}
			if k == 0 {
				continue // "al-", "el-", checked by the caller's shape
			}
			return false
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
	if !sportsDoc(d) {
		return
	}
	for _, c := range d.cands {
		if c.dropped || c.form != dossier.FormName && c.form != dossier.FormAcronym {
			continue
		}
		if c.typ == dossier.Country || c.typ == dossier.Person && (!c.weak || c.j-c.i > 1) || c.typ == dossier.NamedEvent {
			continue
		}
		if c.typ == dossier.Organization || c.typ == dossier.ArmedGroup {
			continue
		}
		s := d.sents[c.s]
		if x.teamContext(d, s, c) {
			c.typ = dossier.Organization
			c.weak = false
			if c.entry != nil {
				c.key = "team " + keyOf(s.words[c.i:c.j])
				c.entry = nil
			}
		}
	}
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
		case "at":
			return c.i > 1 && s.owner[c.i-2] != 0 && s.caseless
		}
	}
	if j < n {
		switch s.words[j] {
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
		"hills", "heights", "park", "harbour", "harbor", "port", "basin", "delta", "cape", "forest", "stadium":
		return true
	}
	return false
}
