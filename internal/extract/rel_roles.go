package extract

// Roles from titles and appositions: a state official is MEMBER_OF the state with the
// office as role; a head of state or government, or the leader of a group or body named
// in the title, LEADS it. Also two standing relations read off the noun phrase: "X under
// the Y regime" (Y LEADS X) and "<armed group> in <place>" (LOCATED_IN).

import (
	"strings"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// headOfState reports offices whose holder leads the state or territory named.
func headOfState(office string) bool {
	switch strings.TrimPrefix(office, "acting ") {
	case "president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
		"amir", "sultan", "supreme leader", "head of state", "head of government", "leader",
		"governor", "mayor", "head", "ruler":
		return true
	}
	return false
}

// governmentOffice reports offices that head a government rather than the movement that
// forms it.
func governmentOffice(office string) bool {
	switch strings.TrimPrefix(office, "acting ") {
	case "prime minister", "premier", "head of government":
		return true
	}
	return false
}

// title is an office found around a person mention.
type title struct {
	lo, hi  int // units of the title phrase
	office  string
	leads   bool // a leading office (LEADS type in the cue list) with no deputy marker
	text    string
	possEnt int  // the possessor's entity ("Putin's special envoy"), or -1
	inName  bool // read from inside the name mention ("General Patrushev")
	// ownerNoun marks a title owned by "the country's" or "the group's": when no single
	// owner is in scope, no other state is guessed
	ownerNoun bool
	serves    bool // an office serving the possessor ("an adviser to President X")
}

// officeIn finds the office cue in units [lo, hi) of sentence si.
func (st *relState) officeIn(si, lo, hi int) (string, bool, int, bool) {
	office, leads, at, _, ok := st.officeSpan(si, lo, hi)
	return office, leads, at, ok
}

// officeSpan is officeIn that also returns the unit just past the office words.
func (st *relState) officeSpan(si, lo, hi int) (string, bool, int, int, bool) {
	su := &st.sus[si]
	office, leads, at, end := "", false, -1, -1
	deputy := false
	for k := lo; k < hi; k++ {
		if su.units[k].isMention() {
			continue
		}
		switch su.words[k] {
		case "deputy", "vice", "vice-", "assistant", "former", "ex-":
			deputy = true
		}
		if n, v := st.cue(si, "office", k); (n > 0 && k+n <= hi) || st.officeWord(su.words[k]) {
			if n == 0 {
				n, v = 1, "MEMBER_OF"
			}
			// the last office word heads the title ("Deputy Defense Minister")
			office, leads, at, end = strings.Join(su.words[k:k+n], " "), v == "LEADS", k, k+n
			k += n - 1
		}
	}
	if at < 0 {
		return "", false, -1, -1, false
	}
	return office, leads && !deputy, at, end, true
}

// officeWord reports a hyphenated rank whose first part is an office ("colonel-major",
// "lieutenant-general").
func (st *relState) officeWord(w string) bool {
	k := strings.IndexByte(w, '-')
	if k <= 0 {
		return false
	}
	n, _ := st.preds.MatchCue("office", []string{w[:k]}, 0)
	return n > 0
}

// roleEnd extends the office ending before unit end with its complement ("of the
// Security Council", "to Afghanistan"), up to hi.
func (st *relState) roleEnd(si, end, hi int) int {
	us := st.sus[si].units
	if end >= hi || us[end].isMention() {
		return end
	}
	switch us[end].word {
	case "of", "to", "for":
	default:
		return end
	}
	k := end + 1
	for k < hi && (us[k].isMention() || us[k].cap || us[k].word == "the" || us[k].word == "of" || us[k].word == "and") {
		k++
	}
	for k > end+1 && !us[k-1].isMention() && !us[k-1].cap {
		k--
	}
	if k == end+1 {
		return end
	}
	return k
}

// titleBefore finds "President Vladimir Putin", "Chairman of the Security Council Nikolai
// Patrushev", "Putin's Special Envoy to Afghanistan Zamir Kabulov".
func (st *relState) titleBefore(si, i int) (title, bool) {
	us := st.sus[si].units
	lo := i
	poss := -1
	sawOffice, adjs := false, 0
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		u := &us[j]
		if u.isMention() {
			if st.ents[u.ent].Type == dossier.Person {
				if u.poss {
					poss, lo = u.ent, j
				}
				break
			}
			if u.poss {
				poss, lo = u.ent, j
				break
			}
			lo = j
			continue
		}
		w := u.word
		if n, _ := st.cue(si, "office", j); n > 0 || st.officeWord(w) {
			lo, sawOffice = j, true
			continue
		}
		if u.cap || w == "of" || w == "the" || w == "for" || w == "to" || w == "and" {
			if u.cap && (isBoundary(w) || w == "the") {
				break
			}
			// "Colonel Sadio Camara of Mali and Colonel-Major Kassoum Coulibaly": "and"
			// before a title starts a new person's title
			if w == "and" && j+1 < i && !us[j+1].isMention() {
				if n, _ := st.cue(si, "office", j+1); n > 0 || st.officeWord(us[j+1].word) {
					break
				}
			}
			lo = j
			continue
		}
		// "Houthi military spokesman", "Iranian acting President"
		if sawOffice && adjs < 2 && u.kind == text.Word && !isBoundary(w) && !isPreposition(w) && !isDeterminer(w) && !isAux(w) && w != "and" {
			adjs++
			lo = j
			continue
		}
		break
	}
	// "its leader Noor Wali Mehsud": the owner is the actor "its" stands for
	if poss < 0 && lo > 0 && lo < i && !us[lo-1].isMention() && (us[lo-1].word == "its" || us[lo-1].word == "their") {
		if e := st.resolvePronoun(si, lo-1); e >= 0 {
			poss = e
		}
	}
	// "the country's defence minister X", "the group's leader X": the one state or
	// group in scope
	ownerNoun := false
	if poss < 0 {
		if at, ts, ok := st.ownerNounBefore(si, lo, i); ok {
			lo, ownerNoun = at, true
			poss = st.scopedOwner(si, at-3, ts...)
		}
	}
	for lo < i && !us[lo].isMention() && (us[lo].word == "of" || us[lo].word == "the" || us[lo].word == "for" || us[lo].word == "to" || us[lo].word == "and") {
		lo++
	}
	if lo >= i {
		return title{}, false
	}
	start := lo
	if poss >= 0 && us[lo].isMention() && us[lo].ent == poss {
		start = lo + 1
	}
	body := start
	for start < i && st.isDemonym(&us[start]) {
		start++ // "Russian Deputy Defense Minister": the state is not part of the role
	}
	office, leads, _, end, ok := st.officeSpan(si, start, i)
	if !ok || start >= i {
		return title{}, false
	}
	for start < i && !us[start].isMention() && !us[start].cap && !strings.HasPrefix(office, us[start].word) {
		start++ // lower-case adjectives before the office are not part of the role
	}
	end = st.roleEnd(si, end, i)
	return title{lo: body, hi: i, office: office, leads: leads, possEnt: poss, ownerNoun: ownerNoun,
		text: strings.TrimSpace(st.doc[us[start].start:us[end-1].end])}, true
}

