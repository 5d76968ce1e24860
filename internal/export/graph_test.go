package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"dossier"
)

// xmlElem is an element of a parsed XML document with its attributes by local name.
type xmlElem struct {
	name  string
	attrs map[string]string
	text  string
}

// parseXML reads a whole document with encoding/xml (failing on malformed XML) and
// returns its elements in document order.
func parseXML(t *testing.T, data []byte) []*xmlElem {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []*xmlElem
	var stack []*xmlElem
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("malformed XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			e := &xmlElem{name: x.Name.Local, attrs: map[string]string{}}
			for _, a := range x.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(x)
			}
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed elements")
	}
	return out
}

func export(t *testing.T, format string, sel Selection) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), loadedStore(t), &buf, format, sel); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

// checkGraph checks node and edge ids and references, and that every value refers to a
// declared attribute; it returns nodes and edges.
func checkGraph(t *testing.T, format string, elems []*xmlElem, keyElem, keyFor, valueElem, valueKey string) (nodes, edges []*xmlElem, declared map[string]map[string]string) {
	t.Helper()
	declared = map[string]map[string]string{"node": {}, "edge": {}}
	ids := map[string]bool{}
	var class string
	for _, e := range elems {
		switch e.name {
		case "attributes":
			class = e.attrs["class"]
		case keyElem:
			c := e.attrs[keyFor]
			if format == "gexf" {
				c = class
			}
			name := e.attrs["attr.name"] + e.attrs["title"]
			declared[c][e.attrs["id"]] = name
		case "node":
			nodes = append(nodes, e)
		case "edge":
			edges = append(edges, e)
		}
		if e.name == "node" || e.name == "edge" {
			if id := e.attrs["id"]; id == "" || ids[id] {
				t.Errorf("%s: %s id %q empty or repeated", format, e.name, id)
			} else {
				ids[id] = true
			}
		}
	}
	nodeIDs := map[string]bool{}
	for _, n := range nodes {
		nodeIDs[n.attrs["id"]] = true
	}
	for _, e := range edges {
		if !nodeIDs[e.attrs["source"]] || !nodeIDs[e.attrs["target"]] {
			t.Errorf("%s: edge %s refers to a missing node (%s -> %s)", format, e.attrs["id"], e.attrs["source"], e.attrs["target"])
		}
	}
	var owner string
	for _, e := range elems {
		if e.name == "node" || e.name == "edge" {
			owner = e.name
		}
		if e.name == valueElem {
			if _, ok := declared[owner][e.attrs[valueKey]]; !ok {
				t.Errorf("%s: %s value for undeclared attribute %q", format, owner, e.attrs[valueKey])
			}
		}
	}
	names := func(m map[string]string) string {
		var s []string
		for _, v := range m {
			s = append(s, v)
		}
		return strings.Join(s, " ")
	}
	for _, want := range []string{"type", "kb_id", "degree", "lat", "lon"} {
		if !strings.Contains(" "+names(declared["node"])+" ", " "+want+" ") {
			t.Errorf("%s: node attribute %q not declared (have %v)", format, want, declared["node"])
		}
	}
	for _, want := range []string{"relation", "sources", "first", "last"} {
		if !strings.Contains(" "+names(declared["edge"])+" ", " "+want+" ") {
			t.Errorf("%s: edge attribute %q not declared (have %v)", format, want, declared["edge"])
		}
	}
	return nodes, edges, declared
}

func TestGraphML(t *testing.T) {
	elems := parseXML(t, export(t, "graphml", Selection{}))
	if elems[0].name != "graphml" {
		t.Fatalf("root element %q, want graphml", elems[0].name)
	}
	nodes, edges, _ := checkGraph(t, "graphml", elems, "key", "for", "data", "key")
	if len(nodes) != 16 || len(edges) != 8 {
		t.Errorf("graphml: %d nodes, %d edges; want 16 and 8", len(nodes), len(edges))
	}
	// Values follow their node: Moscow carries its coordinates.
	var cur string
	vals := map[string]map[string]string{}
	for _, e := range elems {
		if e.name == "node" || e.name == "edge" {
			cur = e.attrs["id"]
			vals[cur] = map[string]string{}
		}
		if e.name == "data" {
			vals[cur][e.attrs["key"]] = e.text
		}
	}
	found := false
	for _, v := range vals {
		if v["n_name"] == "Moscow" {
			found = true
			if v["n_lat"] != "55.75222" || v["n_lon"] != "37.61556" || v["n_type"] != "LOCATION" {
				t.Errorf("graphml: Moscow = %v", v)
			}
		}
		if v["e_relation"] == "AID" && (v["e_sources"] != "1" || v["e_first"] != "2023-02-08") {
			t.Errorf("graphml: AID edge = %v", v)
		}
	}
	if !found {
		t.Errorf("graphml: no Moscow node")
	}
}

