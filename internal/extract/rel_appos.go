package extract

// Descriptive appositions of groups and bodies: "JNIM, the al-Qaeda branch in the
// Sahel led by Iyad Ag Ghali," (AFFILIATED_WITH al-Qaeda, LOCATED_IN Sahel, LEADS),
// "the group's Afghan branch, ISKP" (AFFILIATED_WITH the group, LOCATED_IN Afghanistan),
// "the Amniyat, the intelligence wing of the group" (MEMBER_OF the group).

import (
	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// descNoun maps the head noun of a descriptive apposition to the relation it states
// between the described group and the owner named in the description.
func descNoun(w string) (dossier.RelationType, bool) {
	switch w {
	case "branch", "affiliate", "offshoot", "franchise", "chapter", "outlet", "mouthpiece":
		return dossier.AffiliatedWith, true
	case "television", "channel", "broadcaster", "newspaper", "radio", "station":
		return dossier.AffiliatedWith, true
	case "wing", "arm", "faction", "organ", "administration", "unit", "subsidiary":
		return dossier.MemberOf, true
	}
	return "", false
}

// leadVerb maps "led by", "commanded by", "headed by" to the role they give.
func leadVerb(w string) (string, bool) {
	switch w {
	case "led":
		return "leader", true
	case "commanded":
		return "commander", true
	case "headed":
		return "head", true
	}
	return "", false
}

// descPhrase is a parsed description: "the al-Qaeda branch in the Sahel led by X".
type descPhrase struct {
	typ    dossier.RelationType
	noun   string
	owner  int   // entity index of the owner, or -1
	places []int // entity indexes of places the description puts the group in
	leader int   // entity index of a person named by "led by", or -1
	end    int   // unit just past the phrase
}

// actorOwner reports entity types that may own a branch or wing.
func actorOwner(t dossier.EntityType) bool {
	return t == dossier.ArmedGroup || t == dossier.Organization || t == dossier.Country
}

// parseDesc parses a description starting at unit j of sentence si: a determiner or
// possessor, up to four modifiers, a description noun, then optional "of <owner>", "in
// <place>" and "led by <person>". self is the entity described (never its own owner).
func (st *relState) parseDesc(si, j, self int) (descPhrase, bool) {
	us := st.sus[si].units
	d := descPhrase{owner: -1, leader: -1}
	k := j
	if k >= len(us) {
		return d, false
	}
	switch {
	case us[k].isMention() && us[k].poss && actorOwner(st.ents[us[k].ent].Type):
		d.owner = us[k].ent
		k++
	case !us[k].isMention() && (us[k].word == "its" || us[k].word == "their"):
		if e := st.resolvePronoun(si, k); e >= 0 && e != self {
			d.owner = e
		}
		k++
	case !us[k].isMention() && us[k].word == "the" && k+2 < len(us) && !us[k+1].isMention() &&
		(us[k+1].word == "group's" || (us[k+1].word == "group" && us[k+2].word == "'s")):
		if e := st.resolveGroupExcept(si, k, self); e >= 0 {
			d.owner = e
		}
		k += 2
		if us[k].word == "'s" {
			k++
		}
	case !us[k].isMention() && (us[k].word == "the" || us[k].word == "a" || us[k].word == "an"):
		k++
	default:
		return d, false
	}
	found := false
	for n := 0; k < len(us) && n < 5; n, k = n+1, k+1 {
		u := &us[k]
		if u.isMention() {
			t := st.ents[u.ent].Type
			switch {
			case u.ent == self:
				return d, false
			case t == dossier.Country && st.isDemonym(u):
				d.places = append(d.places, u.ent)
			case actorOwner(t) && d.owner < 0:
				d.owner = u.ent
			default:
				return d, false
			}
			continue
		}
		if typ, ok := descNoun(u.word); ok {
			d.typ, d.noun, found = typ, u.word, true
			k++
			break
		}
		if u.kind != text.Word || u.cap || isBoundary(u.word) || isPreposition(u.word) || isDeterminer(u.word) {
			return d, false
		}
	}
	if !found {
		return d, false
	}
	// "of the group", "of al-Qaeda"
	if k+1 < len(us) && us[k].word == "of" && !us[k].isMention() {
		switch {
		case us[k+1].isMention() && actorOwner(st.ents[us[k+1].ent].Type) && us[k+1].ent != self:
			if d.owner < 0 {
				d.owner = us[k+1].ent
			}
			k += 2
		case k+2 < len(us) && groupAnaphor(us, k+2):
			if e := st.resolveGroupExcept(si, k+1, self); e >= 0 && d.owner < 0 {
				d.owner = e
			}
			k += 3
		}
	}
	// "in the Sahel", "in central Mali and northern Burkina Faso"
	if k+1 < len(us) && !us[k].isMention() && us[k].word == "in" {
		if p := npAt(us, k+1, 3); p >= 0 {
			for _, g := range st.coordGroup(us, p, false) {
				if t := st.ents[us[g].ent].Type; t == dossier.Location || t == dossier.Country {
					d.places = append(d.places, us[g].ent)
				}
				k = g + 1
			}
		}
	}
	if k+2 < len(us) && !us[k].isMention() && us[k+1].word == "by" && us[k+2].isMention() &&
		st.ents[us[k+2].ent].Type == dossier.Person {
		if _, ok := leadVerb(us[k].word); ok {
			d.leader = us[k+2].ent
			k += 3
		}
	}
	d.end = k
	return d, d.owner >= 0 || len(d.places) > 0 || d.leader >= 0
}

// findAppositions adds the relations of descriptive appositions of groups and bodies,
// both "X, the <owner> branch ..." and "<owner>'s branch, X".
func (st *relState) findAppositions() {
	for si := range st.sus {
		us := st.sus[si].units
		for i := range us {
			u := &us[i]
			if !u.isMention() || u.poss {
				continue
			}
			if t := st.ents[u.ent].Type; t != dossier.ArmedGroup && t != dossier.Organization {
				continue
			}
			// "the group's al-Masirah television", "Hezbollah's Al-Manar channel"
			if i+1 < len(us) && !us[i+1].isMention() {
				if typ, ok := descNoun(us[i+1].word); ok && typ == dossier.AffiliatedWith {
					owner := -1
					switch {
					case i >= 1 && us[i-1].isMention() && us[i-1].poss:
						owner = us[i-1].ent
					case i >= 3 && us[i-1].word == "'s" && groupAnaphor(us, i-2):
						owner = st.resolveGroup(si, i-2)
					}
					if owner >= 0 && owner != u.ent && actorOwner(st.ents[owner].Type) {
						st.addDesc(si, i, i+1, u.ent, descPhrase{typ: typ, noun: us[i+1].word, owner: owner, leader: -1, end: i + 2})
					}
				}
			}
			// "the Taliban government in Kabul": a group that rules a state
			if p := st.ruledPlace(si, i); p >= 0 {
				if st.ents[p].Type == dossier.Location {
					p, _ = st.stateOf(p)
				}
				if p >= 0 && st.ents[p].Type == dossier.Country {
					c := cand{typ: dossier.Leads, src: arg{ent: u.ent, u: i, how: argAdjacent}, tgt: arg{ent: p, u: -1, how: argAdjacent},
						role: "government", sent: si, head: i, end: i + 1, weight: 0.7, rule: "group-government", place: -1, noHedge: true}
					if st.fitTypes(&c) {
						st.cands = append(st.cands, c)
					}
				}
			}
			// X (ACR), <description>
			j := i + 1
			if j < len(us) && us[j].word == "(" {
				for k := j + 1; k < len(us) && k <= j+6; k++ {
					if us[k].word == ")" {
						j = k + 1
						break
					}
				}
			}
			if j < len(us) && us[j].word == "," {
				if d, ok := st.parseDesc(si, j+1, u.ent); ok {
					st.addDesc(si, i, j+1, u.ent, d)
					continue
				}
			}
			// <description>, X
			if i >= 3 && us[i-1].word == "," || i >= 4 && us[i-1].word == "the" && us[i-2].word == "," {
				c := i - 1
				if us[c].word == "the" {
					c--
				}
				for s := c - 2; s >= 0 && s >= c-7; s-- {
					if d, ok := st.parseDesc(si, s, u.ent); ok && d.end == c && d.leader < 0 {
						st.addDesc(si, i, s, u.ent, d)
						break
					}
				}
			}
		}
	}
}

// addDesc adds the relations a description d states about the group at unit i.
func (st *relState) addDesc(si, i, head, x int, d descPhrase) {
	add := func(c cand) {
		if st.fitTypes(&c) {
			st.cands = append(st.cands, c)
		}
	}
	src := arg{ent: x, u: i, how: argAdjacent}
	if d.owner >= 0 && d.owner != x {
		role := ""
		if d.typ == dossier.MemberOf {
			role = d.noun
		}
		add(cand{typ: d.typ, src: src, tgt: arg{ent: d.owner, u: -1, how: argAdjacent}, role: role,
			sent: si, head: head, end: d.end, weight: 0.7, rule: "apposition", place: -1, noHedge: true})
	}
	for _, p := range d.places {
		add(cand{typ: dossier.LocatedIn, src: src, tgt: arg{ent: p, u: -1, how: argAdjacent},
			sent: si, head: head, end: d.end, weight: 0.65, rule: "apposition-place", place: -1, noHedge: true})
	}
	if d.leader >= 0 {
		role, _ := leadVerb(st.sus[si].units[d.end-3].word)
		add(cand{typ: dossier.Leads, src: arg{ent: d.leader, u: d.end - 1, how: argAdjacent}, tgt: src, role: role,
			sent: si, head: head, end: d.end, weight: 0.7, rule: "apposition-leader", place: -1, noHedge: true})
	}
}

// liftPersons rewrites a meeting between a person and a state or group ("Prime Minister
// X of Niger received a Russian delegation") as a meeting of the person's state, when a
// title gave the person one: meetings are told between parties of one level.
func (st *relState) liftPersons() {
	stateOf := map[int]int{}
	for _, c := range st.cands {
		if (c.typ == dossier.MemberOf || c.typ == dossier.Leads) && st.ents[c.src.ent].Type == dossier.Person &&
			st.ents[c.tgt.ent].Type == dossier.Country {
			if _, ok := stateOf[c.src.ent]; !ok {
				stateOf[c.src.ent] = c.tgt.ent
			}
		}
	}
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ != dossier.Consult {
			continue
		}
		sp, tp := st.ents[c.src.ent].Type == dossier.Person, st.ents[c.tgt.ent].Type == dossier.Person
		if sp == tp {
			continue
		}
		if sp {
			if s, ok := stateOf[c.src.ent]; ok && s != c.tgt.ent {
				c.src = arg{ent: s, u: -1, how: c.src.how}
			}
		} else if s, ok := stateOf[c.tgt.ent]; ok && s != c.src.ent {
			c.tgt = arg{ent: s, u: -1, how: c.tgt.how}
		}
	}
}