// titleAfter finds the apposition "X, the president of Chechnya," and "X, the new
// Russian ambassador to Tajikistan,".
func (st *relState) titleAfter(si, i int) (title, bool) {
	us := st.sus[si].units
	if i+2 >= len(us) || us[i+1].word != "," || us[i+1].isMention() {
		return title{}, false
	}
	hi := i + 2
	for hi < len(us) && hi < i+14 {
		u := &us[hi]
		if !u.isMention() && (u.word == "," || u.word == "." || isBoundary(u.word) || u.word == "(" || u.word == ")") {
			break
		}
		if u.isMention() && st.ents[u.ent].Type == dossier.Person {
			// "Mykhailo Podolyak, an adviser to President Volodymyr Zelenskiy", "a spokesman for
			// office serves that person
			if t, ok := st.servingTitle(si, i+2, hi); ok {
				return t, true
			}
			return title{}, false
		}
		hi++
	}
	lo := i + 2
	poss := -1
	indefinite := false
	for lo < hi && !us[lo].isMention() && isDeterminer(us[lo].word) {
		indefinite = indefinite || us[lo].word == "a" || us[lo].word == "an"
		lo++
	}
	if lo < hi && us[lo].isMention() && us[lo].poss {
		poss = us[lo].ent
	}
	office, leads, at, ok := st.officeIn(si, lo, hi)
	if !ok || at > lo+6 {
		return title{}, false
	}
	for k := lo; k < at && !indefinite; k++ {
		indefinite = us[k].word == "a" || us[k].word == "an"
	}
	if indefinite {
		leads = false // "a senior commander of X": one of its members
	}
	start := at
	// keep capitalized modifiers before the office ("Acting Defense Minister")
	for start > lo && !us[start-1].isMention() && us[start-1].cap {
		start--
	}
	return title{lo: lo, hi: hi, office: office, leads: leads, possEnt: poss,
		text: strings.TrimSpace(st.doc[us[start].start:us[hi-1].end])}, true
}

