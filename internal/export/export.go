// Package export writes dossier's knowledge graph in the formats other tools read — STIX
// 2.1 bundles (OpenCTI, MISP), FollowTheMoney entities (Aleph), GraphML and GEXF (Gephi),
// CSV and JSON Lines of the extraction contract — and reads STIX 2.1 bundles back in.
//
// Every format streams: rows are read from the store in pages and written as they come,
// so that exporting a large graph does not hold it in memory. Output depends only on the
// stored data and the selection: identifiers are deterministic (UUIDv5 over stable keys)
// and timestamps come from the data, so exporting twice gives byte-identical output.
package export

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/internal/store"
)

// Formats lists the export formats Write accepts.
var Formats = []string{"stix", "ftm", "graphml", "gexf", "csv", "jsonl"}

// CSV tables (Selection.Table).
const (
	TableNodes  = "nodes"
	TableEdges  = "edges"
	TableClaims = "claims"
	// TableAll writes a zip archive holding nodes.csv, edges.csv and claims.csv.
	TableAll = "all"
)

// Selection chooses what part of the graph an export holds. The zero value is the whole
// graph.
type Selection struct {
	// Entity, when set, centres the export on the entity of that name, alias or id...
	Entity string
	// ...and Depth hops around it (0 means 1).
	Depth int
	// Since and Until keep the relations (and documents) dated inside [Since, Until];
	// undated ones are kept.
	Since, Until dossier.Date
	// Types keeps only these entity types and/or relation types ("PERSON",
	// "ALLY_OF"; case-insensitive). Entity types restrict the nodes (and the relations
	// between them), relation types the relations.
	Types []string
	// Table picks the CSV table: "claims" (the default), "nodes", "edges", or "all"
	// for a zip archive of the three.
	Table string
}

// ParseSelection builds a selection from named string parameters, as the web API's
// query string (url.Values.Get) or a command line gives them: "entity", "depth",
// "since", "until" (YYYY, YYYY-MM or YYYY-MM-DD), "types" (comma-separated entity and/or
// relation types) and "table". A malformed value is an error wrapping
// dossier.ErrInvalid.
func ParseSelection(get func(name string) string) (Selection, error) {
	var sel Selection
	var err error
	sel.Entity = strings.TrimSpace(get("entity"))
	if d := strings.TrimSpace(get("depth")); d != "" {
		if sel.Depth, err = strconv.Atoi(d); err != nil || sel.Depth < 0 {
			return sel, fmt.Errorf("selection: depth %q: %w", d, dossier.ErrInvalid)
		}
	}
	if sel.Since, err = dossier.ParseDate(get("since")); err != nil {
		return sel, fmt.Errorf("selection: since: %w", err)
	}
	if sel.Until, err = dossier.ParseDate(get("until")); err != nil {
		return sel, fmt.Errorf("selection: until: %w", err)
	}
	if t := strings.TrimSpace(get("types")); t != "" {
		sel.Types = []string{t}
	}
	sel.Table = strings.ToLower(strings.TrimSpace(get("table")))
	return sel, nil
}

// Filter turns the selection into the store's export filter, resolving the centre
// entity and its neighbourhood.
func (sel Selection) Filter(ctx context.Context, st *store.Store) (store.ExportFilter, error) {
	var f store.ExportFilter
	f.Since, f.Until = sel.Since, sel.Until
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Time().Before(f.Since.Time()) {
		return f, fmt.Errorf("selection: until %s before since %s: %w", f.Until, f.Since, dossier.ErrInvalid)
	}
	for _, t := range sel.Types {
		for _, p := range strings.Split(t, ",") {
			p = strings.ToUpper(strings.TrimSpace(p))
			switch {
			case p == "":
			case dossier.EntityType(p).Valid():
				f.EntityTypes = append(f.EntityTypes, dossier.EntityType(p))
			case dossier.RelationType(p).Valid():
				f.RelationTypes = append(f.RelationTypes, dossier.RelationType(p))
			default:
				return f, fmt.Errorf("selection: type %q is neither an entity nor a relation type: %w", p, dossier.ErrInvalid)
			}
		}
	}
	if sel.Depth < 0 {
		return f, fmt.Errorf("selection: depth %d: %w", sel.Depth, dossier.ErrInvalid)
	}
	if strings.TrimSpace(sel.Entity) != "" {
		ids, err := st.ExportNeighborhood(ctx, sel.Entity, sel.Depth, 0, f)
		if err != nil {
			return f, err
		}
		f.Entities = ids
	} else if sel.Depth > 0 {
		return f, fmt.Errorf("selection: depth without an entity: %w", dossier.ErrInvalid)
	}
	return f, nil
}

// ContentType returns the MIME type of a format's output (for the web API).
func ContentType(format string, sel Selection) string {
	switch format {
	case "stix":
		return "application/stix+json;version=2.1"
	case "ftm", "jsonl":
		return "application/x-ndjson"
	case "graphml", "gexf":
		return "application/xml"
	case "csv":
		if sel.Table == TableAll {
			return "application/zip"
		}
		return "text/csv; charset=utf-8"
	}
	return "application/octet-stream"
}

