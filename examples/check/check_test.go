package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// goldEntity, goldRelation, goldEvent and goldDoc are the annotation shape of
// shared/seed/gold/brief-27.json; "note", "subtype" and "role" are the optional keys.
type goldEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
	Roles   []string `json:"roles"`
	Note    string   `json:"note,omitempty"`
}

type goldRelation struct {
	Type         string  `json:"type"`
	Subtype      *string `json:"subtype,omitempty"`
	Source       string  `json:"source"`
	Target       string  `json:"target"`
	Date         *string `json:"date"`
	Place        *string `json:"place"`
	AttributedTo string  `json:"attributed_to"`
	Hedged       bool    `json:"hedged"`
	Negated      bool    `json:"negated"`
	Quantity     *string `json:"quantity"`
	Evidence     string  `json:"evidence"`
	Role         *string `json:"role,omitempty"`
	Note         string  `json:"note,omitempty"`
}

type goldEvent struct {
	Name         string   `json:"name"`
	Date         *string  `json:"date"`
	Place        *string  `json:"place"`
	Participants []string `json:"participants"`
	Evidence     string   `json:"evidence"`
	Note         string   `json:"note,omitempty"`
}

type goldDoc struct {
	Doc       string         `json:"doc"`
	DocDate   string         `json:"doc_date"`
	Entities  []goldEntity   `json:"entities"`
	Relations []goldRelation `json:"relations"`
	Events    []goldEvent    `json:"events"`
}

// required lists, per kind of JSON object, the keys a gold file must spell out even when
// their value is null or false.
var required = map[string][]string{
	"document": {"doc", "doc_date", "entities", "relations", "events"},
	"entities": {"name", "type", "aliases", "roles"},
	"relations": {"type", "source", "target", "date", "place", "attributed_to", "hedged",
		"negated", "quantity", "evidence"},
	"events": {"name", "date", "place", "participants", "evidence"},
}

// Word-count bounds of a check document, and the number of documents the set must hold.
const (
	minWords = 300
	maxWords = 600
	minDocs  = 6
)

// sharedDir is the team's read-only material, beside the repository root.
func sharedDir() string { return filepath.Join("..", "..", "..", "shared") }

// schemaTypes reads the entity and relation types listed in SCHEMA.md's tables.
func schemaTypes(t *testing.T) (entities, relations map[string]bool) {
	t.Helper()
	path := filepath.Join(sharedDir(), "design", "SCHEMA.md")
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("SCHEMA.md not available at %s", path)
	}
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	text := string(b)
	between := func(from, to string) string {
		i := strings.Index(text, from)
		if i < 0 {
			t.Fatalf("SCHEMA.md has no heading %q", from)
		}
		rest := text[i:]
		if j := strings.Index(rest, to); j > 0 {
			rest = rest[:j]
		}
		return rest
	}
	code := regexp.MustCompile("`([A-Z][A-Z_]+)`")
	entities, relations = map[string]bool{}, map[string]bool{}
	for _, line := range strings.Split(between("## Entity types", "## Mentions"), "\n") {
		if m := regexp.MustCompile("^\\| `([A-Z_]+)` \\|").FindStringSubmatch(line); m != nil {
			entities[m[1]] = true
		}
	}
	for _, line := range strings.Split(between("## Relations", "## Events"), "\n") {
		if !strings.HasPrefix(line, "| event-like |") && !strings.HasPrefix(line, "| standing |") {
			continue
		}
		for _, m := range code.FindAllStringSubmatch(line, -1) {
			relations[m[1]] = true
		}
	}
	if len(entities) < 6 || len(relations) < 20 {
		t.Fatalf("SCHEMA.md: read %d entity and %d relation types, want at least 6 and 20",
			len(entities), len(relations))
	}
	return entities, relations
}

// missingKeys decodes raw loosely and lists every required key that an object lacks.
func missingKeys(raw []byte) ([]string, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return nil, err
	}
	var miss []string
	has := func(obj map[string]json.RawMessage, where, kind string) {
		for _, k := range required[kind] {
			if _, ok := obj[k]; !ok {
				miss = append(miss, where+"."+k)
			}
		}
	}
	has(top, "document", "document")
	for _, list := range []string{"entities", "relations", "events"} {
		raw, ok := top[list]
		if !ok {
			continue
		}
		var items []map[string]json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, fmt.Errorf("%s: %w", list, err)
		}
		for i, it := range items {
			has(it, fmt.Sprintf("%s[%d]", list, i), list)
		}
	}
	return miss, nil
}

