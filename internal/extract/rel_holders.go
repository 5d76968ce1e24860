package extract

// Office holders: when the text gives no state or body for a title ("President Tinubu
// said"), the lexicon's record of who held which office supplies it, provided the office
// was held at the document's date and the state or body is named in the document.

import (
	"strings"

	"dossier"
	"dossier/internal/lexicon"
)

// holderEntry returns the lexicon's office-holding person that entity p is, or nil: by
// the entity's kb id, else by its full name, else by its surname when only one office
// holder bears it.
func (st *relState) holderEntry(p int) *lexicon.Entry {
	if st.lex == nil {
		return nil
	}
	e := &st.ents[p]
	if e.KBID != nil {
		if en := st.lex.ByKBID(*e.KBID); en != nil && en.Type == dossier.Person {
			return en
		}
	}
	words := lexicon.Tokens(e.Name)
	if len(words) == 0 {
		return nil
	}
	if hs := st.lex.Officeholders(strings.Join(words, " ")); len(hs) == 1 {
		return hs[0]
	}
	if len(words) > 1 {
		return nil // a full name the lexicon does not know is somebody else
	}
	if hs := st.lex.Officeholders(words[0]); len(hs) == 1 {
		return hs[0]
	}
	return nil
}

// heldOffice returns the entity of the state or body for which person p held an office
// named like office (the folded title, "president", "foreign ministry spokesman") at the
// document's date, and whether it is a state; -1 when the lexicon does not say, or says
// more than one thing. With stateOnly, only states are considered.
func (st *relState) heldOffice(p int, office string, stateOnly bool) (int, bool) {
	i, isState, _ := st.heldOfficeRole(p, office, stateOnly)
	return i, isState
}

// heldOfficeRole is heldOffice that also returns the lexicon's name of the office.
func (st *relState) heldOfficeRole(p int, office string, stateOnly bool) (int, bool, string) {
	en := st.holderEntry(p)
	if en == nil {
		return -1, false, ""
	}
	head := officeHead(office)
	if head == "" {
		return -1, false, ""
	}
	year := st.docDate.Year
	found, role := -1, ""
	for _, o := range st.lex.Offices(en) {
		if year > 0 && !o.HeldIn(year) {
			continue
		}
		if !roleHas(o.Role, head) {
			continue
		}
		i, ok := st.kbEnt[o.Org]
		if !ok || i == p {
			continue
		}
		isState := st.ents[i].Type == dossier.Country
		if stateOnly && !isState {
			continue
		}
		if found >= 0 && found != i {
			return -1, false, "" // two bodies fit: say nothing
		}
		found, role = i, o.Role
	}
	if found < 0 {
		return -1, false, ""
	}
	return found, st.ents[found].Type == dossier.Country, role
}

// leadingRole reports whether an office (as the lexicon writes it) heads its body: the
// "Prime Minister" of the Taliban's government is a member of the movement, its "Supreme
// Leader" leads it.
func leadingRole(role string) bool {
	f := strings.Fields(lexicon.Fold(role))
	if len(f) == 0 || f[0] == "deputy" || f[0] == "vice" || f[0] == "acting" && len(f) == 1 {
		return false
	}
	switch strings.Join(f, " ") {
	case "leader", "supreme leader", "emir", "caliph", "secretary-general", "secretary general",
		"director general", "director-general", "president", "chairman", "chairperson",
		"commander", "commander-in-chief", "head", "managing director", "high commissioner",
		"commissioner-general", "founder", "political bureau chief":
		return true
	}
	return false
}

// officeHead returns the head word of a folded title, with the variants of a word
// brought to one form ("spokeswoman" -> "spokesperson", "defence" -> "defense").
func officeHead(office string) string {
	f := strings.Fields(strings.ReplaceAll(office, "-", " "))
	if len(f) == 0 {
		return ""
	}
	return normOfficeWord(f[len(f)-1])
}

