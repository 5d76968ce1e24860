package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"dossier"
	"dossier/internal/lexicon"
)

// corefGroup is an entity being assembled from candidates.
type corefGroup struct {
	parent *corefGroup // union-find
	cands  []*entCand
	entry  *lexicon.Entry
}

func (e *corefGroup) root() *corefGroup {
	for e.parent != nil {
		if e.parent.parent != nil {
			e.parent = e.parent.parent
		}
		e = e.parent
	}
	return e
}

func joinGroups(a, b *corefGroup) {
	a, b = a.root(), b.root()
	if a == b {
		return
	}
	if b.entry != nil && a.entry == nil {
		a, b = b, a
	}
	b.parent = a
}

// coref groups candidates into entities: one per lexicon entry or name; surnames join the
// full name of a person, acronyms the name they abbreviate (defined in parentheses or by
// initials); descriptions such as "the Russian leader" join the head of state named in
// the document. It returns the entities with ids in order of first mention.
func (x *Extractor) coref(d *nerDoc) []dossier.Entity {
	var cands []*entCand
	for _, c := range d.cands {
		if !c.dropped {
			cands = append(cands, c)
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].start != cands[b].start {
			return cands[a].start < cands[b].start
		}
		return cands[a].end > cands[b].end
	})
	listed := x.keyBodies(d, cands)
	byEntry := map[*lexicon.Entry]*corefGroup{}
	byKey := map[string]*corefGroup{}
	for _, c := range cands {
		var e *corefGroup
		if c.entry != nil && c.key == "" {
			e = byEntry[c.entry]
			if e == nil {
				e = &corefGroup{entry: c.entry}
				byEntry[c.entry] = e
			}
		} else {
			e = byKey[c.key]
			if e == nil {
				e = &corefGroup{}
				byKey[c.key] = e
			}
		}
		c.ent = e
		e.cands = append(e.cands, c)
	}
	x.linkParentheses(d, cands)
	for key, c := range listed {
		if e := byKey[key]; e != nil {
			joinGroups(c.ent, e) // "the Foreign Ministry" and the listed "Russian Foreign Ministry"
		}
	}
	x.linkSurnames(d, cands)
	x.linkHeads(d, cands)
	x.linkInitials(cands)
	cands = append(cands, x.describeLeaders(d, cands)...)

	// gather candidates per root entity
	roots := map[*corefGroup][]*entCand{}
	var order []*corefGroup
	for _, c := range cands {
		r := c.ent.root()
		if _, ok := roots[r]; !ok {
			order = append(order, r)
		}
		roots[r] = append(roots[r], c)
	}
	var out []dossier.Entity
	for _, r := range order {
		if e, ok := x.build(d, r, roots[r]); ok {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Mentions[0].Start < out[b].Mentions[0].Start })
	for i := range out {
		out[i].ID = "e" + strconv.Itoa(i+1)
	}
	return out
}

// linkParentheses joins a name and the acronym or full form that follows it in
// parentheses: "Islamic State Khorasan Province (ISKP)", "ISKP (Islamic State ...)".
func (x *Extractor) linkParentheses(d *nerDoc, cands []*entCand) {
	bySpan := map[[2]int]*entCand{}
	for _, c := range cands {
		bySpan[[2]int{c.s, c.i}] = c
	}
	for _, c := range cands {
		s := d.sents[c.s]
		k := c.j
		if k+2 < len(s.words) && s.words[k] == "(" {
			o := bySpan[[2]int{c.s, k + 1}]
			if o == nil || o.j >= len(s.words) || s.words[o.j] != ")" {
				continue
			}
			switch {
			case o.form == dossier.FormAcronym && abbreviates(d.src[o.start:o.end], d.src[c.start:c.end]):
				joinGroups(c.ent, o.ent)
			case c.form == dossier.FormAcronym && abbreviates(d.src[c.start:c.end], d.src[o.start:o.end]):
				joinGroups(c.ent, o.ent)
			case o.form == dossier.FormAcronym && o.entry == nil && (c.typ == dossier.Organization || c.typ == dossier.ArmedGroup) && c.form == dossier.FormName && transliterated(d.src[o.start:o.end], d.src[c.start:c.end]):
				// "National Antiterrorism Committee (NAK)": an acronym of the name in its
				// own language
				o.typ, o.weak = c.typ, false
				joinGroups(c.ent, o.ent)
			}
		}
	}
}

