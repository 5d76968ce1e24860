package gen

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"dossier"
)

// leaderRoles are the roles whose holder leads the body he or she belongs to.
var leaderRoles = map[string]bool{
	"commander": true, "emir": true, "chairman": true, "director": true, "chief executive": true,
	"Defence Minister": true, "Foreign Minister": true, "Interior Minister": true,
	"intelligence chief": true, "Chief of General Staff": true, "Speaker of Parliament": true,
	"head of the Border Guard": true,
}

// noArticle lists names of groups and organizations used without "the".
var noArticle = map[string]bool{
	"Hezbollah": true, "Hamas": true, "Boko Haram": true, "Fano": true, "Ansarul Islam": true,
	"Katiba Macina": true, "Hurras al-Din": true, "Kata'ib Hezbollah": true, "Jamaat ul-Ahrar": true,
	"Lashkar-e-Taiba": true, "Jaish-e-Mohammed": true, "Tehrik-i-Taliban Pakistan": true,
	"Jama'at Nusrat al-Islam wal-Muslimin": true, "Ajnad al-Kavkaz": true, "Ahlu Sunna Wal Jama'a": true,
	"Akhmat special forces": true,
}

// articled lists acronyms that take "the".
var articled = map[string]bool{"UN": true, "EU": true, "AU": true, "UNSC": true}

// document writes document i.
func (d *docGen) document(i int) Doc {
	r := d.r
	target := 300 + r.IntN(1201)
	kinds := []string{"brief", "wire", "press"}
	kindName := kinds[r.IntN(10)%3]
	if r.IntN(10) < 4 {
		kindName = "brief"
	}
	var b strings.Builder
	date := dossier.Date{Year: d.date.Year(), Month: int(d.date.Month()), Day: d.date.Day()}
	title := d.title()
	words := 0
	switch kindName {
	case "brief":
		date.Day = 0
		fmt.Fprintf(&b, "Brief n.%d, %s %d\n\n%s\n\n", 1+r.IntN(240), months[d.date.Month()-1], d.date.Year(), title)
	case "wire":
		cap := d.p.actors[d.cast[kCountry][0]].capital
		fmt.Fprintf(&b, "%s\n\n%s %d, %d\n\n%s, %s %d (Dossier Wire) - ", title, months[d.date.Month()-1], d.date.Day(),
			d.date.Year(), strings.ToUpper(cap), months[d.date.Month()-1], d.date.Day())
	case "press":
		src := d.p.actors[d.cast[kOrg][0]].name
		fmt.Fprintf(&b, "PRESS RELEASE\nDATE: %d %s %d\nSOURCE: %s\n\n%s\n\n", d.date.Day(), months[d.date.Month()-1],
			d.date.Year(), src, title)
	}
	words += len(strings.Fields(b.String()))
	para := 0
	for words < target {
		if para > 0 {
			b.WriteString("\n\n")
			if kindName == "brief" && r.IntN(5) == 0 {
				h := d.heading()
				b.WriteString(h + "\n\n")
				words += len(strings.Fields(h))
			}
		}
		n := 2 + r.IntN(5)
		for k := 0; k < n && words < target; k++ {
			var s string
			if r.IntN(7) == 0 {
				s = capitalize(fmt.Sprintf(fillers[r.IntN(len(fillers))], placeName(d.p.actors[d.place()].name)))
			} else {
				s = d.sentence()
			}
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
			words += len(strings.Fields(s))
		}
		para++
	}
	if kindName == "wire" {
		b.WriteString("\n\n(Reporting by the Dossier Wire desk)")
	}
	b.WriteByte('\n')
	return Doc{
		Name:  fmt.Sprintf("gen-%05d-%s.txt", i, kindName),
		Text:  b.String(),
		Date:  date,
		Facts: d.facts,
	}
}

// title returns a headline about the cast.
func (d *docGen) title() string {
	a := d.p.actors
	g, c, pl := a[d.cast[kGroup][0]], a[d.cast[kCountry][0]], a[d.place()]
	switch d.r.IntN(5) {
	case 0:
		return fmt.Sprintf("%s: %s", c.name, capitalize(topics[d.r.IntN(len(topics))]))
	case 1:
		return fmt.Sprintf("%s steps up attacks around %s", capitalize(d.the(g, g.name)), placeName(pl.name))
	case 2:
		return fmt.Sprintf("Talks on %s stall in %s", topics[d.r.IntN(len(topics))], c.capital)
	case 3:
		return fmt.Sprintf("%s and %s", c.name, d.the(g, g.name))
	}
	return fmt.Sprintf("Fighting in %s: who arms whom", placeName(pl.name))
}

