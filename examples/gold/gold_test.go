package gold

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

// entity, relation, event and annotation mirror the gold shape of
// shared/seed/gold/brief-27.json; "note" and "subtype" are the only optional keys.
type entity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
	Roles   []string `json:"roles"`
	Note    string   `json:"note,omitempty"`
}

type relation struct {
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

type event struct {
	Name         string   `json:"name"`
	Date         *string  `json:"date"`
	Place        *string  `json:"place"`
	Participants []string `json:"participants"`
	Evidence     string   `json:"evidence"`
	Note         string   `json:"note,omitempty"`
}

type annotation struct {
	Doc       string     `json:"doc"`
	DocDate   string     `json:"doc_date"`
	Entities  []entity   `json:"entities"`
	Relations []relation `json:"relations"`
	Events    []event    `json:"events"`
}

// Types of the extraction contract (shared/design/SCHEMA.md); TestTypesMatchSchema keeps
// these lists in step with that file.
var (
	entityTypes = []string{"PERSON", "ORGANIZATION", "ARMED_GROUP", "COUNTRY", "LOCATION", "EVENT"}
	relTypes    = []string{
		"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "REQUEST", "ACCUSE", "DISAPPROVE",
		"REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
		"MEMBER_OF", "LEADS", "ALLY_OF", "HOSTILE_TO", "AFFILIATED_WITH", "LOCATED_IN", "DISTRUSTS",
	}
	requiredKeys = map[string][]string{
		"doc":      {"doc", "doc_date", "entities", "relations", "events"},
		"entity":   {"name", "type", "aliases", "roles"},
		"relation": {"type", "source", "target", "date", "place", "attributed_to", "hedged", "negated", "quantity", "evidence"},
		"event":    {"name", "date", "place", "participants", "evidence"},
	}
)

// minFiles is the least number of annotated documents this directory must hold.
const minFiles = 8

// sharedDir is the team's read-only material, beside the repository root.
var sharedDir = filepath.Join("..", "..", "..", "shared")

// goldFiles returns the annotation files of this directory, sorted.
func goldFiles(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob("*.json")
	if err != nil {
		t.Fatalf("glob gold files: %v", err)
	}
	sort.Strings(names)
	return names
}

// corpusText returns the text of the corpus document whose name without extension is slug,
// and whether that document is plain text (stored as it is).
func corpusText(t *testing.T, slug string) (string, bool) {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("..", "corpus", slug+".*"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("corpus document for %s: found %v (err %v), want exactly one", slug, matches, err)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatalf("read %s: %v", matches[0], err)
	}
	return string(b), filepath.Ext(matches[0]) == ".txt"
}

// missingKeys reports the required keys absent from a JSON object, for the given kind.
func missingKeys(obj map[string]json.RawMessage, kind string) []string {
	var miss []string
	for _, k := range requiredKeys[kind] {
		if _, ok := obj[k]; !ok {
			miss = append(miss, k)
		}
	}
	return miss
}

// checkKeys decodes raw loosely and checks that every object has its required keys.
func checkKeys(t *testing.T, name string, raw []byte) {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		t.Fatalf("%s: not a JSON object: %v", name, err)
	}
	if m := missingKeys(top, "doc"); len(m) > 0 {
		t.Errorf("%s: document lacks keys %v", name, m)
	}
	for _, kind := range []string{"entity", "relation", "event"} {
		var items []map[string]json.RawMessage
		if err := json.Unmarshal(top[map[string]string{"entity": "entities", "relation": "relations", "event": "events"}[kind]], &items); err != nil {
			t.Errorf("%s: %s list: %v", name, kind, err)
			continue
		}
		for i, it := range items {
			if m := missingKeys(it, kind); len(m) > 0 {
				t.Errorf("%s: %s %d lacks keys %v", name, kind, i, m)
			}
		}
	}
}

// decode parses a gold file strictly: unknown keys are errors.
func decode(t *testing.T, name string, raw []byte) annotation {
	t.Helper()
	var a annotation
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("%s: decode: %v", name, err)
	}
	return a
}