// linkSurnames joins a one-word name to the person whose full name ends with it
// ("Putin" -> "Vladimir Putin"), preferring the latest such person before it.
func (x *Extractor) linkSurnames(d *nerDoc, cands []*entCand) {
	type person struct {
		e     *corefGroup
		start int
	}
	surnames := map[string][]person{}
	var titled []*entCand
	for _, c := range cands {
		if c.typ == dossier.Person && namedPerson(c) && (c.j-c.i >= 2 || c.title != nil) && !c.weak && c.form == dossier.FormName {
			if c.j-c.i == 1 {
				titled = append(titled, c) // "General Patrushev": a full name elsewhere comes first
				continue
			}
			s := d.sents[c.s]
			last := s.words[c.j-1]
			if ps := surnames[last]; len(ps) == 0 || ps[len(ps)-1].e != c.ent {
				surnames[last] = append(ps, person{c.ent, c.start})
			}
		}
	}
	for _, c := range titled {
		last := d.sents[c.s].words[c.i]
		if len(surnames[last]) == 0 {
			surnames[last] = append(surnames[last], person{c.ent, c.start})
		}
	}
	for _, c := range cands {
		if c.typ == dossier.Person && namedPerson(c) && c.j-c.i >= 2 && c.weak {
			s := d.sents[c.s]
			last := s.words[c.j-1]
			if len(surnames[last]) == 0 {
				surnames[last] = append(surnames[last], person{c.ent, c.start})
			}
		}
	}
	known := map[*lexicon.Entry]*corefGroup{} // office holders named in full
	for _, c := range cands {
		if c.entry != nil && c.entry.Type == dossier.Person && c.ent != nil {
			known[c.entry] = c.ent
		}
	}
	// family name first ("Xi Jinping"): the first word, when it is no known given name
	firsts := map[string][]person{}
	for _, c := range cands {
		if c.typ == dossier.Person && namedPerson(c) && c.j-c.i == 2 && !c.weak && c.form == dossier.FormName {
			s := d.sents[c.s]
			if w := s.words[c.i]; !x.lex.FirstName(w) && len(surnames[w]) == 0 {
				if ps := firsts[w]; len(ps) == 0 || ps[len(ps)-1].e != c.ent {
					firsts[w] = append(ps, person{c.ent, c.start})
				}
			}
		}
	}
	for _, c := range cands {
		if c.j-c.i != 1 || c.form == dossier.FormDemonym || c.form == dossier.FormAcronym {
			continue
		}
		s := d.sents[c.s]
		ps := surnames[s.words[c.i]]
		if len(ps) == 0 && c.entry == nil {
			ps = firsts[s.words[c.i]]
		}
		if len(ps) == 0 && c.entry == nil && (c.typ == dossier.Person || c.weak) {
			// a name the lexicon gives one office holder, named in full elsewhere ("Xi"
			// for "Xi Jinping")
			if hs := x.lex.Officeholders(s.words[c.i]); len(hs) == 1 {
				if g := known[hs[0]]; g != nil && g.root() != c.ent.root() {
					ps = []person{{g.root(), 0}}
				}
			}
		}
		if len(ps) == 0 || (len(ps) == 1 && ps[0].e == c.ent) {
			continue
		}
		if c.entry != nil && (x.locativeBefore(s, c.i) || c.form != dossier.FormName) {
			continue
		}
		// the latest such person named before c, else the first one
		k := sort.Search(len(ps), func(m int) bool { return ps[m].start > c.start })
		best := ps[0]
		if k > 0 {
			best = ps[k-1]
		}
		if c.entry != nil {
			// a place name that is a person's surname here: take it out of the place
			c.entry = nil
			c.form = dossier.FormName
		}
		c.typ = dossier.Person
		c.weak = false
		c.ent.cands = dropCand(c.ent.cands, c)
		c.ent = best.e.root()
		c.ent.cands = append(c.ent.cands, c)
	}
}

