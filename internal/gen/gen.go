// Package gen generates deterministic synthetic corpora for load tests and benchmarks:
// analyst briefs, wire stories and press releases about invented but plausible persons,
// organizations and armed groups in real countries and places. Actors follow a Zipf-like
// popularity, and every relation type of the extraction contract appears with dates,
// places, quantities, attributions, hedges and negations. The same seed always yields the
// same bytes.
package gen

import (
	"iter"
	"math/rand/v2"
	"strings"
	"time"

	"dossier"
)

// Doc is one generated document.
type Doc struct {
	Name  string       // file-like name, unique within a corpus: "gen-00042-wire.txt"
	Text  string       // the document text, "\n" line ends
	Date  dossier.Date // the document date (day precision, month for briefs)
	Facts []Fact       // the relations the generator wrote into Text
}

// Fact is one relation the generator expressed in a document: what an ideal extractor
// would find. Names are canonical entity names, not the surface forms used in the text.
type Fact struct {
	Type         dossier.RelationType
	Subtype      string // "arms" for weapons deliveries
	Source       string
	Target       string
	SourceType   dossier.EntityType
	TargetType   dossier.EntityType
	Role         string // MEMBER_OF and LEADS
	Date         string // ISO 8601 at the text's precision, "" when the text gives none
	Place        string
	Quantity     string
	AttributedTo string
	Hedged       bool
	Negated      bool
	Evidence     string // the sentence, verbatim in Text
}

// Generator draws documents from a fixed universe of about 2,000 actors. It holds no
// mutable state once built and is safe for concurrent use.
type Generator struct {
	pool *pool
}

// New builds a Generator and its actor universe.
func New() *Generator {
	return &Generator{pool: newPool(1400)}
}

// Corpus returns n documents generated from seed with a fresh Generator.
func Corpus(seed int64, n int) iter.Seq[Doc] {
	return New().Corpus(seed, n)
}

// Words returns nWords words of running analyst prose generated from seed with a fresh
// Generator.
func Words(seed int64, nWords int) string {
	return New().Words(seed, nWords)
}

// Actors returns the number of actors in g's universe, by entity type.
func (g *Generator) Actors() map[dossier.EntityType]int {
	m := map[dossier.EntityType]int{}
	for _, a := range g.pool.actors {
		m[a.typ]++
	}
	return m
}

// Corpus returns n documents of 300 to 1,500 words generated from seed. Document i
// depends only on seed and i.
func (g *Generator) Corpus(seed int64, n int) iter.Seq[Doc] {
	return func(yield func(Doc) bool) {
		for i := 0; i < n; i++ {
			if !yield(g.Doc(seed, i)) {
				return
			}
		}
	}
}

// Doc returns document i of the corpus of seed.
func (g *Generator) Doc(seed int64, i int) Doc {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9e3779b97f4a7c15+1))
	d := newDocGen(g.pool, r)
	return d.document(i)
}

// Words returns exactly nWords words of running prose (sentences of the corpus's kind,
// in paragraphs, without a header), ending with a full stop.
func (g *Generator) Words(seed int64, nWords int) string {
	if nWords <= 0 {
		return ""
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x3c6ef372fe94f82b))
	d := newDocGen(g.pool, r)
	var b strings.Builder
	count := 0
	for count < nWords {
		d.newCast()
		for k := 0; k < 4+r.IntN(3) && count < nWords; k++ {
			s := d.sentence()
			w := strings.Fields(s)
			if count+len(w) > nWords {
				w = w[:nWords-count]
				last := strings.TrimRight(w[len(w)-1], ".,;:")
				w[len(w)-1] = last + "."
			}
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.Join(w, " "))
			count += len(w)
		}
		if count < nWords {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// docGen writes one document; it is used by one goroutine only.
type docGen struct {
	p        *pool
	r        *rand.Rand
	date     time.Time // the document date
	region   int
	cast     map[kind][]int
	intro    map[int]bool
	lastDate time.Time // the last day-precise date written, for "two days later"
	facts    []Fact
}

func newDocGen(p *pool, r *rand.Rand) *docGen {
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	d := &docGen{p: p, r: r, date: start.AddDate(0, 0, r.IntN(7*365))}
	d.newCast()
	return d
}

// newCast picks the actors of a document (or of a stretch of prose): a focal armed group
// and its region, persons, countries, organizations and places.
func (d *docGen) newCast() {
	r, p := d.r, d.p
	d.cast = map[kind][]int{}
	d.intro = map[int]bool{}
	d.lastDate = time.Time{}
	g := p.pick(r, kGroup)
	d.region = p.actors[g].region
	d.cast[kGroup] = []int{g}
	for k := 0; k < 1+r.IntN(3); k++ {
		d.addCast(kGroup, d.pickRegional(kGroup, 6))
	}
	for k := 0; k < 3+r.IntN(5); k++ {
		d.addCast(kPerson, d.pickRegional(kPerson, 5))
	}
	for k := 0; k < 2+r.IntN(3); k++ {
		d.addCast(kCountry, d.pickRegional(kCountry, 6))
	}
	for k := 0; k < 1+r.IntN(3); k++ {
		d.addCast(kOrg, p.pick(r, kOrg))
	}
	places := p.byReg[d.region]
	for k := 0; k < 3+r.IntN(3); k++ {
		d.addCast(kPlace, places[r.IntN(len(places))])
	}
}

// pickRegional draws by popularity, from the document's region except one time in
// outside (from the whole universe).
func (d *docGen) pickRegional(k kind, outside int) int {
	if d.r.IntN(outside) == 0 {
		return d.p.pick(d.r, k)
	}
	return d.p.pickIn(d.r, k, d.region)
}

func (d *docGen) addCast(k kind, a int) {
	for _, x := range d.cast[k] {
		if x == a {
			return
		}
	}
	d.cast[k] = append(d.cast[k], a)
}

// actorOf picks an actor of one of the kinds in kinds, other than not; mostly from the
// cast, sometimes a newcomer drawn from the whole universe.
func (d *docGen) actorOf(kinds string, not int) int {
	for t := 0; t < 8; t++ {
		k := kind(kinds[d.r.IntN(len(kinds))])
		c := d.cast[k]
		var a int
		if len(c) == 0 || d.r.IntN(8) == 0 {
			a = d.pickRegional(k, 3)
			if k != kPlace {
				d.addCast(k, a)
			}
		} else {
			a = c[d.r.IntN(len(c))]
		}
		if a != not {
			return a
		}
	}
	k := kind(kinds[0])
	a := d.p.pick(d.r, k)
	for t := 0; a == not && t < 100; t++ {
		a = d.p.pick(d.r, k)
	}
	return a
}

// place returns a place of the document's region.
func (d *docGen) place() int {
	c := d.cast[kPlace]
	return c[d.r.IntN(len(c))]
}