// decodeStrict parses a gold file, refusing keys outside the shape.
func decodeStrict(raw []byte) (goldDoc, error) {
	var d goldDoc
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(&d)
	return d, err
}

// isoDate reports whether s is a date at year, month or day precision.
func isoDate(s string) bool {
	layouts := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
	layout, ok := layouts[len(s)]
	if !ok {
		return false
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

// problems lists every way in which d is not a faithful annotation of text, given the
// entity and relation types allowed.
func problems(d goldDoc, text string, entTypes, relTypes map[string]bool) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if !isoDate(d.DocDate) {
		add("doc_date %q is not an ISO date", d.DocDate)
	}
	if len(d.Entities) == 0 {
		add("no entities")
	}
	known := map[string]bool{}
	for _, e := range d.Entities {
		switch {
		case e.Name == "":
			add("an entity has no name")
		case known[e.Name]:
			add("entity %q appears twice", e.Name)
		}
		known[e.Name] = true
		if !entTypes[e.Type] {
			add("entity %q: type %q is not in SCHEMA.md", e.Name, e.Type)
		}
		if e.Aliases == nil || e.Roles == nil {
			add("entity %q: aliases and roles must be lists, not null", e.Name)
		}
		if len(e.Aliases) == 0 {
			add("entity %q has no alias", e.Name)
		}
		for _, a := range e.Aliases {
			if !strings.Contains(text, a) {
				add("entity %q: alias %q is not in the document", e.Name, a)
			}
		}
	}
	entityRef := func(what, field, name string) {
		if !known[name] {
			add("%s: %s %q is not an entity of the file", what, field, name)
		}
	}
	optional := func(what string, date, place *string) {
		if date != nil && !isoDate(*date) {
			add("%s: date %q is not an ISO date", what, *date)
		}
		if place != nil {
			entityRef(what, "place", *place)
		}
	}
	quoted := func(what, ev string) {
		if strings.TrimSpace(ev) == "" {
			add("%s: no evidence", what)
		} else if !strings.Contains(text, ev) {
			add("%s: evidence %q is not in the document", what, ev)
		}
	}
	for i, r := range d.Relations {
		what := fmt.Sprintf("relation %d %s(%s, %s)", i, r.Type, r.Source, r.Target)
		if !relTypes[r.Type] {
			add("%s: type is not in SCHEMA.md", what)
		}
		entityRef(what, "source", r.Source)
		entityRef(what, "target", r.Target)
		if r.Source == r.Target {
			add("%s: source and target are the same entity", what)
		}
		if r.AttributedTo == "" {
			add("%s: attributed_to is empty (write \"author\")", what)
		}
		if (r.Type == "MEMBER_OF" || r.Type == "LEADS") && (r.Role == nil || strings.TrimSpace(*r.Role) == "") {
			add("%s: needs a role", what)
		}
		if r.Subtype != nil && r.Type != "AID" {
			add("%s: only AID relations take a subtype", what)
		}
		optional(what, r.Date, r.Place)
		quoted(what, r.Evidence)
	}
	for i, ev := range d.Events {
		what := fmt.Sprintf("event %d %q", i, ev.Name)
		if ev.Name == "" {
			add("%s: no name", what)
		}
		if len(ev.Participants) == 0 {
			add("%s: no participants", what)
		}
		for _, p := range ev.Participants {
			entityRef(what, "participant", p)
		}
		optional(what, ev.Date, ev.Place)
		quoted(what, ev.Evidence)
	}
	return out
}

// slugs returns the names, without extension, of the files in dir ending in ext.
func slugs(t *testing.T, dir, ext string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	if err != nil {
		t.Fatalf("list %s: %v", dir, err)
	}
	var out []string
	for _, p := range paths {
		out = append(out, strings.TrimSuffix(filepath.Base(p), ext))
	}
	sort.Strings(out)
	return out
}

func TestEveryDocumentHasGold(t *testing.T) {
	docs, golds := slugs(t, "docs", ".txt"), slugs(t, "gold", ".json")
	if len(docs) < minDocs {
		t.Errorf("docs/ holds %d documents, want at least %d", len(docs), minDocs)
	}
	if strings.Join(docs, " ") != strings.Join(golds, " ") {
		t.Errorf("documents %v and gold files %v do not pair up", docs, golds)
	}
}

func TestDocumentLength(t *testing.T) {
	for _, slug := range slugs(t, "docs", ".txt") {
		b, err := os.ReadFile(filepath.Join("docs", slug+".txt"))
		if err != nil {
			t.Fatalf("read %s: %v", slug, err)
		}
		if n := len(strings.Fields(string(b))); n < minWords || n > maxWords {
			t.Errorf("%s: %d words, want %d to %d", slug, n, minWords, maxWords)
		}
	}
}

func TestGold(t *testing.T) {
	entTypes, relTypes := schemaTypes(t)
	for _, slug := range slugs(t, "gold", ".json") {
		t.Run(slug, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("gold", slug+".json"))
			if err != nil {
				t.Fatalf("read gold: %v", err)
			}
			miss, err := missingKeys(raw)
			if err != nil {
				t.Fatalf("gold is not a JSON object of lists: %v", err)
			}
			if len(miss) > 0 {
				t.Errorf("missing keys: %v", miss)
			}
			d, err := decodeStrict(raw)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if d.Doc != slug {
				t.Errorf("doc = %q, want %q", d.Doc, slug)
			}
			text, err := os.ReadFile(filepath.Join("docs", slug+".txt"))
			if err != nil {
				t.Fatalf("read document: %v", err)
			}
			for _, p := range problems(d, string(text), entTypes, relTypes) {
				t.Error(p)
			}
			if len(d.Relations) == 0 || len(d.Events) == 0 {
				t.Errorf("%d relations and %d events, want some of each", len(d.Relations), len(d.Events))
			}
		})
	}
}

