package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/ingest"
)

// schemaExample returns the JSON example of one document in SCHEMA.md, decoded.
func schemaExample(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(shared("design", "SCHEMA.md"))
	if err != nil {
		t.Fatalf("read SCHEMA.md: %v", err)
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("SCHEMA.md has no ```json example")
	}
	var v map[string]any
	if err := json.Unmarshal(m[1], &v); err != nil {
		t.Fatalf("SCHEMA.md example: %v", err)
	}
	return v
}

// keysOf returns the sorted keys of a JSON object.
func keysOf(v any) string {
	m, _ := v.(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ",")
}

// firstOf returns the first element of the JSON array field of obj.
func firstOf(obj any, field string) any {
	m, _ := obj.(map[string]any)
	list, _ := m[field].([]any)
	if len(list) == 0 {
		return nil
	}
	return list[0]
}

func field(obj any, name string) any {
	m, _ := obj.(map[string]any)
	return m[name]
}

func TestExtractJSONShape(t *testing.T) {
	want := schemaExample(t)
	seed := shared("seed", "brief-27.txt")
	var got map[string]any
	decodeJSON(t, "extract --json", mustRun(t, "", nil, "extract", "--json", seed).stdout, &got)

	checks := []struct {
		what      string
		got, want any
	}{
		{"top level", got, want},
		{"document", got["document"], want["document"]},
		{"entity", firstOf(got, "entities"), firstOf(want, "entities")},
		{"mention", firstOf(firstOf(got, "entities"), "mentions"), firstOf(firstOf(want, "entities"), "mentions")},
		{"relation", firstOf(got, "relations"), firstOf(want, "relations")},
		{"relation evidence", field(firstOf(got, "relations"), "evidence"), field(firstOf(want, "relations"), "evidence")},
		{"event", firstOf(got, "events"), firstOf(want, "events")},
		{"event evidence", field(firstOf(got, "events"), "evidence"), field(firstOf(want, "events"), "evidence")},
	}
	for _, c := range checks {
		if c.got == nil {
			t.Errorf("extract --json of the seed brief has no %s", c.what)
			continue
		}
		if g, w := keysOf(c.got), keysOf(c.want); g != w {
			t.Errorf("extract --json %s fields = %s, want SCHEMA.md's %s", c.what, g, w)
		}
	}
	doc, _ := got["document"].(map[string]any)
	if doc["series"] != "Brief n.27" || doc["date"] != "2023-03" || doc["lang"] != "en" {
		t.Errorf("extract --json document header = %v", doc)
	}

	// Every span points into the stored text.
	var ex dossier.Extraction
	decodeJSON(t, "extract --json", mustRun(t, "", nil, "extract", "--json", seed).stdout, &ex)
	d, err := ingest.File(seed, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ex.CheckSpans(d.Text); err != nil {
		t.Errorf("extract --json: %v", err)
	}
}

func TestExtractSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	second := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(second, []byte("Talks in Kabul\n\nEnvoys of Russia and Pakistan met in Kabul on 3 March 2023.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, "", nil, "extract", "--json", shared("seed", "brief-27.txt"), second)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("extract --json of two files printed %d lines, want 2", len(lines))
	}
	for i, l := range lines {
		var ex dossier.Extraction
		decodeJSON(t, "extract line", l, &ex)
		if ex.Document == nil || ex.Entities == nil {
			t.Errorf("line %d: no document header or entities: %.200s", i+1, l)
		}
	}
	text := mustRun(t, "", nil, "extract", second)
	if !strings.Contains(text.stdout, "ENTITY") || !strings.Contains(text.stdout, second) {
		t.Errorf("extract without --json:\n%s", text.stdout)
	}
}

func TestExtractBatch(t *testing.T) {
	input := strings.Join([]string{
		`{"id":"a","text":"Russia and Pakistan signed an agreement in Islamabad on 8 February.","date":"2023-03-01"}`,
		`this line is not JSON`,
		``,
		`{"id":7,"text":"No names here at all."}`,
		`{"id":"d","text":"Russia.","date":"2023-02-30"}`,
		`{"id":"e"}`,
		`{"text":"Iran and Iraq."}`,
	}, "\n") + "\n"
	r := mustRun(t, "", strings.NewReader(input), "extract", "--batch")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	wantIDs := []string{`"a"`, `null`, `7`, `"d"`, `"e"`, `null`}
	wantErr := []bool{false, true, false, true, true, false}
	if len(lines) != len(wantIDs) {
		t.Fatalf("extract --batch printed %d lines, want %d:\n%s", len(lines), len(wantIDs), r.stdout)
	}
	for i, l := range lines {
		var out map[string]json.RawMessage
		decodeJSON(t, "batch line", l, &out)
		if string(out["id"]) != wantIDs[i] {
			t.Errorf("output line %d: id %s, want %s", i+1, out["id"], wantIDs[i])
		}
		_, hasErr := out["error"]
		if hasErr != wantErr[i] {
			t.Errorf("output line %d: error present %v, want %v: %s", i+1, hasErr, wantErr[i], l)
		}
		if !hasErr && (keysOf(mapOf(out)) != "entities,events,id,relations") {
			t.Errorf("output line %d fields = %s, want entities,events,id,relations", i+1, keysOf(mapOf(out)))
		}
	}
	var first struct {
		Entities []dossier.Entity
	}
	decodeJSON(t, "batch line 1", lines[0], &first)
	text := "Russia and Pakistan signed an agreement in Islamabad on 8 February."
	names := map[string]bool{}
	for _, e := range first.Entities {
		names[e.Name] = true
		for _, m := range e.Mentions {
			if err := m.Span.Check(text); err != nil {
				t.Errorf("batch line 1: entity %s: %v", e.Name, err)
			}
		}
	}
	if !names["Russia"] || !names["Pakistan"] {
		t.Errorf("batch line 1 entities = %v, want Russia and Pakistan among them", names)
	}
}

func mapOf(m map[string]json.RawMessage) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestReadLineLimit(t *testing.T) {
	tests := []struct {
		in      string
		max     int
		want    []string
		tooLong []bool
	}{
		{"ab\ncd\n", 10, []string{"ab", "cd"}, []bool{false, false}},
		{"ab\r\ncd", 10, []string{"ab", "cd"}, []bool{false, false}},
		{"abcdefgh\nxy\n", 4, []string{"", "xy"}, []bool{true, false}},
		{"abcd\n", 4, []string{"abcd"}, []bool{false}},
	}
	for _, tc := range tests {
		br := newSmallReader(tc.in)
		var got []string
		var long []bool
		for {
			line, tl, err := readLine(br, tc.max)
			if len(line) > 0 || tl {
				got, long = append(got, string(line)), append(long, tl)
			}
			if err != nil {
				break
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(long) != len(tc.tooLong) {
			t.Errorf("readLine(%q, %d) = %q %v, want %q %v", tc.in, tc.max, got, long, tc.want, tc.tooLong)
			continue
		}
		for i := range long {
			if long[i] != tc.tooLong[i] {
				t.Errorf("readLine(%q, %d) line %d tooLong = %v, want %v", tc.in, tc.max, i, long[i], tc.tooLong[i])
			}
		}
	}
}

// fakeExtract marks every word that starts with a capital letter as a PERSON, so that the
// batch reader can be fuzzed without the lexicon.
func fakeExtract(text string, _ dossier.Date) *dossier.Extraction {
	ex := &dossier.Extraction{}
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && text[start] >= 'A' && text[start] <= 'Z' {
			ex.Entities = append(ex.Entities, dossier.Entity{ID: "e", Name: text[start:i], Type: dossier.Person,
				Mentions: []dossier.Mention{{Span: dossier.SpanOf(text, start, i), Form: dossier.FormName}}})
		}
		start = -1
	}
	return ex
}

func FuzzBatch(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Putin met Xi.","date":"2023-02-08"}` + "\n" + `not json` + "\n"))
	f.Add([]byte(`{"id":1,"text":""}` + "\r\n\r\n" + `{"text":"x","date":"bad"}`))
	f.Add([]byte("{\"id\":[1,2],\"text\":\"\\u00e9 \\ud800 A\"}\n\x00\xff\n{}"))
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		if err := runBatch(bytes.NewReader(in), &out, fakeExtract); err != nil {
			t.Fatalf("runBatch: %v", err)
		}
		inputs := 0
		for _, l := range strings.Split(string(in), "\n") {
			if len(bytes.TrimSpace([]byte(strings.TrimSuffix(l, "\r")))) > 0 {
				inputs++
			}
		}
		var lines []string
		if out.Len() > 0 {
			lines = strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		}
		if len(lines) != inputs {
			t.Fatalf("%d output lines for %d input lines", len(lines), inputs)
		}
		for i, l := range lines {
			var v map[string]json.RawMessage
			if err := json.Unmarshal([]byte(l), &v); err != nil {
				t.Fatalf("output line %d is not a JSON object: %v: %q", i+1, err, l)
			}
			_, hasErr := v["error"]
			_, hasEnts := v["entities"]
			if _, ok := v["id"]; !ok || hasErr == hasEnts {
				t.Fatalf("output line %d has neither or both of error and entities, or no id: %q", i+1, l)
			}
		}
	})
}

func newSmallReader(s string) *bufio.Reader {
	return bufio.NewReaderSize(strings.NewReader(s), 16)
}