// pronounPossessor resolves "its" or "their" before the noun at h, over at most two
// modifiers ("its hold over Idlib", "their growing presence in X"), to the actor it
// refers to, or -1.
func (st *relState) pronounPossessor(si, h int) int {
	us := st.sus[si].units
	for k := h - 1; k >= 0 && k >= h-3; k-- {
		u := &us[k]
		if u.isMention() {
			return -1
		}
		if u.word == "its" || u.word == "their" {
			if e := st.resolvePronoun(si, k); e >= 0 && actorType(st.ents[e].Type) {
				return e
			}
			return -1
		}
		if u.kind != text.Word || u.cap || isBoundary(u.word) || isPreposition(u.word) || isDeterminer(u.word) {
			return -1
		}
	}
	return -1
}

// orgsOfState maps organizations named as "<body> (ACR) of <state>" ("the National
// Antiterrorism Committee (NAK) of Russia") to that state.
func (st *relState) orgsOfState() map[int]int {
	out := map[int]int{}
	for si := range st.sus {
		us := st.sus[si].units
		for i := range us {
			u := &us[i]
			if !u.isMention() || u.poss || st.ents[u.ent].Type != dossier.Organization {
				continue
			}
			j := i + 1
			if j < len(us) && us[j].word == "(" {
				for k := j + 1; k < len(us) && k <= j+4; k++ {
					if us[k].word == ")" {
						j = k + 1
						break
					}
				}
			}
			if j+1 < len(us) && !us[j].isMention() && us[j].word == "of" && us[j+1].isMention() &&
				st.ents[us[j+1].ent].Type == dossier.Country && !st.isDemonym(&us[j+1]) {
				if _, ok := out[u.ent]; !ok {
					out[u.ent] = us[j+1].ent
				}
			}
		}
	}
	return out
}