// TestSeedPasses holds the checks to the reference annotation: they must accept it.
func TestSeedPasses(t *testing.T) {
	entTypes, relTypes := schemaTypes(t)
	dir := filepath.Join(sharedDir(), "seed")
	raw, err := os.ReadFile(filepath.Join(dir, "gold", "brief-27.json"))
	if err != nil {
		t.Skipf("seed annotation not available: %v", err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "brief-27.txt"))
	if err != nil {
		t.Fatalf("read seed text: %v", err)
	}
	if miss, err := missingKeys(raw); err != nil || len(miss) > 0 {
		t.Errorf("seed: missing keys %v (err %v)", miss, err)
	}
	d, err := decodeStrict(raw)
	if err != nil {
		t.Fatalf("decode seed: %v", err)
	}
	if p := problems(d, string(text), entTypes, relTypes); len(p) > 0 {
		t.Errorf("seed: %v", p)
	}
}

// TestProblemsCatchesFaults breaks a valid annotation in one way at a time and expects
// problems to notice each.
func TestProblemsCatchesFaults(t *testing.T) {
	text := "Defence Minister Ana Lima of Arcadia met Rui Sousa in Porto Novo on 3 May."
	ents := map[string]bool{"PERSON": true, "COUNTRY": true, "LOCATION": true}
	rels := map[string]bool{"CONSULT": true, "MEMBER_OF": true}
	str := func(s string) *string { return &s }
	valid := func() goldDoc {
		return goldDoc{
			Doc: "t", DocDate: "2024-05-04",
			Entities: []goldEntity{
				{Name: "Ana Lima", Type: "PERSON", Aliases: []string{"Defence Minister Ana Lima"}, Roles: []string{"Defence Minister"}},
				{Name: "Rui Sousa", Type: "PERSON", Aliases: []string{"Rui Sousa"}, Roles: []string{}},
				{Name: "Arcadia", Type: "COUNTRY", Aliases: []string{"Arcadia"}, Roles: []string{}},
				{Name: "Porto Novo", Type: "LOCATION", Aliases: []string{"Porto Novo"}, Roles: []string{}},
			},
			Relations: []goldRelation{
				{Type: "CONSULT", Source: "Ana Lima", Target: "Rui Sousa", Date: str("2024-05-03"), Place: str("Porto Novo"),
					AttributedTo: "author", Evidence: "Ana Lima of Arcadia met Rui Sousa"},
				{Type: "MEMBER_OF", Source: "Ana Lima", Target: "Arcadia", Role: str("Defence Minister"),
					AttributedTo: "author", Evidence: "Defence Minister Ana Lima of Arcadia"},
			},
			Events: []goldEvent{{Name: "meeting in Porto Novo", Date: str("2024-05-03"), Place: str("Porto Novo"),
				Participants: []string{"Ana Lima", "Rui Sousa"}, Evidence: "met Rui Sousa in Porto Novo on 3 May"}},
		}
	}
	if p := problems(valid(), text, ents, rels); len(p) != 0 {
		t.Fatalf("problems(valid) = %v, want none", p)
	}
	faults := []struct {
		name   string
		mutate func(d *goldDoc)
	}{
		{"paraphrased evidence", func(d *goldDoc) { d.Relations[0].Evidence = "Ana Lima met Rui Sousa" }},
		{"empty evidence", func(d *goldDoc) { d.Events[0].Evidence = " " }},
		{"relation type outside the schema", func(d *goldDoc) { d.Relations[0].Type = "MEETS" }},
		{"entity type outside the schema", func(d *goldDoc) { d.Entities[2].Type = "STATE" }},
		{"unknown source", func(d *goldDoc) { d.Relations[0].Source = "Lima" }},
		{"unknown target", func(d *goldDoc) { d.Relations[1].Target = "Arcadian" }},
		{"source is target", func(d *goldDoc) { d.Relations[0].Target = "Ana Lima" }},
		{"unknown participant", func(d *goldDoc) { d.Events[0].Participants[0] = "Sousa" }},
		{"no participants", func(d *goldDoc) { d.Events[0].Participants = nil }},
		{"unknown place", func(d *goldDoc) { d.Events[0].Place = str("Porto") }},
		{"bad relation date", func(d *goldDoc) { d.Relations[0].Date = str("3 May 2024") }},
		{"bad event date", func(d *goldDoc) { d.Events[0].Date = str("2024-02-30") }},
		{"bad doc date", func(d *goldDoc) { d.DocDate = "" }},
		{"alias not in text", func(d *goldDoc) { d.Entities[1].Aliases = []string{"Rui Souza"} }},
		{"no alias", func(d *goldDoc) { d.Entities[3].Aliases = []string{} }},
		{"null roles", func(d *goldDoc) { d.Entities[1].Roles = nil }},
		{"entity twice", func(d *goldDoc) { d.Entities[1].Name = "Ana Lima" }},
		{"member without role", func(d *goldDoc) { d.Relations[1].Role = nil }},
		{"empty attribution", func(d *goldDoc) { d.Relations[0].AttributedTo = "" }},
		{"subtype off AID", func(d *goldDoc) { d.Relations[0].Subtype = str("arms") }},
	}
	for _, f := range faults {
		d := valid()
		f.mutate(&d)
		if p := problems(d, text, ents, rels); len(p) == 0 {
			t.Errorf("problems(%s) found nothing, want a complaint", f.name)
		}
	}
}

