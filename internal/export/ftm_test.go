package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// ftmSchemaDir holds the FollowTheMoney schema definitions, shared read-only.
var ftmSchemaDir = filepath.Join("..", "..", "..", "shared", "interop", "followthemoney-schema", "followthemoney", "schema")

type ftmProp struct {
	Type  string `yaml:"type"`
	Range string `yaml:"range"`
}

type ftmSchemaDef struct {
	Extends    []string           `yaml:"extends"`
	Abstract   bool               `yaml:"abstract"`
	Required   []string           `yaml:"required"`
	Properties map[string]ftmProp `yaml:"properties"`
}

// ftmModel is the parsed FollowTheMoney schema.
type ftmModel map[string]ftmSchemaDef

func loadFtM(t *testing.T) ftmModel {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(ftmSchemaDir, "*.y*ml"))
	if len(files) == 0 {
		t.Fatalf("no FtM schema files in %s", ftmSchemaDir)
	}
	m := ftmModel{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]ftmSchemaDef
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for k, v := range doc {
			m[k] = v
		}
	}
	return m
}

// ancestors returns the schema and every schema it extends.
func (m ftmModel) ancestors(s string) []string {
	out := []string{s}
	for i := 0; i < len(out); i++ {
		out = append(out, m[out[i]].Extends...)
	}
	return out
}

// prop finds a property on a schema or its ancestors.
func (m ftmModel) prop(schema, name string) (ftmProp, bool) {
	for _, a := range m.ancestors(schema) {
		if p, ok := m[a].Properties[name]; ok {
			return p, true
		}
	}
	return ftmProp{}, false
}

func (m ftmModel) isA(schema, want string) bool {
	for _, a := range m.ancestors(schema) {
		if a == want {
			return true
		}
	}
	return false
}

var (
	ftmDateRE    = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$`)
	ftmCountryRE = regexp.MustCompile(`^[a-z]{2}$`)
)

func TestFtMValidAgainstSchema(t *testing.T) {
	model := loadFtM(t)
	data := export(t, "ftm", Selection{})
	var ents []ftmEntity
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var e ftmEntity
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		ents = append(ents, e)
	}
	schemaOf := map[string]string{}
	count := map[string]int{}
	for _, e := range ents {
		if e.ID == "" || schemaOf[e.ID] != "" {
			t.Errorf("id %q empty or repeated", e.ID)
		}
		schemaOf[e.ID] = e.Schema
		count[e.Schema]++
	}
	for _, e := range ents {
		def, ok := model[e.Schema]
		if !ok {
			t.Errorf("%s: schema %q does not exist", e.ID, e.Schema)
			continue
		}
		if def.Abstract {
			t.Errorf("%s: schema %s is abstract", e.ID, e.Schema)
		}
		for _, a := range model.ancestors(e.Schema) {
			for _, req := range model[a].Required {
				if len(e.Properties[req]) == 0 {
					t.Errorf("%s (%s): required property %s missing", e.ID, e.Schema, req)
				}
			}
		}
		for name, values := range e.Properties {
			p, ok := model.prop(e.Schema, name)
			if !ok {
				t.Errorf("%s (%s): property %q is not defined on the schema or its parents", e.ID, e.Schema, name)
				continue
			}
			if len(values) == 0 {
				t.Errorf("%s (%s): property %s has no values", e.ID, e.Schema, name)
			}
			for _, v := range values {
				switch p.Type {
				case "date":
					if !ftmDateRE.MatchString(v) {
						t.Errorf("%s (%s): %s = %q is not a date", e.ID, e.Schema, name, v)
					}
				case "country":
					if !ftmCountryRE.MatchString(v) {
						t.Errorf("%s (%s): %s = %q is not a country code", e.ID, e.Schema, name, v)
					}
				case "number":
					if _, err := strconv.ParseFloat(v, 64); err != nil {
						t.Errorf("%s (%s): %s = %q is not a number", e.ID, e.Schema, name, v)
					}
				case "entity":
					target, ok := schemaOf[v]
					if !ok {
						t.Errorf("%s (%s): %s refers to %s, which is not exported", e.ID, e.Schema, name, v)
					} else if p.Range != "" && !model.isA(target, p.Range) {
						t.Errorf("%s (%s): %s refers to a %s, want a %s", e.ID, e.Schema, name, target, p.Range)
					}
				default:
					if strings.TrimSpace(v) == "" {
						t.Errorf("%s (%s): %s has an empty value", e.ID, e.Schema, name)
					}
				}
			}
		}
	}
	want := map[string]int{"Person": 2, "PublicBody": 6, "Organization": 4, "Address": 3, "Event": 2,
		"Document": 3, "Mention": 18, "UnknownLink": 7, "Membership": 1, "Note": 3}
	for s, n := range want {
		if count[s] != n {
			t.Errorf("%d %s entities, want %d (all: %v)", count[s], s, n, count)
		}
	}
}

func TestFtMMapping(t *testing.T) {
	data := string(export(t, "ftm", Selection{}))
	find := func(schema, name string) map[string][]string {
		for _, line := range strings.Split(strings.TrimSpace(data), "\n") {
			var e ftmEntity
			json.Unmarshal([]byte(line), &e)
			if e.Schema == schema && len(e.Properties["name"]) > 0 && e.Properties["name"][0] == name {
				return e.Properties
			}
		}
		t.Fatalf("no %s named %q", schema, name)
		return nil
	}
	if p := find("PublicBody", "Russia"); strings.Join(p["jurisdiction"], ",") != "ru" {
		t.Errorf("Russia jurisdiction = %v, want ru", p["jurisdiction"])
	}
	find("PublicBody", "Ministry of Foreign Affairs of Russia")
	if p := find("Address", "Moscow"); strings.Join(p["latitude"], ",") != "55.75222" {
		t.Errorf("Moscow latitude = %v", p["latitude"])
	}
	if p := find("Organization", "Taliban"); strings.Join(p["classification"], ",") != "armed group" {
		t.Errorf("Taliban classification = %v", p["classification"])
	}
	// The extracted event (not the named-event entity, exported first) has its three
	// participants and its date.
	involved := 0
	for _, line := range strings.Split(strings.TrimSpace(data), "\n") {
		var e ftmEntity
		json.Unmarshal([]byte(line), &e)
		if e.Schema == "Event" && len(e.Properties["involved"]) == 3 && strings.Join(e.Properties["date"], ",") == "2023-02-08" {
			involved++
		}
	}
	if involved != 1 {
		t.Errorf("%d events with three parties on 2023-02-08, want 1", involved)
	}
}
