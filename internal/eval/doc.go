package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"dossier"
)

// GoldEntity is one entity of a gold annotation: names, not ids, identify it.
type GoldEntity struct {
	Name    string             `json:"name"`
	Type    dossier.EntityType `json:"type"`
	Aliases []string           `json:"aliases"`
	Roles   []string           `json:"roles"`
}

// GoldRelation is one relation of a gold annotation; Source and Target are entity names.
type GoldRelation struct {
	Type   dossier.RelationType `json:"type"`
	Source string               `json:"source"`
	Target string               `json:"target"`
}

// GoldEvent is one event of a gold annotation; participants are entity names.
type GoldEvent struct {
	Name         string   `json:"name"`
	Date         string   `json:"date"`
	Participants []string `json:"participants"`
}

// Gold is a hand-made annotation of one document, as read by score_doc.py.
type Gold struct {
	Doc       string         `json:"doc"`
	DocDate   string         `json:"doc_date"`
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
	Events    []GoldEvent    `json:"events"`
}

// ReadGold decodes a gold annotation.
func ReadGold(r io.Reader) (*Gold, error) {
	var g Gold
	if err := json.NewDecoder(r).Decode(&g); err != nil {
		return nil, fmt.Errorf("read gold: %v: %w", err, dossier.ErrInvalid)
	}
	return &g, nil
}

// DocScore holds the counts of one document's score (or a sum of them), as score_doc.py
// computes them.
type DocScore struct {
	Entity    Counts // typed entity match
	EntityAny Counts // entity match ignoring type
	Relation  Counts // (type, source, target), symmetric types undirected
	Linked    Counts // entity pairs linked by any relation, undirected
	Event     Counts
	// Missing lists gold entity names no predicted entity matched.
	Missing []string
	// Spurious lists the names of predicted entities that match no gold entity.
	Spurious []string
}

// Add adds the counts of o to s (the name lists are concatenated).
func (s *DocScore) Add(o DocScore) {
	s.Entity.Add(o.Entity)
	s.EntityAny.Add(o.EntityAny)
	s.Relation.Add(o.Relation)
	s.Linked.Add(o.Linked)
	s.Event.Add(o.Event)
	s.Missing = append(s.Missing, o.Missing...)
	s.Spurious = append(s.Spurious, o.Spurious...)
}

// Norm normalizes a surface form as score_doc.py does: lower case, typographic quotes
// straightened, guillemets dropped, runs of spaces and dashes made one space, surrounding
// punctuation trimmed and a leading article removed.
func Norm(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\u2019' || r == '\u2018':
			r = '\''
		case r == '«' || r == '»':
			continue
		}
		if unicode.IsSpace(r) || r == '-' || (r >= '\u2010' && r <= '\u2015') {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte(' ')
		}
		sep = false
		b.WriteRune(r)
	}
	out := strings.Trim(b.String(), " .,;:'\"")
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(out, a) {
			return strings.TrimLeft(out[len(a):], " ")
		}
	}
	return out
}

// align maps each predicted entity id to the gold entity name whose forms it shares most,
// ties broken by equal type, then by the greater name (as score_doc.py's max does).
func align(gold *Gold, pred *dossier.Extraction) map[string]string {
	idx := map[string]map[string]bool{}
	gtype := map[string]dossier.EntityType{}
	for _, e := range gold.Entities {
		gtype[e.Name] = e.Type
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			k := Norm(f)
			if idx[k] == nil {
				idx[k] = map[string]bool{}
			}
			idx[k][e.Name] = true
		}
	}
	out := map[string]string{}
	for _, e := range pred.Entities {
		forms := map[string]bool{}
		add := func(f string) {
			if f != "" {
				forms[Norm(f)] = true
			}
		}
		add(e.Name)
		for _, a := range e.Aliases {
			add(a)
		}
		for _, m := range e.Mentions {
			add(m.Text)
		}
		votes := map[string]int{}
		for f := range forms {
			for g := range idx[f] {
				votes[g]++
			}
		}
		best, bestVotes, bestTyped := "", -1, false
		for g, v := range votes {
			typed := gtype[g] == e.Type
			if v > bestVotes || (v == bestVotes && typed && !bestTyped) || (v == bestVotes && typed == bestTyped && g > best) {
				best, bestVotes, bestTyped = g, v, typed
			}
		}
		if best != "" {
			out[e.ID] = best
		}
	}
	return out
}