// namedPerson reports a person candidate found by NER or named by a lexicon person entry
// (an office holder): its surname alone may refer to it.
func namedPerson(c *entCand) bool {
	return c.entry == nil || c.entry.Type == dossier.Person
}

func dropCand(cs []*entCand, c *entCand) []*entCand {
	out := cs[:0]
	for _, o := range cs {
		if o != c {
			out = append(out, o)
		}
	}
	return out
}

// linkInitials joins an acronym to the multi-word organization or group whose initials it
// spells ("ISKP" -> "Islamic State Khorasan Province").
func (x *Extractor) linkInitials(cands []*entCand) {
	inits := map[string]*corefGroup{}
	for _, c := range cands {
		if c.typ != dossier.Organization && c.typ != dossier.ArmedGroup || c.form != dossier.FormName {
			continue
		}
		words := strings.Fields(c.key)
		if len(words) < 2 {
			continue
		}
		var b strings.Builder
		for _, w := range words {
			if isConnector(w) {
				continue
			}
			b.WriteString(strings.ToUpper(w[:1]))
		}
		if b.Len() >= 2 {
			inits[b.String()] = c.ent
		}
	}
	for _, c := range cands {
		if c.form != dossier.FormAcronym || c.entry != nil {
			continue
		}
		if e := inits[strings.ToUpper(strings.TrimSuffix(c.key, "s"))]; e != nil {
			joinGroups(e, c.ent)
		} else if e := inits[strings.ToUpper(c.key)]; e != nil {
			joinGroups(e, c.ent)
		}
	}
}

// describeLeaders adds "the Russian leader" as a description of the one person in the
// document who holds a head-of-state or government title.
func (x *Extractor) describeLeaders(d *nerDoc, cands []*entCand) []*entCand {
	var leader *corefGroup
	count := 0
	leaderOf := map[*lexicon.Entry]*corefGroup{} // "Russian President Vladimir Putin"
	for _, c := range cands {
		if c.typ != dossier.Person || c.title == nil {
			continue
		}
		for _, t := range c.title.names {
			if !isLeaderTitle(foldTitle(t)) {
				continue
			}
			if leader == nil || leader.root() != c.ent.root() {
				count++
			}
			leader = c.ent.root()
			s := d.sents[c.s]
			if k := c.title.start - 1; k >= 0 && s.owner[k] != 0 {
				if o := d.cands[s.owner[k]-1]; o.entry != nil && o.entry.Type == dossier.Country && o.j == c.title.start {
					leaderOf[o.entry] = c.ent.root()
				}
			}
		}
	}
	var out []*entCand
	for _, c := range cands {
		if c.form != dossier.FormDemonym || c.entry == nil || c.entry.Type != dossier.Country {
			continue
		}
		s := d.sents[c.s]
		if c.i == 0 || s.words[c.i-1] != "the" || c.j >= len(s.words) {
			continue
		}
		who := leaderOf[c.entry]
		if who == nil && count == 1 && len(leaderOf) == 0 {
			who = leader // the one head of state or government the text names
		}
		if who == nil {
			continue
		}
		switch s.words[c.j] {
		case "leader", "president", "premier", "head":
			desc := &entCand{s: c.s, i: c.i - 1, j: c.j + 1, typ: dossier.Person, form: dossier.FormDescription, ent: who}
			desc.start, desc.end = s.span(desc.i, desc.j)
			out = append(out, desc)
		}
	}
	return out
}

// foldTitle is lexicon.Fold, named here for brevity.
func foldTitle(s string) string { return lexicon.Fold(s) }

