package extract

// Events: named events (EVENT entities: summits, dialogues, wars, operations) and
// multilateral meetings found by their predicates ("X, Y and Z held their meeting in
// Paris"), each with its date, place, participants and evidence. A meeting of two parties
// is a CONSULT relation instead; a multilateral one is an event, not pairwise relations.

import (
	"fmt"
	"sort"
	"strings"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// maxParticipants caps the participants of one event.
const maxParticipants = 200

// evBuild accumulates one event.
type evBuild struct {
	name    string
	typ     dossier.RelationType
	date    dossier.Date
	place   int
	parts   []int
	seen    map[int]bool
	sent    int
	entity  int // the EVENT entity, or -1
	explict bool
	head    int // the unit of the predicate of a happening, or -1 (0 when unset)
	happen  bool
}

func (b *evBuild) add(e int) {
	if b.seen[e] || len(b.parts) >= maxParticipants {
		return
	}
	b.seen[e] = true
	b.parts = append(b.parts, e)
}

// events builds the events of the document.
func (st *relState) events() []dossier.Event {
	var bs []*evBuild
	bySent := map[int]*evBuild{}
	// where each EVENT entity is mentioned: (sentence, unit)
	type loc struct{ si, u int }
	at := map[int][]loc{}
	for si := range st.sus {
		for i, u := range st.sus[si].units {
			if u.isMention() && st.ents[u.ent].Type == dossier.NamedEvent {
				at[u.ent] = append(at[u.ent], loc{si, i})
			}
		}
	}
	for ei, e := range st.ents {
		if e.Type != dossier.NamedEvent || len(at[ei]) == 0 {
			continue
		}
		b := &evBuild{name: e.Name, typ: st.eventType(e.Name), place: -1, seen: map[int]bool{}, sent: at[ei][0].si, entity: ei}
		b.seen[ei] = true
		meeting := b.typ == dossier.Consult
		for n, l := range at[ei] {
			us := st.sus[l.si].units
			m := st.ents[ei].Mentions[us[l.u].mention]
			if b.date.IsZero() {
				if d := st.dateInMention(m.Text); !d.IsZero() {
					b.date = d
				} else if d := st.dateNear(l.si, l.u, meeting); !d.IsZero() {
					b.date = d
				}
			}
			if b.place < 0 {
				b.place = st.eventPlace(l.si, l.u, m.Text)
			}
			// participants named inside the event's name: "the US withdrawal from
			// Afghanistan", "the war in Ukraine"
			for _, p := range st.actorsInText(m.Text) {
				b.add(p)
			}
			// the actors of the sentence attend a meeting, not a war told in passing
			// ("a summit dominated by the war in Ukraine")
			attend := st.attendIn(l.si) && (meeting || !b.date.IsZero())
			if n == 0 && (meeting || attend) {
				st.addSentenceActors(b, l.si, l.u)
				if l.si+1 < len(st.sus) && st.attendIn(l.si+1) {
					st.addSentenceActors(b, l.si+1, -1)
				}
			} else if attend {
				for _, a := range st.subject(l.si, l.u, false) {
					b.add(a.ent)
				}
			}
		}
		if b.place >= 0 {
			delete(b.seen, b.place)
			b.parts = removeInt(b.parts, b.place)
		}
		if len(b.parts) == 0 {
			continue
		}
		bs = append(bs, b)
		if meeting || !b.date.IsZero() {
			// an undated backdrop ("the war in Ukraine") leaves the sentence's own
			// happenings to themselves
			bySent[b.sent] = b
		}
	}
	// multilateral meetings found by their predicates
	for si := range st.sus {
		if _, ok := bySent[si]; ok {
			continue
		}
		if b := st.meetingIn(si); b != nil {
			bs = append(bs, b)
			bySent[si] = b
		}
	}
	// dated actions found by predicates: "JNIM fighters attacked an army post near Djibo
	// on February 25"; merged into an event already found in the same sentence
	for _, hp := range st.happen {
		if o, ok := bySent[hp.sent]; ok && !(o.happen && o.typ == hp.typ && st.newClause(hp.sent, o.head, hp.head) && !subsetOf(hp.parts, o.seen)) {
			// a second action of the same kind in its own clause is its own event;
			// actions of other kinds told with it ("talked and agreed") describe it
			for _, p := range hp.parts {
				if actorType(st.ents[p].Type) {
					o.add(p)
				}
			}
			continue
		}
		b := &evBuild{typ: hp.typ, place: -1, seen: map[int]bool{}, sent: hp.sent, entity: -1, head: hp.head, happen: true}
		for _, p := range hp.parts {
			if actorType(st.ents[p].Type) {
				b.add(p)
			}
		}
		if len(b.parts) == 0 {
			continue
		}
		b.date = hp.date
		b.place = st.placeNear(hp.sent, hp.head)
		if b.place >= 0 {
			delete(b.seen, b.place)
			b.parts = removeInt(b.parts, b.place)
		}
		if hp.typ == dossier.Consult && hp.sent+1 < len(st.sus) && st.attendIn(hp.sent+1) {
			st.addSentenceActors(b, hp.sent+1, -1) // "The meeting was hosted by ..."
		}
		bs = append(bs, b)
		bySent[hp.sent] = b
	}
	// unnamed happenings named by a noun with their parties: "the US withdrawal from
	// Afghanistan", "the war in Ukraine", "the Ukrainian conflict"
	have := map[string]bool{}
	for _, b := range bs {
		have[partsKey(b)] = true
	}
	for si := range st.sus {
		if _, ok := bySent[si]; ok {
			continue
		}
		if b := st.datedAttack(si); b != nil {
			if k := partsKey(b); !have[k] {
				have[k] = true
				bs = append(bs, b)
				bySent[si] = b
			}
		}
	}
	for si := range st.sus {
		for _, b := range st.nominalEvents(si) {
			if k := partsKey(b); !have[k] {
				have[k] = true
				bs = append(bs, b)
			}
		}
	}
	bs = mergeEvents(bs)
	out := make([]dossier.Event, 0, len(bs))
	for i, b := range bs {
		ev := dossier.Event{ID: fmt.Sprintf("v%d", i+1), Type: b.typ, Evidence: st.evidence(b.sent)}
		if b.name != "" {
			n := b.name
			ev.Name = &n
		}
		if !b.date.IsZero() {
			d := b.date.String()
			ev.Date = &d
		}
		if b.place >= 0 {
			p := st.ents[b.place].ID
			ev.Place = &p
		}
		for _, p := range b.parts {
			ev.Participants = append(ev.Participants, st.ents[p].ID)
		}
		out = append(out, ev)
	}
	return out
}

// placeNear returns a LOCATION named after "in", "at", "near" or "outside" in the clause
// of the head h, or -1.
func (st *relState) placeNear(si, h int) int {
	us := st.sus[si].units
	lo, _ := clauseStart(us, h)
	for i := max(lo, 1); i < len(us); i++ {
		u := &us[i]
		if !u.isMention() {
			if i > h && (isBoundary(u.word) || u.word == ".") {
				break
			}
			continue
		}
		if st.ents[u.ent].Type != dossier.Location {
			continue
		}
		switch us[i-1].word {
		case "in", "at", "near", "outside", "around":
			return u.ent
		case "of":
			if i >= 2 && isPlaceNoun(us[i-2].word) {
				return u.ent
			}
		}
	}
	return -1
}

func removeInt(xs []int, x int) []int {
	out := xs[:0]
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

// eventType reads the type of an event from the event nouns of its name (CONSULT when
// none is known).
func (st *relState) eventType(name string) dossier.RelationType {
	words := lexicon.Tokens(name)
	typ := dossier.Consult
	for k := range words {
		if n, v := st.preds.MatchCue("event", words, k); n > 0 {
			typ = dossier.RelationType(v)
		} else if attackNoun(lexicon.Fold(words[k])) {
			typ = dossier.Assault // "the Moscow attack", "the Kerman bombings"
		} else if agreementNoun(lexicon.Fold(words[k])) {
			typ = dossier.Agree // "the Doha Agreement": a text, not a meeting of those who cite it
		}
	}
	return typ
}

// dateInMention finds a date written inside a mention ("the February 8th meeting").
func (st *relState) dateInMention(s string) dossier.Date {
	toks := text.Tokenize(s)
	us := make([]unit, len(toks))
	for i, t := range toks {
		us[i] = unit{start: t.Start, end: t.End, raw: t.Text, word: lexicon.Fold(t.Text), ent: -1, kind: t.Kind,
			cap: t.Text != "" && t.Text[0] >= 'A' && t.Text[0] <= 'Z'}
	}
	var prev dossier.Date
	for _, e := range findDates(us, st.docDate, &prev) {
		if !e.date.IsZero() {
			return e.date
		}
	}
	return dossier.Date{}
}

// dateNear returns the date expression of sentence si nearest to unit u: anywhere in the
// sentence for a meeting ("On February 8th, ... participated in the X"), within three
// units for other happenings ("the war in Ukraine" in a sentence dated for something else).
func (st *relState) dateNear(si, u int, anywhere bool) dossier.Date {
	best, bestDist := dossier.Date{}, 1<<30
	if !anywhere {
		bestDist = 4
	}
	for _, e := range st.dates[si] {
		if d := e.dist(u); d < bestDist {
			best, bestDist = e.date, d
		}
	}
	return best
}

// eventPlace finds "X in Moscow" right after an event mention, or a place named inside
// the mention ("the 8 February meeting in Moscow").
func (st *relState) eventPlace(si, u int, mention string) int {
	us := st.sus[si].units
	for k := u + 1; k+1 < len(us) && k <= u+2; k++ {
		if (us[k].word == "in" || us[k].word == "at") && !us[k].isMention() && us[k+1].isMention() && st.ents[us[k+1].ent].Type == dossier.Location {
			return us[k+1].ent
		}
	}
	words := strings.Fields(lexicon.Fold(mention))
	for k := 0; k+1 < len(words); k++ {
		if words[k] != "in" && words[k] != "at" {
			continue
		}
		for _, e := range st.textIndex(words[k+1:], maxNameWords) {
			if st.ents[e].Type == dossier.Location {
				return e
			}
		}
	}
	return -1
}

// maxNameWords bounds the length in words of a mention text looked up by textIndex.
const maxNameWords = 5

// textIndex returns the entities with a mention whose folded words are a prefix of
// words (up to max words), longest first.
func (st *relState) textIndex(words []string, max int) []int {
	if st.byText == nil {
		st.byText = map[string][]int{}
		for i, e := range st.ents {
			seen := map[string]bool{}
			if e.Type == dossier.NamedEvent {
				continue
			}
			for _, m := range e.Mentions {
				k := strings.Join(strings.Fields(lexicon.Fold(m.Text)), " ")
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				st.byText[k] = append(st.byText[k], i)
			}
		}
	}
	var out []int
	for n := max; n >= 1; n-- {
		if n > len(words) {
			continue
		}
		out = append(out, st.byText[strings.Join(words[:n], " ")]...)
	}
	return out
}

// actorsInText returns the actors whose mention texts appear as whole words in s (and
// are shorter than s).
func (st *relState) actorsInText(s string) []int {
	words := strings.Fields(lexicon.Fold(s))
	seen := map[int]bool{}
	var out []int
	for k := range words {
		max := maxNameWords
		if len(words)-1 < max {
			max = len(words) - 1
		}
		for _, e := range st.textIndex(words[k:], max) {
			if !seen[e] && actorType(st.ents[e].Type) {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// attendIn reports an attendance cue in sentence si ("participated in", "were in
// attendance", "held").
func (st *relState) attendIn(si int) bool {
	su := &st.sus[si]
	if !st.hasCue(si, "attend") {
		return false
	}
	for k := range su.words {
		if n, _ := st.cue(si, "attend", k); n > 0 {
			return true
		}
	}
	return false
}

// addSentenceActors adds the actors of sentence si as participants, except the topic of
// the event ("Dialogue on Afghanistan") and places.
func (st *relState) addSentenceActors(b *evBuild, si, evUnit int) {
	us := st.sus[si].units
	for i := range us {
		u := &us[i]
		if !u.isMention() || !actorType(st.ents[u.ent].Type) {
			continue
		}
		if i > 0 && !us[i-1].isMention() {
			switch us[i-1].word {
			case "on", "about", "regarding", "concerning", "against", "to":
				continue
			}
		}
		if evUnit >= 0 && i == evUnit+2 && us[evUnit+1].word == "on" {
			continue
		}
		b.add(u.ent)
	}
}

// meetingIn finds a multilateral meeting in sentence si: "X, Y and Z held their meeting
// in Paris", "representatives of X, Y and Z met in Geneva".
func (st *relState) meetingIn(si int) *evBuild {
	su := &st.sus[si]
	us := su.units
	if !st.hasCue(si, "attend") {
		return nil
	}
	for k := range us {
		n, _ := st.cue(si, "attend", k)
		if n == 0 {
			continue
		}
		w := su.words[k]
		if w == "participants" || w == "delegations" {
			continue
		}
		// the event noun after a verb of holding or meeting
		name := ""
		hasNoun := w == "met" || w == "meet" || w == "gathered"
		for j := k + n; j < len(us) && j <= k+n+3; j++ {
			if m, v := st.cue(si, "event", j); m > 0 && v == string(dossier.Consult) {
				hasNoun = true
				break
			}
		}
		if !hasNoun {
			continue
		}
		b := &evBuild{name: name, typ: dossier.Consult, place: -1, seen: map[int]bool{}, sent: si, entity: -1}
		lo, _ := clauseStart(us, k)
		// the parties: the subject, the object, and any list of three or more in the
		// subject ("Envoys of Australia, Canada, ... and the United States")
		for _, a := range st.subject(si, k, false) {
			b.add(a.ent)
		}
		for _, a := range st.object(si, k, k+n, []string{"with", "obj"}) {
			b.add(a.ent)
		}
		for i := lo; i < k; i++ {
			u := &us[i]
			if !u.isMention() || !actorType(st.ents[u.ent].Type) {
				continue
			}
			if i > 0 && (us[i-1].word == "for" || us[i-1].word == "on" || us[i-1].word == "about") {
				continue // "Envoys for Afghanistan": the subject, not a party
			}
			if g := st.coordGroup(us, i, false); len(g) >= 3 {
				for _, x := range g {
					b.add(us[x].ent)
				}
				i = g[len(g)-1]
			}
		}
		for i := k; i < len(us); i++ {
			u := &us[i]
			if !u.isMention() {
				if isBoundary(u.word) || u.word == "." {
					break
				}
				continue
			}
			if st.ents[u.ent].Type == dossier.Location && i > 0 && (us[i-1].word == "in" || us[i-1].word == "at") {
				b.place = u.ent
				break
			}
		}
		// the attendance told in the next sentences: "The summit was hosted by X.
		// Participants included A, B and C."
		for j := si + 1; j < len(st.sus) && j <= si+2 && st.attendIn(j); j++ {
			st.addSentenceActors(b, j, -1)
		}
		if len(b.parts) < 3 {
			return nil
		}
		b.date = st.dateFor(si, k)
		return b
	}
	return nil
}

// partsKey identifies an event by its type and set of participants.
func partsKey(b *evBuild) string {
	ps := append([]int(nil), b.parts...)
	sort.Ints(ps)
	return fmt.Sprint(b.typ, ps)
}

// nominalEvents finds happenings named by a non-meeting event noun (war, conflict,
// invasion, operation, offensive, withdrawal) with the actors attached to it: before it
// ("the US withdrawal", "the Ukrainian conflict") or after a preposition ("the war in
// Ukraine", "withdrawal from Afghanistan").
func (st *relState) nominalEvents(si int) []*evBuild {
	su := &st.sus[si]
	us := su.units
	var out []*evBuild
	for k := range us {
		if us[k].isMention() {
			continue
		}
		n, v := st.cue(si, "event", k)
		if n == 0 || v == string(dossier.Consult) {
			continue
		}
		b := &evBuild{typ: dossier.RelationType(v), place: -1, seen: map[int]bool{}, sent: si, entity: -1}
		lo, hi := k, k+n
		// before: "the US withdrawal", "the «special military operation»"
		j := k - 1
		for j >= 0 && j >= k-3 && !us[j].isMention() && (us[j].word == "«" || us[j].word == "military" || us[j].word == "special" || us[j].word == "full-scale" || us[j].word == "ongoing" || us[j].word == "current") {
			j--
		}
		if j >= 0 && us[j].isMention() && actorType(st.ents[us[j].ent].Type) && !us[j].poss {
			b.add(us[j].ent)
			lo = j
			if j >= 2 && us[j-1].word == "-" && us[j-2].isMention() && actorType(st.ents[us[j-2].ent].Type) {
				b.add(us[j-2].ent)
				lo = j - 2
			}
		}
		// after: "in Ukraine", "from Afghanistan", "against Russia"
		a := hi
		if a < len(us) && us[a].word == "»" {
			a++
		}
		if a+1 < len(us) && !us[a].isMention() {
			switch us[a].word {
			case "in", "from", "against", "on", "with", "between":
				if m := npAt(us, a+1, 1); m >= 0 && actorType(st.ents[us[m].ent].Type) && !st.isDemonym(&us[m]) {
					b.add(us[m].ent)
					hi = m + 1
					if us[a].word == "between" && m+2 < len(us) && us[m+1].word == "and" && us[m+2].isMention() && actorType(st.ents[us[m+2].ent].Type) {
						b.add(us[m+2].ent)
						hi = m + 3
					}
				}
			}
		}
		if len(b.parts) == 0 {
			continue
		}
		for lo > 0 && us[lo-1].word == "«" {
			lo--
		}
		if hi < len(us) && us[hi].word == "»" {
			hi++
		}
		b.name = strings.TrimSpace(st.doc[us[lo].start:us[hi-1].end])
		for _, d := range st.dates[si] {
			if (d.u1 <= lo && d.u1 >= lo-2) || (d.u0 >= hi && d.u0 <= hi+2) {
				b.date = d.date
			}
		}
		out = append(out, b)
	}
	return out
}

// attackNoun reports nouns that name one violent happening.
func attackNoun(w string) bool {
	switch w {
	case "attack", "attacks", "bombing", "bombings", "strike", "strikes", "airstrike", "airstrikes",
		"raid", "raids", "ambush", "assault", "shelling", "massacre", "killing", "killings":
		return true
	}
	return false
}

// datedAttack finds an attack named by a noun, dated in its clause, with its actor: "the
// attack carried out on 6 September by terrorists of the TTP", "Houthi attacks on
// shipping, which the group began last November", "it claimed the bombing of a mosque
// in Pul-i-Khumri on October 13". It returns nil when the sentence has none.
func (st *relState) datedAttack(si int) *evBuild {
	us := st.sus[si].units
	for k := range us {
		if us[k].isMention() || !attackNoun(us[k].word) {
			continue
		}
		d := st.clauseDate(si, k)
		if d.IsZero() || st.negatedAt(si, k, nil) {
			continue
		}
		b := &evBuild{typ: dossier.Assault, place: -1, seen: map[int]bool{}, sent: si, entity: -1}
		// the actor: "Houthi attacks", "X's attack", "by X" (also "by fighters of X"),
		// or the subject of "claimed the bombing"
		if j := k - 1; j >= 0 && us[j].isMention() && actorType(st.ents[us[j].ent].Type) {
			b.add(us[j].ent)
		}
		for j := k + 1; j < len(us) && j <= k+10; j++ {
			if us[j].isMention() || us[j].word != "by" {
				if !us[j].isMention() && (isBoundary(us[j].word) || us[j].word == ".") {
					break
				}
				continue
			}
			for m := j + 1; m < len(us) && m <= j+5; m++ {
				if us[m].isMention() && actorType(st.ents[us[m].ent].Type) {
					b.add(us[m].ent)
					break
				}
				if !us[m].isMention() && (isBoundary(us[m].word) || us[m].word == ",") {
					break
				}
			}
			break
		}
		if len(b.parts) == 0 && k >= 2 && (us[k-1].word == "the" || us[k-1].word == "a") && !us[k-2].isMention() &&
			(us[k-2].word == "claimed" || us[k-2].word == "carried" || us[k-2].word == "launched" || us[k-2].word == "conducted") {
			for _, a := range st.subject(si, k-2, false) {
				b.add(a.ent)
			}
		}
		// the target: "attack on X", "attacks against X"
		if k+1 < len(us) && (us[k+1].word == "on" || us[k+1].word == "against") {
			if m := npAt(us, k+2, 3); m >= 0 && actorType(st.ents[us[m].ent].Type) {
				b.add(us[m].ent)
			}
		}
		if len(b.parts) == 0 {
			continue
		}
		b.date = d
		b.place = st.placeNear(si, k)
		if b.place >= 0 {
			delete(b.seen, b.place)
			b.parts = removeInt(b.parts, b.place)
			if len(b.parts) == 0 {
				continue
			}
		}
		return b
	}
	return nil
}

// mergeEvents drops an unnamed event that repeats a nearby one: the same type and date,
// told within two sentences, with participants that are all participants of the other
// ("the foreign ministers of X, Y and Z met in Moscow. Lavrov hosted A, B and C").
func mergeEvents(bs []*evBuild) []*evBuild {
	drop := make([]bool, len(bs))
	bySent := map[int][]int{}
	for i, b := range bs {
		bySent[b.sent] = append(bySent[b.sent], i)
	}
	for i, a := range bs {
		var near []int
		for s := a.sent - 2; s <= a.sent+2; s++ {
			near = append(near, bySent[s]...)
		}
		for _, j := range near {
			b := bs[j]
			if i == j || drop[j] || drop[i] || b.name != "" || b.typ != a.typ || b.date.IsZero() ||
				b.date.String() != a.date.String() || b.sent-a.sent > 2 || a.sent-b.sent > 2 ||
				len(b.parts) > len(a.parts) || (len(b.parts) == len(a.parts) && j < i) {
				continue
			}
			sub := true
			for _, p := range b.parts {
				if !a.seen[p] {
					sub = false
					break
				}
			}
			if sub {
				drop[j] = true
			}
		}
	}
	out := bs[:0]
	for i, b := range bs {
		if !drop[i] {
			out = append(out, b)
		}
	}
	return out
}

// newClause reports whether the heads a < b of sentence si lie in coordinated clauses:
// ", and" or ";" between them ("fighters attacked a base in X, and a week later they
// ambushed a convoy").
func (st *relState) newClause(si, a, b int) bool {
	us := st.sus[si].units
	if a > b {
		a, b = b, a
	}
	if b-a > 60 {
		return true // far apart: not one clause (and the scan stays short)
	}
	for k := a + 1; k < b && k < len(us); k++ {
		if us[k].isMention() {
			continue
		}
		if us[k].word == ";" || (us[k].word == "," && k+1 < len(us) && !us[k+1].isMention() && (us[k+1].word == "and" || us[k+1].word == "but")) {
			return true
		}
	}
	return false
}

// subsetOf reports whether every x of xs is in set.
func subsetOf(xs []int, set map[int]bool) bool {
	for _, x := range xs {
		if !set[x] {
			return false
		}
	}
	return true
}

// agreementNoun reports nouns that name an agreement.
func agreementNoun(w string) bool {
	switch w {
	case "agreement", "agreements", "accord", "accords", "treaty", "deal", "memorandum", "protocol", "pact", "convention":
		return true
	}
	return false
}