func TestGEXF(t *testing.T) {
	elems := parseXML(t, export(t, "gexf", Selection{}))
	if elems[0].name != "gexf" || elems[0].attrs["version"] != "1.3" {
		t.Fatalf("root %q version %q, want gexf 1.3", elems[0].name, elems[0].attrs["version"])
	}
	for _, e := range elems {
		if e.name == "graph" && (e.attrs["mode"] != "dynamic" || e.attrs["timeformat"] != "date") {
			t.Errorf("gexf graph mode %q timeformat %q, want dynamic and date", e.attrs["mode"], e.attrs["timeformat"])
		}
	}
	nodes, edges, _ := checkGraph(t, "gexf", elems, "attribute", "class", "attvalue", "for")
	if len(nodes) != 16 || len(edges) != 8 {
		t.Errorf("gexf: %d nodes, %d edges; want 16 and 8", len(nodes), len(edges))
	}
	dated := 0
	for _, e := range edges {
		s, en := e.attrs["start"], e.attrs["end"]
		if s == "" && en == "" {
			continue
		}
		dated++
		if _, err := dossier.ParseDate(s); err != nil || len(s) != 10 {
			t.Errorf("gexf edge %s start %q is not a day", e.attrs["id"], s)
		}
		if en < s {
			t.Errorf("gexf edge %s ends %s before it starts %s", e.attrs["id"], en, s)
		}
		if e.attrs["label"] == "DISAPPROVE" && s == "2023-02-01" && en != "2023-02-28" {
			t.Errorf("gexf edge dated 2023-02 spans %s..%s, want the month", s, en)
		}
		if e.attrs["label"] == "CONSULT" && e.attrs["type"] != "undirected" {
			t.Errorf("gexf CONSULT edge type %q, want undirected", e.attrs["type"])
		}
	}
	if dated != 7 {
		t.Errorf("gexf: %d dated edges, want 7 (one claim is undated)", dated)
	}
}

func readCSV(t *testing.T, r io.Reader) [][]string {
	t.Helper()
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	return rows
}

func TestCSV(t *testing.T) {
	tests := []struct {
		table  string
		header []string
		rows   int
	}{
		{"", ClaimColumns, 8},
		{TableClaims, ClaimColumns, 8},
		{TableNodes, NodeColumns, 16},
		{TableEdges, EdgeColumns, 8},
	}
	for _, tc := range tests {
		rows := readCSV(t, bytes.NewReader(export(t, "csv", Selection{Table: tc.table})))
		if strings.Join(rows[0], ",") != strings.Join(tc.header, ",") {
			t.Errorf("csv %q header %v, want %v", tc.table, rows[0], tc.header)
		}
		if len(rows)-1 != tc.rows {
			t.Errorf("csv %q: %d rows, want %d", tc.table, len(rows)-1, tc.rows)
		}
		for i, r := range rows {
			if len(r) != len(tc.header) {
				t.Errorf("csv %q row %d has %d fields, want %d", tc.table, i, len(r), len(tc.header))
			}
		}
	}
	// Claims keep their evidence: the quote is the text at its offsets in the document.
	st := loadedStore(t)
	var buf bytes.Buffer
	if err := Write(context.Background(), st, &buf, "csv", Selection{}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, &buf)
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	for _, r := range rows[1:] {
		d, err := st.Document(context.Background(), r[col["doc_id"]])
		if err != nil {
			t.Fatalf("document %s: %v", r[col["doc_id"]], err)
		}
		s, _ := strconv.Atoi(r[col["evidence_start"]])
		e, _ := strconv.Atoi(r[col["evidence_end"]])
		if d.Text[s:e] != r[col["evidence"]] {
			t.Errorf("claim %s: text[%d:%d] = %q, evidence %q", r[0], s, e, d.Text[s:e], r[col["evidence"]])
		}
	}
}

func TestCSVZip(t *testing.T) {
	data := export(t, "csv", Selection{Table: TableAll})
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	want := map[string]int{"nodes.csv": 16, "edges.csv": 8, "claims.csv": 8}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, rc)
		rc.Close()
		if n, ok := want[f.Name]; !ok || len(rows)-1 != n {
			t.Errorf("zip member %s: %d rows, want %d", f.Name, len(rows)-1, n)
		}
		delete(want, f.Name)
	}
	if len(want) > 0 {
		t.Errorf("zip lacks %v", want)
	}
	if again := export(t, "csv", Selection{Table: TableAll}); !bytes.Equal(again, data) {
		t.Errorf("two zip exports differ")
	}
}