func isLeaderTitle(t string) bool {
	switch t {
	case "president", "prime minister", "premier", "king", "emir", "chancellor", "supreme leader", "leader":
		return true
	}
	return false
}

// honorific reports whether a title is a form of address rather than an office.
func isHonorific(t string) bool {
	switch foldTitle(strings.TrimSuffix(t, ".")) {
	case "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "madam", "mullah", "sheikh", "shaikh",
		"imam", "maulana", "mawlawi", "mawlavi", "haji", "hajji", "sayyid", "mufti", "rabbi", "father", "reverend":
		return true
	}
	return false
}

// build turns the candidates of one entity into its output form. It reports false when
// the entity should not be emitted.
func (x *Extractor) build(d *nerDoc, r *corefGroup, cs []*entCand) (dossier.Entity, bool) {
	var e dossier.Entity
	onlyHeading := true
	for _, c := range cs {
		if !c.heading {
			onlyHeading = false
			break
		}
	}
	if onlyHeading {
		return e, false // "New Threat": a heading's capitals alone make no entity
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].start < cs[b].start })
	// type: the lexicon's, else the strongest evidence
	var entry *lexicon.Entry
	for _, c := range cs {
		if c.entry != nil && c.form != dossier.FormDescription {
			entry = c.entry
			break
		}
	}
	strong := map[dossier.EntityType]int{}
	weak := map[dossier.EntityType]int{}
	for _, c := range cs {
		if c.typ == "" {
			continue
		}
		if c.weak {
			weak[c.typ]++
		} else {
			strong[c.typ]++
		}
	}
	if entry != nil && entry.Type != dossier.Country && !(entry.Kind == "region" && strings.Contains(entry.Name, " ")) {
		named := false
		for _, c := range cs {
			if c.form != dossier.FormDemonym {
				named = true
				break
			}
		}
		if !named {
			return e, false // "Asian" alone does not put Asia in the document
		}
	}
	switch {
	case entry != nil && len(cs) > 0 && cs[0].key == "":
		e.Type = entry.Type
	case len(strong) > 0:
		e.Type = argmaxType(strong)
	case len(weak) > 0:
		e.Type = argmaxType(weak)
		if e.Type == dossier.Person && (d.sports || d.business) {
			one := true
			for _, c := range cs {
				if c.j-c.i > 1 {
					one = false
				}
			}
			if one {
				e.Type = dossier.Organization // "Pirelli", "Lotte": a one-word name in business or sports news
			}
		}
	default:
		return e, false
	}
	// mentions and name
	seen := map[[2]int]bool{}
	best := ""
	bestLen := 0
	titles := []string{}
	roleSet := map[string]bool{}
	var aliases []string
	aliasSet := map[string]bool{}
	for _, c := range cs {
		k := [2]int{c.start, c.end}
		if seen[k] {
			continue
		}
		seen[k] = true
		form := c.form
		if form == "" {
			form = dossier.FormName
		}
		e.Mentions = append(e.Mentions, dossier.Mention{Span: dossier.SpanOf(d.src, c.start, c.end), Form: form})
		txt := d.src[c.start:c.end]
		if form == dossier.FormName && c.j-c.i > bestLen {
			best, bestLen = txt, c.j-c.i
		}
		if c.title != nil {
			alias := c.title.honorific + " " + txt
			if !aliasSet[alias] {
				aliasSet[alias] = true
				titles = append(titles, alias)
			}
			for _, t := range c.title.names {
				if !isHonorific(t) && !roleSet[t] {
					roleSet[t] = true
					e.Roles = append(e.Roles, t)
				}
			}
		}
	}
	if entry != nil && cs[0].key == "" {
		e.Name = entry.Name
		if entry.Type == dossier.Person && entry.Source == "builtin" {
			// a person as the text spells the name ("Assimi Goïta"): the longest name mention
			long := ""
			for _, c := range cs {
				if c.form == dossier.FormName && c.end-c.start > len(long) {
					long = d.src[c.start:c.end]
				}
			}
			if long != "" {
				e.Name = long
			}
		}
		if entry.KBID != "" {
			id := entry.KBID
			e.KBID = &id
		}
	} else if long := longestName(cs); long != "" {
		e.Name = long
	} else if best != "" {
		e.Name = best
	} else {
		e.Name = d.src[cs[0].start:cs[0].end]
	}
	for _, m := range e.Mentions {
		if m.Text != e.Name && !aliasSet[m.Text] {
			aliasSet[m.Text] = true
			aliases = append(aliases, m.Text)
		}
	}
	for _, c := range cs {
		if c.longName != "" && c.longName != e.Name && !aliasSet[c.longName] {
			aliasSet[c.longName] = true
			aliases = append(aliases, c.longName)
		}
		if r := regionAlias(d, c); r != "" && !aliasSet[r] {
			aliasSet[r] = true
			aliases = append(aliases, r)
		}
	}
	e.Aliases = append(aliases, titles...)
	for _, role := range x.appositionRoles(d, cs) {
		if !roleSet[role] {
			roleSet[role] = true
			e.Roles = append(e.Roles, role)
		}
	}
	sort.SliceStable(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
	return e, true
}