// isRulerNoun reports nouns for the government a group forms ("the Taliban government").
func isRulerNoun(w string) bool {
	switch w {
	case "government", "regime", "administration", "authorities", "rulers":
		return true
	}
	return false
}

// ruledPlace returns the place of "<armed group> government in|of <place>" at unit i,
// written as separate units or as one mention of the group ("government in Kabul"), or -1.
func (st *relState) ruledPlace(si, i int) int {
	us := st.sus[si].units
	if st.ents[us[i].ent].Type != dossier.ArmedGroup || i+1 >= len(us) {
		return -1
	}
	n := &us[i+1]
	if !n.isMention() {
		if i+3 < len(us) && isRulerNoun(n.word) && (us[i+2].word == "in" || us[i+2].word == "of") && us[i+3].isMention() {
			return us[i+3].ent
		}
		return -1
	}
	if n.ent != us[i].ent {
		return -1
	}
	w := lexicon.Tokens(n.raw)
	if len(w) < 3 || !isRulerNoun(w[0]) || (w[1] != "in" && w[1] != "of") {
		return -1
	}
	for _, e := range st.textIndex(w[2:], len(w)-2) {
		if t := st.ents[e].Type; e != us[i].ent && (t == dossier.Country || t == dossier.Location) {
			return e
		}
	}
	return -1
}