func normOfficeWord(w string) string {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen":
		return "spokesperson"
	case "chief", "chairman", "chairwoman", "chairperson", "chair":
		return w
	case "emir", "amir", "caliph":
		return "leader" // "the emir" of the Taliban is its "Supreme Leader"
	}
	return w
}

// roleHas reports whether the office role (as the lexicon writes it) has the head word
// head.
func roleHas(role, head string) bool {
	for _, w := range strings.Fields(strings.ReplaceAll(lexicon.Fold(role), "-", " ")) {
		if normOfficeWord(w) == head {
			return true
		}
	}
	return false
}

// ioBody reports whether organization entity i is an international organization or a
// body of one (its lexicon entry is of kind "io").
func (st *relState) ioBody(i int) bool {
	e := st.ents[i]
	if e.KBID == nil || st.lex == nil {
		return false
	}
	en := st.lex.ByKBID(*e.KBID)
	return en != nil && en.Kind == "io"
}

// contradicts reports whether the lexicon knows person p to have held the office named
// like office for another state at the document's date, and never for state: a title
// read off the text ("President Ruto of Kenya met President Museveni") then points at
// the wrong state.
func (st *relState) contradicts(p, state int, office string) bool {
	year := st.docDate.Year
	e := st.ents[state]
	if year == 0 || e.Type != dossier.Country || e.KBID == nil {
		return false
	}
	en := st.holderEntry(p)
	if en == nil {
		return false
	}
	head := officeHead(office)
	other := false
	for _, o := range st.lex.Offices(en) {
		if !o.HeldIn(year) {
			continue
		}
		if o.Org == *e.KBID {
			return false
		}
		if len(o.Org) == 2 && roleHas(o.Role, head) {
			other = true
		}
	}
	return other
}

// findGovernments adds LEADS for "the Syrian government of Bashar al-Assad", "the regime
// of X", "the government of Colonel Assimi Goita": the person heads the state named
// just before the noun, else the state the lexicon says the person headed at the
// document's date.
func (st *relState) findGovernments() {
	for si := range st.sus {
		us := st.sus[si].units
		for k := 1; k+2 < len(us); k++ {
			switch us[k].word {
			case "government", "regime", "administration", "junta":
			default:
				continue
			}
			if us[k+1].word != "of" || us[k+1].isMention() {
				continue
			}
			p := k + 2
			if !us[p].isMention() && us[p].cap && p+1 < len(us) && us[p+1].isMention() {
				if n, _ := st.cue(si, "office", p); n == 1 {
					p++ // "the government of Colonel Assimi Goita"
				}
			}
			if !us[p].isMention() || st.ents[us[p].ent].Type != dossier.Person {
				continue
			}
			state, role := -1, "head of government"
			for j := k - 1; j >= 0 && j >= k-2; j-- {
				if us[j].isMention() {
					if st.ents[us[j].ent].Type == dossier.Country {
						state = us[j].ent
					}
					break
				}
			}
			weight := 0.75
			if state < 0 {
				state, role = st.heldHead(us[p].ent)
				weight = 0.65
			}
			if state < 0 {
				continue
			}
			t := title{lo: p, hi: p, office: "head of government", leads: true, possEnt: -1, text: role}
			st.addRole(si, p, us[p].ent, state, true, t, weight, "government-of")
		}
	}
}

// heldHead returns the state that person p headed (as president, prime minister, king or
// the like) at the document's date, named in the document, and the office; -1 when the
// lexicon does not say or the date is unknown.
func (st *relState) heldHead(p int) (int, string) {
	en := st.holderEntry(p)
	year := st.docDate.Year
	if en == nil || year == 0 {
		return -1, ""
	}
	found, role := -1, ""
	for _, o := range st.lex.Offices(en) {
		if !o.HeldIn(year) || len(o.Org) != 2 || !headOfState(lexicon.Fold(o.Role)) {
			continue
		}
		i, ok := st.kbEnt[o.Org]
		if !ok || st.ents[i].Type != dossier.Country {
			continue
		}
		if found >= 0 && found != i {
			return -1, ""
		}
		found, role = i, o.Role
	}
	return found, role
}
