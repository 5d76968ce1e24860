package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"dossier"
)

// Resolution across documents. A document's entity joins a global entity when
//
//   - both carry the same kb_id (rule "kb_id"); or
//   - a normalized name key of it (its name, or an alias written as a name) is a live
//     alias of a global entity of a compatible type with no conflicting kb_id (rule
//     "name" when the key is the global entity's own name, "alias" otherwise).
//
// A key of one word never counts for a PERSON: a bare surname never merges across
// documents on its own. Aliases removed by an analyst are not consulted, and aliases of an
// entity merged into another resolve to the survivor, so curation applies to later
// documents too. Otherwise a new global entity is made (rule "new"). Each decision is
// stored with the document's entity, with its evidence.

type decision struct {
	entity, canon  int64
	rule, evidence string
}

type candidate struct {
	canon   int64
	name    string
	norm    string
	typ     dossier.EntityType
	kbID    string
	mention int
}

type resolver struct {
	s   *Store
	tx  *sql.Tx
	pc  *stmtCache // the transaction's prepared statements
	ctx context.Context
	// byKey maps a name key to the canonical entities that carry it as a live alias.
	byKey map[string][]int64
	// owner maps a key and a canonical entity to the stored entity whose alias the key
	// is, so that a document resolved through a merged entity's alias is attached to
	// that entity and follows it if the merge is undone.
	owner map[string]map[int64]int64
	byKB  map[string]int64
	cands map[int64]*candidate
}

// honorifics are generic titles dropped from the front of a name key when at least two
// words remain ("President Vladimir Putin" -> "vladimir putin").
var honorifics = map[string]bool{
	"president": true, "prime": true, "minister": true, "general": true, "gen": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "sir": true, "mullah": true, "sheikh": true, "shaikh": true,
	"colonel": true, "col": true, "lt": true, "major": true, "captain": true, "admiral": true,
	"ambassador": true, "senator": true, "king": true, "queen": true, "prince": true, "emir": true,
	"commander": true, "chairman": true, "secretary": true, "deputy": true, "foreign": true,
	"defense": true, "defence": true, "acting": true, "former": true, "the": true, "maulvi": true,
	"mawlawi": true, "haji": true, "professor": true, "prof": true, "judge": true, "chief": true,
}

// normName folds a name to a comparison key: lower case, letters and digits only, single
// spaces, without a leading "the".
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(foldRune(r)))
		case r == '\'' || r == '’' || r == '.':
			// "al-Qa'ida" and "U.S." keep their letters together
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// foldRune drops the accent of common Latin letters.
func foldRune(r rune) rune {
	if r < 0xC0 || r > 0x17F {
		return r
	}
	const from = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽžĆćČčĐđŁłŃńŚśŹźŻżĞğİıŞşŌōŪūĀāĒēĪī"
	const to = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyySsZzCcCcDdLlNnSsZzZzGgIiSsOoUuAaEeIi"
	fr, tr := []rune(from), []rune(to)
	for i, c := range fr {
		if c == r {
			return tr[i]
		}
	}
	return r
}

// nameKeys returns the resolution keys of a name: its normal form and, for a person whose
// name a generic title leads, the form without the title. One-word keys are dropped for
// persons.
func nameKeys(name string, typ dossier.EntityType) []string {
	n := normName(name)
	if n == "" {
		return nil
	}
	keys := []string{n}
	if typ != dossier.Person {
		return keys
	}
	words := strings.Fields(n)
	for len(words) > 2 && honorifics[words[0]] {
		words = words[1:]
		keys = append(keys, strings.Join(words, " "))
	}
	out := keys[:0]
	for _, k := range keys {
		if strings.Contains(k, " ") {
			out = append(out, k)
		}
	}
	return out
}

// entityKeys returns the keys of a document's entity: from its name and from those
// aliases written as names (starting with an upper-case letter or digit), not from
// descriptions such as "the Russian leader".
func entityKeys(e *dossier.Entity) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		for _, k := range nameKeys(s, e.Type) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	add(e.Name)
	for _, a := range e.Aliases {
		if r := firstRune(a); unicode.IsUpper(r) || unicode.IsDigit(r) {
			add(a)
		}
	}
	return out
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// compatible reports whether entities of types a and b may be one entity.
func compatible(a, b dossier.EntityType) bool {
	if a == b {
		return true
	}
	group := func(t dossier.EntityType) int {
		if t == dossier.Organization || t == dossier.ArmedGroup {
			return 1
		}
		return 0
	}
	return group(a) == 1 && group(b) == 1
}