func TestMissingKeysAndStrictDecode(t *testing.T) {
	cases := []struct {
		name     string
		raw      string
		wantMiss []string
		wantErr  bool
	}{
		{"complete", `{"doc":"x","doc_date":"2024","entities":[],"relations":[],"events":[]}`, nil, false},
		{"no events", `{"doc":"x","doc_date":"2024","entities":[],"relations":[]}`, []string{"document.events"}, false},
		{"relation without hedged", `{"doc":"x","doc_date":"2024","entities":[],"events":[],"relations":[
			{"type":"AID","source":"a","target":"b","date":null,"place":null,"attributed_to":"author",
			 "negated":false,"quantity":null,"evidence":"e"}]}`, []string{"relations[0].hedged"}, false},
		{"unknown key", `{"doc":"x","doc_date":"2024","entities":[],"relations":[],"events":[],"extra":1}`, nil, true},
	}
	for _, c := range cases {
		miss, err := missingKeys([]byte(c.raw))
		if err != nil {
			t.Errorf("%s: missingKeys error %v", c.name, err)
			continue
		}
		if strings.Join(miss, ",") != strings.Join(c.wantMiss, ",") {
			t.Errorf("%s: missing keys %v, want %v", c.name, miss, c.wantMiss)
		}
		if _, err := decodeStrict([]byte(c.raw)); (err != nil) != c.wantErr {
			t.Errorf("%s: decodeStrict error %v, want error %v", c.name, err, c.wantErr)
		}
	}
}
