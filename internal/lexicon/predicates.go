package lexicon

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"dossier"
)

//go:embed data/predicates.tsv
var predicatesTSV string

// PredKind is the part of speech of a predicate's head word.
type PredKind uint8

// Predicate kinds.
const (
	PredVerb    PredKind = iota + 1 // "accuse": inflected verb
	PredNoun                        // "criticism of": noun with a preposition
	PredAdj                         // "hostile to": adjective or participle used as one
	PredRelNoun                     // "ally": the target's standing towards a possessor
)

// Predicate is one entry of the predicate lexicon: a head word (and optional following
// words) that signals a relation of Type between a source and a target.
type Predicate struct {
	Kind    PredKind
	Pattern string               // as written in predicates.tsv: "hold talks"
	Type    dossier.RelationType // "" when only the negated form yields a relation
	Subtype string               // "arms" or ""
	Slots   []string             // where the target is: "obj" or prepositions, in order of preference
	NegType dossier.RelationType // type when negated ("trust" -> DISTRUSTS), or ""
	Weight  float64              // prior reliability of the rule in 0..1
	Rest    [][]string           // the words after the head, each with its accepted forms
}

// Form is one surface form of a predicate head.
type Form struct {
	Pred       *Predicate
	Participle bool // a past participle ("accused", "held"): may be passive
	Gerund     bool // an -ing form
}

// Cue is one multiword cue of a cue list ("according to", "failed to").
type Cue struct {
	Words []string
	Value string
}

// Predicates is the parsed predicate and cue lexicon of the relation stage. It is
// immutable once built and safe for concurrent use.
type Predicates struct {
	heads map[string][]Form
	cues  map[string]map[string][]Cue // kind -> first word -> cues, longest first
	preds []*Predicate
	kinds map[string]uint32 // kind -> bit
	first map[string]uint32 // first word of a cue -> bits of the kinds it opens
}

// CueBit returns the bit of a cue kind for CueKinds (0 for an unknown kind).
func (p *Predicates) CueBit(kind string) uint32 {
	if p == nil {
		return 0
	}
	return p.kinds[kind]
}

// CueKinds returns the bits (see CueBit) of every cue kind with a cue that starts with
// the folded word w: a cheap filter before MatchCue.
func (p *Predicates) CueKinds(w string) uint32 {
	if p == nil {
		return 0
	}
	return p.first[w]
}

// builtinPredicates parses the embedded predicate lexicon once; the result is read-only.
var builtinPredicates = sync.OnceValues(func() (*Predicates, error) {
	return ParsePredicates(predicatesTSV)
})

// BuiltinPredicates returns the embedded predicate lexicon (data/predicates.tsv), parsed
// once and shared read-only.
func BuiltinPredicates() (*Predicates, error) { return builtinPredicates() }

// Heads returns the predicate forms whose head is the folded word w.
func (p *Predicates) Heads(w string) []Form {
	if p == nil {
		return nil
	}
	return p.heads[w]
}

// All returns every predicate in file order. The predicates are shared: do not modify.
func (p *Predicates) All() []*Predicate {
	if p == nil {
		return nil
	}
	return p.preds
}

// MatchCue reports the longest cue of kind ("hedge", "neg", "say", "source", "desire",
// "arms", "office", "event", "attend", "plan") starting at words[i], where words are
// folded token texts: its length in words (0 when none) and its value.
func (p *Predicates) MatchCue(kind string, words []string, i int) (int, string) {
	if p == nil || i < 0 || i >= len(words) {
		return 0, ""
	}
	for _, c := range p.cues[kind][words[i]] {
		if i+len(c.Words) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(c.Words); k++ {
			if words[i+k] != c.Words[k] {
				ok = false
				break
			}
		}
		if ok {
			return len(c.Words), c.Value
		}
	}
	return 0, ""
}