// titleAppositionBefore finds "Putin's special envoy to Afghanistan, Zamir Kabulov".
func (st *relState) titleAppositionBefore(si, i int) (title, bool) {
	us := st.sus[si].units
	if i >= 3 && !us[i-1].isMention() && us[i-2].word == "," {
		// "The Spokesperson, Ambassador Mumtaz Zahra Baloch": a rank between the comma and
		// the name
		if n, _ := st.cue(si, "office", i-1); n == 1 {
			i--
		}
	}
	if i < 2 || us[i-1].word != "," || us[i-1].isMention() {
		return title{}, false
	}
	lo := i - 1
	poss := -1
	for j := i - 2; j >= 0 && j >= i-10; j-- {
		u := &us[j]
		if u.isMention() {
			if u.poss {
				poss, lo = u.ent, j
				break
			}
			if st.ents[u.ent].Type == dossier.Person {
				break
			}
			lo = j
			continue
		}
		if u.word == "," || isBoundary(u.word) || u.word == "and" || u.word == "(" || u.word == "." {
			break
		}
		if u.word == "its" || u.word == "their" {
			// "Its leader, X": the group the pronoun refers to
			if e := st.resolvePronoun(si, j); e >= 0 && st.ents[e].Type != dossier.Person {
				poss, lo = e, j
			}
			break
		}
		lo = j
		if u.word == "the" || u.word == "a" || u.word == "an" {
			break
		}
	}
	start := lo
	if poss >= 0 {
		start = lo + 1
	}
	for start < i-1 && !us[start].isMention() && isDeterminer(us[start].word) {
		start++
	}
	if start >= i-1 {
		return title{}, false
	}
	office, leads, at, ok := st.officeIn(si, start, i-1)
	if !ok || at > start+3 {
		return title{}, false
	}
	for start < at && !us[start].isMention() && !us[start].cap {
		start++
	}
	return title{lo: start, hi: i - 1, office: office, leads: leads, possEnt: poss,
		text: strings.TrimSpace(st.doc[us[start].start:us[i-2].end])}, true
}

// bodyOf returns the state, body or group a title names, skipping places after "to" and
// "for" (the post, not the employer): the entity and whether it was named as a state.
func (st *relState) bodyOf(si int, t title) (int, bool) {
	us := st.sus[si].units
	for k := t.lo; k < t.hi; k++ {
		u := &us[k]
		if !u.isMention() || (t.possEnt >= 0 && u.ent == t.possEnt) {
			continue
		}
		if k > 0 && !us[k-1].isMention() {
			if w := us[k-1].word; w == "to" || w == "for" {
				continue
			}
			if k > 1 && us[k-1].word == "the" && (us[k-2].word == "to" || us[k-2].word == "for") {
				continue
			}
		}
		switch st.ents[u.ent].Type {
		case dossier.Country, dossier.Location:
			return u.ent, true
		case dossier.Organization, dossier.ArmedGroup:
			if t.leads {
				return u.ent, false // "the director of the Federal Security Service"
			}
			if s, ok := st.stateOfBody(u.ent); ok {
				return s, true
			}
			return u.ent, false
		}
	}
	return -1, false
}