func argmaxType(m map[dossier.EntityType]int) dossier.EntityType {
	var best dossier.EntityType
	n := -1
	for _, t := range dossier.EntityTypes {
		if m[t] > n {
			best, n = t, m[t]
		}
	}
	return best
}

// appositionRoles returns the roles given to a person in appositions: "Ramzan Kadyrov,
// the president of Chechnya" -> "president of Chechnya".
func (x *Extractor) appositionRoles(d *nerDoc, cs []*entCand) []string {
	var out []string
	for _, c := range cs {
		if c.typ != dossier.Person || c.form != dossier.FormName {
			continue
		}
		s := d.sents[c.s]
		n := len(s.words)
		k := c.j
		if k >= n || s.words[k] != "," {
			continue
		}
		k++
		if k < n && (s.words[k] == "the" || s.words[k] == "a" || s.words[k] == "an") {
			k++
		}
		for mods := 0; mods < 3 && k < n; mods++ {
			if m, _ := x.lex.Title(s.words, k); m > 0 {
				break
			}
			if s.words[k] == "new" || s.words[k] == "former" || s.words[k] == "current" {
				k++
				continue
			}
			if s.owner[k] != 0 {
				k++
				continue
			}
			k = n // not a role
		}
		if k >= n {
			continue
		}
		m, t := x.lex.Title(s.words, k)
		if m == 0 || !t.Person {
			continue
		}
		start := k
		for start > c.j+1 && s.words[start-1] != "new" && s.words[start-1] != "former" && s.words[start-1] != "current" && s.words[start-1] != "the" && s.words[start-1] != "a" && s.words[start-1] != "an" && s.words[start-1] != "," {
			start--
		}
		end := k + m
		for end < n && end < k+m+6 {
			w := s.words[end]
			if w == "," || w == "." || w == ";" || w == ")" || w == "who" || w == "and" {
				break
			}
			end++
		}
		out = append(out, s.src(start, end))
	}
	return out
}

// abbreviates reports whether acronym acr may stand for name: every letter of the acronym
// is the initial of a word of the name ("ISKP", "Islamic State of Khorasan Province"; "BNR",
// "National Bank of Romania"), and the name has at least two words.
func abbreviates(acr, name string) bool {
	initials := map[rune]bool{}
	words := 0
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if isConnector(strings.ToLower(w)) {
			continue
		}
		words++
		for _, r := range w {
			initials[unicode.ToUpper(r)] = true
			break
		}
	}
	if words < 2 {
		return false
	}
	n := 0
	for _, r := range acr {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) && !initials[r] {
			return false
		}
		n++
	}
	return n >= 2
}

// longestName returns the longest fuller name ("Somali National Army") of the candidates.
func longestName(cs []*entCand) string {
	best := ""
	for _, c := range cs {
		if len(c.longName) > len(best) {
			best = c.longName
		}
	}
	return best
}

