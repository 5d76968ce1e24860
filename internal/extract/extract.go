// Package extract turns a document's text into an Extraction (SCHEMA.md): entities with
// their mentions, relations and events. It is deterministic and rule-based; its stages run
// in a fixed order, one file each: gazetteer (lexicon longest match), ner (recognition
// beyond the lexicon), coref (aliases, surnames, acronyms, metonyms, descriptions and
// roles), then relations, events, attribution and confidence.
package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/text"
)

// Version names the extractor's rules; it changes whenever its output may change and is
// stored with each result.
const Version = "dossier-extract/0.1"

// Options are the per-document settings of an extraction.
type Options struct {
	// DocDate is the document's date, against which relative dates resolve.
	DocDate dossier.Date
	// Series is the document's series or byline name ("Levant Notes"): entities named
	// only inside its occurrences are not emitted.
	Series string
}

// Extractor extracts entities, relations and events. It is safe for concurrent use once
// built, as long as its lexicon is not modified meanwhile.
type Extractor struct {
	lex *lexicon.Lexicon
}

// New returns an Extractor over the lexicon lex.
func New(lex *lexicon.Lexicon) *Extractor {
	return &Extractor{lex: lex}
}

// Extract extracts entities, relations and events from src, a document's canonical text.
// The result is never nil, is Normalize()d, and every span points into src.
func (x *Extractor) Extract(src string, opts Options) *dossier.Extraction {
	sents := text.Split(src)
	ents := dropSeries(src, x.Entities(src, sents), opts.Series)
	rels, evs := relate(src, sents, ents, opts, x.lex)
	out := &dossier.Extraction{Entities: ents, Relations: rels, Events: evs}
	out.Normalize()
	return out
}

// Entities runs the entity stages (gazetteer, ner, coref) over the sentences of src and
// returns the entities with final ids ("e1"...), in order of first mention.
func (x *Extractor) Entities(src string, sents []text.Sentence) []dossier.Entity {
	d := x.newDoc(src, sents)
	x.titles(d)
	x.gazetteer(d)
	x.ner(d)
	return x.coref(d)
}

// shape bits describe a token's letters.
type shape uint8

const (
	shWord    shape = 1 << iota // a Word token
	shCap                       // starts with an upper-case letter (or a hyphen part does: "al-Qaeda")
	shAllCaps                   // two or more letters, none lower case
	shLower                     // starts with a lower-case letter
	shInitial                   // first word of its sentence, or after an opening quote, colon or bullet
)

// nerSent is a text.Sentence with the per-token data the stages share.
type nerSent struct {
	text.Sentence
	idx      int
	text     string   // the whole document text
	words    []string // Fold()ed token texts
	shapes   []shape
	owner    []int32 // index+1 of the candidate that took the token, 0 if free
	title    []*titleAt
	caseless bool   // capitalization says nothing (an all-caps headline or text)
	reserved []bool // tokens of capitalized runs that name organizations (nil if none)
	resStart []bool // first tokens of those runs
	titleTok []bool // tokens of capitalized titles and offices (nil if none)
}

// titleAt is a title that ends just before a token ("President" before "Vladimir Putin").
type titleAt struct {
	start, end int // token range of the title(s)
	names      []string
	honorific  string // the last title, for the titled alias ("Mullah")
}

// entCand is one candidate mention.
type entCand struct {
	s, i, j    int // sentence and token range [i, j)
	start, end int // byte span
	typ        dossier.EntityType
	form       dossier.MentionForm
	entry      *lexicon.Entry // gazetteer entry, or nil
	alt        *lexicon.Entry // the other reading of a capital: the state it may stand for, or the city
	key        string         // grouping key for entries found beyond the lexicon
	title      *titleAt       // title just before the mention, if any
	weak       bool           // type guessed without evidence: coreference may retype it
	heading    bool           // a weak guess in a heading: dropped unless coreference links it
	longName   string         // a fuller name than the mention ("Somali National Army" for "National Army")
	nested     *entCand       // a known organization named inside this one ("United Nations" in "United Nations Security Council")
	ent        *corefGroup    // set by coref
	dropped    bool
}