// stateOfBody returns the state a state body belongs to (the lexicon's country of its kb
// id, or a state named in its name: "Russian Foreign Ministry").
func (st *relState) stateOfBody(org int) (int, bool) {
	e := st.ents[org]
	if e.Type != dossier.Organization {
		return -1, false
	}
	if e.KBID != nil && st.lex != nil {
		if en := st.lex.ByKBID(*e.KBID); en != nil && en.Country != "" && en.Kind != "io" {
			if i, ok := st.kbEnt[en.Country]; ok {
				return i, true
			}
		}
	}
	names := append([]string{e.Name}, e.Aliases...)
	for _, n := range names {
		for _, w := range strings.Fields(lexicon.Fold(n)) {
			if i, ok := st.country[w]; ok {
				return i, true
			}
		}
	}
	return -1, false
}

// listHead returns the body a titled person is listed under: "the X leadership (such
// as Acting Defense Minister Y, ...)", "officials of X, including Y".
func (st *relState) listHead(si, i int) int {
	us := st.sus[si].units
	for j := i - 1; j >= 1 && j >= i-40; j-- {
		w := us[j].word
		if us[j].isMention() {
			continue
		}
		if isBoundary(w) && w != "(" {
			return -1
		}
		if w == "such" && j+1 < len(us) && us[j+1].word == "as" || w == "including" || w == "among" {
			k := j - 1
			for k >= 0 && !us[k].isMention() && (us[k].word == "(" || us[k].word == "," || us[k].kind == text.Word && !isBoundary(us[k].word) && k >= j-3) {
				k--
			}
			if k >= 0 && us[k].isMention() {
				t := st.ents[us[k].ent].Type
				if t == dossier.Country || t == dossier.Organization || t == dossier.ArmedGroup {
					return us[k].ent
				}
			}
			return -1
		}
	}
	return -1
}