// heading returns a section heading of a brief.
func (d *docGen) heading() string {
	hs := []string{"Background", "Outlook", "Assessment", "The regional picture", "Recent developments"}
	if d.r.IntN(2) == 0 {
		return capitalize(placeName(d.p.actors[d.place()].name))
	}
	return hs[d.r.IntN(len(hs))]
}

// sentence writes one relation sentence and records its fact.
func (d *docGen) sentence() string {
	r := d.r
	if r.IntN(14) == 0 {
		return d.meeting()
	}
	t := templates[r.IntN(len(templates))]
	s := d.actorOf(t.subj, -1)
	var o int
	role := ""
	subject := true
	if t.obj == "*" {
		subject = false // no appositive "X, a commander of Y," before "is a member of Y"
		s = d.actorOf("P", -1)
		sa := d.p.actors[s]
		o, role = sa.affil, sa.role
		if t.typ == dossier.Leads && !leaderRoles[role] {
			t = templates[firstOf(dossier.MemberOf)]
		}
	} else {
		o = d.actorOf(t.obj, s)
	}
	f := Fact{Type: t.typ, Subtype: t.subtype, Source: d.p.actors[s].name, Target: d.p.actors[o].name,
		SourceType: d.p.actors[s].typ, TargetType: d.p.actors[o].typ, Role: role}
	if t.typ != dossier.MemberOf && t.typ != dossier.Leads {
		f.Role = ""
	}
	mode, appears := modePlain, false
	switch x := r.IntN(100); {
	case x < 3:
		appears = true
	case x < 10:
		mode = modeHedged
	case x < 16:
		mode = modeNegated
	}
	f.Hedged, f.Negated = mode == modeHedged || appears, mode == modeNegated

	dateText, front := "", false
	if strings.Contains(t.text, "{D}") && r.IntN(4) != 0 {
		var iso string
		dateText, iso = d.datePhrase()
		f.Date = iso
		front = dateText != "" && r.IntN(3) == 0
	}
	var b strings.Builder
	text := t.text
	for len(text) > 0 {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			b.WriteString(text)
			break
		}
		b.WriteString(text[:i])
		j := strings.IndexByte(text[i:], '}') + i
		switch text[i+1 : j] {
		case "S":
			b.WriteString(d.mention(s, subject, false))
		case "O":
			b.WriteString(d.mention(o, false, false))
		case "O's":
			b.WriteString(d.mention(o, false, true))
		case "V":
			b.WriteString(t.v[mode])
		case "D":
			if !front {
				b.WriteString(dateText)
			}
		case "P", "P2":
			pl := d.place()
			if text[i+1:j] == "P" {
				f.Place = d.p.actors[pl].name
			}
			b.WriteString(placeName(d.p.actors[pl].name))
		case "Q":
			f.Quantity = d.quantity(t.qty)
			b.WriteString(f.Quantity)
		case "T":
			b.WriteString(topics[r.IntN(len(topics))])
		case "A":
			b.WriteString(accusations[r.IntN(len(accusations))])
		case "R":
			b.WriteString(demands[r.IntN(len(demands))])
		case "Y":
			b.WriteString(strconv.Itoa(d.date.Year() - 1 - r.IntN(8)))
		case "N":
			b.WriteString(strconv.Itoa(3 + r.IntN(60)))
		}
		text = text[j+1:]
	}
	clause := b.String()
	if front {
		clause = strings.TrimSpace(dateText) + ", " + clause
	}
	var sent string
	if appears {
		sent = "it appears that " + clause
	} else {
		sent = d.attribute(clause, &f)
	}
	sent = capitalize(sent)
	f.Evidence = sent
	d.facts = append(d.facts, f)
	return sent
}

