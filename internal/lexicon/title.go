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

// loadTitles reads titles.tsv: kind, display form, person (1 or 0), org. Kinds: "title"
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
		for len(col) < 4 {
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
	j := i
	var mods []string
	for j < len(words) {
		m, ok := l.titleMods[words[j]]
		if !ok {
			break
		}
		mods = append(mods, m)
		j++
	}
	if j >= len(words) {
		return 0, nil
	}
	end := j
	var best Title
	for _, p := range l.titles[words[j]] {
		if len(p.words) <= len(words)-j && matchAt(words, j, p.words) {
			end, best = j+len(p.words), p.title
			break
		}
	}
	// Generative: Portfolio? Office (of|for Portfolio)?
	k := j
	port := l.portfolioAt(words, k)
	if port != nil {
		k += len(port.words)
	}
	if k < len(words) {
		if office, ok := l.offices[words[k]]; ok {
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
				end, best = k, Title{Name: name, Person: true, Org: org}
			}
		}
	}
	if end == j {
		return 0, nil
	}
	if len(mods) > 0 {
		best.Name = strings.Join(mods, " ") + " " + best.Name
	}
	return end - i, &best
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
