package export

import (
	"bufio"
	"context"
	"fmt"

	"dossier/internal/store"
)

// GEXF 1.3 (https://gexf.net), as Gephi reads it, with mode="dynamic" and
// timeformat="date": every edge carries start and end, the first day of its earliest
// claim and the last day of its latest, so that Gephi's timeline shows relations appear
// and end. Nodes and edges carry the same attributes as in GraphML; undated edges have no
// interval and are always shown. Symmetric relation types are undirected edges.

// gexfType maps a GraphML attribute type to GEXF's.
func gexfType(t string) string {
	switch t {
	case "int":
		return "integer"
	}
	return t
}

func writeGEXF(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, _ Selection) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
		`xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	w.WriteString("  <meta>\n    <creator>dossier</creator>\n    <description>dossier knowledge graph</description>\n  </meta>\n")
	w.WriteString(`  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">` + "\n")
	w.WriteString(`    <attributes class="node" mode="static">` + "\n")
	for _, a := range nodeAttrs {
		fmt.Fprintf(w, `      <attribute id="%s" title="%s" type="%s"/>`+"\n", a.id, a.name, gexfType(a.typ))
	}
	w.WriteString("    </attributes>\n")
	w.WriteString(`    <attributes class="edge" mode="static">` + "\n")
	for _, a := range edgeAttrs {
		fmt.Fprintf(w, `      <attribute id="%s" title="%s" type="%s"/>`+"\n", a.id, a.name, gexfType(a.typ))
	}
	w.WriteString("    </attributes>\n    <nodes>\n")
	nodes := idSet{}
	err := st.EachEntity(ctx, f, func(e *store.ExportEntity) error {
		nodes[e.ID] = struct{}{}
		fmt.Fprintf(w, `      <node id="n%d" label="%s">`+"\n        <attvalues>\n", e.ID, esc(e.Name))
		for i, v := range nodeValues(e) {
			if v != "" {
				fmt.Fprintf(w, `          <attvalue for="%s" value="%s"/>`+"\n", nodeAttrs[i].id, esc(v))
			}
		}
		w.WriteString("        </attvalues>\n")
		if e.Lat != nil && e.Lon != nil {
			// viz:position is a drawing position; longitude and latitude give a map layout.
			fmt.Fprintf(w, `        <viz:position x="%g" y="%g" z="0"/>`+"\n", *e.Lon, *e.Lat)
		}
		_, err := w.WriteString("      </node>\n")
		return err
	})
	if err != nil {
		return err
	}
	w.WriteString("    </nodes>\n    <edges>\n")
	err = st.EachEdge(ctx, f, func(e *store.ExportEdge) error {
		if !nodes.has(e.Source) || !nodes.has(e.Target) {
			return nil
		}
		kind := ""
		if e.Type.Symmetric() {
			kind = ` type="undirected"`
		}
		span := ""
		if s, l := firstDay(e.First), lastDay(e.Last); s != "" && l != "" {
			span = fmt.Sprintf(` start="%s" end="%s"`, s, l)
		}
		fmt.Fprintf(w, `      <edge id="e%d" source="n%d" target="n%d" label="%s" weight="%d"%s%s>`+"\n        <attvalues>\n",
			e.ID, e.Source, e.Target, e.Type, e.Claims, kind, span)
		for i, v := range edgeValues(e) {
			if v != "" {
				fmt.Fprintf(w, `          <attvalue for="%s" value="%s"/>`+"\n", edgeAttrs[i].id, esc(v))
			}
		}
		_, err := w.WriteString("        </attvalues>\n      </edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return err
}