// findRoles adds MEMBER_OF and LEADS relations from titles and appositions of persons.
// A title that names its state or body is used at once; one that does not ("President
// Vladimir Putin", "Putin's special envoy") takes the state the person (or the
// possessor) is known by from another title, else the state named right after the name
// ("Colonel Sadio Camara of Mali"), else the body of a list the person is given in ("the
// Taliban leadership (such as ...)").
func (st *relState) findRoles() {
	type found struct {
		si, u, p int
		t        title
		all      []title // every title around the mention, for the office holders' fallback
	}
	state := map[int]int{} // person -> state named in one of their titles
	var pending []found
	for si := range st.sus {
		us := st.sus[si].units
		for i := range us {
			u := &us[i]
			if !u.isMention() || st.ents[u.ent].Type != dossier.Person {
				continue
			}
			// every title around the mention; the first that names its body wins
			var titles []title
			for _, find := range []func(int, int) (title, bool){st.titleBefore, st.titleAfter, st.titleAppositionBefore, st.descriptionTitle, st.titleInMention} {
				if t, ok := find(si, i); ok {
					titles = append(titles, t)
				}
			}
			if len(titles) == 0 {
				continue
			}
			t, body, isState := titles[0], -1, false
			for _, c := range titles {
				var b int
				var s bool
				if c.hi == c.lo {
					b, s = st.stateInText(c.text)
				} else {
					b, s = st.bodyOf(si, c)
				}
				if b < 0 && c.possEnt >= 0 && st.ents[c.possEnt].Type != dossier.Person {
					// "Kenya's President", "its leader"
					b, s = c.possEnt, st.ents[c.possEnt].Type == dossier.Country
				}
				if b >= 0 {
					t, body, isState = c, b, s
					break
				}
			}
			if body < 0 {
				pending = append(pending, found{si, i, u.ent, t, titles})
				continue
			}
			st.addRole(si, i, u.ent, body, isState, t, 0.85, "title")
			if isState {
				if _, ok := state[u.ent]; !ok {
					state[u.ent] = body
				}
			}
		}
	}
	var served []found
	for _, f := range pending {
		if f.t.possEnt >= 0 {
			if s, ok := state[f.t.possEnt]; ok {
				st.addRole(f.si, f.u, f.p, s, true, f.t, 0.75, "title-possessor")
			} else if f.t.serves {
				served = append(served, f)
			}
			continue
		}
		if s, ok := state[f.p]; ok {
			st.addRole(f.si, f.u, f.p, s, true, f.t, 0.75, "title-known-state")
			continue
		}
		if s := st.delegationOwner(f.si, f.t.lo); s >= 0 {
			st.addRole(f.si, f.u, f.p, s, st.ents[s].Type == dossier.Country, f.t, 0.75, "title-delegation")
			continue
		}
		if s := st.ofStateAfter(f.si, f.u); s >= 0 {
			st.addRole(f.si, f.u, f.p, s, true, f.t, 0.8, "title-of-state")
			continue
		}
		if h := st.listHead(f.si, f.u); h >= 0 {
			body, isState := h, st.ents[h].Type == dossier.Country
			if s, ok := st.stateOfBody(h); ok {
				body, isState = s, true
			}
			st.addRole(f.si, f.u, f.p, body, isState, f.t, 0.7, "title-list")
			// "the «moderate» faction of the Taliban leadership": a member of the
			// faction is a member of the body it belongs to
			if !isState {
				m := st.ents[h].Mentions
				for _, m := range m {
					for _, o := range st.actorsInText(m.Text) {
						if o != h && o != f.p && st.ents[o].Type != dossier.Person {
							st.addRole(f.si, f.u, f.p, o, st.ents[o].Type == dossier.Country, f.t, 0.65, "title-list-parent")
						}
					}
					break
				}
			}
			continue
		}
		// The lexicon knows who held the office at the document's date ("President
		// Tinubu said"). No guess from the document's main state: on the development set
		// it named the wrong state for visiting leaders more often than the right one (and
		// so did the one state named just before the title).
		held := false
		for _, t := range f.all {
			// "The Spokesperson, Ambassador Mumtaz Zahra Baloch": the title that names the
			// office the lexicon knows
			if s, isState, role := st.heldOfficeRole(f.p, t.office, false); s >= 0 {
				t.leads = t.leads && (isState || leadingRole(role))
				st.addRole(f.si, f.u, f.p, s, isState, t, 0.7, "title-officeholder")
				held = true
				break
			}
		}
		// "Turkey closed its airspace. Foreign Minister X said": the one state in scope,
		// for a person the lexicon does not know (for one it knows, its offices and their
		// dates decide)
		if !held && !f.t.ownerNoun && st.holderEntry(f.p) == nil {
			if s := st.scopedOwner(f.si, f.t.lo, dossier.Country); s >= 0 {
				st.addRole(f.si, f.u, f.p, s, true, f.t, 0.65, "title-scope-state")
			}
		}
	}
	// "an adviser to President Zelenskiy": a member of the state the person served
	// leads or serves, once that is known
	for _, f := range served {
		if s := st.roleState(f.t.possEnt); s >= 0 {
			st.addRole(f.si, f.u, f.p, s, true, f.t, 0.7, "title-serves")
		}
	}
}

// roleState returns the one state person p holds a role in among the relations found so
// far, or -1.
func (st *relState) roleState(p int) int {
	found := -1
	for i := range st.cands {
		c := &st.cands[i]
		if c.src.ent != p || (c.typ != dossier.Leads && c.typ != dossier.MemberOf) || st.ents[c.tgt.ent].Type != dossier.Country {
			continue
		}
		if found >= 0 && found != c.tgt.ent {
			return -1
		}
		found = c.tgt.ent
	}
	return found
}

// servingTitle reads an apposition that serves a person, "an adviser to President
// Volodymyr Zelenskiy", over units [lo, hi] of sentence si, hi being the person served.
// The office is never a leading one.
func (st *relState) servingTitle(si, lo, hi int) (title, bool) {
	us := st.sus[si].units
	for lo < hi && !us[lo].isMention() && isDeterminer(us[lo].word) {
		lo++
	}
	end := lo
	for end < hi && (us[end].isMention() || us[end].word != "to" && us[end].word != "for") {
		end++
	}
	if end >= hi {
		return title{}, false
	}
	office, _, at, oend, ok := st.officeSpan(si, lo, end)
	if !ok || at > lo+3 || oend != end {
		return title{}, false
	}
	for k := end + 1; k < hi; k++ {
		if us[k].isMention() || !us[k].cap {
			return title{}, false // only the served person's own title may stand between
		}
	}
	start := at
	for start > lo && !us[start-1].isMention() && us[start-1].cap {
		start--
	}
	return title{lo: lo, hi: end, office: office, possEnt: us[hi].ent, serves: true,
		text: strings.TrimSpace(st.doc[us[start].start:us[end-1].end])}, true
}