func TestJSONL(t *testing.T) {
	st := loadedStore(t)
	var buf bytes.Buffer
	if err := Write(context.Background(), st, &buf, "jsonl", Selection{}); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<24)
	var titles []string
	for sc.Scan() {
		var x dossier.Extraction
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&x); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		if x.Document == nil {
			t.Fatalf("line without document header: %s", sc.Text())
		}
		d, err := st.Document(context.Background(), x.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := x.CheckSpans(d.Text); err != nil {
			t.Errorf("document %s: %v", d.ID, err)
		}
		ids := map[string]bool{}
		for _, e := range x.Entities {
			ids[e.ID] = true
		}
		for _, r := range x.Relations {
			if !ids[r.Source] || !ids[r.Target] {
				t.Errorf("relation %s refers to an unknown entity", r.ID)
			}
		}
		titles = append(titles, x.Document.Title)
	}
	want := "Security talks in Moscow|Kabulov on the Taliban <statement>|Untitled note"
	if got := strings.Join(titles, "|"); got != want {
		t.Errorf("jsonl documents %q, want %q (ingestion order)", got, want)
	}
	// A selection keeps the documents that mention the selected entities: al-Qaeda and
	// the Taliban, its neighbour, are named in the first two documents only.
	buf.Reset()
	if err := Write(context.Background(), st, &buf, "jsonl", Selection{Entity: "al-Qaeda"}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 2 || strings.Contains(buf.String(), "Untitled note") {
		t.Errorf("jsonl around al-Qaeda: %d documents (%q), want the first two", n, buf.String())
	}
}

func TestWriteBadInput(t *testing.T) {
	st := loadedStore(t)
	tests := []struct {
		format string
		sel    Selection
		want   error
	}{
		{"pdf", Selection{}, dossier.ErrInvalid},
		{"stix", Selection{Types: []string{"SPACESHIP"}}, dossier.ErrInvalid},
		{"csv", Selection{Table: "people"}, dossier.ErrInvalid},
		{"graphml", Selection{Table: TableNodes}, dossier.ErrInvalid},
		{"stix", Selection{Entity: "Nobody At All"}, dossier.ErrNotFound},
		{"stix", Selection{Depth: 2}, dossier.ErrInvalid},
		{"stix", Selection{Entity: "Taliban", Depth: 9}, dossier.ErrInvalid},
		{"gexf", Selection{Since: dossier.Date{Year: 2024}, Until: dossier.Date{Year: 2023}}, dossier.ErrInvalid},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		err := Write(context.Background(), st, &buf, tc.format, tc.sel)
		if !errors.Is(err, tc.want) {
			t.Errorf("Write(%s, %+v) = %v, want %v", tc.format, tc.sel, err, tc.want)
		}
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteStopsOnWriterError(t *testing.T) {
	st := loadedStore(t)
	for _, format := range Formats {
		for _, n := range []int{0, 100, 1000} {
			err := Write(context.Background(), st, &failingWriter{n: n}, format, Selection{})
			if !errors.Is(err, errDiskFull) {
				t.Errorf("Write(%s) to a writer failing after %d bytes = %v, want its error", format, n, err)
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, format := range Formats {
		if err := Write(ctx, st, io.Discard, format, Selection{}); !errors.Is(err, context.Canceled) {
			t.Errorf("Write(%s) with a cancelled context = %v, want context.Canceled", format, err)
		}
	}
}

func TestParseSelection(t *testing.T) {
	tests := []struct {
		query   string
		want    string // fmt of the selection
		wantErr bool
	}{
		{"", "{ 0   [] }", false},
		{"entity=Taliban&depth=2&since=2023-02&until=2023&types=person,ALLY_OF&table=Nodes",
			"{Taliban 2 2023-02 2023 [person,ALLY_OF] nodes}", false},
		{"depth=two", "", true},
		{"depth=-1", "", true},
		{"since=2023-13", "", true},
		{"until=yesterday", "", true},
	}
	for _, tc := range tests {
		q, _ := url.ParseQuery(tc.query)
		sel, err := ParseSelection(q.Get)
		if (err != nil) != tc.wantErr || (err != nil && !errors.Is(err, dossier.ErrInvalid)) {
			t.Errorf("ParseSelection(%q) error = %v, want error %v (ErrInvalid)", tc.query, err, tc.wantErr)
			continue
		}
		if err == nil {
			got := fmt.Sprintf("{%s %d %s %s %v %s}", sel.Entity, sel.Depth, sel.Since, sel.Until, sel.Types, sel.Table)
			if got != tc.want {
				t.Errorf("ParseSelection(%q) = %s, want %s", tc.query, got, tc.want)
			}
		}
	}
}
