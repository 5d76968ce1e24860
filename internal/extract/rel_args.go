package extract

// Argument finding for the relation stage: subjects, objects, coordination, obliqueness,
// relative-clause antecedents and pronouns, over the units of one sentence.

import (
	"strings"

	"dossier"
	"dossier/internal/text"
)

// How an argument was found; confidence.go turns these into factors.
const (
	argAdjacent   = iota // the subject right before its verb, or a direct object
	argLeftmost          // the clause subject, further away
	argApposition        // "X, supporters of Y"
	argPossessor         // "X's criticism of Y"
	argRelative          // the antecedent of which/who/that
	argPronoun           // a resolved pronoun
	argPrep              // the noun phrase after the predicate's preposition
)

// arg is one argument of a predicate: an entity found at a unit.
type arg struct {
	ent int // entity index
	u   int // unit index in the sentence, or -1 when resolved from elsewhere
	how int
}

// maxGroup caps coordination groups; maxPairs caps the relations one predicate may yield.
const (
	maxGroup = 40
	maxPairs = 60
)

// oblique reports whether the mention at i sits inside a prepositional phrase ("of X",
// "in X", "from X, Y"), scanning left over the noun phrase.
func oblique(us []unit, i int) bool {
	unknown := 0
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		u := &us[j]
		if u.isMention() {
			if j == i-1 {
				return false // "Security Council Nikolai Patrushev": a new noun phrase
			}
			continue
		}
		w := u.word
		switch {
		case isPreposition(w):
			return true
		case w == "and" || w == "&" || w == "or":
			if j > 0 && us[j-1].isMention() {
				continue // a list: "of Russia, Iran and China"
			}
			return false
		case w == ",":
			inList := i+1 < len(us) && !us[i+1].isMention() && (us[i+1].word == "," || us[i+1].word == "and" || us[i+1].word == "or")
			if j > 0 && us[j-1].isMention() && inList {
				continue
			}
			return false
		case isBoundary(w):
			return false
		case isDeterminer(w) || u.cap || w == "«" || w == "»" || w == "-" || u.kind == text.Number:
			continue
		case u.kind == text.Word:
			unknown++
			if unknown > 2 {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// clauseStart scans left from h for the start of its clause: the unit after a boundary
// word or mark, or after an unmatched "(". It returns the start index and the boundary
// unit's index (-1 at sentence start).
func clauseStart(us []unit, h int) (int, int) {
	depth := 0
	for i := h - 1; i >= 0; i-- {
		u := &us[i]
		if u.isMention() {
			continue
		}
		switch w := u.word; {
		case w == ")":
			depth++
		case w == "(":
			if depth == 0 {
				return i + 1, i
			}
			depth--
		case depth > 0:
		case isBoundary(w):
			return i + 1, i
		}
	}
	return 0, -1
}

// inParens reports for each unit in [lo, hi) whether it is inside parentheses opened in
// that range.
func inParens(us []unit, lo, hi int) []bool {
	out := make([]bool, hi-lo)
	depth := 0
	for i := lo; i < hi; i++ {
		w := us[i].word
		if !us[i].isMention() && w == "(" {
			depth++
		}
		out[i-lo] = depth > 0
		if !us[i].isMention() && w == ")" && depth > 0 {
			depth--
		}
	}
	return out
}

// coordGroup expands the mention at i into the coordinated list it belongs to ("Putin and
// Patrushev", "Uzbekistan, India, Iran, ... and Turkmenistan").
func (st *relState) coordGroup(us []unit, i int, left bool) []int {
	grp := st.coordGroupRaw(us, i, left)
	if len(grp) < 2 {
		return grp
	}
	// a list needs a coordinator ("X, Y and Z", "X, Y, and other groups", "X, Y, etc.")
	// or three members; "The Economic Times, Pakistan" is not one
	if len(grp) >= 3 {
		return grp
	}
	for k := grp[0] + 1; k < grp[len(grp)-1]; k++ {
		if w := us[k].word; !us[k].isMention() && (w == "and" || w == "&" || w == "plus" || w == "well") {
			return grp
		}
	}
	for k := grp[len(grp)-1] + 1; k < len(us) && k <= grp[len(grp)-1]+2; k++ {
		if w := us[k].word; !us[k].isMention() && (w == "and" || w == "etc" || w == "etc.") {
			return grp
		}
		if us[k].word != "," {
			break
		}
	}
	return []int{i}
}

// isDemonym reports whether the mention unit u names its entity by a demonym.
func (st *relState) isDemonym(u *unit) bool {
	return u.isMention() && st.ents[u.ent].Mentions[u.mention].Form == "DEMONYM"
}

func (st *relState) coordGroupRaw(us []unit, i int, left bool) []int {
	grp := []int{i}
	// rightwards
	j := i + 1
	for len(grp) < maxGroup {
		k, sawCoord := j, false
		for k < len(us) && !us[k].isMention() && k-j < 4 {
			w := us[k].word
			if w == "," || w == "and" || w == "&" || w == "plus" || w == "as" || w == "well" {
				sawCoord = true
			} else if !(w == "the" || w == "both" || w == "«" || w == "»" || (sawCoord && isRegionWord(w))) {
				break
			}
			k++
		}
		if !sawCoord || k >= len(us) || !us[k].isMention() || !st.sameClass(us[i].ent, us[k].ent) || st.isDemonym(&us[k]) != st.isDemonym(&us[i]) {
			break
		}
		grp = append(grp, k)
		j = k + 1
	}
	if !left {
		return grp
	}
	// leftwards, only through a list that starts its clause or follows a comma
	j = i - 1
	for len(grp) < maxGroup {
		k, sawCoord := j, false
		for k >= 0 && !us[k].isMention() && j-k < 4 {
			w := us[k].word
			if w == "," || w == "and" || w == "&" {
				sawCoord = true
			} else if !(w == "the" || w == "both" || w == "«" || w == "»") {
				break
			}
			k--
		}
		if !sawCoord || k < 0 || !us[k].isMention() || !st.sameClass(us[i].ent, us[k].ent) || st.isDemonym(&us[k]) != st.isDemonym(&us[i]) {
			break
		}
		if k > 0 {
			w := us[k-1]
			if !w.isMention() && !(w.word == "," || w.word == "(" || isBoundary(w.word) || isDeterminer(w.word) || w.word == "and") {
				break
			}
		}
		grp = append([]int{k}, grp...)
		j = k - 1
	}
	return grp
}

// sameClass reports whether two entities may be listed together as co-arguments.
func (st *relState) sameClass(a, b int) bool {
	ta, tb := st.ents[a].Type, st.ents[b].Type
	if ta == tb {
		return true
	}
	if ta == dossier.Location && actorType(tb) {
		_, ok := st.stateOf(a) // "Moscow and the CSTO": a capital for its state
		return ok
	}
	if tb == dossier.Location && actorType(ta) {
		_, ok := st.stateOf(b)
		return ok
	}
	return actorType(ta) && actorType(tb)
}

// subject finds the subject of the predicate at h: the mention right before the verb
// group, else the leftmost plain mention of the clause, else a relative pronoun's
// antecedent or a resolved pronoun.
func (st *relState) subject(si int, h int, allowPoss bool) []arg {
	us := st.sus[si].units
	lo, b := clauseStart(us, h)
	if c := st.citationComma(si); c >= 0 && c < h && lo <= c {
		lo, b = c+1, -1
	}
	// "Saudi Arabia, which fought the Houthis until 2022, has not accused Tehran": the
	// relative clause closed before the head, whose subject is the antecedent
	if b >= 1 && (us[b].word == "which" || us[b].word == "who") && us[b-1].word == "," {
		for k := b + 1; k < h; k++ {
			if !us[k].isMention() && us[k].word == "," {
				if a, ok := st.antecedent(si, b, false); ok {
					return a
				}
				break
			}
		}
	}
	// "accuse Iran of arming the Houthis", "listed X for providing revenue to Y"
	if h >= 2 && strings.HasSuffix(us[h].word, "ing") && !us[h-1].isMention() &&
		(us[h-1].word == "of" || us[h-1].word == "for" || us[h-1].word == "with") &&
		us[h-2].isMention() && actorType(st.ents[us[h-2].ent].Type) {
		return st.coordGroupArgs(us, h-2)
	}
	// "urged Beijing to help", "asked China to speed up": the object of the first verb
	// is the subject of the second
	if h >= 3 && us[h-1].word == "to" && !us[h-1].isMention() && us[h-2].isMention() && !us[h-2].poss &&
		actorType(st.ents[us[h-2].ent].Type) && !us[h-3].isMention() && us[h-3].kind == text.Word && !isPreposition(us[h-3].word) {
		return st.groupArgs(us, h-2, argAdjacent)
	}
	// "the decision of the three governments to withdraw": the numbered group acts
	if h >= 4 && us[h-1].word == "to" && !us[h-1].isMention() {
		if g := st.numberedGroup(si, h-4); len(g) > 0 {
			return g
		}
	}
	// "the Chechen jihadists' plans to eliminate X", "Russia's attempts to isolate X"
	if h >= 3 && us[h-1].word == "to" && !us[h-1].isMention() {
		for k := h - 2; k >= 0 && k >= h-4; k-- {
			if us[k].isMention() {
				if us[k].poss && k < h-2 && actorType(st.ents[us[k].ent].Type) {
					return []arg{{ent: us[k].ent, u: k, how: argPossessor}}
				}
				break
			}
			if us[k].kind != text.Word || isBoundary(us[k].word) || isPreposition(us[k].word) {
				break
			}
		}
	}
	paren := inParens(us, lo, h)
	var cands []int
	for i := lo; i < h; i++ {
		u := &us[i]
		if !u.isMention() || paren[i-lo] || !actorType(st.ents[u.ent].Type) {
			continue
		}
		if i+1 < h && us[i+1].isMention() && st.isDemonym(u) {
			continue // "the Somali National Army": the demonym qualifies the name
		}
		if u.poss && !allowPoss && !(i+1 < len(us) && isMemberNoun(us[i+1].word)) {
			continue
		}
		if oblique(us, i) && !clauseAfterSubordinator(us, i, h) {
			continue
		}
		cands = append(cands, i)
	}
	if len(cands) > 0 {
		last := cands[len(cands)-1]
		adjacent := true
		for k := last + 1; k < h; k++ {
			if !isAux(us[k].word) && !isMemberNoun(us[k].word) && !us[k].isMention() {
				adjacent = false
				break
			}
		}
		pick, how := cands[0], argLeftmost
		if adjacent {
			pick, how = last, argAdjacent
		} else if subordinateBetween(us, cands[0], h) {
			// "Sharif urged Beijing to help after a suicide attack in March killed
			// five engineers": the clause after "after" has its own subject
			return nil
		}
		var out []arg
		for _, g := range st.coordGroup(us, pick, true) {
			if g < h && (!us[g].poss || allowPoss || (g+1 < len(us) && isMemberNoun(us[g+1].word))) {
				out = append(out, arg{ent: us[g].ent, u: g, how: how})
			}
		}
		return out
	}
	if a, ok := st.antecedent(si, b, false); ok {
		return a
	}
	for i := lo; i < h; i++ {
		if !us[i].isMention() && !paren[i-lo] && isPronoun(us[i].word) {
			if e := st.resolvePronoun(si, i); e >= 0 {
				return []arg{{ent: e, u: -1, how: argPronoun}}
			}
			break
		}
		if !us[i].isMention() && !paren[i-lo] && groupAnaphor(us, i) {
			if e := st.resolveGroup(si, i); e >= 0 {
				return []arg{{ent: e, u: -1, how: argPronoun}}
			}
			break
		}
		if !us[i].isMention() && !paren[i-lo] {
			if g := st.numberedGroup(si, i); len(g) > 0 {
				return g // "the three juntas have turned away from France"
			}
			// "many of its members joined", "their fighters crossed"
			if (us[i].word == "its" || us[i].word == "their") && i+1 < h && isMemberNoun(us[i+1].word) {
				if e := st.resolvePronoun(si, i); e >= 0 && st.ents[e].Type != dossier.Person {
					return []arg{{ent: e, u: -1, how: argPronoun}}
				}
				break
			}
		}
	}
	return nil
}

// groupAnaphor reports "the group", "the militants", "the movement" at unit i: a
// definite noun phrase that refers back to an armed group.
func groupAnaphor(us []unit, i int) bool {
	if i == 0 || us[i-1].isMention() || us[i-1].word != "the" {
		return false
	}
	switch us[i].word {
	case "group", "movement", "militants", "insurgents", "jihadists", "rebels", "organization", "organisation":
		return i+1 >= len(us) || !us[i+1].isMention()
	}
	return false
}

// resolveGroup resolves a group anaphor at unit p to the most recent armed group (or,
// failing one, organization) mentioned before it in this or the two previous sentences.
func (st *relState) resolveGroup(si, p int) int {
	for _, want := range []string{"ARMED_GROUP", "ORGANIZATION"} {
		for s := si; s >= 0 && s >= si-2; s-- {
			us := st.sus[s].units
			end := len(us)
			if s == si {
				end = p
			}
			for k := end - 1; k >= 0; k-- {
				if us[k].isMention() && string(st.ents[us[k].ent].Type) == want {
					return us[k].ent
				}
			}
		}
	}
	return -1
}

// subordinateBetween reports a subordinating word between units a and h ("after",
// "before", "since", "until", "once") that opens a clause with its own subject.
func subordinateBetween(us []unit, a, h int) bool {
	for k := a + 1; k < h; k++ {
		if us[k].isMention() {
			continue
		}
		switch us[k].word {
		case "after", "before", "since", "until", "once", "unless", "whether":
			return true
		}
	}
	return false
}

// citationComma returns the unit of the comma after the source of a citation line ("2.
// The Economic Times, Pakistan set to ..."): a sentence that opens with an
// organization's name and a comma. It returns -1 for other sentences.
func (st *relState) citationComma(si int) int {
	us := st.sus[si].units
	i := 0
	for i < len(us) && i < 3 && !us[i].isMention() && (us[i].kind == text.Number || us[i].word == "." || us[i].word == "the") {
		i++
	}
	if i+1 < len(us) && us[i].isMention() && st.ents[us[i].ent].Type == "ORGANIZATION" && us[i+1].word == "," && !us[i+1].isMention() {
		return i + 1
	}
	return -1
}

// antecedent returns the antecedent of the relative pronoun at unit b ("al-Qaeda, with
// which", "the Taliban, which"). With prepOK false, a preposition before the pronoun
// disqualifies it (the antecedent is then not the subject).
func (st *relState) antecedent(si, b int, prepOK bool) ([]arg, bool) {
	us := st.sus[si].units
	if b < 1 || us[b].isMention() || !isRelPronoun(us[b].word) {
		return nil, false
	}
	k := b - 1
	if isPreposition(us[k].word) && !us[k].isMention() {
		if !prepOK {
			return nil, false
		}
		k--
	}
	if us[b].word == "that" {
		if k < 0 || !us[k].isMention() {
			return nil, false
		}
	} else if k >= 0 && !us[k].isMention() && us[k].word == "," {
		k--
	}
	if k < 0 || !us[k].isMention() || !actorType(st.ents[us[k].ent].Type) {
		return nil, false
	}
	if us[b].word == "which" && st.ents[us[k].ent].Type == dossier.Person {
		// "which" never stands for a person: "the Council (PLC), led by Rashad al-Alimi,
		// which controls Aden" is the Council, before the participle phrase
		if k = nonPersonBefore(st, us, k); k < 0 {
			return nil, false
		}
	}
	var out []arg
	for _, g := range st.coordGroup(us, k, true) {
		out = append(out, arg{ent: us[g].ent, u: g, how: argRelative})
	}
	return out, true
}

// nonPersonBefore returns the actor mention that a participle phrase ending with the
// person at unit k describes ("X, led by Y," returns X), or -1.
func nonPersonBefore(st *relState, us []unit, k int) int {
	for c := k - 1; c >= 0 && c >= k-5; c-- {
		if us[c].isMention() {
			return -1
		}
		if us[c].word != "," {
			continue
		}
		m := c - 1
		if m >= 2 && !us[m].isMention() && us[m].word == ")" && us[m-1].isMention() && !us[m-2].isMention() && us[m-2].word == "(" {
			m -= 3 // "the Presidential Leadership Council (PLC),"
		}
		if m < 0 || !us[m].isMention() {
			return -1
		}
		if t := st.ents[us[m].ent].Type; t == dossier.Person || !actorType(t) {
			return -1
		}
		if c+1 >= k || us[c+1].isMention() || !strings.HasSuffix(us[c+1].word, "ed") && us[c+1].word != "led" {
			return -1 // only over a participle phrase: "led by", "backed by", "headed by"
		}
		return m
	}
	return -1
}

// resolvePronoun resolves the pronoun at unit p of sentence si to an entity: the first
// fitting actor of the sentence before it, else the first of the previous sentence.
func (st *relState) resolvePronoun(si, p int) int {
	w := st.sus[si].units[p].word
	person := w == "he" || w == "she" || w == "him" || w == "her"
	fits := func(e int) bool {
		t := st.ents[e].Type
		if person {
			return t == "PERSON"
		}
		return actorType(t) && t != "PERSON"
	}
	// a demonym before the name it qualifies is no antecedent: "The Somali National
	// Army said it ..." speaks of the army
	qualifier := func(us []unit, i int) bool {
		return i+1 < len(us) && us[i+1].isMention() && st.isDemonym(&us[i])
	}
	us := st.sus[si].units
	for i := 0; i < p; i++ {
		if us[i].isMention() && fits(us[i].ent) && !oblique(us, i) && !qualifier(us, i) {
			return us[i].ent
		}
	}
	if si == 0 {
		return -1
	}
	prev := st.sus[si-1].units
	for i := range prev {
		if prev[i].isMention() && fits(prev[i].ent) && !qualifier(prev, i) {
			return prev[i].ent
		}
	}
	return -1
}

// modifierAt reports whether the mention at k modifies the noun after it ("the Moscow
// attack", "Chinese workers") rather than heading its noun phrase. Members and assets of
// an actor ("Russian troops", "the Russian embassy") keep the actor.
func modifierAt(us []unit, k int) bool {
	if k+1 >= len(us) || us[k].poss || k == 0 || us[k-1].isMention() || !isDeterminer(us[k-1].word) {
		return false
	}
	// the noun after the mention must end the noun phrase ("the Moscow attack.", "the
	// Russian veto and ..."), else the mention heads it ("the US imposed sanctions")
	if k+2 < len(us) {
		if a := &us[k+2]; !a.isMention() && a.kind == text.Word && !isPreposition(a.word) && a.word != "and" && a.word != "or" && !isBoundary(a.word) {
			return false
		}
	}
	n := &us[k+1]
	if n.isMention() || n.kind != text.Word || n.cap {
		return false
	}
	w := n.word
	if isPreposition(w) || isAux(w) || isBoundary(w) || isDeterminer(w) || endsLy(w) || isMemberNoun(w) || isAsset(w) {
		return false
	}
	switch w {
	case "and", "or", "nor", "yesterday", "today", "overnight", "last", "this", "next", "early", "late", "earlier", "later":
		return false
	}
	return true
}

// isAsset reports nouns for what belongs to a state or group and stands for it as a
// target ("the Russian embassy", "Philippine boats").
func isAsset(w string) bool {
	switch w {
	case "embassy", "consulate", "base", "bases", "positions", "position", "convoy", "convoys",
		"vessels", "vessel", "ships", "ship", "boats", "boat", "territory", "border", "capital",
		"aircraft", "planes", "warships", "interests", "soil", "airspace", "waters", "outpost",
		"posts", "post", "checkpoint", "checkpoints", "installations", "facilities":
		return true
	}
	return false
}

// isMemberNoun reports nouns for the members or bodies of an actor that may follow its
// name in the subject ("Hezbollah fighters", "Kenyan troops", "Taliban leadership").
func isMemberNoun(w string) bool {
	switch w {
	case "fighters", "militants", "troops", "forces", "soldiers", "officials", "members",
		"units", "commanders", "leaders", "leadership", "government", "regime", "authorities",
		"delegation", "diplomats", "army", "navy", "police", "rebels", "insurgents", "junta",
		"administration", "ministry", "military", "president", "parliament", "cabinet",
		"peacekeepers", "personnel", "advisers", "advisors", "contingent", "mercenaries",
		"counterpart", "counterparts", "leader", "minister", "representatives", "ambassador",
		"warplanes", "jets", "drones", "navy's", "diplomat", "envoy", "spokesman":
		return true
	}
	return false
}

// pronounObject resolves an object pronoun at unit p after the head h: the nearest actor
// mention before the head that is not the subject of the clause.
func (st *relState) pronounObject(si, h, p int) int {
	us := st.sus[si].units
	subj := map[int]bool{}
	for _, a := range st.subject(si, h, false) {
		subj[a.ent] = true
	}
	person := us[p].word == "him" || us[p].word == "her"
	for k := h - 1; k >= 0; k-- {
		u := &us[k]
		if !u.isMention() || subj[u.ent] || !actorType(st.ents[u.ent].Type) {
			continue
		}
		if (st.ents[u.ent].Type == "PERSON") == person {
			return u.ent
		}
	}
	return -1
}

// skippable reports words that may stand between a preposition or verb and the noun
// phrase it governs: determiners, adjectives (lower-case words), place nouns.
func skippable(u *unit) bool {
	if u.isMention() {
		return false
	}
	w := u.word
	if isBoundary(w) || w == "," || w == "(" || w == ")" || w == "." {
		return false
	}
	if isPreposition(w) {
		return false
	}
	return u.kind == text.Word || w == "«" || w == "»" || w == "-" || w == "'"
}

// npAt returns the first mention at or after j within a short noun phrase, or -1.
func npAt(us []unit, j int, maxSkip int) int {
	for k := j; k < len(us) && k <= j+maxSkip; k++ {
		if us[k].isMention() && us[k].compound {
			continue // "the Mali-based firm X": Mali modifies
		}
		if us[k].isMention() {
			// "Russian Deputy Defense Minister Yunus-Bek Yevkurov": the name heads it
			if k+1 < len(us) && !us[k].poss && (us[k+1].cap || us[k+1].isMention()) && !isBoundary(us[k+1].word) {
				for m := k + 1; m < len(us) && m <= k+6; m++ {
					if us[m].isMention() {
						return m
					}
					if !us[m].cap {
						break
					}
				}
			}
			return k
		}
		if isPlaceNoun(us[k].word) && k+1 < len(us) && us[k+1].word == "of" {
			k++
			continue
		}
		if !skippable(&us[k]) {
			return -1
		}
	}
	return -1
}

func isPlaceNoun(w string) bool {
	switch w {
	case "suburbs", "suburb", "outskirts", "city", "province", "provinces", "region", "regions",
		"area", "areas", "vicinity", "north", "south", "east", "west", "centre", "center",
		"capital", "town", "village", "district", "border", "borders", "parts", "part", "heart",
		"streets", "coast", "territory", "territories", "state", "republic":
		return true
	}
	return false
}

// object finds the target of the predicate whose pattern ends before unit e, trying its
// slots in order: "obj" (a direct object) or a preposition.
func (st *relState) object(si, h, e int, slots []string) []arg {
	us := st.sus[si].units
	if len(slots) > 1 && slots[0] != "obj" && e < len(us) && us[e].isMention() {
		// "met Chad and signed a deal with Sudan": a name right after the verb is its
		// object; a preposition further on belongs to another verb
		for i, sl := range slots {
			if sl == "obj" {
				slots = append([]string{"obj"}, append(append([]string(nil), slots[:i]...), slots[i+1:]...)...)
				break
			}
		}
	}
	for _, slot := range slots {
		if slot == "obj" {
			if e < len(us) && !us[e].isMention() && (us[e].word == "it" || us[e].word == "them" || us[e].word == "him" || us[e].word == "her") {
				if t := st.pronounObject(si, h, e); t >= 0 {
					return []arg{{ent: t, u: -1, how: argPronoun}}
				}
				continue
			}
			k := objNP(us, e)
			if k < 0 {
				if g := st.numberedObject(si, e); len(g) > 0 {
					return g // "condemned the decision of the three governments"
				}
				continue
			}
			if k > e && !us[k].isMention() {
				continue
			}
			out := st.groupArgs(us, k, argAdjacent)
			if n := len(out); n > 0 && out[n-1].u >= 0 {
				// "control Sanaa and most of northern Yemen": a share or region of a place
				// coordinated with the object
				if g := out[n-1].u; g+2 < len(us) && !us[g+1].isMention() && us[g+1].word == "and" && !us[g+2].isMention() &&
					(isShareWord(us[g+2].word) || isRegionWord(us[g+2].word)) {
					if m := objNP(us, g+2); m >= 0 && geoType(st.ents[us[m].ent].Type) && geoType(st.ents[us[g].ent].Type) {
						out = append(out, st.groupArgs(us, m, argAdjacent)...)
					}
				}
			}
			return out
		}
		var out []arg
		limit := e + 8
		for j := e; j < len(us) && j <= limit; j++ {
			u := &us[j]
			if !u.isMention() && (isBoundary(u.word) || u.word == "(" || u.word == ".") {
				break
			}
			if u.isMention() || u.word != slot {
				continue
			}
			k := npAt(us, j+1, 5)
			if k < 0 {
				k = objNP(us, j+1) // "its call on the authorities of X"
			}
			if k < 0 {
				// "transferred money to the group": the armed group the anaphor refers to
				if j+2 < len(us) && groupAnaphor(us, j+2) {
					if g := st.resolveGroup(si, j+1); g >= 0 {
						out = append(out, arg{ent: g, u: -1, how: argPronoun})
						break
					}
				}
				continue
			}
			out = append(out, st.groupArgs(us, k, argPrep)...)
			// "in the suburbs of Kandahar and in some northern provinces - Panjsher, ..."
			g := st.coordGroup(us, k, false)
			j = g[len(g)-1]
			if j+2 < len(us) && (us[j+1].word == "and" || us[j+1].word == ",") && us[j+2].word == slot {
				limit = j + 8
				continue
			}
			break
		}
		if len(out) > 0 {
			return out
		}
	}
	// A relative clause whose antecedent is the target: "al-Qaeda, with which the
	// Taliban are cooperating"; "the US, which Russia does not trust".
	_, b := clauseStart(us, h)
	hasSubj := false
	for k := b + 1; b >= 0 && k < h; k++ {
		if us[k].isMention() || isPronoun(us[k].word) {
			hasSubj = true
			break
		}
	}
	if b >= 1 && hasSubj {
		prep := us[b-1].word
		for _, slot := range slots {
			if (slot == prep && !us[b-1].isMention()) || (slot == "obj" && !isPreposition(prep)) {
				if a, ok := st.antecedent(si, b, true); ok {
					return a
				}
			}
		}
	}
	return nil
}

// coordGroupArgs returns the coordinated group ending or standing at unit k as arguments.
func (st *relState) coordGroupArgs(us []unit, k int) []arg {
	var out []arg
	for _, g := range st.coordGroup(us, k, true) {
		if g <= k {
			out = append(out, arg{ent: us[g].ent, u: g, how: argAdjacent})
		}
	}
	return out
}

func (st *relState) groupArgs(us []unit, k int, how int) []arg {
	if !st.isDemonym(&us[k]) && modifierAt(us, k) {
		// "condemned the Moscow attack": an attack in Moscow, not by it (a demonym
		// names the actor: "criticized the Chinese actions")
		return nil
	}
	var out []arg
	for _, g := range st.coordGroup(us, k, false) {
		out = append(out, arg{ent: us[g].ent, u: g, how: how})
	}
	return out
}

// passiveAt reports whether the participle at h follows a form of "be" ("was accused",
// "were not attacked").
func passiveAt(us []unit, h int) bool {
	for k := h - 1; k >= 0 && k >= h-4; k-- {
		if us[k].isMention() {
			return false
		}
		w := us[k].word
		if isBe(w) {
			return true
		}
		if !isAux(w) && !endsLy(w) {
			return false
		}
	}
	return false
}

func endsLy(w string) bool { return len(w) > 3 && w[len(w)-2:] == "ly" }

// agent returns the "by X" agent after a passive participle.
func (st *relState) agent(si, e int) []arg {
	us := st.sus[si].units
	for j := e; j < len(us) && j <= e+6; j++ {
		if us[j].isMention() {
			continue
		}
		w := us[j].word
		if isBoundary(w) || w == "." {
			break
		}
		if w == "by" {
			if k := npAt(us, j+1, 3); k >= 0 {
				return st.groupArgs(us, k, argPrep)
			}
			break
		}
	}
	return nil
}

// objNP returns the mention that a direct object starting at unit j names: the head of a
// short noun phrase (npAt), or the owner or place of "members of X", "a convoy of X",
// "a military base in X", "positions near X" (the actor or place that the object's
// people and assets stand for). It returns -1 when there is none.
func objNP(us []unit, j int) int {
	if k := npAt(us, j, 4); k >= 0 {
		return k
	}
	for k := j; k < len(us) && k <= j+3; k++ {
		u := &us[k]
		if u.isMention() || !skippable(u) {
			return -1
		}
		if u.word == "and" && k > j {
			// "accused Western intelligence services and Ukraine": the named member of
			// a coordinated object
			return npAt(us, k+1, 1)
		}
		if k+1 >= len(us) || us[k+1].isMention() {
			continue
		}
		next := us[k+1].word
		switch {
		case (isMemberNoun(u.word) || isHeldNoun(u.word) || isShareWord(u.word) || isActNoun(u.word)) && next == "of":
		case isAssetNoun(u.word) && (next == "of" || next == "in" || next == "near" || next == "around" || next == "at"):
		default:
			continue
		}
		if m := npAt(us, k+2, 2); m >= 0 {
			return m
		}
		return -1
	}
	return -1
}

// isHeldNoun reports nouns for people who work for an actor and stand for it as the
// object of a sanction or attack ("two financiers of al-Shabaab").
func isHeldNoun(w string) bool {
	switch w {
	case "financiers", "financier", "member", "supporters", "affiliates", "operatives",
		"recruiters", "facilitators", "elements", "cells", "positions", "terrorists", "gunmen",
		"militants", "fighters":
		return true
	}
	return false
}

// isAssetNoun reports nouns for sites and assets that stand for their owner or place
// as the object of an attack ("a military base in Galmudug", "a convoy of ATMIS").
func isAssetNoun(w string) bool {
	switch w {
	case "base", "bases", "convoy", "convoys", "positions", "position", "camp", "camps",
		"checkpoint", "checkpoints", "outpost", "outposts", "patrol", "patrols", "headquarters",
		"barracks", "depot", "depots", "facility", "facilities", "targets", "airbase", "airfield",
		"shipping", "ships", "vessels", "tankers":
		return true
	}
	return false
}

// isShareWord reports words for a share of what follows "of" ("most of Idlib", "parts of
// the province").
func isShareWord(w string) bool {
	switch w {
	case "most", "much", "all", "some", "parts", "part", "swathes", "swaths", "half", "rest":
		return true
	}
	return false
}

// isRegionWord reports adjectives that name part of a place ("central Mali and northern
// Burkina Faso").
func isRegionWord(w string) bool {
	switch w {
	case "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
		"southeastern", "southwestern", "north", "south", "east", "west", "northeast", "northwest",
		"southeast", "southwest", "coastal", "rural":
		return true
	}
	return false
}

// isActNoun reports nouns for what an actor decided or did, which stand for the actor as
// the object of praise or blame ("condemned the decision of X", "the conduct of X").
func isActNoun(w string) bool {
	switch w {
	case "decision", "decisions", "move", "conduct", "behaviour", "behavior", "actions", "policy", "policies":
		return true
	}
	return false
}

// clauseAfterSubordinator reports a mention at i that follows "after", "before", "since"
// or "until" (over titles) and comes right before the verb at h: the subject of a
// subordinate clause ("after Prime Minister X signed"), not the object of a preposition.
func clauseAfterSubordinator(us []unit, i, h int) bool {
	for k := i + 1; k < h; k++ {
		if us[k].isMention() || !isAux(us[k].word) {
			return false
		}
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		u := &us[j]
		if u.isMention() {
			return false
		}
		switch u.word {
		case "after", "before", "since", "until", "once", "when", "while":
			return true
		}
		if !u.cap && !isDeterminer(u.word) {
			return false
		}
	}
	return false
}

// geoType reports the entity types of places: states and other locations.
func geoType(t dossier.EntityType) bool {
	return t == dossier.Country || t == dossier.Location
}