// nerDoc holds one document while the stages run.
type nerDoc struct {
	src       string
	sents     []*nerSent
	cands     []*entCand
	lowerSeen map[string]bool // folded words seen in lower case, not sentence-initially
	capSeen   map[string]bool // folded words seen capitalized inside a sentence
	caseless  bool            // the whole text is in one case
	sports    bool            // a sports report: place names may be teams
	business  bool            // business news: one-word names may be companies
}

func (x *Extractor) newDoc(src string, sents []text.Sentence) *nerDoc {
	d := &nerDoc{src: src, lowerSeen: map[string]bool{}, capSeen: map[string]bool{}}
	ascii := asciiOnly(src)
	var folded string
	if ascii {
		folded = strings.ToLower(src)
	}
	upperWords, lowerWords := 0, 0
	for si, ts := range sents {
		n := len(ts.Tokens)
		s := &nerSent{Sentence: ts, idx: si, text: src, words: make([]string, n), shapes: make([]shape, n), owner: make([]int32, n), title: make([]*titleAt, n+1)}
		initial := true
		caps, lows := 0, 0
		for i, t := range ts.Tokens {
			if ascii {
				s.words[i] = folded[t.Start:t.End]
			} else {
				s.words[i] = lexicon.Fold(t.Text)
			}
			sh := tokenShape(t)
			if initial && sh&shWord != 0 {
				sh |= shInitial
				initial = false
			}
			switch t.Text {
			case "\"", "“", "«", ":", "•", "(", "‘", "-", "–", "—", "'":
				initial = true
			}
			s.shapes[i] = sh
			if sh&shWord != 0 && len(t.Text) > 1 {
				if sh&shAllCaps != 0 {
					caps++
				} else {
					lows++
				}
			}
			if sh&shLower != 0 && sh&shInitial == 0 {
				d.lowerSeen[s.words[i]] = true
			}
			if sh&shCap != 0 && sh&shInitial == 0 && i > 0 && ts.Tokens[i-1].Kind != text.Punct {
				d.capSeen[s.words[i]] = true
			}
		}
		s.caseless = caps >= 3 && caps > 2*lows
		upperWords += caps
		lowerWords += lows
		d.sents = append(d.sents, s)
	}
	d.caseless = upperWords > 0 && upperWords > 3*lowerWords
	d.sports, d.business = sportsDoc(d), businessDoc(d)
	if d.caseless {
		for _, s := range d.sents {
			s.caseless = true
		}
	}
	return d
}

func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tokenShape classifies the letters of a token.
func tokenShape(t text.Token) shape {
	if t.Kind != text.Word {
		return 0
	}
	sh := shWord
	r, _ := utf8.DecodeRuneInString(t.Text)
	switch {
	case unicode.IsUpper(r):
		sh |= shCap
	case unicode.IsLower(r):
		sh |= shLower
		// "al-Qaeda", "bin-Laden": an upper-case letter after a hyphen or apostrophe
		if k := strings.IndexAny(t.Text, "-'’"); k > 0 && k < 4 {
			r2, _ := utf8.DecodeRuneInString(t.Text[k+1:])
			if k+1 < len(t.Text) && unicode.IsUpper(r2) {
				sh |= shCap
				sh &^= shLower
			}
		}
	}
	letters, upper := 0, 0
	for _, c := range t.Text {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			} else {
				break
			}
		}
	}
	if letters >= 2 && letters == upper {
		// all letters seen were upper case and the loop did not break early
		sh |= shAllCaps
	}
	return sh
}

// span returns the byte span of tokens [i, j) of s.
func (s *nerSent) span(i, j int) (int, int) {
	return s.Tokens[i].Start, s.Tokens[j-1].End
}

// free reports whether tokens [i, j) are not taken by a candidate.
func (s *nerSent) free(i, j int) bool {
	for k := i; k < j; k++ {
		if s.owner[k] != 0 {
			return false
		}
	}
	return true
}

// add records a candidate and marks its tokens taken.
func (d *nerDoc) add(c *entCand) {
	s := d.sents[c.s]
	if c.end == 0 {
		c.start, c.end = s.span(c.i, c.j)
	}
	if c.nested != nil {
		d.cands = append(d.cands, c.nested) // overlaps c: owns no token
	}
	d.cands = append(d.cands, c)
	for k := c.i; k < c.j; k++ {
		s.owner[k] = int32(len(d.cands))
	}
}