// regionAlias returns "Bryansk region" when a place's mention is followed by a lower-case
// word for an administrative division, or "".
func regionAlias(d *nerDoc, c *entCand) string {
	if c.entry == nil || c.typ != dossier.Location || c.form != dossier.FormName {
		return ""
	}
	s := d.sents[c.s]
	if c.j >= len(s.words) || s.shapes[c.j]&shLower == 0 {
		return ""
	}
	if geoNoun(s.words[c.j]) && s.words[c.j] != "border" && !facilityNoun(s.words[c.j]) {
		return d.src[c.start:s.Tokens[c.j].End]
	}
	return ""
}

// keyBodies keys the bodies of states with their state, so that "Iran's Foreign Ministry"
// and "the Turkish Foreign Ministry" are two bodies, and gives a body named without its
// state ("the Foreign Ministry", "the Security Council") the key of the same body of the
// state last named with it before, else of the first one named after it. It returns the
// candidates of listed bodies ("Russian Foreign Ministry") by the key their bare mentions
// get.
func (x *Extractor) keyBodies(d *nerDoc, cands []*entCand) map[string]*entCand {
	type body struct {
		key   string
		c     *entCand
		state *lexicon.Entry
	}
	var all []body
	has := map[string]bool{}
	for _, c := range cands {
		if c.typ != dossier.Organization || c.form != dossier.FormName || c.dropped {
			continue
		}
		key, state := x.bodyState(d, c)
		if key == "" {
			continue
		}
		all = append(all, body{key, c, state})
		if state != nil {
			has[key] = true
		}
	}
	var listed map[string]*entCand
	last := map[string]string{}
	for n, b := range all {
		if b.state != nil {
			k := "body " + b.state.KBID + " " + b.key
			last[b.key] = k
			if b.c.entry != nil {
				if listed == nil {
					listed = map[string]*entCand{}
				}
				if listed[k] == nil {
					listed[k] = b.c
				}
				continue
			}
			b.c.key = k
			if b.c.longName == "" && len(b.state.Demonyms) > 0 {
				b.c.longName = b.state.Demonyms[0] + " " + d.src[b.c.start:b.c.end]
				if d.sents[b.c.s].words[b.c.i] != b.key[:strings.IndexByte(b.key+" ", ' ')] {
					b.c.longName = "" // the state is inside the mention
				}
			}
			continue
		}
		if !has[b.key] || b.c.entry != nil {
			continue
		}
		k := last[b.key]
		for m := n + 1; k == "" && m < len(all); m++ {
			if all[m].key == b.key && all[m].state != nil {
				k = "body " + all[m].state.KBID + " " + b.key
			}
		}
		b.c.key = k
	}
	return listed
}