// ParsePredicates parses a predicate lexicon in the format of data/predicates.tsv.
func ParsePredicates(src string) (*Predicates, error) {
	p := &Predicates{heads: map[string][]Form{}, cues: map[string]map[string][]Cue{}}
	irregular := map[string][2]string{}
	double := map[string]bool{}
	type rawPred struct {
		line int
		cols []string
	}
	var raw []rawPred
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		switch cols[0] {
		case "dbl":
			if len(cols) != 2 {
				return nil, fmt.Errorf("predicates line %d: dbl wants 2 columns: %w", n+1, dossier.ErrInvalid)
			}
			double[cols[1]] = true
		case "irr":
			if len(cols) != 4 {
				return nil, fmt.Errorf("predicates line %d: irr wants 4 columns: %w", n+1, dossier.ErrInvalid)
			}
			irregular[cols[1]] = [2]string{cols[2], cols[3]}
		case "v", "n", "a", "rn":
			if len(cols) != 7 {
				return nil, fmt.Errorf("predicates line %d: %s wants 7 columns, has %d: %w", n+1, cols[0], len(cols), dossier.ErrInvalid)
			}
			raw = append(raw, rawPred{n + 1, cols})
		default:
			if len(cols) != 3 {
				return nil, fmt.Errorf("predicates line %d: cue wants 3 columns: %w", n+1, dossier.ErrInvalid)
			}
			words := Tokens(cols[1])
			if len(words) == 0 {
				return nil, fmt.Errorf("predicates line %d: empty cue: %w", n+1, dossier.ErrInvalid)
			}
			m := p.cues[cols[0]]
			if m == nil {
				m = map[string][]Cue{}
				p.cues[cols[0]] = m
			}
			m[words[0]] = append(m[words[0]], Cue{Words: words, Value: dash(cols[2])})
		}
	}
	// Speech verbs are listed as lemmas: add their inflections.
	var extra []Cue
	for first, list := range p.cues["say"] {
		for _, c := range list {
			if len(c.Words) != 1 {
				continue
			}
			irr, ok := irregular[first]
			for _, f := range VerbForms(first, irr, ok, double[first]) {
				if f.Word != first {
					extra = append(extra, Cue{Words: []string{f.Word}, Value: c.Value})
				}
			}
		}
	}
	for _, c := range extra {
		p.cues["say"][c.Words[0]] = append(p.cues["say"][c.Words[0]], c)
	}
	p.kinds, p.first = map[string]uint32{}, map[string]uint32{}
	for kind, m := range p.cues {
		if len(p.kinds) >= 32 {
			return nil, fmt.Errorf("predicates: more than 32 cue kinds: %w", dossier.ErrInvalid)
		}
		bit := uint32(1) << len(p.kinds)
		p.kinds[kind] = bit
		for w := range m {
			p.first[w] |= bit
		}
	}
	for _, m := range p.cues {
		for k, list := range m {
			sort.SliceStable(list, func(a, b int) bool { return len(list[a].Words) > len(list[b].Words) })
			m[k] = list
		}
	}
	for _, r := range raw {
		pr, err := parsePred(r.cols)
		if err != nil {
			return nil, fmt.Errorf("predicates line %d: %w", r.line, err)
		}
		p.preds = append(p.preds, pr)
		words := Tokens(pr.Pattern)
		head := words[0]
		switch pr.Kind {
		case PredVerb:
			irr, ok := irregular[head]
			for _, f := range VerbForms(head, irr, ok, double[head]) {
				p.heads[f.Word] = append(p.heads[f.Word], Form{Pred: pr, Participle: f.Participle, Gerund: f.Gerund})
			}
		case PredNoun, PredRelNoun:
			for _, w := range NounForms(head) {
				p.heads[w] = append(p.heads[w], Form{Pred: pr})
			}
		case PredAdj:
			p.heads[head] = append(p.heads[head], Form{Pred: pr, Participle: true})
		}
		for _, w := range words[1:] {
			forms := NounForms(w)
			pr.Rest = append(pr.Rest, forms)
		}
	}
	return p, nil
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func parsePred(cols []string) (*Predicate, error) {
	pr := &Predicate{Pattern: cols[1], Subtype: dash(cols[3])}
	switch cols[0] {
	case "v":
		pr.Kind = PredVerb
	case "n":
		pr.Kind = PredNoun
	case "a":
		pr.Kind = PredAdj
	case "rn":
		pr.Kind = PredRelNoun
	}
	if len(Tokens(pr.Pattern)) == 0 {
		return nil, fmt.Errorf("empty pattern: %w", dossier.ErrInvalid)
	}
	if t := dash(cols[2]); t != "" {
		pr.Type = dossier.RelationType(t)
		if !pr.Type.Valid() {
			return nil, fmt.Errorf("unknown relation type %q: %w", t, dossier.ErrInvalid)
		}
	}
	if t := dash(cols[5]); t != "" {
		pr.NegType = dossier.RelationType(t)
		if !pr.NegType.Valid() {
			return nil, fmt.Errorf("unknown relation type %q: %w", t, dossier.ErrInvalid)
		}
	}
	if pr.Type == "" && pr.NegType == "" {
		return nil, fmt.Errorf("%q has neither a type nor a negated type: %w", pr.Pattern, dossier.ErrInvalid)
	}
	if s := dash(cols[4]); s != "" {
		pr.Slots = strings.Split(s, "|")
	}
	w, err := strconv.ParseFloat(cols[6], 64)
	if err != nil || w < 0 || w > 1 {
		return nil, fmt.Errorf("weight %q not in 0..1: %w", cols[6], dossier.ErrInvalid)
	}
	pr.Weight = w
	return pr, nil
}