// load fetches every global entity that a document's entities could resolve to, in a few
// queries whatever the number of entities.
func (r *resolver) load(ents []dossier.Entity) error {
	r.byKey, r.byKB, r.cands = map[string][]int64{}, map[string]int64{}, map[int64]*candidate{}
	r.owner = map[string]map[int64]int64{}
	var keys, kbs []any
	for i := range ents {
		for _, k := range entityKeys(&ents[i]) {
			keys = append(keys, k)
		}
		if kb := ents[i].KBID; kb != nil && *kb != "" {
			kbs = append(kbs, *kb)
		}
	}
	if len(keys) > 0 {
		for _, chunk := range chunks(keys, 500) {
			rows, err := r.tx.QueryContext(r.ctx, r.s.q(`SELECT a.norm, e.canon_id, e.id FROM entity_aliases a
				JOIN entities e ON e.id = a.entity_id WHERE a.removed = 0 AND e.deleted = 0 AND a.norm IN `+inList(len(chunk))+`
				ORDER BY e.id`), chunk...)
			if err != nil {
				return fmt.Errorf("resolve: aliases: %w", err)
			}
			err = eachRow(rows, func(rows *sql.Rows) error {
				var k string
				var id, raw int64
				if err := rows.Scan(&k, &id, &raw); err != nil {
					return err
				}
				r.byKey[k] = appendUnique(r.byKey[k], id)
				if r.owner[k] == nil {
					r.owner[k] = map[int64]int64{}
				}
				if o, ok := r.owner[k][id]; !ok || o != id {
					r.owner[k][id] = raw
				}
				r.cands[id] = nil
				return nil
			})
			if err != nil {
				return fmt.Errorf("resolve: aliases: %w", err)
			}
		}
	}
	if len(kbs) > 0 {
		rows, err := r.tx.QueryContext(r.ctx, r.s.q(`SELECT kb_id, canon_id FROM entities WHERE deleted = 0 AND kb_id IN `+inList(len(kbs))+` ORDER BY id`), kbs...)
		if err != nil {
			return fmt.Errorf("resolve: kb ids: %w", err)
		}
		err = eachRow(rows, func(rows *sql.Rows) error {
			var kb string
			var id int64
			if err := rows.Scan(&kb, &id); err != nil {
				return err
			}
			if _, ok := r.byKB[kb]; !ok {
				r.byKB[kb] = id
			}
			r.cands[id] = nil
			return nil
		})
		if err != nil {
			return fmt.Errorf("resolve: kb ids: %w", err)
		}
	}
	return r.loadCandidates()
}

func (r *resolver) loadCandidates() error {
	var ids []any
	for id, c := range r.cands {
		if c == nil {
			ids = append(ids, id)
		}
	}
	for _, chunk := range chunks(ids, 500) {
		rows, err := r.tx.QueryContext(r.ctx, r.s.q(`SELECT id, name, norm, type, COALESCE(kb_id, ''), mention_count
			FROM entities WHERE id IN `+inList(len(chunk))), chunk...)
		if err != nil {
			return fmt.Errorf("resolve: candidates: %w", err)
		}
		err = eachRow(rows, func(rows *sql.Rows) error {
			c := &candidate{}
			var typ string
			if err := rows.Scan(&c.canon, &c.name, &c.norm, &typ, &c.kbID, &c.mention); err != nil {
				return err
			}
			c.typ = dossier.EntityType(typ)
			r.cands[c.canon] = c
			return nil
		})
		if err != nil {
			return fmt.Errorf("resolve: candidates: %w", err)
		}
	}
	return nil
}