type relKey struct {
	typ, s, o string
}

func makeRelKey(t dossier.RelationType, s, o string) relKey {
	if t.Symmetric() && o < s {
		s, o = o, s
	}
	return relKey{string(t), s, o}
}

// ScoreDoc scores a predicted extraction against a gold annotation with score_doc.py's
// rules: entities align by shared normalized forms; relations compare (type, source,
// target) after alignment, CONSULT/COOPERATE/AGREE/ALLY_OF undirected, relations on
// unaligned entities counting as false positives; events match on date prefix and at
// least half the gold participants.
func ScoreDoc(gold *Gold, pred *dossier.Extraction) DocScore {
	var sc DocScore
	amap := align(gold, pred)
	gtype := map[string]dossier.EntityType{}
	for _, e := range gold.Entities {
		gtype[e.Name] = e.Type
	}
	matchedAny := map[string]bool{}
	matchedTyped := map[string]bool{}
	for _, e := range pred.Entities {
		g, ok := amap[e.ID]
		if !ok {
			sc.Spurious = append(sc.Spurious, e.Name)
			continue
		}
		matchedAny[g] = true
		if gtype[g] == e.Type {
			matchedTyped[g] = true
		}
	}
	for _, e := range gold.Entities {
		if !matchedAny[e.Name] {
			sc.Missing = append(sc.Missing, e.Name)
		}
	}
	sort.Strings(sc.Missing)
	sc.Entity = Counts{TP: len(matchedTyped), Pred: len(pred.Entities), Gold: len(gtype)}
	sc.EntityAny = Counts{TP: len(matchedAny), Pred: len(pred.Entities), Gold: len(gtype)}

	goldRel := map[relKey]bool{}
	goldLink := map[relKey]bool{}
	for _, r := range gold.Relations {
		goldRel[makeRelKey(r.Type, r.Source, r.Target)] = true
		goldLink[makeRelKey(dossier.Consult, r.Source, r.Target)] = true
	}
	predRel := map[relKey]bool{}
	predLink := map[relKey]bool{}
	for _, r := range pred.Relations {
		s, okS := amap[r.Source]
		o, okO := amap[r.Target]
		if !okS || !okO {
			predRel[relKey{"?", r.ID, string(r.Type)}] = true
			continue
		}
		predRel[makeRelKey(r.Type, s, o)] = true
		predLink[makeRelKey(dossier.Consult, s, o)] = true
	}
	sc.Relation = Counts{TP: overlap(goldRel, predRel), Pred: len(predRel), Gold: len(goldRel)}
	sc.Linked = Counts{TP: overlap(goldLink, predLink), Pred: len(predLink), Gold: len(goldLink)}

	used := map[int]bool{}
	tp := 0
	for _, pe := range pred.Events {
		parts := map[string]bool{}
		for _, p := range pe.Participants {
			if g, ok := amap[p]; ok {
				parts[g] = true
			}
		}
		date := ""
		if pe.Date != nil {
			date = *pe.Date
		}
		for i, ge := range gold.Events {
			if used[i] {
				continue
			}
			if ge.Date != "" && !strings.HasPrefix(date, ge.Date) {
				continue
			}
			gp := map[string]bool{}
			for _, p := range ge.Participants {
				gp[p] = true
			}
			common := 0
			for p := range gp {
				if parts[p] {
					common++
				}
			}
			if common*2 >= len(gp) {
				used[i] = true
				tp++
				break
			}
		}
	}
	sc.Event = Counts{TP: tp, Pred: len(pred.Events), Gold: len(gold.Events)}
	return sc
}

func overlap(a, b map[relKey]bool) int {
	n := 0
	for k := range b {
		if a[k] {
			n++
		}
	}
	return n
}

// Summary returns score_doc.py's machine-readable last line for s:
// "entity_f1=0.948 relation_f1=0.871 linked_f1=0.889 event_f1=0.750".
func (s DocScore) Summary() string {
	return fmt.Sprintf("entity_f1=%.3f relation_f1=%.3f linked_f1=%.3f event_f1=%.3f", s.Entity.F1(), s.Relation.F1(), s.Linked.F1(), s.Event.F1())
}
