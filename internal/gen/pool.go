package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"dossier"
)

// kind is the generator's coarse actor class, used to pick fitting subjects and objects.
type kind byte

// Actor kinds; the letters appear in the template constraints.
const (
	kPerson  kind = 'P'
	kOrg     kind = 'O'
	kGroup   kind = 'G'
	kCountry kind = 'C'
	kPlace   kind = 'L'
)

// actor is one entity of the pool.
type actor struct {
	name    string // canonical name
	short   string // later mentions: surname or acronym
	acronym string
	typ     dossier.EntityType
	kind    kind
	region  int
	country int    // index into pool.countries, -1 when none
	role    string // person: title inside affil
	affil   int    // person: index of the organization, group or country it belongs to; -1 otherwise
	demonym string // country only
	capital string // country only
}

// pool is the fixed universe of actors one generator draws from, with a Zipf-like
// popularity rank per kind.
type pool struct {
	actors []actor
	byKind map[kind][]int       // actor indexes in popularity order
	cum    map[kind][]float64   // cumulative Zipf weights over byKind
	regK   map[[2]int][]int     // per (kind, region): actor indexes in popularity order
	regCum map[[2]int][]float64 // cumulative Zipf weights over regK
	byReg  map[int][]int        // place actors per region
	cByReg map[int][]int        // country actors per region
}

// poolSeed fixes the actor universe so that every corpus, whatever its seed, shares it.
const poolSeed = 0x5eed_d055

// zipfS is the exponent of the popularity distribution of actors.
const zipfS = 1.05