// Write writes the selected part of the store's graph to w in format (one of Formats).
// An unknown format or a bad selection is an error wrapping dossier.ErrInvalid; an
// unknown centre entity one wrapping dossier.ErrNotFound.
func Write(ctx context.Context, st *store.Store, w io.Writer, format string, sel Selection) error {
	var write func(context.Context, *store.Store, *bufio.Writer, store.ExportFilter, Selection) error
	switch strings.ToLower(format) {
	case "stix":
		write = writeSTIX
	case "ftm":
		write = writeFtM
	case "graphml":
		write = writeGraphML
	case "gexf":
		write = writeGEXF
	case "csv":
		write = writeCSV
	case "jsonl":
		write = writeJSONL
	default:
		return fmt.Errorf("export: format %q (want one of %s): %w", format, strings.Join(Formats, ", "), dossier.ErrInvalid)
	}
	if sel.Table != "" && strings.ToLower(format) != "csv" {
		return fmt.Errorf("export %s: a table is chosen for csv only: %w", format, dossier.ErrInvalid)
	}
	switch sel.Table {
	case "", TableNodes, TableEdges, TableClaims, TableAll:
	default:
		return fmt.Errorf("export csv: table %q (want nodes, edges, claims or all): %w", sel.Table, dossier.ErrInvalid)
	}
	f, err := sel.Filter(ctx, st)
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := write(ctx, st, bw, f, sel); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// namespace is the UUIDv5 namespace of dossier's identifiers.
const namespace = "7d3f6a4e-2b1c-5e8a-9f0d-64c1b2a3e5f7"

// uuid5 returns the RFC 9562 version 5 UUID of name in dossier's namespace.
func uuid5(name string) string {
	ns, _ := hex.DecodeString(strings.ReplaceAll(namespace, "-", ""))
	h := sha1.New()
	h.Write(ns)
	h.Write([]byte(name))
	sum := h.Sum(nil)
	var u [16]byte
	copy(u[:], sum)
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	x := hex.EncodeToString(u[:])
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// normKey folds a name to a stable key: lower case, words separated by single spaces.
func normKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// entityKey is the stable key of a canonical entity: its kb_id, else its type and
// normalized name.
func entityKey(typ dossier.EntityType, name, kbID string) string {
	if kbID != "" {
		return "kb:" + kbID
	}
	return "name:" + string(typ) + ":" + normKey(name)
}

// marshal encodes v as compact JSON without HTML escaping and without a trailing newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// epoch is the timestamp of objects that no data dates (the producer, the extension
// definition): the day dossier's STIX mapping was fixed.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// stixTime formats t as a STIX timestamp with millisecond precision.
func stixTime(t time.Time) string {
	if t.IsZero() {
		t = epoch
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// dateRange returns the first instant of a partial ISO date and the first instant after
// it; ok is false when s is not a date.
func dateRange(s string) (start, end time.Time, ok bool) {
	d, err := dossier.ParseDate(s)
	if err != nil || d.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	start = d.Time()
	switch d.Precision() {
	case dossier.PrecisionYear:
		end = start.AddDate(1, 0, 0)
	case dossier.PrecisionMonth:
		end = start.AddDate(0, 1, 0)
	default:
		end = start.AddDate(0, 0, 1)
	}
	return start, end, true
}

// lastDay returns the last day (YYYY-MM-DD) covered by a partial ISO date, or "".
func lastDay(s string) string {
	_, end, ok := dateRange(s)
	if !ok {
		return ""
	}
	return end.AddDate(0, 0, -1).Format("2006-01-02")
}

// firstDay returns the first day (YYYY-MM-DD) covered by a partial ISO date, or "".
func firstDay(s string) string {
	start, _, ok := dateRange(s)
	if !ok {
		return ""
	}
	return start.Format("2006-01-02")
}

// idSet is a set of entity ids.
type idSet map[int64]struct{}

func (s idSet) has(id int64) bool { _, ok := s[id]; return ok }

// entityFilter returns whether an entity (by id and type) is in the filter's selection:
// among its entities, when it names some, and of one of its entity types, when it names
// some.
func entityFilter(f store.ExportFilter) func(id int64, t dossier.EntityType) bool {
	var sel idSet
	if f.Entities != nil {
		sel = idSet{}
		for _, id := range f.Entities {
			sel[id] = struct{}{}
		}
	}
	types := map[dossier.EntityType]bool{}
	for _, t := range f.EntityTypes {
		types[t] = true
	}
	return func(id int64, t dossier.EntityType) bool {
		return (sel == nil || sel.has(id)) && (len(types) == 0 || types[t])
	}
}

// claimQualifiers says how a claim is qualified ("attributed to X", "hedged", "denied"),
// for the notes exports attach to it; empty when the document asserts it plainly.
func claimQualifiers(c *store.ExportClaim) []string {
	var how []string
	if c.AttributedTo != "" {
		how = append(how, "attributed to "+c.AttributedTo)
	}
	if c.Hedged {
		how = append(how, "hedged")
	}
	if c.Negated {
		how = append(how, "denied")
	}
	return how
}
