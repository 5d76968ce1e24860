package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"strconv"

	"dossier/internal/store"
)

// GraphML (http://graphml.graphdrawing.org/), as Gephi, yEd and networkx read it: one
// node per canonical entity ("n" + id) with name, type, kb_id, degree, lat and lon; one
// edge per aggregated edge ("e" + the smallest relation id) with its relation type, the
// numbers of claims, documents and independent sources, the numbers of hedged and
// denied claims, and its first and last date. Symmetric relation types are undirected
// edges.

// xmlAttr is one declared attribute of nodes or edges.
type xmlAttr struct {
	id, name, typ string // typ: GraphML attr.type (string, int, double)
}

var nodeAttrs = []xmlAttr{
	{"name", "name", "string"}, {"type", "type", "string"}, {"kb_id", "kb_id", "string"},
	{"degree", "degree", "int"}, {"mentions", "mentions", "int"}, {"docs", "docs", "int"},
	{"lat", "lat", "double"}, {"lon", "lon", "double"},
}

var edgeAttrs = []xmlAttr{
	{"relation", "relation", "string"}, {"claims", "claims", "int"}, {"docs", "docs", "int"},
	{"sources", "sources", "int"}, {"hedged", "hedged", "int"}, {"negated", "negated", "int"},
	{"first", "first", "string"}, {"last", "last", "string"},
}

// esc returns s escaped for an XML attribute or character data.
func esc(s string) string {
	var b []byte
	buf := &byteWriter{b: b}
	_ = xml.EscapeText(buf, []byte(s))
	return string(buf.b)
}

type byteWriter struct{ b []byte }

func (w *byteWriter) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }

// nodeValues returns the attribute values of an entity, in nodeAttrs order ("" = absent).
func nodeValues(e *store.ExportEntity) []string {
	v := []string{e.Name, string(e.Type), e.KBID, strconv.Itoa(e.Degree), strconv.Itoa(e.Mentions), strconv.Itoa(e.Docs), "", ""}
	if e.Lat != nil && e.Lon != nil {
		v[6] = strconv.FormatFloat(*e.Lat, 'f', -1, 64)
		v[7] = strconv.FormatFloat(*e.Lon, 'f', -1, 64)
	}
	return v
}

func edgeValues(e *store.ExportEdge) []string {
	return []string{string(e.Type), strconv.Itoa(e.Claims), strconv.Itoa(e.Docs), strconv.Itoa(e.Sources),
		strconv.Itoa(e.Hedged), strconv.Itoa(e.Negated), e.First, e.Last}
}

func writeGraphML(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, _ Selection) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
		`xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, a := range nodeAttrs {
		fmt.Fprintf(w, `  <key id="n_%s" for="node" attr.name="%s" attr.type="%s"/>`+"\n", a.id, a.name, a.typ)
	}
	for _, a := range edgeAttrs {
		fmt.Fprintf(w, `  <key id="e_%s" for="edge" attr.name="%s" attr.type="%s"/>`+"\n", a.id, a.name, a.typ)
	}
	w.WriteString(`  <graph id="dossier" edgedefault="directed">` + "\n")
	nodes := idSet{}
	err := st.EachEntity(ctx, f, func(e *store.ExportEntity) error {
		nodes[e.ID] = struct{}{}
		fmt.Fprintf(w, `    <node id="n%d">`+"\n", e.ID)
		for i, v := range nodeValues(e) {
			if v != "" {
				fmt.Fprintf(w, `      <data key="n_%s">%s</data>`+"\n", nodeAttrs[i].id, esc(v))
			}
		}
		_, err := w.WriteString("    </node>\n")
		return err
	})
	if err != nil {
		return err
	}
	err = st.EachEdge(ctx, f, func(e *store.ExportEdge) error {
		if !nodes.has(e.Source) || !nodes.has(e.Target) {
			return nil
		}
		directed := "true"
		if e.Type.Symmetric() {
			directed = "false"
		}
		fmt.Fprintf(w, `    <edge id="e%d" source="n%d" target="n%d" directed="%s">`+"\n", e.ID, e.Source, e.Target, directed)
		for i, v := range edgeValues(e) {
			if v != "" {
				fmt.Fprintf(w, `      <data key="e_%s">%s</data>`+"\n", edgeAttrs[i].id, esc(v))
			}
		}
		_, err := w.WriteString("    </edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("  </graph>\n</graphml>\n")
	return err
}