// resolve finds or makes the global entity of a document's entity and records its keys
// as aliases of it.
func (r *resolver) resolve(e *dossier.Entity) (decision, error) {
	kb := ""
	if e.KBID != nil {
		kb = *e.KBID
	}
	var dec decision
	if id, ok := r.byKB[kb]; ok && kb != "" {
		dec = decision{entity: id, canon: id, rule: "kb_id", evidence: "kb_id " + kb}
	} else {
		type scored struct {
			id    int64
			keys  []string
			named bool
		}
		var best []scored
		for _, k := range entityKeys(e) {
			for _, id := range r.byKey[k] {
				c := r.cands[id]
				if c == nil || !compatible(c.typ, e.Type) || (kb != "" && c.kbID != "" && c.kbID != kb) {
					continue
				}
				found := false
				for i := range best {
					if best[i].id == id {
						best[i].keys = append(best[i].keys, k)
						best[i].named = best[i].named || k == c.norm
						found = true
					}
				}
				if !found {
					best = append(best, scored{id: id, keys: []string{k}, named: k == c.norm})
				}
			}
		}
		if len(best) > 0 {
			sort.SliceStable(best, func(i, j int) bool {
				a, b := best[i], best[j]
				if len(a.keys) != len(b.keys) {
					return len(a.keys) > len(b.keys)
				}
				if a.named != b.named {
					return a.named
				}
				ca, cb := r.cands[a.id], r.cands[b.id]
				if ca.mention != cb.mention {
					return ca.mention > cb.mention
				}
				return a.id < b.id
			})
			b := best[0]
			rule := "alias"
			if b.named {
				rule = "name"
			}
			quoted := make([]string, len(b.keys))
			for i, k := range b.keys {
				quoted[i] = strconv.Quote(k)
			}
			ev := fmt.Sprintf("shares %s with entity %d %q", strings.Join(quoted, ", "), b.id, r.cands[b.id].name)
			if len(best) > 1 {
				var others []string
				for _, o := range best[1:] {
					others = append(others, itoa(o.id))
				}
				ev += "; other candidates: " + strings.Join(others, ", ")
			}
			raw := b.id
			if o, ok := r.owner[b.keys[0]][b.id]; ok {
				raw = o
			}
			if raw != b.id {
				ev += fmt.Sprintf(" (through entity %d, merged into it)", raw)
			}
			dec = decision{entity: raw, canon: b.id, rule: rule, evidence: ev}
		}
	}
	if dec.rule == "" {
		id, err := r.s.insertEntity(r.ctx, r.pc, e.Name, e.Type, kb)
		if err != nil {
			return dec, err
		}
		dec = decision{entity: id, canon: id, rule: "new", evidence: "no earlier entity shares a kb_id or a name"}
		c := &candidate{canon: id, name: e.Name, norm: normName(e.Name), typ: e.Type, kbID: kb}
		r.cands[id] = c
		if kb != "" {
			r.byKB[kb] = id
		}
	} else if kb != "" && r.cands[dec.canon].kbID == "" {
		if _, err := r.pc.ExecContext(r.ctx, r.s.q(`UPDATE entities SET kb_id = ? WHERE id = ?`), kb, dec.canon); err != nil {
			return dec, fmt.Errorf("entity %d: set kb_id %s: %w", dec.canon, kb, err)
		}
		r.cands[dec.canon].kbID = kb
		r.byKB[kb] = dec.canon
	}
	// Record the names as aliases of the entity so that later documents find it; an
	// alias an analyst removed stays removed (the conflict leaves the row as it is).
	names := append([]string{e.Name}, e.Aliases...)
	for _, a := range names {
		n := normName(a)
		if n == "" {
			continue
		}
		if _, err := r.pc.ExecContext(r.ctx, r.s.q(`INSERT INTO entity_aliases (entity_id, norm, alias, origin)
			VALUES (?,?,?,'extract') ON CONFLICT DO NOTHING`), dec.entity, n, a); err != nil {
			return dec, fmt.Errorf("alias %q: %w", a, err)
		}
	}
	for _, k := range entityKeys(e) {
		if _, err := r.pc.ExecContext(r.ctx, r.s.q(`INSERT INTO entity_aliases (entity_id, norm, alias, origin)
			VALUES (?,?,?,'key') ON CONFLICT DO NOTHING`), dec.entity, k, k); err != nil {
			return dec, fmt.Errorf("alias key %q: %w", k, err)
		}
		r.byKey[k] = appendUnique(r.byKey[k], dec.canon)
	}
	return dec, nil
}

// insertEntity makes a new canonical entity.
func (s *Store) insertEntity(ctx context.Context, q querier, name string, typ dossier.EntityType, kb string) (int64, error) {
	var kbv any
	if kb != "" {
		kbv = kb
	}
	var id int64
	err := q.QueryRowContext(ctx, s.q(`INSERT INTO entities (name, norm, type, kb_id, canon_id, created_at)
		VALUES (?,?,?,?,0,?) RETURNING id`), name, normName(name), string(typ), kbv, fmtTime(s.now())).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert entity %q: %w", name, err)
	}
	if _, err := q.ExecContext(ctx, s.q(`UPDATE entities SET canon_id = id WHERE id = ?`), id); err != nil {
		return 0, fmt.Errorf("insert entity %q: %w", name, err)
	}
	return id, nil
}

func appendUnique(s []int64, v int64) []int64 {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func chunks(a []any, n int) [][]any {
	var out [][]any
	for len(a) > n {
		out = append(out, a[:n])
		a = a[n:]
	}
	if len(a) > 0 {
		out = append(out, a)
	}
	return out
}
