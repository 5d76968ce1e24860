package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// stixSchemaDir is the official STIX 2.1 JSON Schemas, shared read-only with the repo.
var stixSchemaDir = filepath.Join("..", "..", "..", "shared", "interop", "stix2.1-json-schemas", "schemas")

const stixSchemaURL = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/"

// localSchemas loads the schemas' URLs from the local copy, so that nothing is fetched.
type localSchemas struct{ dir string }

func (l localSchemas) Load(url string) (any, error) {
	rel, ok := strings.CutPrefix(url, stixSchemaURL)
	if !ok {
		return nil, fmt.Errorf("schema %s is not a local STIX schema", url)
	}
	f, err := os.Open(filepath.Join(l.dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}

// stixValidator compiles the bundle schema and every object schema.
type stixValidator struct {
	bundle  *jsonschema.Schema
	objects map[string]*jsonschema.Schema
}

func newSTIXValidator(t *testing.T) *stixValidator {
	t.Helper()
	if _, err := os.Stat(stixSchemaDir); err != nil {
		t.Fatalf("STIX schemas: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(localSchemas{stixSchemaDir})
	v := &stixValidator{objects: map[string]*jsonschema.Schema{}}
	var err error
	if v.bundle, err = c.Compile(stixSchemaURL + "common/bundle.json"); err != nil {
		t.Fatalf("compile bundle schema: %v", err)
	}
	for _, sub := range []string{"sdos", "sros", "common"} {
		files, _ := filepath.Glob(filepath.Join(stixSchemaDir, sub, "*.json"))
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".json")
			sch, err := c.Compile(stixSchemaURL + sub + "/" + filepath.Base(f))
			if err != nil {
				t.Fatalf("compile %s: %v", f, err)
			}
			v.objects[name] = sch
		}
	}
	return v
}

// validate checks the bundle and each object against the schema of its type, and returns
// the objects.
func (v *stixValidator) validate(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("bundle is not JSON: %v", err)
	}
	objs, _ := inst.(map[string]any)["objects"].([]any)
	// The official bundle.json lists the STIX 2.0 object types only: location, note,
	// incident and extension-definition fall to its branch for custom objects, which no
	// object that fits core.json can pass (it must match exactly one of core.json and
	// cyber-observable-core.json, and matches both). So the envelope is checked with the
	// objects of the types it lists, and every object against the schema of its own type.
	listed := map[string]bool{"identity": true, "threat-actor": true, "report": true, "relationship": true, "marking-definition": true}
	var kept []any
	for _, o := range objs {
		if obj, ok := o.(map[string]any); ok && listed[fmt.Sprint(obj["type"])] {
			kept = append(kept, o)
		}
	}
	envelope := map[string]any{}
	for k, x := range inst.(map[string]any) {
		envelope[k] = x
	}
	envelope["objects"] = kept
	if err := v.bundle.Validate(envelope); err != nil {
		t.Errorf("bundle does not validate: %v", err)
	}
	var out []map[string]any
	for i, o := range objs {
		obj := o.(map[string]any)
		typ, _ := obj["type"].(string)
		sch := v.objects[typ]
		if sch == nil {
			t.Errorf("object %d (%v): no schema for type %q", i, obj["id"], typ)
			continue
		}
		if err := sch.Validate(obj); err != nil {
			t.Errorf("object %d (%v) does not validate against %s.json: %v", i, obj["id"], typ, err)
		}
		out = append(out, obj)
	}
	return out
}

func mustDate(t *testing.T, s string) dossier.Date {
	t.Helper()
	d, err := dossier.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSTIXValidatesAgainstOfficialSchemas(t *testing.T) {
	st := loadedStore(t)
	var buf bytes.Buffer
	if err := Write(context.Background(), st, &buf, "stix", Selection{}); err != nil {
		t.Fatalf("Write(stix): %v", err)
	}
	v := newSTIXValidator(t)
	objs := v.validate(t, buf.Bytes())
	count := map[string]int{}
	byID := map[string]map[string]any{}
	for _, o := range objs {
		typ := o["type"].(string)
		count[typ]++
		id := o["id"].(string)
		if byID[id] != nil {
			t.Errorf("id %s appears twice", id)
		}
		byID[id] = o
	}
	// 16 entities (Taliban and Zamir Kabulov resolved across documents), 3 documents,
	// 8 claims, of which 3 attributed, hedged or denied.
	want := map[string]int{"identity": 4 + 1, "location": 8, "threat-actor": 3, "incident": 1, "report": 3,
		"relationship": 8, "note": 3, "extension-definition": 1, "marking-definition": 4}
	for typ, n := range want {
		if count[typ] != n {
			t.Errorf("%d objects of type %s, want %d (all: %v)", count[typ], typ, n, count)
		}
	}
	uuid5RE := regexp.MustCompile(`^[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	extID := ExtensionID()
	for id, o := range byID {
		if o["type"] == "marking-definition" {
			continue // the predefined TLP markings have fixed UUIDv4 ids
		}
		if !uuid5RE.MatchString(id) {
			t.Errorf("id %s is not a UUIDv5 identifier", id)
		}
		for _, k := range []string{"source_ref", "target_ref", "created_by_ref"} {
			if r, ok := o[k].(string); ok && byID[r] == nil {
				t.Errorf("%s.%s = %s: no such object", id, k, r)
			}
		}
		marks, _ := o["object_marking_refs"].([]any)
		for _, r := range marks {
			if byID[r.(string)] == nil {
				t.Errorf("%s.object_marking_refs holds %s: no such object", id, r)
			}
		}
		if refs, ok := o["object_refs"].([]any); ok {
			for _, r := range refs {
				if byID[r.(string)] == nil {
					t.Errorf("%s.object_refs holds %s: no such object", id, r)
				}
			}
		}
		typ := o["type"].(string)
		if typ == "extension-definition" {
			continue
		}
		exts, _ := o["extensions"].(map[string]any)
		if exts[extID] == nil {
			t.Errorf("%s carries no %s extension", id, extID)
		}
	}
	find := func(typ, name string) map[string]any {
		for _, o := range objs {
			if o["type"] == typ && o["name"] == name {
				return o
			}
		}
		t.Fatalf("no %s named %q", typ, name)
		return nil
	}
	if o := find("identity", "Nikolai Patrushev"); o["identity_class"] != "individual" {
		t.Errorf("Patrushev identity_class = %v, want individual", o["identity_class"])
	}
	if o := find("identity", "Ministry of Foreign Affairs of Russia"); o["identity_class"] != "organization" {
		t.Errorf("ministry identity_class = %v, want organization", o["identity_class"])
	}
	if o := find("location", "Russia"); o["country"] != "RU" {
		t.Errorf("Russia country = %v, want RU", o["country"])
	}
	if o := find("location", "Moscow"); o["city"] != "Moscow" || fmt.Sprint(o["latitude"]) != "55.75222" || fmt.Sprint(o["longitude"]) != "37.61556" {
		t.Errorf("Moscow = %v, want a city at 55.75222, 37.61556", o)
	}
	if o := find("location", "Kandahar"); o["country"] != "AF" || o["administrative_area"] != "Kandahar" {
		t.Errorf("Kandahar = %v, want administrative area of AF", o)
	}
	if o := find("location", "Central Asia"); o["region"] != "Central Asia" {
		t.Errorf("Central Asia region = %v", o["region"])
	}
	find("threat-actor", "Taliban")
	// Relationships: type, times, evidence in the extension.
	var consult map[string]any
	for _, o := range objs {
		if o["type"] == "relationship" && o["relationship_type"] == "consult" {
			consult = o
		}
		if o["type"] == "relationship" && o["relationship_type"] == "member-of" {
			if o["start_time"] != nil {
				t.Errorf("undated claim of an undated document has start_time %v", o["start_time"])
			}
		}
		if o["type"] == "relationship" && o["relationship_type"] == "accuse" {
			if o["start_time"] != "2023-03-01T00:00:00.000Z" || o["stop_time"] != "2023-04-01T00:00:00.000Z" {
				t.Errorf("accuse dated 2023-03: start %v stop %v", o["start_time"], o["stop_time"])
			}
		}
	}
	if consult == nil {
		t.Fatalf("no consult relationship")
	}
	if consult["start_time"] != "2023-02-08T00:00:00.000Z" || consult["stop_time"] != "2023-02-09T00:00:00.000Z" {
		t.Errorf("consult start %v stop %v, want the day 2023-02-08", consult["start_time"], consult["stop_time"])
	}
	if consult["source_ref"] != find("identity", "Nikolai Patrushev")["id"] {
		t.Errorf("consult source_ref = %v, want Patrushev", consult["source_ref"])
	}
	ev := consult["extensions"].(map[string]any)[extID].(map[string]any)
	quote := "Nikolai Patrushev met Zamir Kabulov in Moscow on 8 February."
	if ev["evidence_text"] != quote || fmt.Sprint(ev["evidence_start"]) != "0" || fmt.Sprint(ev["evidence_end"]) != fmt.Sprint(len(quote)) {
		t.Errorf("consult evidence = %v %v %v, want %q [0,%d)", ev["evidence_text"], ev["evidence_start"], ev["evidence_end"], quote, len(quote))
	}
	if ev["place_ref"] != find("location", "Moscow")["id"] {
		t.Errorf("consult place_ref = %v, want Moscow", ev["place_ref"])
	}
	// Notes: the hedged, attributed claim names its source.
	var notes []string
	for _, o := range objs {
		if o["type"] == "note" {
			notes = append(notes, o["abstract"].(string))
		}
	}
	joined := strings.Join(notes, "\n")
	for _, w := range []string{"attributed to Informed sources, hedged", "attributed to Zamir Kabulov", "denied"} {
		if !strings.Contains(joined, w) {
			t.Errorf("notes %q do not say %q", joined, w)
		}
	}
	// Reports: published from the document date, refs to entities and claims.
	r := find("report", "Security talks in Moscow")
	if r["published"] != "2023-02-08T00:00:00.000Z" {
		t.Errorf("report published = %v, want the document date", r["published"])
	}
	if n := len(r["object_refs"].([]any)); n != 9+3 {
		t.Errorf("report refers to %d objects, want 9 entities and 3 claims", n)
	}
	if fmt.Sprint(r["object_marking_refs"]) != "[marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9]" {
		t.Errorf("TLP:CLEAR report marked %v, want TLP:WHITE", r["object_marking_refs"])
	}
	amber := "[marking-definition--f88d31f6-486f-44da-b317-01333bde0b82]"
	r = find("report", "Untitled note")
	if r["published"] != "2024-03-01T11:30:00.123Z" {
		t.Errorf("undated report published = %v, want its ingestion time", r["published"])
	}
	if fmt.Sprint(r["object_marking_refs"]) != amber {
		t.Errorf("TLP:AMBER report marked %v", r["object_marking_refs"])
	}
	for _, o := range objs {
		if o["type"] == "relationship" && o["relationship_type"] == "member-of" && fmt.Sprint(o["object_marking_refs"]) != amber {
			t.Errorf("claim of a TLP:AMBER document marked %v", o["object_marking_refs"])
		}
	}
}

func TestSTIXDeterministic(t *testing.T) {
	ctx := context.Background()
	var a, b bytes.Buffer
	if err := Write(ctx, loadedStore(t), &a, "stix", Selection{}); err != nil {
		t.Fatal(err)
	}
	// A second store built the same way: same bytes, ids independent of the database.
	if err := Write(ctx, loadedStore(t), &b, "stix", Selection{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two exports of the same data differ:\n%s\n----\n%s", a.String(), b.String())
	}
	var bundle struct {
		Objects []json.RawMessage `json:"objects"`
	}
	if err := json.Unmarshal(a.Bytes(), &bundle); err != nil || len(bundle.Objects) == 0 {
		t.Fatalf("bundle: %v (%d objects)", err, len(bundle.Objects))
	}
}

func TestSTIXSelection(t *testing.T) {
	st := loadedStore(t)
	ctx := context.Background()
	v := newSTIXValidator(t)
	tests := []struct {
		sel       Selection
		wantNames []string
		notNames  []string
		rels      int
	}{
		{Selection{Entity: "Nikolai Patrushev", Depth: 1}, []string{"Nikolai Patrushev", "Zamir Kabulov", "Taliban"}, []string{"Russia", "Moscow"}, 3},
		{Selection{Types: []string{"person"}}, []string{"Nikolai Patrushev", "Zamir Kabulov"}, []string{"Taliban"}, 1},
		{Selection{Types: []string{"ALLY_OF,LOCATED_IN"}}, []string{"Taliban"}, nil, 2},
		{Selection{Since: mustDate(t, "2023-03")}, []string{"Taliban"}, nil, 2},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := Write(ctx, st, &buf, "stix", tc.sel); err != nil {
			t.Fatalf("Write(stix, %+v): %v", tc.sel, err)
		}
		objs := v.validate(t, buf.Bytes())
		names := map[string]bool{}
		rels := 0
		for _, o := range objs {
			if n, ok := o["name"].(string); ok && o["type"] != "report" {
				names[n] = true
			}
			if o["type"] == "relationship" {
				rels++
			}
		}
		for _, n := range tc.wantNames {
			if !names[n] {
				t.Errorf("selection %+v: %q missing (have %v)", tc.sel, n, names)
			}
		}
		for _, n := range tc.notNames {
			if names[n] {
				t.Errorf("selection %+v: %q present", tc.sel, n)
			}
		}
		if rels != tc.rels {
			t.Errorf("selection %+v: %d relationships, want %d", tc.sel, rels, tc.rels)
		}
	}
}