// VerbForm is one generated inflection of a verb.
type VerbForm struct {
	Word       string
	Participle bool
	Gerund     bool
}

// VerbForms generates the inflections of a verb lemma: the lemma, third person "-s", past
// and past participle ("-ed" or the irregular forms given), and the "-ing" form. With
// double, the final consonant doubles before -ed and -ing ("transfer" -> "transferring").
func VerbForms(lemma string, irr [2]string, irregular, double bool) []VerbForm {
	out := []VerbForm{{Word: lemma}, {Word: thirdPerson(lemma)}}
	past, pp := regularPast(lemma), regularPast(lemma)
	if double {
		past, pp = lemma+lemma[len(lemma)-1:]+"ed", lemma+lemma[len(lemma)-1:]+"ed"
	}
	if irregular {
		past, pp = irr[0], irr[1]
	}
	if past == pp {
		out = append(out, VerbForm{Word: past, Participle: true})
	} else {
		out = append(out, VerbForm{Word: past}, VerbForm{Word: pp, Participle: true})
	}
	ger := gerund(lemma)
	if double {
		ger = lemma + lemma[len(lemma)-1:] + "ing"
	}
	out = append(out, VerbForm{Word: ger, Gerund: true})
	return out
}

// NounForms returns the singular and plural of a noun (or the word alone when it already
// looks plural or is not a noun).
func NounForms(w string) []string {
	if strings.HasSuffix(w, "s") || w == "to" || w == "of" || w == "with" || w == "on" || w == "out" || w == "forces" {
		return []string{w}
	}
	return []string{w, thirdPerson(w)}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func thirdPerson(w string) string {
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"),
		strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"):
		return w + "es"
	}
	return w + "s"
}

// doubles reports whether a one-syllable verb ending consonant-vowel-consonant doubles its
// last consonant before -ed/-ing ("ban" -> "banned").
func doubles(w string) bool {
	n := len(w)
	if n < 3 || isVowel(w[n-1]) || strings.IndexByte("wxy", w[n-1]) >= 0 || !isVowel(w[n-2]) || isVowel(w[n-3]) {
		return false
	}
	vowels := 0
	for i := 0; i < n; i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			vowels++
		}
	}
	return vowels == 1
}

func regularPast(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	case doubles(w):
		return w + w[n-1:] + "ed"
	}
	return w + "ed"
}

func gerund(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ee"), strings.HasSuffix(w, "ye"), strings.HasSuffix(w, "oe"):
		return w + "ing"
	case strings.HasSuffix(w, "ie"):
		return w[:n-2] + "ying"
	case strings.HasSuffix(w, "e") && n > 2:
		return w[:n-1] + "ing"
	case doubles(w):
		return w + w[n-1:] + "ing"
	}
	return w + "ing"
}
