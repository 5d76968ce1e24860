package extract

// Standing relations read off names and compounds rather than predicates: a state body
// or sub-body named after its state or parent ("Chinese Ministry of Foreign Affairs",
// "UN Security Council"), hyphenated compounds ("Iran-backed Houthis", "the Mali-based
// firm X", "the US-led coalition"), and places within places ("Pul-i-Khumri, Baghlan",
// "the Chitral district of Khyber Pakhtunkhwa", "the Afghan provinces of Kunar and
// Nuristan").

import (
	"strings"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// compoundSuffixes maps the second half of a hyphenated compound "X-backed Y" to the
// relation it states and whether X is the source (else Y is).
var compoundSuffixes = []struct {
	suffix string
	typ    dossier.RelationType
	sub    string
	xIsSrc bool
}{
	{"-based", dossier.LocatedIn, "", false},
	{"-backed", dossier.Support, "", true},
	{"-supported", dossier.Support, "", true},
	{"-sponsored", dossier.Support, "", true},
	{"-led", dossier.Leads, "", true},
	{"-funded", dossier.Aid, "", true},
	{"-financed", dossier.Aid, "", true},
	{"-armed", dossier.Aid, "arms", true},
	{"-trained", dossier.Aid, "", true},
	{"-allied", dossier.AllyOf, "", true},
	{"-aligned", dossier.AffiliatedWith, "", false},
	{"-linked", dossier.AffiliatedWith, "", false},
	{"-affiliated", dossier.AffiliatedWith, "", false},
	{"-inspired", dossier.AffiliatedWith, "", false},
}

// findCompounds adds the relations of hyphenated compounds after a mention: "Iran-backed
// Houthis" (Iran SUPPORT Houthis), "the Mali-based firm Kalana" (Kalana LOCATED_IN Mali).
func (st *relState) findCompounds() {
	for si := range st.sus {
		us := st.sus[si].units
		for i := range us {
			u := &us[i]
			if !u.isMention() || u.end >= len(st.doc) || st.doc[u.end] != '-' {
				continue
			}
			rest := st.doc[u.end:min(len(st.doc), u.end+16)]
			for _, c := range compoundSuffixes {
				if !strings.HasPrefix(strings.ToLower(rest), c.suffix) {
					continue
				}
				if n := u.end + len(c.suffix); n < len(st.doc) && isWordByteAt(st.doc, n) {
					break // "-leading", "-basedness"
				}
				k := npAt(us, i+1, 4)
				if k < 0 {
					k = copulaSubject(us, i)
				}
				if k < 0 {
					break
				}
				x, y := arg{ent: u.ent, u: i, how: argAdjacent}, arg{ent: us[k].ent, u: k, how: argAdjacent}
				s, t := x, y
				if !c.xIsSrc {
					s, t = y, x
				}
				cd := cand{typ: c.typ, subtype: c.sub, src: s, tgt: t, sent: si, head: i, end: max(i, k) + 1,
					weight: 0.75, rule: "compound", place: -1, noHedge: true}
				if st.fitTypes(&cd) {
					st.cands = append(st.cands, cd)
				}
				break
			}
		}
	}
}

// copulaSubject returns the mention that a compound describes through a copula or an
// apposition when no name follows the compound: "Ansar Allah is an Iran-backed group",
// "Ansar Allah, an Iran-backed movement,". It returns -1 when there is none.
func copulaSubject(us []unit, i int) int {
	if i+1 >= len(us) || us[i+1].isMention() || us[i+1].cap || us[i+1].kind != text.Word {
		return -1 // the compound must qualify a common noun ("group", "militia")
	}
	j := i - 1
	if j < 0 || us[j].isMention() || (us[j].word != "a" && us[j].word != "an") {
		return -1
	}
	j--
	if j < 0 || us[j].isMention() {
		return -1
	}
	switch {
	case us[j].word == ",":
	case isBe(us[j].word):
		if j > 0 && !us[j-1].isMention() && (us[j-1].word == "not" || us[j-1].word == "never") {
			return -1
		}
	default:
		return -1
	}
	j--
	if j < 0 || !us[j].isMention() || us[j].compound {
		return -1
	}
	if j > 0 && !us[j-1].isMention() && (us[j-1].word == "and" || us[j-1].word == "or" || us[j-1].word == ",") {
		return -1 // "Egypt and Jordan are ...": leave lists alone
	}
	return j
}

func isWordByteAt(s string, i int) bool {
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// findBodies adds MEMBER_OF for organizations that are bodies of a state or of another
// organization, known from the lexicon (a state body's country) or named in their own
// name ("Somali National Army", "Council of the European Union", "UN Security Council").
func (st *relState) findBodies() {
	states := map[string]int{} // state names, acronyms and demonyms (not metonyms)
	for i, e := range st.ents {
		if e.Type != dossier.Country {
			continue
		}
		states[strings.Join(lexicon.Tokens(e.Name), " ")] = i
		if e.KBID != nil && st.lex != nil {
			if en := st.lex.ByKBID(*e.KBID); en != nil {
				for _, f := range append(append(append([]string{}, en.Aliases...), en.Demonyms...), en.Acronyms...) {
					states[strings.Join(lexicon.Tokens(f), " ")] = i
				}
			}
		}
		for _, m := range e.Mentions {
			if m.Form != dossier.FormMetonym && m.Form != dossier.FormDescription {
				states[strings.Join(lexicon.Tokens(m.Text), " ")] = i
			}
		}
	}
	ofState := st.orgsOfState()
	for oi, e := range st.ents {
		if e.Type != dossier.Organization || len(e.Mentions) == 0 {
			continue
		}
		var en *lexicon.Entry
		if e.KBID != nil && st.lex != nil {
			en = st.lex.ByKBID(*e.KBID)
		}
		if en != nil && en.Kind == "media" {
			continue
		}
		io := en != nil && en.Kind == "io"
		parent, rule := -1, ""
		if !io && en != nil && en.Country != "" {
			if i, ok := st.kbEnt[en.Country]; ok {
				parent, rule = i, "body-lexicon"
			}
		}
		if parent < 0 {
			parent, rule = st.parentInName(oi, states)
		}
		if parent < 0 && !io {
			if s, ok := ofState[oi]; ok && hasBodyHead([]string{e.Name}) {
				parent, rule = s, "body-of-state"
			}
		}
		if io && parent >= 0 && st.ents[parent].Type != dossier.Organization {
			continue // an international body is no organ of a state it names
		}
		if parent < 0 || parent == oi {
			continue
		}
		si, ui := st.firstMention(oi)
		if si < 0 {
			continue
		}
		c := cand{typ: dossier.MemberOf, src: arg{ent: oi, u: ui, how: argAdjacent}, tgt: arg{ent: parent, u: -1, how: argAdjacent},
			sent: si, head: ui, end: ui + 1, weight: 0.7, rule: rule, place: -1, noHedge: true}
		if st.fitTypes(&c) {
			st.cands = append(st.cands, c)
		}
	}
}

// parentInName finds the one state, or else the one organization, named inside the
// name of organization oi (not after "in", "to" or "for": "EU Mission in Armenia" is in
// Armenia, not part of it).
func (st *relState) parentInName(oi int, states map[string]int) (int, string) {
	e := st.ents[oi]
	names := []string{e.Name}
	for _, m := range e.Mentions {
		if m.Form == dossier.FormName {
			names = append(names, m.Text)
		}
	}
	state, org := -1, -1
	for _, n := range names {
		words := lexicon.Tokens(n)
		for k := 0; k < len(words); k++ {
			if k > 0 && (words[k-1] == "in" || words[k-1] == "to" || words[k-1] == "for" || words[k-1] == "on") {
				continue
			}
			for l := min(len(words)-k, maxNameWords); l >= 1; l-- {
				key := strings.Join(words[k:k+l], " ")
				if l == len(words) {
					continue
				}
				if s, ok := states[key]; ok {
					if state >= 0 && state != s {
						return -1, ""
					}
					state = s
					break
				}
				for _, o := range st.byTextIndex()[key] {
					if o != oi && st.ents[o].Type == dossier.Organization {
						org = o
					}
				}
			}
		}
	}
	if !hasBodyHead(names) {
		return -1, "" // "Syrian Observatory for Human Rights" is not a state body
	}
	if state >= 0 {
		return state, "body-name-state"
	}
	if org >= 0 {
		return org, "body-name-org"
	}
	return -1, ""
}

// hasBodyHead reports whether one of the names has a word that heads the name of a
// state body or an organization's organ ("ministry", "army", "council", "mission").
func hasBodyHead(names []string) bool {
	for _, n := range names {
		for _, w := range lexicon.Tokens(n) {
			switch w {
			case "ministry", "army", "forces", "navy", "force", "police", "council", "parliament",
				"intelligence", "service", "services", "guard", "guards", "corps", "command", "agency",
				"embassy", "treasury", "department", "committee", "mission", "panel", "office",
				"secretariat", "commission", "court", "assembly", "directorate", "brigade",
				"battalion", "legion", "fleet", "bank", "contingent", "cabinet", "presidency":
				return true
			}
		}
	}
	return false
}

// byTextIndex returns the mention-text index of textIndex, building it if needed.
func (st *relState) byTextIndex() map[string][]int {
	st.textIndex(nil, 0)
	return st.byText
}

// firstMention returns the sentence and unit of the first NAME mention of entity e.
func (st *relState) firstMention(e int) (int, int) {
	for si := range st.sus {
		for i, u := range st.sus[si].units {
			if u.isMention() && u.ent == e {
				return si, i
			}
		}
	}
	return -1, -1
}

// findPlaces adds LOCATED_IN between places: "Pul-i-Khumri, Baghlan" (a city, then its
// province or state), "the Chitral district of Khyber Pakhtunkhwa", "the Afghan
// provinces of Kunar and Nuristan".
func (st *relState) findPlaces() {
	for si := range st.sus {
		us := st.sus[si].units
		for i := range us {
			u := &us[i]
			if !u.isMention() {
				continue
			}
			t := st.ents[u.ent].Type
			switch {
			case t == dossier.Location && i+2 < len(us) && us[i+1].word == "," && !us[i+1].isMention() && us[i+2].isMention():
				// "Karabudakhkent, Dagestan," but not a list "Panjsher, Baghlan, Takhar"
				j := i + 2
				if st.isListAround(us, i, j) {
					continue
				}
				if j+1 < len(us) && !us[j+1].isMention() && us[j+1].kind == text.Word && !isPreposition(us[j+1].word) {
					continue // "analysts in Yerevan, Russia may have": a new clause
				}
				st.addPlaceIn(si, i, j, "loc-comma")
			case t == dossier.Location && i+3 < len(us) && isPlaceNoun(us[i+1].word) && us[i+2].word == "of" && us[i+3].isMention():
				st.addPlaceIn(si, i, i+3, "loc-of")
			case st.isDemonym(u) && t == dossier.Country && i+3 < len(us) && isPlaceNoun(us[i+1].word) && us[i+2].word == "of" && us[i+3].isMention():
				for _, g := range st.coordGroup(us, i+3, false) {
					st.addPlaceIn(si, g, i, "loc-demonym-of")
				}
			}
		}
	}
}

// isListAround reports whether the places at units a and b (a, b) are part of a longer
// list ("X, Y, Z" or "X, Y and Z").
func (st *relState) isListAround(us []unit, a, b int) bool {
	if a >= 1 && (us[a-1].word == "," || us[a-1].word == "and") && !us[a-1].isMention() {
		return true
	}
	if b+2 < len(us) && (us[b+1].word == "," || us[b+1].word == "and") && !us[b+1].isMention() && us[b+2].isMention() {
		return true
	}
	return false
}

// addPlaceIn adds "place at unit a LOCATED_IN place or state at unit b" when the types
// and, where the lexicon knows them, the kinds fit (a city in a division or state, a
// division in a state).
func (st *relState) addPlaceIn(si, a, b int, rule string) {
	us := st.sus[si].units
	x, y := us[a].ent, us[b].ent
	if x == y || st.ents[x].Type != dossier.Location {
		return
	}
	ty := st.ents[y].Type
	if ty != dossier.Location && ty != dossier.Country {
		return
	}
	if ty == dossier.Country && st.lex != nil && st.ents[x].KBID != nil && st.ents[y].KBID != nil {
		if en := st.lex.ByKBID(*st.ents[x].KBID); en != nil && en.Country != "" && en.Country != *st.ents[y].KBID {
			return // the lexicon puts the place in another state
		}
	}
	kx, ky := st.placeKind(x), st.placeKind(y)
	if kx != "" && ky != "" && rank(kx) >= rank(ky) {
		return // "Panjsher, Baghlan": two provinces
	}
	if ty == dossier.Location && kx == "" && ky == "" && rule == "loc-comma" {
		return // two places the lexicon does not rank
	}
	c := cand{typ: dossier.LocatedIn, src: arg{ent: x, u: a, how: argAdjacent}, tgt: arg{ent: y, u: b, how: argAdjacent},
		sent: si, head: a, end: max(a, b) + 1, weight: 0.7, rule: rule, place: -1, noHedge: true}
	st.cands = append(st.cands, c)
}

// placeKind returns the lexicon kind of a place entity ("city", "division", "state",
// "region"), or "".
func (st *relState) placeKind(e int) string {
	if st.ents[e].Type == dossier.Country {
		return "state"
	}
	if st.lex == nil || st.ents[e].KBID == nil {
		return ""
	}
	if en := st.lex.ByKBID(*st.ents[e].KBID); en != nil {
		return en.Kind
	}
	return ""
}

func rank(kind string) int {
	switch kind {
	case "city":
		return 0
	case "division":
		return 1
	case "state":
		return 2
	case "region":
		return 3
	}
	return 1
}