// delegationOwner returns the state or group of "a Russian delegation led by <title>"
// ending before unit lo, or -1.
func (st *relState) delegationOwner(si, lo int) int {
	us := st.sus[si].units
	if lo < 4 || us[lo-1].word != "by" || (us[lo-2].word != "led" && us[lo-2].word != "headed") || !isMemberNoun(us[lo-3].word) {
		return -1
	}
	if m := &us[lo-4]; m.isMention() && (st.ents[m.ent].Type == dossier.Country || st.ents[m.ent].Type == dossier.ArmedGroup) {
		return m.ent
	}
	return -1
}

// ofStateAfter returns the state named by "of X" right after the person at unit i
// ("Prime Minister Ali Lamine Zeine of Niger"), or -1.
func (st *relState) ofStateAfter(si, i int) int {
	us := st.sus[si].units
	if i+2 < len(us) && !us[i+1].isMention() && us[i+1].word == "of" && us[i+2].isMention() && st.ents[us[i+2].ent].Type == dossier.Country {
		return us[i+2].ent
	}
	return -1
}

// titleInMention reads a title that opens a person's name mention ("General
// Patrushev", "President Putin").
func (st *relState) titleInMention(si, i int) (title, bool) {
	u := &st.sus[si].units[i]
	m := st.ents[u.ent].Mentions[u.mention]
	words := lexicon.Tokens(m.Text)
	if len(words) < 2 {
		return title{}, false
	}
	n, v := st.preds.MatchCue("office", words, 0)
	if n == 0 || n >= len(words) {
		return title{}, false
	}
	f := strings.Fields(m.Text)
	if len(f) < n {
		return title{}, false
	}
	return title{lo: i, hi: i, office: strings.Join(words[:n], " "), leads: v == "LEADS", possEnt: -1,
		text: strings.Join(f[:n], " "), inName: true}, true
}

// descriptionTitle reads a title from a DESCRIPTION mention of a person ("the Russian
// leader").
func (st *relState) descriptionTitle(si, i int) (title, bool) {
	u := &st.sus[si].units[i]
	m := st.ents[u.ent].Mentions[u.mention]
	if m.Form != dossier.FormDescription {
		return title{}, false
	}
	words := strings.Fields(lexicon.Fold(m.Text))
	for k := range words {
		if n, v := st.preds.MatchCue("office", words, k); n > 0 {
			return title{lo: i, hi: i, office: strings.Join(words[k:k+n], " "), leads: v == "LEADS", possEnt: -1, text: m.Text}, true
		}
	}
	return title{}, false
}

// addRole adds the role relation of person p towards body.
func (st *relState) addRole(si, i, p, body int, isState bool, t title, weight float64, rule string) {
	if body == p || isState && st.contradicts(p, body, t.office) {
		return
	}
	typ := dossier.MemberOf
	if t.leads && (isState && headOfState(t.office) || !isState) {
		typ = dossier.Leads
	}
	if isState && !headOfState(t.office) {
		typ = dossier.MemberOf
	}
	if !isState && st.ents[body].Type == dossier.ArmedGroup && governmentOffice(t.office) {
		typ = dossier.MemberOf // the "Prime Minister" of a group's government serves the group's leader
	}
	c := cand{typ: typ, src: arg{ent: p, u: i, how: argAdjacent}, tgt: arg{ent: body, u: -1, how: argAdjacent},
		role: t.text, sent: si, head: i, end: i + 1, weight: weight, rule: rule, place: -1, noHedge: true}
	if st.fitTypes(&c) {
		st.cands = append(st.cands, c)
	}
	// an official of a state body ("spokesman of the Iranian Foreign Ministry", "director
	// of the FSB") is also an official of its state
	if !isState && st.ents[p].Type == dossier.Person {
		s, ok := st.stateOfBody(body)
		if !ok && st.ents[body].Type == dossier.Organization && !st.ioBody(body) {
			// "Foreign Ministry spokesman Mao Ning": the lexicon knows whose ministry
			s, ok = st.heldOffice(p, t.office, true)
			ok = ok && s >= 0
		}
		if ok && s != p {
			m := c
			m.typ, m.tgt, m.weight, m.rule = dossier.MemberOf, arg{ent: s, u: -1, how: argAdjacent}, weight-0.05, rule+"-state"
			if st.fitTypes(&m) {
				st.cands = append(st.cands, m)
			}
		}
	}
}