// validDate reports whether s is an ISO date at year, month or day precision.
func validDate(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// hasMarkup reports whether s holds Markdown or HTML syntax.
func hasMarkup(s string) bool {
	for _, m := range markup {
		if strings.Contains("\n"+s, m) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// markup lists what a Markdown or HTML parser drops from the stored text: evidence and
// aliases of such documents must lie between markup so that they also match the stored text.
var markup = []string{"**", "](", "<", ">", "\n#"}

// check reports every way in which a is not a faithful annotation of text; plain says
// whether text is stored as it is (a .txt document) rather than parsed from markup.
func check(a annotation, text string, plain bool) []string {
	var errs []string
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf(format, args...))
	}
	if !validDate(a.DocDate) {
		bad("doc_date %q is not an ISO date", a.DocDate)
	}
	if len(a.Entities) == 0 {
		bad("no entities")
	}
	names := map[string]bool{}
	for _, e := range a.Entities {
		if e.Name == "" {
			bad("entity with an empty name")
		}
		if names[e.Name] {
			bad("entity %q listed twice", e.Name)
		}
		names[e.Name] = true
		if !contains(entityTypes, e.Type) {
			bad("entity %q has type %q, not a SCHEMA.md entity type", e.Name, e.Type)
		}
		if len(e.Aliases) == 0 {
			bad("entity %q has no aliases", e.Name)
		}
		if e.Aliases == nil || e.Roles == nil {
			bad("entity %q: aliases and roles must be lists", e.Name)
		}
		for _, al := range e.Aliases {
			if !strings.Contains(text, al) {
				bad("entity %q: alias %q does not occur in the document", e.Name, al)
			}
			if !plain && hasMarkup(al) {
				bad("entity %q: alias %q spans markup", e.Name, al)
			}
		}
	}
	place := func(what string, p *string) {
		if p != nil && !names[*p] {
			bad("%s: place %q is not an entity name", what, *p)
		}
	}
	date := func(what string, d *string) {
		if d != nil && !validDate(*d) {
			bad("%s: date %q is not an ISO date", what, *d)
		}
	}
	evidence := func(what, ev string) {
		if strings.TrimSpace(ev) == "" {
			bad("%s: empty evidence", what)
		} else if !strings.Contains(text, ev) {
			bad("%s: evidence %q does not occur in the document", what, ev)
		} else if !plain && hasMarkup(ev) {
			bad("%s: evidence %q spans markup", what, ev)
		}
	}
	for i, r := range a.Relations {
		what := fmt.Sprintf("relation %d (%s %s -> %s)", i, r.Type, r.Source, r.Target)
		if !contains(relTypes, r.Type) {
			bad("%s: type is not a SCHEMA.md relation type", what)
		}
		if !names[r.Source] || !names[r.Target] {
			bad("%s: source and target must be entity names", what)
		}
		if r.Source == r.Target {
			bad("%s: source equals target", what)
		}
		if r.AttributedTo == "" {
			bad("%s: empty attributed_to (use \"author\")", what)
		}
		if (r.Type == "MEMBER_OF" || r.Type == "LEADS") && (r.Role == nil || *r.Role == "") {
			bad("%s: MEMBER_OF and LEADS need a role", what)
		}
		date(what, r.Date)
		place(what, r.Place)
		evidence(what, r.Evidence)
	}
	for i, ev := range a.Events {
		what := fmt.Sprintf("event %d (%s)", i, ev.Name)
		if ev.Name == "" {
			bad("%s: empty name", what)
		}
		if ev.Participants == nil {
			bad("%s: participants must be a list", what)
		}
		for _, p := range ev.Participants {
			if !names[p] {
				bad("%s: participant %q is not an entity name", what, p)
			}
		}
		date(what, ev.Date)
		place(what, ev.Place)
		evidence(what, ev.Evidence)
	}
	return errs
}

func TestGoldFiles(t *testing.T) {
	files := goldFiles(t)
	if len(files) < minFiles {
		t.Errorf("found %d gold files, want at least %d", len(files), minFiles)
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			checkKeys(t, name, raw)
			a := decode(t, name, raw)
			slug := strings.TrimSuffix(name, ".json")
			if a.Doc != slug {
				t.Errorf("%s: doc = %q, want %q", name, a.Doc, slug)
			}
			text, plain := corpusText(t, slug)
			for _, e := range check(a, text, plain) {
				t.Errorf("%s: %s", name, e)
			}
		})
	}
}

// TestSeedPassesCheck runs the same checks on the seed annotation, so that the checks
// accept the reference shape (and the files here are held to the seed's standard).
func TestSeedPassesCheck(t *testing.T) {
	seed := filepath.Join(sharedDir, "seed")
	raw, err := os.ReadFile(filepath.Join(seed, "gold", "brief-27.json"))
	if os.IsNotExist(err) {
		t.Skipf("shared seed not available at %s", seed)
	}
	if err != nil {
		t.Fatalf("read seed gold: %v", err)
	}
	text, err := os.ReadFile(filepath.Join(seed, "brief-27.txt"))
	if err != nil {
		t.Fatalf("read seed text: %v", err)
	}
	checkKeys(t, "seed", raw)
	for _, e := range check(decode(t, "seed", raw), string(text), true) {
		t.Errorf("seed: %s", e)
	}
}