// resolveGroupExcept is resolveGroup that skips the entity self ("the Amniyat, the
// intelligence wing of the group": the group is not the Amniyat).
func (st *relState) resolveGroupExcept(si, p, self int) int {
	for _, want := range []dossier.EntityType{dossier.ArmedGroup, dossier.Organization} {
		for s := si; s >= 0 && s >= si-2; s-- {
			us := st.sus[s].units
			end := len(us)
			if s == si {
				end = p
			}
			for k := end - 1; k >= 0; k-- {
				if us[k].isMention() && us[k].ent != self && st.ents[us[k].ent].Type == want {
					return us[k].ent
				}
			}
		}
	}
	return -1
}

// numberedNoun reports the plural nouns of a numbered reference to a list told before
// ("the three juntas", "the two groups") and whether they name states.
func numberedNoun(w string) (states, ok bool) {
	switch w {
	case "governments", "juntas", "countries", "states", "regimes", "capitals", "nations":
		return true, true
	case "groups", "movements", "militias", "organisations", "organizations", "sides", "parties":
		return false, true
	}
	return false, false
}

// numberedGroup resolves "the <n> <plural noun>" at unit i ("the three juntas") to the
// last list of exactly n actors of the fitting kind named in this sentence before it or
// in the three sentences before. It returns nil when there is none.
func (st *relState) numberedGroup(si, i int) []arg {
	us := st.sus[si].units
	if i+2 >= len(us) || us[i].word != "the" || us[i+1].isMention() || us[i+2].isMention() {
		return nil
	}
	n, ok := numberWord(us[i+1].word)
	if !ok || n < 2 || n > 8 || us[i+1].word == "a" || us[i+1].word == "an" {
		return nil
	}
	states, ok := numberedNoun(us[i+2].word)
	if !ok {
		return nil
	}
	fits := func(e int) bool {
		t := st.ents[e].Type
		if states {
			return t == dossier.Country
		}
		if us[i+2].word == "sides" || us[i+2].word == "parties" {
			return actorType(t)
		}
		return t == dossier.ArmedGroup || t == dossier.Organization
	}
	for s := si; s >= 0 && s >= si-3; s-- {
		su := st.sus[s].units
		end := len(su)
		if s == si {
			end = i
		}
		for k := end - 1; k >= 0; k-- {
			if !su[k].isMention() || !fits(su[k].ent) {
				continue
			}
			g := st.coordGroup(su, k, true)
			if len(g) < 2 {
				continue
			}
			var out []arg
			seen := map[int]bool{}
			for _, m := range g {
				if fits(su[m].ent) && !seen[su[m].ent] {
					seen[su[m].ent] = true
					out = append(out, arg{ent: su[m].ent, u: -1, how: argPronoun})
				}
			}
			if len(out) == n {
				return out
			}
			k = g[0] // skip the rest of this list
		}
	}
	return nil
}