// stateInText returns the state named (or by demonym) in a phrase.
func (st *relState) stateInText(s string) (int, bool) {
	for _, w := range strings.Fields(lexicon.Fold(s)) {
		if i, ok := st.country[w]; ok {
			return i, true
		}
	}
	return -1, false
}

// findStanding adds "X under the Y regime" (Y LEADS X) and "<armed group> in <place>"
// (LOCATED_IN) relations.
func (st *relState) findStanding() {
	for si := range st.sus {
		us := st.sus[si].units
		for i := 1; i+1 < len(us); i++ {
			u := &us[i]
			if u.isMention() {
				continue
			}
			switch u.word {
			case "under":
				x := &us[i-1]
				if !x.isMention() {
					continue
				}
				if xt := st.ents[x.ent].Type; xt != dossier.Country && xt != dossier.Location {
					continue
				}
				k := i + 1
				if k < len(us) && us[k].word == "the" {
					k++
				}
				if k >= len(us) || !us[k].isMention() {
					continue
				}
				rulers := lexicon.Fold(us[k].raw)
				next := ""
				if k+1 < len(us) {
					next = us[k+1].word
				}
				if !hasRuleWord(next) && !hasRuleWord(lastWord(rulers)) {
					continue
				}
				c := cand{typ: dossier.Leads, src: arg{ent: us[k].ent, u: k, how: argAdjacent}, tgt: arg{ent: x.ent, u: i - 1, how: argAdjacent},
					sent: si, head: i, end: k + 1, weight: 0.7, rule: "under-regime", place: -1, noHedge: true}
				if st.fitTypes(&c) {
					st.cands = append(st.cands, c)
				}
			case "in", "inside":
				g := &us[i-1]
				src := -1
				if !g.isMention() && i >= 2 && (isMemberNoun(g.word) || isGroupNoun(g.word)) && !hasRuleWord(g.word) {
					switch {
					case us[i-2].isMention():
						g = &us[i-2] // "JNIM fighters in central Mali", "the Ajnad al-Kavkaz group in Idlib"
					case i >= 4 && isMemberNoun(g.word) && us[i-2].word == "'s" && groupAnaphor(us, i-3):
						src = st.resolveGroup(si, i-3) // "the group's fighters in central Mali"
					}
				}
				if src < 0 {
					if !g.isMention() || st.ents[g.ent].Type != dossier.ArmedGroup || g.poss {
						continue
					}
					src = g.ent
				}
				if st.ents[src].Type != dossier.ArmedGroup {
					continue
				}
				k := npAt(us, i+1, 2) // "in the suburbs of X", "in central Mali"
				if k < 0 {
					continue
				}
				for _, t := range st.coordGroup(us, k, false) {
					c := cand{typ: dossier.LocatedIn, src: arg{ent: src, u: i - 1, how: argAdjacent}, tgt: arg{ent: us[t].ent, u: t, how: argAdjacent},
						sent: si, head: i, end: t + 1, weight: 0.65, rule: "group-in", place: -1}
					if st.fitTypes(&c) {
						st.cands = append(st.cands, c)
					}
				}
			}
		}
	}
}

func hasRuleWord(w string) bool {
	switch w {
	case "regime", "rule", "government", "control", "leadership", "administration":
		return true
	}
	return false
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// isGroupNoun reports nouns that may follow a group's name as the head of its noun
// phrase ("the Ajnad al-Kavkaz group", "ISKP cells").
func isGroupNoun(w string) bool {
	switch w {
	case "group", "cells", "cell", "network", "faction", "factions", "movement", "militia":
		return true
	}
	return false
}
