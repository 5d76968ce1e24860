package lexicon

import (
	"fmt"
	"strconv"
	"strings"

	"dossier"
)

// Office is one office a person held: the state (ISO 3166-1 alpha-2) or body (kb id) it
// belongs to, its name, and the years it was held.
type Office struct {
	Org  string // ISO alpha-2 of the state ("NG") or kb id of the organization or group ("dossier:taliban")
	Role string // the office as usually written: "President", "Foreign Ministry Spokesperson"
	From int    // first year in office
	To   int    // last year in office, 0 while still held
}

// HeldIn reports whether the office was held at some time in year.
func (o Office) HeldIn(year int) bool {
	return year >= o.From && (o.To == 0 || year <= o.To)
}

// officeholderKind is the Kind of the person entries loaded from officeholders.tsv.
const officeholderKind = "officeholder"

// Offices returns the offices the lexicon knows person entry e to have held, oldest
// first, or nil. The slice is shared: do not modify it.
func (l *Lexicon) Offices(e *Entry) []Office {
	if e == nil {
		return nil
	}
	return l.holders[e.KBID]
}

// Officeholders returns the office-holding persons known by the name folded (Fold()ed
// words joined by single spaces): a full name ("bola tinubu") or a listed alias, a
// surname included ("tinubu"). A surname may name several persons.
func (l *Lexicon) Officeholders(folded string) []*Entry {
	return l.holderNames[folded]
}

// loadOfficeholders reads officeholders.tsv: person name, aliases, state or body, office,
// from-year, to-year. Each person becomes a PERSON entry with kb id
// "dossier:person:<slug>"; the rows of one person merge.
func (l *Lexicon) loadOfficeholders(data []byte) error {
	l.holders = map[string][]Office{}
	l.holderNames = map[string][]*Entry{}
	lineNo := 0
	var err error
	for _, line := range strings.Split(string(data), "\n") {
		lineNo++
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		if err = l.loadOfficeholder(line); err != nil {
			return fmt.Errorf("lexicon: data/officeholders.tsv:%d: %w", lineNo, err)
		}
	}
	return nil
}

func (l *Lexicon) loadOfficeholder(line string) error {
	col := strings.Split(line, "\t")
	if len(col) < 5 || len(col) > 6 {
		return fmt.Errorf("want 6 columns, got %d", len(col))
	}
	for len(col) < 6 {
		col = append(col, "")
	}
	for i := range col {
		col[i] = strings.TrimSpace(col[i])
	}
	name, org, role := col[0], col[2], col[3]
	if name == "" || org == "" || role == "" {
		return fmt.Errorf("empty name, body or office in %q", line)
	}
	if body := l.byKB[org]; body == nil {
		return fmt.Errorf("unknown state or body %q", org)
	}
	o := Office{Org: org, Role: role}
	var err error
	if o.From, err = strconv.Atoi(col[4]); err != nil {
		return fmt.Errorf("bad from-year %q", col[4])
	}
	if col[5] != "" {
		if o.To, err = strconv.Atoi(col[5]); err != nil || o.To < o.From {
			return fmt.Errorf("bad to-year %q", col[5])
		}
	}
	kb := "dossier:person:" + slug(name)
	e := l.byKB[kb]
	if e == nil {
		e = &Entry{Name: name, Type: dossier.Person, KBID: kb, Source: "builtin", Kind: officeholderKind}
		l.entries = append(l.entries, e)
		l.byKB[kb] = e
		l.addHolderName(name, e)
	} else if e.Type != dossier.Person {
		return fmt.Errorf("kb id %s is taken by %s %q", kb, e.Type, e.Name)
	}
	for _, a := range splitList(col[1]) {
		if Fold(a) != Fold(name) {
			e.Aliases = appendNew(e.Aliases, a)
		}
		l.addHolderName(a, e)
	}
	l.holders[kb] = append(l.holders[kb], o)
	return nil
}

// addHolderName indexes a person's name or alias for Officeholders.
func (l *Lexicon) addHolderName(name string, e *Entry) {
	key := strings.Join(Tokens(name), " ")
	for _, x := range l.holderNames[key] {
		if x == e {
			return
		}
	}
	l.holderNames[key] = append(l.holderNames[key], e)
}