// meeting writes a summit sentence with a list of participants, one CONSULT fact per pair.
func (d *docGen) meeting() string {
	r := d.r
	n := 3 + r.IntN(3)
	var parts []int
	for t := 0; len(parts) < n && t < 20; t++ {
		a := d.actorOf("PC", -1)
		dup := false
		for _, x := range parts {
			dup = dup || x == a
		}
		if !dup {
			parts = append(parts, a)
		}
	}
	pl := d.place()
	dateText, iso := d.datePhrase()
	if dateText == "" {
		dateText, iso = d.absoluteDate()
	}
	names := make([]string, len(parts))
	for i, a := range parts {
		names[i] = d.mention(a, false, false)
	}
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	ord := []string{"second", "third", "fourth", "fifth", "sixth", "seventh"}[r.IntN(6)]
	event := fmt.Sprintf("%s %s regional security meeting", ord, d.p.actors[pl].name)
	s := capitalize(fmt.Sprintf("%s, %s took part in the %s, held in %s.", strings.TrimSpace(dateText), list, event, placeName(d.p.actors[pl].name)))
	for i := 0; i < len(parts); i++ {
		for j := i + 1; j < len(parts); j++ {
			a, b := d.p.actors[parts[i]], d.p.actors[parts[j]]
			d.facts = append(d.facts, Fact{Type: dossier.Consult, Source: a.name, Target: b.name, SourceType: a.typ,
				TargetType: b.typ, Date: iso, Place: d.p.actors[pl].name, Evidence: s})
		}
	}
	return s
}

// attribute adds, a quarter of the time, who asserts the clause.
func (d *docGen) attribute(clause string, f *Fact) string {
	r := d.r
	if r.IntN(4) != 0 {
		return clause + ""
	}
	clause = strings.TrimSuffix(clause, ".")
	switch r.IntN(5) {
	case 0:
		p := d.actorOf("P", -1)
		f.AttributedTo = d.p.actors[p].name
		return fmt.Sprintf("%s, %s said.", clause, d.mention(p, false, false))
	case 1:
		pl := d.place()
		f.AttributedTo = "sources in " + placeName(d.p.actors[pl].name)
		return fmt.Sprintf("According to %s, %s.", f.AttributedTo, clause)
	case 2:
		o := d.actorOf("O", -1)
		f.AttributedTo = d.p.actors[o].name
		return fmt.Sprintf("%s reported that %s.", d.mention(o, true, false), clause)
	case 3:
		c := d.p.actors[d.actorOf("C", -1)]
		f.AttributedTo = "diplomats in " + c.capital
		return fmt.Sprintf("%s, diplomats in %s said.", clause, c.capital)
	}
	f.AttributedTo = "local officials"
	return fmt.Sprintf("According to local officials, %s.", clause)
}

// mention writes how actor a is named here: a full introduction the first time, a short
// form later. subject allows an appositive ("X, a commander of Y,"); poss makes it
// possessive.
func (d *docGen) mention(a int, subject, poss bool) string {
	act := d.p.actors[a]
	first := !d.intro[a]
	d.intro[a] = true
	var s string
	switch act.kind {
	case kPerson:
		switch {
		case !first && d.r.IntN(8) != 0:
			s = act.short
		case !first:
			s = act.name
		case act.role != "" && act.role[0] >= 'A' && act.role[0] <= 'Z':
			c := d.p.actors[act.country]
			s = c.demonym + " " + act.role + " " + act.name
		case subject && !poss && act.affil >= 0:
			s = act.name + ", " + article(act.role) + " " + act.role + " of " + d.mention(act.affil, false, false) + ","
		default:
			s = act.name
		}
	case kCountry:
		switch x := d.r.IntN(10); {
		case first || x < 6:
			s = d.the(act, act.name)
		case x < 8:
			s = act.capital
		default:
			s = "the " + act.demonym + " government"
		}
	case kOrg, kGroup:
		switch {
		case first && act.acronym != "":
			s = d.the(act, act.name) + " (" + act.acronym + ")"
		case act.acronym != "":
			s = act.acronym
			if articled[act.acronym] {
				s = "the " + s
			}
		default:
			s = d.the(act, act.name)
		}
	default:
		s = placeName(act.name)
	}
	if poss {
		if strings.HasSuffix(s, "s") {
			return s + "'"
		}
		return s + "'s"
	}
	return s
}

// the prefixes name with "the" where English wants it.
func (d *docGen) the(a actor, name string) string {
	switch a.kind {
	case kCountry:
		if strings.HasPrefix(name, "United ") || name == "Netherlands" {
			return "the " + name
		}
		return name
	case kOrg, kGroup:
		if noArticle[name] || name[0] < 'A' || name[0] > 'Z' || strings.HasPrefix(name, "Ansar al-") ||
			strings.HasPrefix(name, "Jaysh ") || strings.HasPrefix(name, "Katibat ") {
			return name
		}
		return "the " + name
	}
	return name
}