// bodyState returns the folded name of an organization candidate without its state, and the
// state it belongs to when the text names one: a leading demonym or state name inside the
// mention ("Russian Foreign Ministry"), a demonym glued before it, or a possessor ("Iran's
// Foreign Ministry"). It returns "" for names without an organization head noun.
func (x *Extractor) bodyState(d *nerDoc, c *entCand) (string, *lexicon.Entry) {
	s := d.sents[c.s]
	words := s.words[c.i:c.j]
	var state *lexicon.Entry
	if m, hits := x.lex.Longest(s.words[:c.j-1], c.i); m > 0 && len(hits) > 0 && hits[0].Entry.Type == dossier.Country && hits[0].Form != dossier.FormMetonym {
		state, words = hits[0].Entry, words[m:]
	}
	if !x.hasOrgHead(s, c.j-len(words), c.j) || len(words) > 6 {
		return "", nil
	}
	if state == nil && c.j+1 < len(s.words) && s.words[c.j] == "in" && s.owner[c.j+1] != 0 {
		// "the Foreign Ministry in Caracas": the state whose capital follows
		if p := d.cands[s.owner[c.j+1]-1]; !p.dropped && p.i == c.j+1 && p.entry != nil {
			switch {
			case p.entry.Type == dossier.Country:
				state = p.entry
			case p.alt != nil && p.alt.Type == dossier.Country:
				state = p.alt
			}
		}
	}
	if state == nil && c.i > 0 && s.words[c.i-1] == "its" {
		// "Azerbaijan launched what its Defence Ministry called": the last state named before
		for k := c.i - 2; k >= 0; k-- {
			if o := s.owner[k]; o != 0 {
				if p := d.cands[o-1]; !p.dropped && p.entry != nil && p.entry.Type == dossier.Country && p.form != dossier.FormDemonym {
					state = p.entry
					break
				}
			}
		}
	}
	if state == nil && c.i > 0 {
		k := c.i - 1
		if k > 0 && (s.words[k] == "'s" || s.words[k] == "’s") {
			k--
		}
		if o := s.owner[k]; o != 0 {
			if p := d.cands[o-1]; p.j == k+1 && !p.dropped && !p.compound(s) && p.entry != nil && p.entry.Type == dossier.Country && (p.j < c.i || p.form == dossier.FormDemonym || p.form == dossier.FormAcronym) {
				state = p.entry
			}
		}
	}
	if state == nil && c.entry != nil {
		return "", nil // a listed body of no state named here
	}
	return keyOf(words), state
}

// transliterated reports whether acr, defined in parentheses after name, may abbreviate it
// in another language: its first letter is the name's, and at least half of its letters are
// initials of the name's words ("NAK", "National Antiterrorism Committee").
func transliterated(acr, name string) bool {
	var initials []rune
	for _, w := range strings.Fields(name) {
		if isConnector(strings.ToLower(w)) {
			continue
		}
		for _, r := range w {
			initials = append(initials, unicode.ToUpper(r))
			break
		}
	}
	letters := []rune(strings.TrimSuffix(acr, "s"))
	if len(initials) < 2 || len(letters) < 2 || len(letters) > len(initials)+1 || unicode.ToUpper(letters[0]) != initials[0] {
		return false
	}
	hit := 0
	for _, r := range letters {
		for _, in := range initials {
			if unicode.ToUpper(r) == in {
				hit++
				break
			}
		}
	}
	return 2*hit >= len(letters)
}

// linkHeads joins a lone organization head noun ("the Council", "the Committee") to the
// one organization of the document whose name opens or ends with it ("Council of the
// European Union"). With two or more such names it stays apart.
func (x *Extractor) linkHeads(d *nerDoc, cands []*entCand) {
	full := map[string]*corefGroup{}
	ambiguous := map[string]bool{}
	for _, c := range cands {
		if c.typ != dossier.Organization || c.form != dossier.FormName || c.j-c.i < 2 {
			continue
		}
		s := d.sents[c.s]
		heads := []string{s.words[c.i], s.words[c.j-1]}
		if s.words[c.j-2] == "the" {
			heads = heads[:1] // "General Secretariat of the Council" names another body's council
		}
		for _, w := range heads {
			if !x.orgHead(w) {
				continue
			}
			if g := full[w]; g != nil && g.root() != c.ent.root() {
				ambiguous[w] = true
			}
			full[w] = c.ent
		}
	}
	for _, c := range cands {
		if c.j-c.i != 1 || c.entry != nil || c.form != dossier.FormName || c.typ != dossier.Organization && c.typ != dossier.Person {
			continue
		}
		w := d.sents[c.s].words[c.i]
		if g := full[w]; g != nil && !ambiguous[w] {
			c.typ, c.weak = dossier.Organization, false
			joinGroups(g, c.ent)
		}
	}
}

// facilityNoun reports whether a lower-case noun after a place's name makes a facility of its
// own ("Makhachkala airport", "the Rafah crossing") rather than another name of the place.
func facilityNoun(w string) bool {
	switch w {
	case "airport", "airbase", "crossing", "checkpoint":
		return true
	}
	return false
}