// TestCheckRejects feeds broken annotations to check and expects each to be caught.
func TestCheckRejects(t *testing.T) {
	text := "President Ann Doe of Freedonia met Bob Roe in Springfield on May 2."
	s := func(v string) *string { return &v }
	good := func() annotation {
		return annotation{
			Doc: "x", DocDate: "2024-05",
			Entities: []entity{
				{Name: "Ann Doe", Type: "PERSON", Aliases: []string{"Ann Doe"}, Roles: []string{}},
				{Name: "Bob Roe", Type: "PERSON", Aliases: []string{"Bob Roe"}, Roles: []string{}},
				{Name: "Freedonia", Type: "COUNTRY", Aliases: []string{"Freedonia"}, Roles: []string{}},
				{Name: "Springfield", Type: "LOCATION", Aliases: []string{"Springfield"}, Roles: []string{}},
			},
			Relations: []relation{{Type: "CONSULT", Source: "Ann Doe", Target: "Bob Roe", Date: s("2024-05-02"),
				Place: s("Springfield"), AttributedTo: "author", Evidence: "Ann Doe of Freedonia met Bob Roe"}},
			Events: []event{{Name: "meeting", Date: s("2024-05-02"), Participants: []string{"Ann Doe", "Bob Roe"},
				Evidence: "met Bob Roe in Springfield"}},
		}
	}
	if errs := check(good(), text, true); len(errs) != 0 {
		t.Fatalf("check(good) = %v, want no errors", errs)
	}
	cases := []struct {
		name   string
		mutate func(a *annotation)
	}{
		{"evidence not verbatim", func(a *annotation) { a.Relations[0].Evidence = "Ann Doe met Bob Roe" }},
		{"unknown relation type", func(a *annotation) { a.Relations[0].Type = "MEET" }},
		{"unknown entity type", func(a *annotation) { a.Entities[0].Type = "HUMAN" }},
		{"source not an entity", func(a *annotation) { a.Relations[0].Source = "Doe" }},
		{"participant not an entity", func(a *annotation) { a.Events[0].Participants[1] = "Roe" }},
		{"bad relation date", func(a *annotation) { a.Relations[0].Date = s("May 2") }},
		{"bad event date", func(a *annotation) { a.Events[0].Date = s("2024-13") }},
		{"place not an entity", func(a *annotation) { a.Relations[0].Place = s("Shelbyville") }},
		{"alias not in text", func(a *annotation) { a.Entities[2].Aliases = []string{"Fredonia"} }},
		{"duplicate entity", func(a *annotation) { a.Entities[1].Name = "Ann Doe" }},
		{"member without role", func(a *annotation) { a.Relations[0].Type = "MEMBER_OF" }},
		{"empty attribution", func(a *annotation) { a.Relations[0].AttributedTo = "" }},
		{"bad doc date", func(a *annotation) { a.DocDate = "May 2024" }},
	}
	for _, c := range cases {
		a := good()
		c.mutate(&a)
		if errs := check(a, text, true); len(errs) == 0 {
			t.Errorf("check(%s) found no error, want one", c.name)
		}
	}
	md := text + " **Ann Doe** spoke."
	if errs := check(good(), md, false); len(errs) != 0 {
		t.Fatalf("check(good, Markdown) = %v, want no errors", errs)
	}
	a := good()
	a.Relations[0].Evidence = "**Ann Doe** spoke"
	if errs := check(a, md, false); len(errs) != 1 || !strings.Contains(errs[0], "markup") {
		t.Errorf("check(evidence across Markdown emphasis) = %v, want one markup error", errs)
	}
}

// TestTypesMatchSchema checks the type lists above against shared/design/SCHEMA.md.
func TestTypesMatchSchema(t *testing.T) {
	path := filepath.Join(sharedDir, "design", "SCHEMA.md")
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("SCHEMA.md not available at %s", path)
	}
	if err != nil {
		t.Fatalf("read SCHEMA.md: %v", err)
	}
	doc := string(b)
	entSec, relSec := section(doc, "## Entity types", "## Mentions"), section(doc, "## Relations", "## Events")
	tableRow := regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\|")
	var ents []string
	for _, m := range tableRow.FindAllStringSubmatch(entSec, -1) {
		ents = append(ents, m[1])
	}
	rowLine := regexp.MustCompile(`(?m)^\| (event-like|standing) \|(.*)$`)
	typeName := regexp.MustCompile("`([A-Z_]{3,})`")
	var rels []string
	for _, row := range rowLine.FindAllStringSubmatch(relSec, -1) {
		for _, m := range typeName.FindAllStringSubmatch(row[2], -1) {
			rels = append(rels, m[1])
		}
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{{"entity types", entityTypes, ents}, {"relation types", relTypes, rels}} {
		got, want := sorted(c.got), sorted(c.want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s = %v, SCHEMA.md lists %v", c.what, got, want)
		}
	}
}

// section returns the part of doc between the headings from and to.
func section(doc, from, to string) string {
	i := strings.Index(doc, from)
	if i < 0 {
		return ""
	}
	rest := doc[i:]
	if j := strings.Index(rest, to); j >= 0 {
		return rest[:j]
	}
	return rest
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	return out
}