// numberedObject finds a numbered reference as an object starting at unit j: "the three
// governments", or "the decision of the three governments".
func (st *relState) numberedObject(si, j int) []arg {
	us := st.sus[si].units
	for k := j; k < len(us) && k <= j+3; k++ {
		if us[k].isMention() {
			return nil
		}
		if us[k].word == "the" {
			if g := st.numberedGroup(si, k); len(g) > 0 {
				return g
			}
		}
		if us[k].word == "of" {
			if k > j && (isMemberNoun(us[k-1].word) || isHeldNoun(us[k-1].word) || isActNoun(us[k-1].word)) {
				return st.numberedGroup(si, k+1)
			}
			return nil
		}
		if !skippable(&us[k]) {
			return nil
		}
	}
	return nil
}

// accusersOf resolves an object that refers back to an accusation ("rejected the
// accusation", "dismissed the claims") to the sources of the ACCUSE relations against
// one of srcs found in this sentence before the head or in the two sentences before.
func (st *relState) accusersOf(si, h, e int, srcs []arg) []arg {
	us := st.sus[si].units
	k := e
	for k < len(us) && k <= e+2 && !us[k].isMention() && (isDeterminer(us[k].word) || us[k].word == "any") {
		k++
	}
	if k >= len(us) || us[k].isMention() {
		return nil
	}
	switch us[k].word {
	case "accusation", "accusations", "charge", "charges", "claim", "claims", "allegation", "allegations":
	default:
		return nil
	}
	accused := map[int]bool{}
	for _, s := range srcs {
		accused[s.ent] = true
	}
	var out []arg
	seen := map[int]bool{}
	for i := len(st.cands) - 1; i >= 0; i-- {
		c := &st.cands[i]
		if c.sent < si-2 || c.sent > si || (c.sent == si && c.head >= h) {
			continue
		}
		if c.typ == dossier.Accuse && accused[c.tgt.ent] && !seen[c.src.ent] && !accused[c.src.ent] {
			seen[c.src.ent] = true
			out = append(out, arg{ent: c.src.ent, u: -1, how: argPronoun})
		}
	}
	return out
}

// possessedRelNoun reads "its Russian partners", "Iran's Houthi allies": a relational
// noun whose holder is named right before it and whose possessor comes before that. It
// reports whether it added the relation.
func (st *relState) possessedRelNoun(si, h, e int, p *lexicon.Predicate) bool {
	us := st.sus[si].units
	if h < 2 || !us[h-1].isMention() || us[h-1].poss || !actorType(st.ents[us[h-1].ent].Type) {
		return false
	}
	y := us[h-1].ent
	x := -1
	switch b := &us[h-2]; {
	case b.isMention() && b.poss && actorType(st.ents[b.ent].Type):
		x = b.ent
	case !b.isMention() && (b.word == "its" || b.word == "their"):
		x = st.resolvePronoun(si, h-2)
	}
	if x < 0 || x == y || !actorType(st.ents[x].Type) {
		return false
	}
	n := len(st.cands)
	st.addPairs(si, h, e, p.Type, p.Subtype, []arg{{ent: x, u: h - 2, how: argPossessor}}, []arg{{ent: y, u: h - 1, how: argAdjacent}}, p.Weight, "relnoun-held", false)
	for i := n; i < len(st.cands); i++ {
		st.cands[i].noHedge = true
	}
	return len(st.cands) > n
}
