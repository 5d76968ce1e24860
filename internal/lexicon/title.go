package lexicon

import (
	"fmt"
	"sort"
	"strings"
)

// titlePhrase is a fixed title ("Chairman of the Security Council") by its folded tokens.
type titlePhrase struct {
	words []string
	title Title
}

// portfolio is the field of a minister ("Defense", "Foreign Affairs") and its ministry.
type portfolio struct {
	words []string
	name  string // "Defense"
	org   string // "Ministry of Defense"
}

// loadTitles reads titles.tsv: kind, form, person (1 or 0), org, and an optional display
// name for abbreviated forms ("Gen." is shown as "General"). Kinds: "title"
// (a fixed title), "mod" (a modifier such as Acting, Deputy), "portfolio" (Defense, with
// its ministry in the org column), "office" (Minister, Secretary: a head that takes a
// portfolio before it or "of"/"for" and a portfolio after it).
func (l *Lexicon) loadTitles(data []byte) error {
	var err error
	eachLine(data, func(line string) {
		if err != nil {
			return
		}
		col := strings.Split(line, "\t")
		for len(col) < 5 {
			col = append(col, "")
		}
		words := Tokens(col[1])
		if len(words) == 0 {
			err = fmt.Errorf("lexicon: data/titles.tsv: empty title in %q", line)
			return
		}
		switch col[0] {
		case "title":
			t := Title{Name: col[1], Person: col[2] == "1", Org: col[3]}
			if col[4] != "" {
				t.Name = col[4]
			}
			l.addTitle(words, t)
			// "Gen." is also written "Gen" and tokenized "gen" ".".
			if last := words[len(words)-1]; len(last) > 1 && strings.HasSuffix(last, ".") && !strings.Contains(last[:len(last)-1], ".") {
				bare := append(append([]string(nil), words[:len(words)-1]...), last[:len(last)-1])
				l.addTitle(bare, t)
				l.addTitle(append(append([]string(nil), bare...), "."), t)
			}
		case "mod":
			l.titleMods[strings.Join(words, " ")] = col[1]
		case "office":
			l.offices[strings.Join(words, " ")] = col[1]
		case "portfolio":
			p := &portfolio{words: words, name: col[1], org: col[3]}
			list := append(l.portfolios[words[0]], p)
			sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) })
			l.portfolios[words[0]] = list
		default:
			err = fmt.Errorf("lexicon: data/titles.tsv: unknown kind %q", col[0])
		}
	})
	return err
}

func (l *Lexicon) addTitle(words []string, t Title) {
	list := l.titles[words[0]]
	for _, p := range list {
		if equalWords(p.words, words) {
			return
		}
	}
	list = append(list, &titlePhrase{words: words, title: t})
	sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) })
	l.titles[words[0]] = list
}

// Title returns the longest title or office starting at words[i] (folded tokens) and its
// length in tokens, or 0, nil. Titles are the fixed ones of titles.tsv ("President",
// "Chairman of the Security Council", "Gen.", "Mullah") and the generative form
// [Acting|Deputy|Former|First|Vice...]* Portfolio? Office (of|for Portfolio)?, as in
// "Acting Defense Minister", "Deputy Minister of Foreign Affairs", "Defence Secretary".
func (l *Lexicon) Title(words []string, i int) (n int, t *Title) {
	if i < 0 || i >= len(words) {
		return 0, nil
	}
	// Modifiers are optional: "Chief of Staff" is a title although "Chief" is also a
	// modifier ("Chief Prosecutor"), so every number of leading modifiers is tried.
	j := i
	for j < len(words) {
		if _, ok := l.titleMods[words[j]]; !ok {
			break
		}
		j++
	}
	bestEnd, bestStart := 0, 0
	var best Title
	for start := j; start >= i; start-- {
		if end, t, ok := l.titleAt(words, start); ok && end > bestEnd {
			bestEnd, bestStart, best = end, start, t
		}
	}
	if bestEnd == 0 {
		return 0, nil
	}
	if bestStart > i {
		mods := make([]string, 0, bestStart-i)
		for _, w := range words[i:bestStart] {
			mods = append(mods, l.titleMods[w])
		}
		best.Name = strings.Join(mods, " ") + " " + best.Name
	}
	return bestEnd - i, &best
}

// titleAt matches a title without modifiers at words[j]: a fixed one, or
// Portfolio? Office (of|for Portfolio)?. It returns the end of the longest match.
func (l *Lexicon) titleAt(words []string, j int) (end int, t Title, ok bool) {
	if j >= len(words) {
		return 0, Title{}, false
	}
	for _, p := range l.titles[words[j]] {
		if len(p.words) <= len(words)-j && matchAt(words, j, p.words) {
			end, t, ok = j+len(p.words), p.title, true
			break
		}
	}
	if !ok && strings.IndexByte(words[j], '-') > 0 {
		if e, ht, hok := l.hyphenTitle(words[j], j); hok {
			return e, ht, hok
		}
	}
	k := j
	port := l.portfolioAt(words, k)
	if port != nil {
		k += len(port.words)
	}
	if k >= len(words) {
		return end, t, ok
	}
	office, isOffice := l.offices[words[k]]
	if !isOffice {
		return end, t, ok
	}
	k++
	name, org := office, ""
	if port != nil {
		name, org = port.name+" "+office, port.org
	} else if k+1 < len(words) && (words[k] == "of" || words[k] == "for") {
		if p := l.portfolioAt(words, k+1); p != nil {
			name, org = office+" "+words[k]+" "+p.name, p.org
			k += 1 + len(p.words)
		}
	}
	if !strings.HasPrefix(office, "Minister") {
		org = ""
	}
	if k > end {
		return k, Title{Name: name, Person: true, Org: org}, true
	}
	return end, t, ok
}

// hyphenTitle matches a rank written as one hyphenated token of titles ("Colonel-Major",
// "Lieutenant-General") at position j: every part must be a one-word title and one of
// them a person's.
func (l *Lexicon) hyphenTitle(w string, j int) (int, Title, bool) {
	parts := strings.Split(w, "-")
	names := make([]string, 0, len(parts))
	person := false
	for _, p := range parts {
		if p == "" {
			return 0, Title{}, false
		}
		found := false
		for _, c := range l.titles[p] {
			if len(c.words) == 1 {
				names, person, found = append(names, c.title.Name), person || c.title.Person, true
				break
			}
		}
		if !found {
			return 0, Title{}, false
		}
	}
	if !person {
		return 0, Title{}, false
	}
	return j + 1, Title{Name: strings.Join(names, "-"), Person: true}, true
}

func (l *Lexicon) portfolioAt(words []string, k int) *portfolio {
	if k >= len(words) {
		return nil
	}
	for _, p := range l.portfolios[words[k]] {
		if len(p.words) <= len(words)-k && matchAt(words, k, p.words) {
			return p
		}
	}
	return nil
}