// newPool builds the actor universe: about 2,000 actors.
func newPool(persons int) *pool {
	r := rand.New(rand.NewPCG(poolSeed, 1))
	p := &pool{byKind: map[kind][]int{}, cum: map[kind][]float64{}, regK: map[[2]int][]int{}, regCum: map[[2]int][]float64{}, byReg: map[int][]int{}, cByReg: map[int][]int{}}
	add := func(a actor) int {
		p.actors = append(p.actors, a)
		i := len(p.actors) - 1
		p.byKind[a.kind] = append(p.byKind[a.kind], i)
		return i
	}
	countryOf := map[[2]int]int{}
	for ri, reg := range regions {
		for ci, c := range reg.countries {
			i := add(actor{name: c.name, short: c.name, typ: dossier.Country, kind: kCountry, region: ri,
				affil: -1, demonym: c.demonym, capital: c.capital})
			p.actors[i].country = i
			countryOf[[2]int{ri, ci}] = i
			p.cByReg[ri] = append(p.cByReg[ri], i)
		}
		for _, pl := range reg.places {
			i := add(actor{name: pl.name, short: pl.name, typ: dossier.Location, kind: kPlace, region: ri,
				country: countryOf[[2]int{ri, pl.country}], affil: -1})
			p.byReg[ri] = append(p.byReg[ri], i)
		}
	}
	seen := map[string]bool{}
	for _, a := range p.actors {
		seen[a.name] = true
	}
	for _, o := range internationalOrgs {
		short := o[1]
		if short == "" {
			short = o[0]
		}
		add(actor{name: o[0], short: short, acronym: o[1], typ: dossier.Organization, kind: kOrg, region: -1, country: -1, affil: -1})
		seen[o[0]] = true
		seen["acr:"+o[1]] = true
	}
	// State bodies of every country.
	for _, ci := range p.byKind[kCountry] {
		c := p.actors[ci]
		for bi, b := range stateBodies {
			if bi >= 4 && r.IntN(2) == 0 {
				continue
			}
			name := c.demonym + " " + b.body
			add(actor{name: name, short: name, typ: dossier.Organization, kind: kOrg, region: c.region, country: ci, affil: -1})
			seen[name] = true
		}
	}
	// Real armed groups, then invented ones.
	for ri, reg := range regions {
		for _, g := range reg.groups {
			name, acr := splitAcronym(g)
			short := acr
			if short == "" {
				short = name
			}
			add(actor{name: name, short: short, acronym: acr, typ: dossier.ArmedGroup, kind: kGroup, region: ri,
				country: p.cByReg[ri][0], affil: -1})
			seen[name] = true
			seen["acr:"+acr] = true
		}
	}
	for len(p.byKind[kGroup]) < 220 {
		ri := r.IntN(len(regions) - 1) // no invented groups in Europe
		reg := regions[ri]
		stem := reg.stems[r.IntN(len(reg.stems))]
		if r.IntN(2) == 0 {
			stem = reg.places[r.IntN(len(reg.places))].name
		}
		name := fmt.Sprintf(groupPatterns[r.IntN(len(groupPatterns))], stem)
		if seen[name] {
			continue
		}
		seen[name] = true
		acr := acronym(name)
		if seen["acr:"+acr] {
			acr = ""
		}
		seen["acr:"+acr] = true
		short := acr
		if acr == "" {
			short = name
		}
		add(actor{name: name, short: short, acronym: acr, typ: dossier.ArmedGroup, kind: kGroup, region: ri,
			country: p.cByReg[ri][r.IntN(len(p.cByReg[ri]))], affil: -1})
	}
	for len(p.byKind[kOrg]) < 360 {
		ri := r.IntN(len(regions))
		reg := regions[ri]
		stem := reg.stems[r.IntN(len(reg.stems))]
		name := fmt.Sprintf(orgPatterns[r.IntN(len(orgPatterns))], stem)
		if seen[name] {
			continue
		}
		seen[name] = true
		add(actor{name: name, short: name, typ: dossier.Organization, kind: kOrg, region: ri,
			country: p.cByReg[ri][r.IntN(len(p.cByReg[ri]))], affil: -1})
	}
	// Persons: each belongs to a state body, an organization or an armed group of its region.
	orgs, groups := p.byKind[kOrg], p.byKind[kGroup]
	for tries := 0; len(p.byKind[kPerson]) < persons && tries < persons*20; tries++ {
		ri := r.IntN(len(regions))
		reg := regions[ri]
		first, last := reg.first[r.IntN(len(reg.first))], reg.last[r.IntN(len(reg.last))]
		name := first + " " + last
		if seen[name] {
			continue
		}
		seen[name] = true
		a := actor{name: name, short: last, typ: dossier.Person, kind: kPerson, region: ri, affil: -1}
		switch n := r.IntN(10); {
		case n < 4 && ri < len(regions)-1: // armed group of the region
			for k := 0; k < 20; k++ {
				g := groups[r.IntN(len(groups))]
				if p.actors[g].region == ri {
					a.affil, a.role = g, groupRoles[r.IntN(len(groupRoles))]
					break
				}
			}
		case n < 8: // state body of a country of the region
			for k := 0; k < 40; k++ {
				o := orgs[r.IntN(len(orgs))]
				if p.actors[o].region == ri && p.actors[o].country >= 0 && strings.HasPrefix(p.actors[o].name, p.actors[p.actors[o].country].demonym+" ") {
					a.affil, a.role = o, roleOfBody(p.actors[o].name)
					break
				}
			}
		default: // any organization
			o := orgs[r.IntN(len(orgs))]
			a.affil, a.role = o, orgRoles[r.IntN(len(orgRoles))]
		}
		if a.affil < 0 {
			a.affil, a.role = p.cByReg[ri][r.IntN(len(p.cByReg[ri]))], "envoy"
		}
		a.country = p.actors[a.affil].country
		add(a)
	}
	// Popularity: a fixed random order per kind, Zipf weights over it.
	for _, k := range []kind{kPerson, kOrg, kGroup, kCountry, kPlace} {
		idx := p.byKind[k]
		r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		cum := make([]float64, len(idx))
		s := 0.0
		for i := range idx {
			s += 1 / math.Pow(float64(i+1), zipfS)
			cum[i] = s
		}
		p.byKind[k], p.cum[k] = idx, cum
		for rank, a := range idx {
			key := [2]int{int(k), p.actors[a].region}
			p.regK[key] = append(p.regK[key], a)
			c := p.regCum[key]
			s := 1 / math.Pow(float64(rank+1), zipfS)
			if len(c) > 0 {
				s += c[len(c)-1]
			}
			p.regCum[key] = append(c, s)
		}
	}
	return p
}

// roleOfBody returns the title of a person who leads or serves in a state body.
func roleOfBody(name string) string {
	for _, b := range stateBodies {
		if strings.HasSuffix(name, b.body) {
			return b.role
		}
	}
	return "official"
}

// pick draws an actor of kind k by popularity.
func (p *pool) pick(r *rand.Rand, k kind) int {
	cum := p.cum[k]
	x := r.Float64() * cum[len(cum)-1]
	i := sort.SearchFloat64s(cum, x)
	if i >= len(cum) {
		i = len(cum) - 1
	}
	return p.byKind[k][i]
}

// pickIn draws an actor of kind k and region reg by popularity, or from the whole
// universe when the region has none of that kind.
func (p *pool) pickIn(r *rand.Rand, k kind, reg int) int {
	key := [2]int{int(k), reg}
	cum := p.regCum[key]
	if len(cum) == 0 {
		return p.pick(r, k)
	}
	x := r.Float64() * cum[len(cum)-1]
	i := sort.SearchFloat64s(cum, x)
	if i >= len(cum) {
		i = len(cum) - 1
	}
	return p.regK[key][i]
}

// splitAcronym splits "Name (ACR)" into its parts.
func splitAcronym(s string) (name, acr string) {
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		return s[:i], s[i+2 : len(s)-1]
	}
	return s, ""
}

// acronym builds an acronym from the capitalized words of name, or "" for short names.
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}