// datePhrase returns a date expression for an event before the document date and its
// ISO form at the expression's precision; ("", "") a fifth of the time.
func (d *docGen) datePhrase() (string, string) {
	r, doc := d.r, d.date
	switch x := r.IntN(20); {
	case x < 4:
		return "", ""
	case x < 9:
		return d.absoluteDate()
	case x < 11:
		t := doc.AddDate(0, 0, -1-r.IntN(60))
		d.lastDate = t
		if t.Year() == doc.Year() {
			return fmt.Sprintf(" on %s %d", months[t.Month()-1], t.Day()), t.Format("2006-01-02")
		}
		return fmt.Sprintf(" on %d %s %d", t.Day(), months[t.Month()-1], t.Year()), t.Format("2006-01-02")
	case x < 13:
		t := doc.AddDate(0, -1-r.IntN(14), 0)
		return fmt.Sprintf(" in %s %d", months[t.Month()-1], t.Year()), t.Format("2006-01")
	case x < 14:
		t := time.Date(doc.Year(), doc.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
		return " last month", t.Format("2006-01")
	case x < 15:
		m := time.Month(1 + r.IntN(12))
		y := doc.Year()
		if m >= doc.Month() {
			y--
		}
		return " last " + months[m-1], fmt.Sprintf("%04d-%02d", y, m)
	case x < 16:
		y := doc.Year() - 1 - r.IntN(4)
		return fmt.Sprintf(" in %d", y), strconv.Itoa(y)
	case x < 18:
		if d.lastDate.IsZero() {
			return d.absoluteDate()
		}
		n := 1 + r.IntN(4)
		t := d.lastDate.AddDate(0, 0, n)
		if t.After(doc) {
			return d.absoluteDate()
		}
		d.lastDate = t
		if n == 1 {
			return " the following day", t.Format("2006-01-02")
		}
		return " " + numberWords[n] + " days later", t.Format("2006-01-02")
	}
	back := 1 + r.IntN(6)
	t := doc.AddDate(0, 0, -back)
	d.lastDate = t
	return " on " + t.Weekday().String(), t.Format("2006-01-02")
}

// absoluteDate returns an explicit day date before the document date.
func (d *docGen) absoluteDate() (string, string) {
	t := d.date.AddDate(0, 0, -1-d.r.IntN(400))
	d.lastDate = t
	if d.r.IntN(2) == 0 {
		return fmt.Sprintf(" on %d %s %d", t.Day(), months[t.Month()-1], t.Year()), t.Format("2006-01-02")
	}
	return fmt.Sprintf(" on %s %d, %d", months[t.Month()-1], t.Day(), t.Year()), t.Format("2006-01-02")
}

// quantity returns a quantity phrase of kind q.
func (d *docGen) quantity(q byte) string {
	r := d.r
	n := []int{12, 20, 35, 40, 60, 80, 100, 150, 200, 300, 450, 800, 1200, 1500, 2500, 3000, 10000}[r.IntN(17)]
	switch q {
	case 'w':
		return withCommas(n) + " " + weapons[r.IntN(len(weapons))]
	case 'a':
		return withCommas(n) + " " + aidGoods[r.IntN(len(aidGoods))]
	case 't':
		return withCommas(n) + " " + []string{"troops", "fighters", "soldiers", "militiamen"}[r.IntN(4)]
	}
	return strconv.Itoa(2 + r.IntN(40))
}

// withCommas formats n with thousands separators: 1,500.
func withCommas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// capitalize upper-cases the first letter of s when it is an ASCII letter.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// article returns "a" or "an" for the word w.
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiouAEIOU", rune(w[0])) {
		return "an"
	}
	return "a"
}

// firstOf returns the index of the first template of type t.
func firstOf(t dossier.RelationType) int {
	for i, x := range templates {
		if x.typ == t {
			return i
		}
	}
	return 0
}

// placeName returns a place name with "the" where English wants it ("the Red Sea").
func placeName(name string) string {
	for _, w := range []string{"Sea", "Gulf", "Heights", "Valley", "Gorge", "Caucasus", "Corridor"} {
		if strings.HasPrefix(name, w+" ") || strings.HasSuffix(name, " "+w) {
			return "the " + name
		}
	}
	return name
}
