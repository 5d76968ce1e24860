package extract

// The relation stage: predicates from the predicate lexicon (lexicon/data/predicates.tsv)
// found over the units of each sentence, their arguments found by clause analysis
// (rel_args.go), then roles from titles and appositions (rel_roles.go), dates
// (dates.go), places, quantities (quantity.go), attribution, hedging and negation
// (attribution.go), confidence (confidence.go) and events (events.go).

import (
	"fmt"
	"sort"
	"strings"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// relState is the working state of one relate call.
type relState struct {
	doc     string
	ents    []dossier.Entity
	preds   *lexicon.Predicates
	lex     *lexicon.Lexicon
	docDate dossier.Date
	sus     []sentUnits
	dates   [][]dateExpr // per sentence
	cands   []cand
	country map[string]int    // folded mention text of a COUNTRY entity -> entity index
	byText  map[string][]int  // folded mention words -> entities, built on first use
	notes   map[string]string // footnote label -> cited source, built on first use
	kbEnt   map[string]int    // kb id -> entity index
	happen  []happening       // dated actions found by predicates, for events.go
	attacks []attackNote      // who attacked, sentence by sentence, for "condemned the strikes"
}

// attackNote records the attackers of an ASSAULT predicate, target or not.
type attackNote struct {
	sent int
	by   []int
}

// happening is a dated action found by a predicate (an attack, a visit, a blockade):
// events.go makes it an event.
type happening struct {
	sent, head int
	typ        dossier.RelationType
	date       dossier.Date
	parts      []int
}

// cand is a relation candidate before ids and output fields are assigned.
type cand struct {
	typ     dossier.RelationType
	subtype string
	src     arg
	tgt     arg
	role    string
	sent    int
	head    int // unit index of the predicate head (or the cue that gave the relation)
	end     int // unit index just past the target
	weight  float64
	rule    string // which rule found it, for confidence and debugging
	hedged  bool
	noHedge bool // hedging cues do not apply (roles, planned hostility)
	negated bool
	place   int // entity index or -1
}

// relate runs the relation stage over one document: it returns the relations and events
// found among ents (entities with final ids and mentions) in the sentences sents of text.
func relate(doc string, sents []text.Sentence, ents []dossier.Entity, opts Options, lex *lexicon.Lexicon) ([]dossier.Relation, []dossier.Event) {
	preds, err := lexicon.BuiltinPredicates()
	if err != nil || len(ents) == 0 || len(sents) == 0 {
		return nil, nil
	}
	st := newRelState(doc, sents, ents, opts.DocDate, preds, lex)
	st.findPredicates()
	st.findRoles()
	st.findOfficeGroups()
	st.liftPersons()
	st.findStanding()
	st.findGovernments()
	st.findAppositions()
	st.findCompounds()
	st.findBodies()
	st.findPlaces()
	evs := st.events()
	st.dropMeetingPairs(evs)
	rels := st.relations()
	return rels, evs
}

func newRelState(doc string, sents []text.Sentence, ents []dossier.Entity, docDate dossier.Date, preds *lexicon.Predicates, lex *lexicon.Lexicon) *relState {
	st := &relState{doc: doc, ents: ents, preds: preds, lex: lex, docDate: docDate,
		country: map[string]int{}, kbEnt: map[string]int{}}
	ms := sortedMentions(ents, len(doc))
	st.sus = buildUnits(doc, sents, ents, ms)
	for si := range st.sus {
		su := &st.sus[si]
		su.cues = make([]uint32, len(su.words))
		for k, w := range su.words {
			su.cues[k] = preds.CueKinds(w)
			su.anyCue |= su.cues[k]
		}
	}
	for i, e := range ents {
		if e.KBID != nil && *e.KBID != "" {
			st.kbEnt[*e.KBID] = i
		}
		if e.Type == dossier.Country {
			for _, m := range e.Mentions {
				st.country[lexicon.Fold(m.Text)] = i
			}
			st.country[lexicon.Fold(e.Name)] = i
		}
	}
	st.resolveDates()
	return st
}

// cue matches a cue of kind at unit k of sentence si (see lexicon.Predicates.MatchCue),
// after a cheap check of the cue kinds that may start there.
func (st *relState) cue(si int, kind string, k int) (int, string) {
	su := &st.sus[si]
	if k < 0 || k >= len(su.cues) || su.cues[k] == 0 || su.cues[k]&st.preds.CueBit(kind) == 0 {
		return 0, ""
	}
	return st.preds.MatchCue(kind, su.words, k)
}

// hasCue reports whether sentence si may hold a cue of kind.
func (st *relState) hasCue(si int, kind string) bool {
	return st.sus[si].anyCue&st.preds.CueBit(kind) != 0
}

// findPredicates matches predicate heads in every sentence and analyses each.
func (st *relState) findPredicates() {
	for si := range st.sus {
		su := &st.sus[si]
		if len(su.units) < 2 {
			continue
		}
		skip := -1 // units before skip belong to a multiword pattern already analysed
		for h := range su.units {
			u := &su.units[h]
			if u.isMention() || h < skip {
				continue
			}
			forms := st.preds.Heads(u.word)
			if len(forms) == 0 {
				continue
			}
			if e := st.analyzeHead(si, h, forms); e > h+1 {
				skip = e
			}
		}
	}
}

// analyzeHead tries the forms of the head at h, longest pattern first, and keeps the
// relations of the first form that yields any. It returns the end of the pattern used
// (h+1 when none).
func (st *relState) analyzeHead(si, h int, forms []lexicon.Form) int {
	us := st.sus[si].units
	verbOnly := h > 0 && !us[h-1].isMention() && afterAux(us[h-1].word)
	order := make([]lexicon.Form, len(forms))
	copy(order, forms)
	nounFirst := h > 0 && (isDeterminer(us[h-1].word) || us[h-1].poss || (us[h-1].isMention() && st.ents[us[h-1].ent].Mentions[us[h-1].mention].Form == dossier.FormDemonym))
	sort.SliceStable(order, func(a, b int) bool {
		ra, rb := len(order[a].Pred.Rest), len(order[b].Pred.Rest)
		if ra != rb {
			return ra > rb
		}
		return kindRank(order[a].Pred.Kind, nounFirst) < kindRank(order[b].Pred.Kind, nounFirst)
	})
	for _, f := range order {
		if verbOnly && f.Pred.Kind != lexicon.PredVerb && f.Pred.Kind != lexicon.PredAdj {
			continue
		}
		if nounFirst && f.Pred.Kind == lexicon.PredVerb && !f.Gerund {
			continue // "the Russian veto": a noun
		}
		e, ok := matchRest(us, h, f.Pred.Rest)
		if !ok {
			continue
		}
		n := len(st.cands)
		switch f.Pred.Kind {
		case lexicon.PredRelNoun:
			st.relNoun(si, h, e, f.Pred)
		default:
			st.predicate(si, h, e, f)
		}
		if len(st.cands) > n {
			return e
		}
	}
	return h + 1
}

// afterAux reports words after which a predicate word is a verb, not a noun ("does not
// support", "will attack", "to cooperate").
func afterAux(w string) bool {
	switch w {
	case "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
		"might", "must", "not", "n't", "never", "to", "cannot", "also":
		return true
	}
	return false
}

func kindRank(k lexicon.PredKind, nounFirst bool) int {
	if nounFirst {
		switch k {
		case lexicon.PredNoun, lexicon.PredRelNoun:
			return 0
		case lexicon.PredAdj:
			return 1
		}
		return 2
	}
	switch k {
	case lexicon.PredVerb:
		return 0
	case lexicon.PredAdj:
		return 1
	}
	return 2
}

// matchRest matches the words after a predicate head, each within a short gap of plain
// words. It returns the unit index just past the match.
func matchRest(us []unit, h int, rest [][]string) (int, bool) {
	j := h + 1
	for _, forms := range rest {
		found := false
		for g := 0; g <= 3 && j < len(us); g++ {
			u := &us[j]
			if u.isMention() && !u.poss && j+1 < len(us) && containsWord(forms, us[j+1].word) {
				j++ // a name that modifies the pattern's noun: "a Russian delegation"
				continue
			}
			if u.isMention() || isBoundary(u.word) || u.word == "," || u.word == "." {
				return 0, false
			}
			j++
			if containsWord(forms, u.word) {
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return j, true
}

func containsWord(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// predicate analyses a verb, noun or adjective predicate at h (pattern ending before e).
func (st *relState) predicate(si, h, e int, f lexicon.Form) {
	us := st.sus[si].units
	p := f.Pred
	var srcs, tgts []arg
	rule := "verb"
	switch {
	case p.Kind == lexicon.PredVerb && f.Participle && passiveAt(us, h) && p.Type == dossier.LocatedIn:
		// "Hezbollah fighters were deployed to Syria": those sent are there
		rule = "passive"
		fwd, _ := splitSlots(p.Slots)
		srcs = st.subject(si, h, false)
		tgts = st.object(si, h, e, fwd)
	case p.Kind == lexicon.PredVerb && f.Participle && passiveAt(us, h):
		rule = "passive"
		srcs = st.agent(si, e)
		tgts = st.subject(si, h, false)
	case p.Kind == lexicon.PredNoun:
		rule = "noun"
		srcs, tgts = st.nounArgs(si, h, e, p)
	default:
		if p.Kind == lexicon.PredAdj {
			rule = "adj"
		}
		fwd, rev := splitSlots(p.Slots)
		srcs = st.subject(si, h, false)
		if p.Kind == lexicon.PredAdj && modifiesNoun(us, h) {
			srcs = nil // "ships linked to Israel": the adjective describes the ships
		}
		tgts = st.object(si, h, e, fwd)
		if len(tgts) == 0 && p.Type == dossier.Consult && len(p.Rest) > 0 {
			tgts = st.inPattern(si, h, e)
		}
		if len(tgts) == 0 && len(rev) > 0 {
			// "X received weapons from Y": Y is the source
			if from := st.object(si, h, e, rev); len(from) > 0 {
				srcs, tgts = from, srcs
			}
		}
		if len(tgts) == 0 && len(srcs) > 0 && p.Kind == lexicon.PredVerb {
			// "Iran condemned the strikes": the attackers of the strikes told just before
			tgts = st.attackersOf(si, e, srcs)
		}
		if len(tgts) == 0 && len(srcs) >= 2 && reciprocalObject(us, e) {
			tgts = srcs // "the two groups have fought each other": each against each
		}
		if len(tgts) == 0 && len(srcs) > 0 && p.Type == dossier.Reject {
			// "Kyiv rejected the accusation": the accuser told just before
			tgts = st.accusersOf(si, h, e, srcs)
		}
		if len(tgts) == 0 && f.Participle && p.Kind == lexicon.PredVerb {
			// a reduced passive: "the Houthis, backed by Iran", "forces commanded by X"
			k := h - 1
			if k >= 0 && us[k].word == "," && !us[k].isMention() {
				k--
			}
			if k >= 2 && us[k].word == ")" && !us[k].isMention() && us[k-2].word == "(" {
				k -= 3 // "The National Resistance Front (NRF), led by"
			}
			if k >= 1 && !us[k].isMention() && isMemberNoun(us[k].word) && us[k-1].isMention() {
				k-- // "the Syrian government, backed by Russia and Iran"
			}
			if k >= 3 && us[k].isMention() && st.ents[us[k].ent].Type == dossier.Person && !us[k-1].isMention() && us[k-1].word == "of" &&
				!us[k-2].isMention() && isGovernmentNoun(us[k-2].word) && us[k-3].isMention() && st.ents[us[k-3].ent].Type == dossier.Country {
				k -= 3 // "the Syrian government of Bashar al-Assad, backed by Russia": the state's
			}
			if k >= 0 && us[k].isMention() && !oblique(us, k) && e < len(us) && us[e].word == "by" {
				if ag := st.agent(si, e); len(ag) > 0 {
					rule = "reduced-passive"
					srcs, tgts = ag, st.coordGroupArgs(us, k)
				}
			}
		}
		if len(tgts) == 0 && p.Type.Symmetric() {
			if len(srcs) == 2 && reciprocal(p) {
				srcs, tgts = srcs[:1], srcs[1:]
			} else {
				srcs, tgts = st.between(si, e, srcs)
			}
		}
	}
	if p.Kind == lexicon.PredVerb && !f.Gerund && len(srcs) == 0 && len(tgts) > 0 && p.Type == dossier.Assault && rule == "verb" {
		// "a suicide bomber killed two staff of the Russian embassy": the attack
		// happened though its author is not named
		st.noteHappening(si, h, p.Type, nil, tgts, f.Participle)
	}
	if p.Kind == lexicon.PredVerb && !f.Gerund && len(srcs) > 0 {
		st.noteHappening(si, h, p.Type, srcs, tgts, f.Participle)
		if p.Type == dossier.Assault && rule != "passive" {
			n := attackNote{sent: si}
			for _, s := range srcs {
				n.by = append(n.by, s.ent)
			}
			st.attacks = append(st.attacks, n)
		}
	}
	if len(srcs) == 0 || len(tgts) == 0 {
		return
	}
	var neg bool
	if p.Kind == lexicon.PredNoun {
		neg = st.negatedAt(si, h, []arg{{u: h - 3}})
	} else {
		neg = st.negatedAt(si, h, srcs)
	}
	typ := p.Type
	negated := neg
	if neg && p.NegType != "" {
		typ, negated = p.NegType, false
	}
	if typ == "" {
		return
	}
	if st.desireBefore(si, h) && (typ == dossier.Consult || typ == dossier.Cooperate || typ == dossier.Support || typ == dossier.Aid) {
		typ = dossier.Request
		rule += "+desire"
	}
	plan := false
	if typ == dossier.Assault && st.planBefore(si, h) {
		typ, plan = dossier.HostileTo, true
		rule += "+plan"
	}
	if p.Pattern == "join" {
		// joining a group or body is membership (a group joining another group is
		// affiliation); joining anything else (talks, a protest) is neither
		kept := tgts[:0:0]
		for _, t := range tgts {
			switch st.ents[t.ent].Type {
			case dossier.ArmedGroup, dossier.Organization:
				kept = append(kept, t)
			}
		}
		tgts = kept
		if len(tgts) == 0 {
			return
		}
		if len(srcs) > 0 && st.ents[srcs[0].ent].Type == dossier.ArmedGroup && st.ents[tgts[0].ent].Type == dossier.ArmedGroup {
			typ = dossier.AffiliatedWith // a group that joins another becomes its affiliate
		}
	}
	if typ == dossier.Reject && p.Pattern == "withdraw" {
		// withdrawing from an organization or a treaty rejects it; from a place, it is a
		// movement of troops
		kept := tgts[:0:0]
		for _, t := range tgts {
			if st.ents[t.ent].Type == dossier.Organization {
				kept = append(kept, t)
			}
		}
		tgts = kept
		if len(tgts) == 0 {
			return
		}
	}
	if typ == dossier.LocatedIn {
		kept := srcs[:0:0]
		for _, s := range srcs {
			if s.how != argLeftmost {
				kept = append(kept, s)
			}
		}
		srcs = kept
		// "Russia has deployed several hundred Wagner fighters to Mali": the group
		// whose members were sent is there too
		if p.Kind == lexicon.PredVerb {
			for k := e; k < len(us) && k <= e+5; k++ {
				if !us[k].isMention() {
					if isBoundary(us[k].word) || isPreposition(us[k].word) {
						break
					}
					continue
				}
				if k+1 < len(us) && isMemberNoun(us[k+1].word) && !st.isDemonym(&us[k]) {
					// the sender mobilizes; the group sent is located there
					other := false
					for _, s := range srcs {
						if s.ent != us[k].ent {
							other = true
						}
					}
					if other {
						st.addPairs(si, h, e, dossier.Mobilize, "", srcs, tgts, p.Weight, rule+"+sender", negated)
					}
					srcs = []arg{{ent: us[k].ent, u: k, how: argAdjacent}}
				}
				break
			}
		}
	}
	if typ == dossier.Leads && len(tgts) > 0 && tgts[0].u >= 0 && tgts[0].u+1 < len(us) && isMemberNoun(us[tgts[0].u+1].word) {
		typ = dossier.MemberOf // "led the Taliban delegation"
	}
	subtype := p.Subtype
	last := e
	for _, t := range tgts {
		if t.u >= last {
			last = t.u + 1
		}
	}
	if p.Pattern == "warn" && !negated {
		for k := last; k < len(us) && k <= last+4; k++ {
			if w := us[k].word; w == "of" || w == "about" || w == "that" {
				// "warned Moscow in March of a possible attack": information shared with
				// the target, not a threat against it
				if typ == dossier.Threaten {
					typ, rule = dossier.Consult, rule+"+warning"
					break
				}
				return
			}
			if isBoundary(us[k].word) || us[k].word == "," {
				break
			}
		}
	}
	if subtype == "" && (typ == dossier.Aid || typ == dossier.Mobilize) && st.armsIn(si, h, last) {
		subtype = "arms"
	}
	if typ == dossier.Consult && len(srcs)+len(tgts) >= 3 && !(len(srcs) == 1 && len(p.Slots) == 1 && p.Slots[0] == "between") {
		return // a multilateral meeting: an event, not pairwise relations
	}
	n := len(st.cands)
	st.addPairs(si, h, last, typ, subtype, srcs, tgts, p.Weight, rule, negated)
	if plan {
		for i := n; i < len(st.cands); i++ {
			st.cands[i].noHedge = true
		}
	}
}

// attackersOf resolves an object that refers back to an attack ("condemned the
// strikes", "welcomed the operation") to the sources of the last ASSAULT found in this
// or the two sentences before, other than the subject.
func (st *relState) attackersOf(si, e int, srcs []arg) []arg {
	us := st.sus[si].units
	if e+1 >= len(us) || us[e].isMention() || (us[e].word != "the" && us[e].word != "these" && us[e].word != "this") {
		return nil
	}
	k := e + 1
	if !us[k].isMention() && !attackNoun(us[k].word) && k+1 < len(us) && attackNoun(us[k+1].word) {
		k++ // "the US strikes" is handled as an object; "the military strikes"
	}
	if us[k].isMention() || !attackNoun(us[k].word) {
		return nil
	}
	// "condemned the attack by the TTP", "the attack carried out on 6 September by
	// terrorists of the TTP": the attacker is named
	for j := k + 1; j+1 < len(us) && j <= k+7; j++ {
		u := &us[j]
		if u.isMention() || isBoundary(u.word) || u.word == "," || u.word == "." || u.word == "(" || u.word == "and" || u.word == "or" {
			break
		}
		if u.word != "by" {
			continue
		}
		m := npAt(us, j+1, 2)
		if m < 0 {
			m = objNP(us, j+1)
		}
		if m >= 0 && actorType(st.ents[us[m].ent].Type) {
			return st.groupArgs(us, m, argPrep)
		}
		break
	}
	subj := map[int]bool{}
	for _, s := range srcs {
		subj[s.ent] = true
	}
	for i := len(st.attacks) - 1; i >= 0; i-- {
		a := &st.attacks[i]
		if a.sent < si-2 {
			break
		}
		if a.sent >= si {
			continue
		}
		var out []arg
		for _, e := range a.by {
			if !subj[e] {
				out = append(out, arg{ent: e, u: -1, how: argPronoun})
			}
		}
		return out
	}
	return nil
}

// noteHappening records a physical action (attack, meeting, agreement, blockade,
// deployment, sanction, delivery) with a date in its sentence, not negated, hedged or
// planned, for events.go.
func (st *relState) noteHappening(si, h int, typ dossier.RelationType, srcs, tgts []arg, past bool) {
	switch typ {
	case dossier.Assault, dossier.Consult, dossier.Agree, dossier.Coerce, dossier.Mobilize, dossier.Sanction, dossier.Aid:
	default:
		return
	}
	if st.negatedAt(si, h, srcs) || st.hedgedAt(si, h, h+1) || st.planBefore(si, h) || st.desireBefore(si, h) || conditionalBefore(st.sus[si].units, h) {
		return
	}
	d := st.clauseDate(si, h)
	if d.IsZero() && (typ == dossier.Consult || typ == dossier.Agree) {
		d = st.paragraphDate(si) // "Xi and Putin held talks on the sidelines" of a dated summit
	}
	if d.IsZero() {
		return
	}
	if past && st.futureGuess(si, h, d) {
		if p := (dossier.Date{Year: d.Year - 1, Month: d.Month, Day: d.Day}); p.Valid() {
			d = p // "stormed the embassy on July 20" in a story of May: last July
		}
	}
	hp := happening{sent: si, head: h, typ: typ, date: d}
	for _, a := range append(append([]arg(nil), srcs...), tgts...) {
		e := a.ent
		if st.ents[e].Type == dossier.Location {
			if s, ok := st.stateOf(e); ok {
				e = s // "visited Niamey": Niger is a party
			}
		}
		hp.parts = append(hp.parts, e)
	}
	if typ == dossier.Consult {
		// the named people of the clause take part: "a US delegation led by Molly Phee"
		us := st.sus[si].units
		lo, _ := clauseStart(us, h)
		for k := lo; k < len(us); k++ {
			if !us[k].isMention() && (isBoundary(us[k].word) || us[k].word == ".") && k > h {
				break
			}
			if us[k].isMention() && st.ents[us[k].ent].Type == dossier.Person {
				hp.parts = append(hp.parts, us[k].ent)
			}
		}
	}
	st.happen = append(st.happen, hp)
}

// clauseDate returns the date of the clause of head h: the nearest date expression of
// the sentence within twenty units that is not a duration's start ("since 2022").
func (st *relState) clauseDate(si, h int) dossier.Date {
	us := st.sus[si].units
	best, bestDist := dossier.Date{}, 21
	for _, e := range st.dates[si] {
		if e.u0 > 0 && !us[e.u0-1].isMention() {
			switch us[e.u0-1].word {
			case "since", "until", "from", "to", "till", "through", "between":
				continue
			case "and":
				// the end of a span: "between 2021 and 2023"
				if e.u0 >= 3 && (us[e.u0-3].word == "between" || (e.u0 >= 4 && us[e.u0-4].word == "between")) {
					continue
				}
			}
		}
		dist := e.dist(h)
		// (bestDist bounds the scan of subordinateAfter to 20 units)
		if dist < bestDist && !(e.u0 > h && subordinateAfter(us, h, e.u0)) {
			best, bestDist = e.date, dist // not "met Xi ... after a suicide attack in March"
		}
	}
	return best
}

// subordinateAfter reports a subordinate clause opening between the head h and unit e:
// a date told there belongs to that clause.
func subordinateAfter(us []unit, h, e int) bool {
	for k := h + 1; k < e && k < len(us); k++ {
		if us[k].isMention() {
			continue
		}
		switch us[k].word {
		case "after", "before", "when", "while", "because", "although", "until":
			return true
		}
	}
	return false
}

// paragraphDate returns the last date of the sentences before si in its paragraph.
func (st *relState) paragraphDate(si int) dossier.Date {
	for k := si - 1; k >= 0 && k >= si-4; k-- {
		if strings.Contains(st.doc[st.sus[k].end:st.sus[k+1].start], "\n\n") {
			break
		}
		if ds := st.dates[k]; len(ds) > 0 {
			return ds[len(ds)-1].date
		}
	}
	return dossier.Date{}
}

// addPairs adds one candidate per source-target pair, capped.
func (st *relState) addPairs(si, h, end int, typ dossier.RelationType, subtype string, srcs, tgts []arg, w float64, rule string, negated bool) {
	n := 0
	for _, s := range srcs {
		for _, t := range tgts {
			if n >= maxPairs {
				return
			}
			if s.ent == t.ent {
				continue
			}
			c := cand{typ: typ, subtype: subtype, src: s, tgt: t, sent: si, head: h, end: end,
				weight: w, rule: rule, negated: negated, place: -1}
			if st.fitTypes(&c) {
				st.cands = append(st.cands, c)
				n++
			}
		}
	}
}

// nounArgs finds the source and target of a noun predicate: "X's criticism of Y",
// "Russian criticism of Y", "X, supporters of Y", "X expressed disappointment with Y",
// "the X-Y dialogue", "talks between X and Y".
func (st *relState) nounArgs(si, h, e int, p *lexicon.Predicate) ([]arg, []arg) {
	us := st.sus[si].units
	// "the US-Taliban dialogue"
	if p.Type.Symmetric() && h >= 2 && us[h-1].isMention() && us[h-2].isMention() && us[h-1].start-us[h-2].end == 1 {
		if c := st.doc[us[h-2].end]; c == '-' {
			return []arg{{ent: us[h-2].ent, u: h - 2, how: argAdjacent}}, []arg{{ent: us[h-1].ent, u: h - 1, how: argAdjacent}}
		}
	}
	fwd, rev := splitSlots(p.Slots)
	tgts := st.object(si, h, e, fwd)
	var from []arg
	if len(tgts) == 0 && len(rev) > 0 {
		from = st.object(si, h, e, rev)
	}
	var srcs []arg
	if k := h - 1; p.Type.Standing() && k >= 1 && us[k].isMention() && !us[k].poss && !st.isDemonym(&us[k]) {
		// "Hurras al-Din, the al-Qaeda loyalists": al-Qaeda is the target
		if a := appositionBefore(us, k); a >= 0 && actorType(st.ents[us[a].ent].Type) {
			return []arg{{ent: us[a].ent, u: a, how: argApposition}}, []arg{{ent: us[k].ent, u: k, how: argAdjacent}}
		}
		return nil, nil
	}
	if k := possessorBefore(us, h); k >= 0 && actorType(st.ents[us[k].ent].Type) {
		srcs = []arg{{ent: us[k].ent, u: k, how: argPossessor}}
	} else if e := st.pronounPossessor(si, h); e >= 0 && p.Type.Standing() {
		srcs = []arg{{ent: e, u: -1, how: argPronoun}}
	} else if k := appositionBefore(us, h); k >= 0 && actorType(st.ents[us[k].ent].Type) {
		for _, g := range st.coordGroup(us, k, true) {
			srcs = append(srcs, arg{ent: us[g].ent, u: g, how: argApposition})
		}
	} else if pp := prepBefore(us, h); pp >= 0 {
		// a noun inside a prepositional phrase ("after talks with Iran") takes its source
		// only from the noun phrase governing it ("the Russian commitment to harsh
		// criticism of US policy"), not from the clause subject
		for k := pp - 1; k >= 0 && k >= pp-4; k-- {
			if us[k].isMention() {
				if (us[k].poss || st.isDemonym(&us[k])) && actorType(st.ents[us[k].ent].Type) {
					srcs = []arg{{ent: us[k].ent, u: k, how: argPossessor}}
				}
				break
			}
			if us[k].kind != text.Word || isBoundary(us[k].word) || isPreposition(us[k].word) {
				break
			}
		}
	} else if !p.Type.Standing() || copulaBefore(us, h) {
		srcs = st.subject(si, h, true)
		// "X condemns the attack on Y": the attack is not X's
		if len(srcs) > 0 && srcs[0].u >= 0 && st.verbBetween(si, max(srcs[len(srcs)-1].u+1, h-3), h) {
			srcs = nil
		}
	}
	if len(from) > 0 {
		// "X's support from Y", "X received aid from Y": Y is the source
		return from, srcs
	}
	if len(srcs) == 0 && len(tgts) > 0 {
		// "attacks by the Houthis on shipping", "the attack carried out by X"
		if ag := st.agent(si, e); len(ag) > 0 {
			srcs = ag
		}
	}
	if len(tgts) == 0 && p.Type.Symmetric() {
		// "the agreement signed by Ethiopia and Eritrea"
		for j := e; j+1 < len(us) && j <= e+2; j++ {
			if us[j].word == "by" && !us[j].isMention() {
				if k := npAt(us, j+1, 2); k >= 0 {
					if g := st.coordGroup(us, k, false); len(g) == 2 {
						return []arg{{ent: us[g[0]].ent, u: g[0], how: argPrep}}, []arg{{ent: us[g[1]].ent, u: g[1], how: argPrep}}
					}
				}
			}
		}
		return st.between(si, e, srcs)
	}
	return srcs, tgts
}

// splitSlots separates a predicate's target slots from its reversed ones ("<from": the
// noun phrase there is the source and the subject the target).
func splitSlots(slots []string) (fwd, rev []string) {
	for _, s := range slots {
		if strings.HasPrefix(s, "<") {
			rev = append(rev, s[1:])
		} else {
			fwd = append(fwd, s)
		}
	}
	return fwd, rev
}

// reciprocal reports predicates whose coordinated subject acts on itself: "X and Y met",
// "X and Y held talks", "X and Y signed an agreement".
func reciprocal(p *lexicon.Predicate) bool {
	if len(p.Rest) > 0 {
		return true
	}
	switch p.Pattern {
	case "meet", "negotiate", "confer", "cooperate", "co-operate", "collaborate", "agree":
		return true
	}
	return false
}

// verbBetween reports a one-word verb predicate among units [lo, hi) of sentence si (the
// verb governing a noun predicate right after it).
func (st *relState) verbBetween(si, lo, hi int) bool {
	us := st.sus[si].units
	for k := lo; k < hi && k < len(us); k++ {
		if us[k].isMention() {
			continue
		}
		for _, f := range st.preds.Heads(us[k].word) {
			if f.Pred.Kind == lexicon.PredVerb && len(f.Pred.Rest) == 0 && !f.Gerund {
				return true
			}
		}
	}
	return false
}

// prepBefore returns the preposition governing the noun at h ("of cooperation", "after
// the talks", "to harsh criticism"), or -1.
func prepBefore(us []unit, h int) int {
	for k := h - 1; k >= 0 && k >= h-3; k-- {
		if us[k].isMention() {
			return -1
		}
		w := us[k].word
		if w == "to" && k > 0 && (isAux(us[k-1].word) || endsLy(us[k-1].word)) {
			return -1 // "trying to establish contacts": an infinitive
		}
		if isPreposition(w) {
			return k
		}
		if us[k].kind != text.Word || isBoundary(w) {
			return -1
		}
	}
	return -1
}

// copulaBefore reports "is", "are", "as", "became" shortly before the noun at h ("X is a
// member of Y", "X position themselves as supporters of Y").
func copulaBefore(us []unit, h int) bool {
	for k := h - 1; k >= 0 && k >= h-4; k-- {
		if us[k].isMention() {
			return false
		}
		w := us[k].word
		if isBe(w) || w == "as" || w == "remains" || w == "remain" {
			return true
		}
		if !(isDeterminer(w) || us[k].kind == text.Word && !isPreposition(w) && !isBoundary(w)) {
			return false
		}
	}
	return false
}

// between handles "talks between X and Y" (and, with srcs, "X's ties with Y").
func (st *relState) between(si, e int, srcs []arg) ([]arg, []arg) {
	us := st.sus[si].units
	for j := e; j < len(us) && j <= e+3; j++ {
		if us[j].isMention() || us[j].word != "between" {
			continue
		}
		k := npAt(us, j+1, 3)
		if k < 0 {
			return srcs, nil
		}
		g := st.coordGroup(us, k, false)
		if len(g) == 2 {
			return []arg{{ent: us[g[0]].ent, u: g[0], how: argPrep}}, []arg{{ent: us[g[1]].ent, u: g[1], how: argPrep}}
		}
	}
	return srcs, nil
}

// possessorBefore returns the possessive or demonym mention that modifies the noun at h
// ("Russia's harsh criticism", "Russian criticism"), or -1.
func possessorBefore(us []unit, h int) int {
	for k := h - 1; k >= 0 && k >= h-3; k-- {
		u := &us[k]
		if u.isMention() {
			if u.poss || k == h-1 {
				return k
			}
			return -1
		}
		if u.kind != text.Word || isPreposition(u.word) || isBoundary(u.word) || isDeterminer(u.word) && u.word != "no" {
			if u.word != "«" && u.word != "»" {
				return -1
			}
		}
	}
	return -1
}

// appositionBefore returns the mention before ", [the] NOUN" ("Chechen fighters,
// supporters of ..."), or -1.
func appositionBefore(us []unit, h int) int {
	k := h - 1
	for k >= 0 && !us[k].isMention() && (isDeterminer(us[k].word) || us[k].word == "«" || us[k].word == "»") {
		k--
	}
	if k < 1 || us[k].isMention() || us[k].word != "," || !us[k-1].isMention() {
		return -1
	}
	return k - 1
}

// relNoun analyses a relational noun ("ally", "enemy", "rival") at h.
func (st *relState) relNoun(si, h, e int, p *lexicon.Predicate) {
	us := st.sus[si].units
	if st.possessedRelNoun(si, h, e, p) {
		return
	}
	x := possessorBefore(us, h)
	var xs []arg
	ofForm := false // "Y, an opponent of X": Y is the actor, unlike "Y, X's rival"
	if x >= 0 {
		u := &us[x]
		if !u.poss && st.ents[u.ent].Mentions[u.mention].Form != dossier.FormDemonym {
			x = -1
		}
	}
	if x >= 0 {
		xs = []arg{{ent: us[x].ent, u: x, how: argPossessor}}
	} else if e < len(us) && us[e].word == "of" {
		if k := npAt(us, e+1, 2); k >= 0 {
			xs, x = []arg{{ent: us[k].ent, u: k, how: argPrep}}, k
			ofForm = true
		}
	} else if a := st.agent(si, e); len(a) > 0 {
		xs = a // "considered a friendly state by Russia"
	}
	if len(xs) == 0 || !actorType(st.ents[xs[0].ent].Type) {
		return
	}
	// the start of the noun phrase holding the relational noun
	np := h
	if x >= 0 && x < np {
		np = x
	}
	for np > 0 && !us[np-1].isMention() && (isDeterminer(us[np-1].word) || us[np-1].word == "«" || us[np-1].word == "»" || us[np-1].word == "\"" || (us[np-1].kind == text.Word && !isBe(us[np-1].word) && !isPreposition(us[np-1].word) && !isBoundary(us[np-1].word) && !isAux(us[np-1].word))) {
		np--
	}
	var ys []arg
	rule := "relnoun"
	switch {
	case np >= 2 && us[np-1].word == "," && us[np-2].isMention():
		// "Tajikistan, Russia's main ally"
		rule = "relnoun-apposition"
		for _, g := range st.coordGroup(us, np-2, true) {
			ys = append(ys, arg{ent: us[g].ent, u: g, how: argApposition})
		}
	default:
		// "Russia's enemies in Afghanistan are X, Y and Z"
		for j := e; j < len(us) && j <= e+5; j++ {
			w := us[j].word
			if us[j].isMention() {
				continue
			}
			if isBoundary(w) && w != ":" || w == "," || w == "." {
				break
			}
			if w == "are" || w == "is" || w == "include" || w == "includes" || w == "were" || w == "was" || w == ":" {
				if k := npAt(us, j+1, 2); k >= 0 {
					rule = "relnoun-copula"
					ys = st.groupArgs(us, k, argAdjacent)
				}
				break
			}
		}
		if len(ys) == 0 {
			// "X are all potential Russian allies", "it is considered a friendly state by Y"
			k := np - 1
			for k >= 0 && !us[k].isMention() && (isAux(us[k].word) || isBe(us[k].word) || us[k].word == "considered" || us[k].word == "seen" || us[k].word == "regarded" || us[k].word == "as") {
				k--
			}
			if k < np-1 {
				rule = "relnoun-subject"
				ys = st.subject(si, k+1, false)
			}
		}
	}
	if len(ys) == 0 {
		return
	}
	last := e
	for _, y := range ys {
		if y.u >= last {
			last = y.u + 1
		}
	}
	neg := st.negatedAt(si, h, ys)
	if ofForm {
		xs, ys = ys, xs
	}
	st.addPairs(si, h, last, p.Type, p.Subtype, xs, ys, p.Weight, rule, neg)
}

// negatedAt reports a negation cue in the verb group before the head h ("does not
// trust", "has failed to establish", "no cooperation").
func (st *relState) negatedAt(si, h int, srcs []arg) bool {
	su := &st.sus[si]
	lo := h - 5
	for _, s := range srcs {
		if s.u >= 0 && s.u < h && s.u+1 > lo {
			lo = s.u + 1
		}
	}
	if lo < 0 {
		lo = 0
	}
	for k := lo; k < h; k++ {
		if su.units[k].isMention() {
			continue
		}
		if isBoundary(su.words[k]) {
			lo = k + 1
		}
	}
	for k := lo; k < h; k++ {
		n, _ := st.cue(si, "neg", k)
		if n == 0 || k+n > h {
			continue
		}
		governs := true
		for j := k + n; j < h; j++ {
			if w := su.words[j]; !isAux(w) && !endsLy(w) && !isDeterminer(w) && w != "to" {
				governs = false
				break
			}
		}
		if governs {
			return true
		}
	}
	return false
}

// desireBefore reports a cue of seeking or trying right before the head ("seeking
// contacts with", "trying to establish contacts with").
func (st *relState) desireBefore(si, h int) bool {
	su := &st.sus[si]
	for k := h - 1; k >= 0 && k >= h-5; k-- {
		if su.units[k].isMention() {
			return false
		}
		if n, _ := st.cue(si, "desire", k); n > 0 {
			for j := k + n; j < h; j++ {
				switch su.words[j] {
				case "establish", "build", "develop", "make", "have", "get", "open", "restore",
					"strengthen", "expand", "deepen", "resume", "renew", "secure", "obtain", "more":
				default:
					if !isDeterminer(su.words[j]) {
						return false
					}
				}
			}
			return true
		}
	}
	return false
}

// planBefore reports a cue of planning right before the head ("plans to eliminate").
func (st *relState) planBefore(si, h int) bool {
	su := &st.sus[si]
	for k := h - 1; k >= 0 && k >= h-4; k-- {
		if su.units[k].isMention() && !su.units[k].poss {
			return false
		}
		if n, _ := st.cue(si, "plan", k); n > 0 {
			return true
		}
	}
	return false
}

// armsIn reports a weapons cue between units lo and hi of a sentence.
func (st *relState) armsIn(si, lo, hi int) bool {
	su := &st.sus[si]
	for k := lo; k < hi && k < len(su.words); k++ {
		if n, _ := st.cue(si, "arms", k); n > 0 {
			return true
		}
	}
	return false
}

// fitTypes checks the entity types a relation type allows, mapping places that stand
// for their state onto it; it reports whether the candidate is kept.
func (st *relState) fitTypes(c *cand) bool {
	s, t := st.ents[c.src.ent].Type, st.ents[c.tgt.ent].Type
	if s == dossier.NamedEvent || t == dossier.NamedEvent {
		return false
	}
	switch c.typ {
	case dossier.LocatedIn:
		return s != dossier.Location && (t == dossier.Location || t == dossier.Country)
	case dossier.Leads:
		return (s == dossier.Person || s == dossier.ArmedGroup || s == dossier.Organization) && t != dossier.Person
	case dossier.MemberOf:
		return s != dossier.Location && t != dossier.Location && t != dossier.Person
	}
	if s == dossier.Location {
		e, ok := st.stateOf(c.src.ent)
		if !ok {
			return false
		}
		c.src.ent = e
	}
	if t == dossier.Location && st.directPlace(c) {
		return c.src.ent != c.tgt.ent // "blockaded the town of Timbuktu": the place is the target
	}
	if t == dossier.Location {
		e, ok := st.stateOf(c.tgt.ent)
		if !ok {
			return false
		}
		c.place = c.tgt.ent
		c.tgt.ent = e
	}
	return c.src.ent != c.tgt.ent
}

// stateOf returns the COUNTRY entity a LOCATION belongs to: from the lexicon's country
// code of its kb id, or from a state's name or demonym inside one of its mentions
// ("Russian North Caucasus").
func (st *relState) stateOf(loc int) (int, bool) {
	e := st.ents[loc]
	if e.KBID != nil && st.lex != nil {
		if en := st.lex.ByKBID(*e.KBID); en != nil && en.Country != "" {
			if i, ok := st.kbEnt[en.Country]; ok {
				return i, true
			}
		}
	}
	for _, m := range e.Mentions {
		for _, w := range strings.Fields(lexicon.Fold(m.Text)) {
			if i, ok := st.country[w]; ok {
				return i, true
			}
		}
	}
	return -1, false
}

// dropMeetingPairs removes CONSULT candidates between participants of a multilateral
// meeting found in the same sentence: such a meeting is an event, not pairwise relations.
func (st *relState) dropMeetingPairs(evs []dossier.Event) {
	if len(evs) == 0 {
		return
	}
	type sk struct {
		start int
		id    string
	}
	idx := map[string]int{}
	for i, e := range st.ents {
		idx[e.ID] = i
	}
	// who represents whom: a person with a role towards a body or state
	rep := map[[2]int]bool{}
	for _, c := range st.cands {
		if c.typ == dossier.MemberOf || c.typ == dossier.Leads {
			rep[[2]int{c.src.ent, c.tgt.ent}] = true
		}
	}
	// sides counts the parties of a meeting: a person who represents another
	// participant is not a party of their own ("a US delegation led by X visited Niamey")
	sides := func(v dossier.Event) int {
		n := 0
		for _, p := range v.Participants {
			pi := idx[p]
			own := true
			if st.ents[pi].Type == dossier.Person {
				for _, q := range v.Participants {
					if rep[[2]int{pi, idx[q]}] {
						own = false
						break
					}
				}
			}
			if own {
				n++
			}
		}
		return n
	}
	in := map[sk]bool{}
	for _, v := range evs {
		if v.Type != dossier.Consult || len(v.Participants) < 3 || sides(v) < 3 {
			continue
		}
		for _, p := range v.Participants {
			in[sk{v.Evidence.Start, p}] = true
		}
	}
	kept := st.cands[:0]
	for _, c := range st.cands {
		s := st.sus[c.sent].start
		if c.typ == dossier.Consult && in[sk{s, st.ents[c.src.ent].ID}] && in[sk{s, st.ents[c.tgt.ent].ID}] {
			continue
		}
		kept = append(kept, c)
	}
	st.cands = kept
}

// relations turns the candidates into output relations: attribution, hedging, date,
// place, quantity and confidence, deduplicated, with ids r1, r2, ...
func (st *relState) relations() []dossier.Relation {
	type key struct {
		typ        dossier.RelationType
		src, tgt   int
		negated    bool
		date, attr string
	}
	best := map[key]int{}
	var out []dossier.Relation
	for _, c := range st.cands {
		c := c
		su := &st.sus[c.sent]
		ev := st.evidence(c.sent)
		r := dossier.Relation{Type: c.typ, Source: st.ents[c.src.ent].ID, Target: st.ents[c.tgt.ent].ID,
			Hedged: c.hedged || (!c.noHedge && st.hedgedAt(c.sent, c.head, c.end)), Negated: c.negated, Evidence: ev}
		if c.subtype != "" {
			s := c.subtype
			r.Subtype = &s
		}
		if c.role != "" {
			s := c.role
			r.Role = &s
		}
		if a := st.attribution(c.sent, c.head, c.src.ent); a != "" {
			r.AttributedTo = &a
		}
		if !c.typ.Standing() || c.typ == dossier.LocatedIn {
			if d := st.dateFor(c.sent, c.head); !d.IsZero() {
				s := d.String()
				r.Date = &s
			}
		}
		place := c.place
		if place < 0 && c.typ != dossier.LocatedIn && c.typ != dossier.Leads && c.typ != dossier.MemberOf {
			place = st.placeIn(c.sent, c.head, c.src.ent, c.tgt.ent)
		}
		if place >= 0 {
			s := st.ents[place].ID
			r.Place = &s
		}
		if q := st.quantityIn(c.sent, c.head, c.end); q != "" {
			r.Quantity = &q
		}
		r.Confidence = st.confidence(&c, &r)
		_ = su
		k := key{c.typ, c.src.ent, c.tgt.ent, r.Negated, deref(r.Date), deref(r.AttributedTo)}
		if c.typ.Symmetric() && k.src > k.tgt {
			k.src, k.tgt = k.tgt, k.src
		}
		if i, ok := best[k]; ok {
			if r.Confidence > out[i].Confidence {
				out[i] = r
			}
			continue
		}
		best[k] = len(out)
		out = append(out, r)
	}
	for i := range out {
		out[i].ID = fmt.Sprintf("r%d", i+1)
	}
	return out
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// evidence returns the span of sentence si.
func (st *relState) evidence(si int) dossier.Span {
	su := &st.sus[si]
	return dossier.SpanOf(st.doc, su.start, su.end)
}

// placeIn returns a LOCATION entity named after "in" or "at" in the clause of the head h
// of sentence si that is neither argument nor inside a source phrase ("according to
// sources in Baghdad"), or -1.
func (st *relState) placeIn(si, h, src, tgt int) int {
	us := st.sus[si].units
	lo, _ := clauseStart(us, h)
	for k := 0; k < h; k++ {
		if n, _ := st.cue(si, "source", k); n > 0 {
			for j := k + n; j < h; j++ {
				if us[j].word == "," && !us[j].isMention() {
					if j+1 > lo {
						lo = j + 1
					}
					break
				}
			}
		}
	}
	for i := max(lo, 1); i < len(us); i++ {
		u := &us[i]
		if !u.isMention() || u.ent == src || u.ent == tgt || st.ents[u.ent].Type != dossier.Location {
			continue
		}
		if w := us[i-1].word; w == "in" || w == "at" || (w == "of" && i >= 2 && isPlaceNoun(us[i-2].word)) {
			return u.ent
		}
	}
	return -1
}

// inPattern returns the actor that modifies a meeting pattern's noun inside the pattern
// ("received a Russian delegation", "held Turkish talks").
func (st *relState) inPattern(si, h, e int) []arg {
	us := st.sus[si].units
	var out []arg
	for k := h + 1; k < e; k++ {
		if us[k].isMention() && actorType(st.ents[us[k].ent].Type) && st.ents[us[k].ent].Type != dossier.Person {
			out = append(out, arg{ent: us[k].ent, u: k, how: argAdjacent})
		}
	}
	return out
}

// directPlace reports an attack or coercion whose direct object is a place itself
// ("shelled Idlib", "blockaded the town of Timbuktu"), as opposed to a target reached
// through an asset or a preposition ("attacked a base in Galmudug"), which stands for
// the place's state.
func (st *relState) directPlace(c *cand) bool {
	if (c.typ != dossier.Assault && c.typ != dossier.Coerce) || c.tgt.how != argAdjacent || c.tgt.u <= c.head {
		return false
	}
	us := st.sus[c.sent].units
	if c.tgt.u-c.head > 6 {
		return false
	}
	for k := c.tgt.u - 1; k > c.head; k-- {
		u := &us[k]
		if u.isMention() {
			return false
		}
		w := u.word
		if isAssetNoun(w) || isHeldNoun(w) || isMemberNoun(w) {
			return false
		}
		if isPreposition(w) && !(w == "of" && k > 0 && isPlaceNoun(us[k-1].word)) {
			return false
		}
	}
	return true
}

// modifiesNoun reports an adjective at h that follows a plain noun it modifies ("ships
// linked to Israel", "fighters loyal to X"), over adverbs in -ly, rather than a predicate
// of the clause subject ("X is linked to Y", "X, linked to Y,", "Hezbollah fighters based
// in Iraq").
func modifiesNoun(us []unit, h int) bool {
	for k := h - 1; k >= 0; k-- {
		u := &us[k]
		if u.isMention() {
			return false
		}
		w := u.word
		if strings.HasSuffix(w, "ly") && u.kind == text.Word {
			continue
		}
		return u.kind == text.Word && !u.cap && !isAux(w) && !isMemberNoun(w) && !isBoundary(w) &&
			!isPreposition(w) && !isDeterminer(w) && w != "and" && w != "or" && w != "but"
	}
	return false
}

// reciprocalObject reports "each other" or "one another" as the object starting at e.
func reciprocalObject(us []unit, e int) bool {
	for k := e; k+1 < len(us) && k <= e+1; k++ {
		if us[k].isMention() || us[k+1].isMention() {
			return false
		}
		if (us[k].word == "each" && us[k+1].word == "other") || (us[k].word == "one" && us[k+1].word == "another") {
			return true
		}
	}
	return false
}

// conditionalBefore reports a condition opening the clause of the head h ("unless the
// mission receives funding", "if the talks resume"): what it tells has not happened.
func conditionalBefore(us []unit, h int) bool {
	for i := h - 1; i >= 0 && i >= h-12; i-- {
		if us[i].isMention() {
			continue
		}
		switch us[i].word {
		case "if", "unless", "whether":
			return true
		case ".", ";", "but":
			return false
		}
	}
	return false
}

// futureGuess reports a date d of sentence si, written without its year, that falls
// more than a week after the document's date while the verb at h tells a past action:
// the year was guessed wrong.
func (st *relState) futureGuess(si, h int, d dossier.Date) bool {
	doc := st.docDate
	if doc.Precision() < dossier.PrecisionDay || d.Month == 0 || d.Year < doc.Year || d.Year > doc.Year+1 {
		return false
	}
	if d.Time().Before(doc.Time().AddDate(0, 0, 8)) {
		return false
	}
	us := st.sus[si].units
	for k := h - 1; k >= 0 && k >= h-3; k-- {
		switch us[k].word {
		case "will", "would", "to", "be", "shall", "should", "could", "might", "may":
			return false // "will be held on July 20"
		}
	}
	for _, e := range st.dates[si] {
		if e.date != d {
			continue
		}
		for k := e.u0; k < e.u1 && k < len(us); k++ {
			if _, ok := yearNum(us[k].word); ok && us[k].kind == text.Number && len(us[k].word) == 4 {
				return false // the year is written
			}
		}
		return true
	}
	return false
}

// isGovernmentNoun reports nouns for a state's government, which a state's name or
// demonym before them makes stand for the state ("the Syrian government of X").
func isGovernmentNoun(w string) bool {
	switch w {
	case "government", "regime", "administration", "junta", "authorities":
		return true
	}
	return false
}
