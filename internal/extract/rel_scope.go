package extract

// Roles across sentences: an official introduced with a title that names no state ("Foreign
// Minister X said") belongs to the one state in scope (named earlier in the sentence or in
// the previous sentence of the paragraph), and "the country's defence minister X" or "the
// group's leader X" to the one state or group in scope. With no candidate, or several,
// nothing is emitted.

import (
	"strings"

	"dossier"
)

// ownerNounTypes returns the entity types a possessive noun of reference stands for ("the
// country's" a state, "the group's" an armed group), or nil.
func ownerNounTypes(w string) []dossier.EntityType {
	switch w {
	case "country", "nation", "state", "kingdom", "republic", "government", "regime", "emirate":
		return []dossier.EntityType{dossier.Country}
	case "group", "movement", "militia", "faction", "insurgency", "organisation", "organization":
		return []dossier.EntityType{dossier.ArmedGroup}
	case "bloc", "alliance":
		return []dossier.EntityType{dossier.Organization}
	}
	return nil
}

// ownerNounBefore finds "the country's" or "the group's" ending in units [lo-2, hi) of
// sentence si, and returns the unit just past it, the types the noun stands for and true.
func (st *relState) ownerNounBefore(si, lo, hi int) (int, []dossier.EntityType, bool) {
	us := st.sus[si].units
	j := lo - 2
	if j < 1 {
		j = 1
	}
	for ; j+1 < hi; j++ {
		a, b := &us[j], &us[j+1]
		if a.isMention() || b.isMention() || !isPossessive(b.raw) || us[j-1].isMention() || us[j-1].word != "the" {
			continue
		}
		if ts := ownerNounTypes(a.word); ts != nil {
			return j + 2, ts, true
		}
	}
	return 0, nil, false
}

// scopedOwner returns the one entity of the types ts named in sentence si before unit lo
// or in the previous sentence of the same paragraph; -1 when there is none, or more
// than one, or when another actor that is not a person also stands in scope, or when the
// entity is only named by a demonym or after a preposition ("the Armenian population
// fled to Armenia": not the subject the official speaks for).
func (st *relState) scopedOwner(si, lo int, ts ...dossier.EntityType) int {
	found, subject := -1, false
	fits := func(t dossier.EntityType) bool {
		for _, x := range ts {
			if x == t {
				return true
			}
		}
		return false
	}
	scan := func(us []unit) bool {
		for k := range us {
			u := &us[k]
			if !u.isMention() {
				continue
			}
			t := st.ents[u.ent].Type
			if t == dossier.Person || !actorType(t) {
				continue
			}
			if !fits(t) || (found >= 0 && found != u.ent) {
				return false
			}
			found = u.ent
			subject = subject || (!st.isDemonym(u) && !oblique(us, k))
		}
		return true
	}
	us := st.sus[si].units
	if lo > len(us) {
		lo = len(us)
	}
	if !scan(us[:lo]) {
		return -1
	}
	if si > 0 && !strings.Contains(st.doc[st.sus[si-1].end:st.sus[si].start], "\n\n") {
		if !scan(st.sus[si-1].units) {
			return -1
		}
	}
	if !subject {
		return -1
	}
	return found
}

// pluralOffice returns the office a plural office word names ("ministers" -> "minister",
// "leaders" -> "leader"), or "".
func (st *relState) pluralOffice(w string) string {
	one := strings.TrimSuffix(w, "s")
	if one == w || one == "" {
		return ""
	}
	if n, _ := st.preds.MatchCue("office", []string{one}, 0); n != 1 {
		return ""
	}
	return one
}

// findOfficeGroups adds the roles of persons the lexicon knows as holders of an office
// that the text gives for a list of states: "the foreign ministers of Russia, Turkey, Iran
// and Syria met in Moscow. Sergei Lavrov hosted Mevlut Cavusoglu, ...". Each person
// named in the sentence or the next one of the paragraph, without a title of their own,
// is MEMBER_OF the one listed state the lexicon says they held the office of at the
// document's date.
func (st *relState) findOfficeGroups() {
	if st.lex == nil {
		return
	}
	for si := range st.sus {
		us := st.sus[si].units
		for k := 0; k+2 < len(us); k++ {
			if us[k].isMention() || us[k+1].isMention() || us[k+1].word != "of" {
				continue
			}
			office := st.pluralOffice(us[k].word)
			if office == "" {
				continue
			}
			// the list of states after "of"
			listed := map[int]bool{}
			j := k + 2
			for j < len(us) {
				u := &us[j]
				if u.isMention() && st.ents[u.ent].Type == dossier.Country && !st.isDemonym(u) {
					listed[u.ent] = true
					j++
					continue
				}
				if !u.isMention() && (u.word == "," || u.word == "and") && len(listed) > 0 {
					j++
					continue
				}
				break
			}
			if len(listed) < 2 {
				continue
			}
			st.officeGroupRoles(si, j, office, listed)
			k = j - 1
		}
	}
}

// officeGroupRoles adds the roles of the untitled persons named in sentence si from unit
// lo on, and in the next sentence of the same paragraph, who held office for one of the
// listed states.
func (st *relState) officeGroupRoles(si, lo int, office string, listed map[int]bool) {
	for s := si; s <= si+1 && s < len(st.sus); s++ {
		if s > si {
			if strings.Contains(st.doc[st.sus[si].end:st.sus[s].start], "\n\n") {
				return
			}
			lo = 0
		}
		us := st.sus[s].units
		for i := lo; i < len(us); i++ {
			u := &us[i]
			if !u.isMention() || st.ents[u.ent].Type != dossier.Person || st.hasTitle(s, i) {
				continue
			}
			b, isState, role := st.heldOfficeRole(u.ent, office, true)
			if b < 0 || !isState || !listed[b] {
				continue
			}
			t := title{lo: i, hi: i, office: office, possEnt: -1, text: role}
			st.addRole(s, i, u.ent, b, true, t, 0.7, "office-group")
		}
	}
}

// hasTitle reports whether the person mention at unit i of sentence si has a title of
// its own.
func (st *relState) hasTitle(si, i int) bool {
	for _, find := range []func(int, int) (title, bool){st.titleBefore, st.titleAfter, st.titleAppositionBefore, st.descriptionTitle, st.titleInMention} {
		if _, ok := find(si, i); ok {
			return true
		}
	}
	return false
}
