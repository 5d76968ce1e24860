package export

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"dossier/internal/store"
)

// CSV (RFC 4180, UTF-8, a header row). One CSV stream holds one table, chosen by
// Selection.Table:
//
//	nodes   one row per canonical entity (NodeColumns)
//	edges   one row per aggregated edge (EdgeColumns)
//	claims  one row per live claim with its evidence quote and offsets (ClaimColumns); the default
//	all     a zip archive of nodes.csv, edges.csv and claims.csv
//
// Lists (aliases) are joined with "|".

// NodeColumns is the header of the nodes table.
var NodeColumns = []string{"id", "name", "type", "kb_id", "aliases", "mentions", "docs", "degree", "lat", "lon"}

// EdgeColumns is the header of the edges table.
var EdgeColumns = []string{"id", "source", "source_name", "target", "target_name", "type", "claims", "docs",
	"sources", "hedged", "negated", "first", "last"}

// ClaimColumns is the header of the claims table.
var ClaimColumns = []string{"relation_id", "type", "subtype", "source", "source_name", "target", "target_name",
	"date", "role", "quantity", "place", "attributed_to", "hedged", "negated", "confidence", "status",
	"doc_id", "doc_title", "doc_date", "evidence_start", "evidence_end", "evidence"}

func i64(v int64) string { return strconv.FormatInt(v, 10) }

func writeCSV(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, sel Selection) error {
	switch sel.Table {
	case TableNodes:
		return csvNodes(ctx, st, w, f)
	case TableEdges:
		return csvEdges(ctx, st, w, f)
	case TableAll:
		z := zip.NewWriter(w)
		for _, t := range []struct {
			name  string
			write func(context.Context, *store.Store, io.Writer, store.ExportFilter) error
		}{{"nodes.csv", csvNodes}, {"edges.csv", csvEdges}, {"claims.csv", csvClaims}} {
			// A fixed modification time keeps the archive byte-identical between runs.
			fw, err := z.CreateHeader(&zip.FileHeader{Name: t.name, Method: zip.Deflate, Modified: epoch})
			if err != nil {
				return err
			}
			if err := t.write(ctx, st, fw, f); err != nil {
				return err
			}
		}
		return z.Close()
	}
	return csvClaims(ctx, st, w, f)
}

func csvNodes(ctx context.Context, st *store.Store, w io.Writer, f store.ExportFilter) error {
	cw := csv.NewWriter(w)
	cw.Write(NodeColumns)
	err := st.EachEntity(ctx, f, func(e *store.ExportEntity) error {
		v := nodeValues(e)
		return cw.Write([]string{i64(e.ID), e.Name, string(e.Type), e.KBID, strings.Join(e.Aliases, "|"),
			strconv.Itoa(e.Mentions), strconv.Itoa(e.Docs), strconv.Itoa(e.Degree), v[6], v[7]})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func csvEdges(ctx context.Context, st *store.Store, w io.Writer, f store.ExportFilter) error {
	cw := csv.NewWriter(w)
	cw.Write(EdgeColumns)
	err := st.EachEdge(ctx, f, func(e *store.ExportEdge) error {
		return cw.Write([]string{i64(e.ID), i64(e.Source), e.SourceName, i64(e.Target), e.TargetName, string(e.Type),
			strconv.Itoa(e.Claims), strconv.Itoa(e.Docs), strconv.Itoa(e.Sources), strconv.Itoa(e.Hedged),
			strconv.Itoa(e.Negated), e.First, e.Last})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func csvClaims(ctx context.Context, st *store.Store, w io.Writer, f store.ExportFilter) error {
	cw := csv.NewWriter(w)
	cw.Write(ClaimColumns)
	err := st.EachClaim(ctx, f, func(c *store.ExportClaim) error {
		place := ""
		if c.Place != nil {
			place = c.Place.Name
		}
		return cw.Write([]string{i64(c.RelationID), string(c.Type), c.Subtype, i64(c.Source), c.SourceName,
			i64(c.Target), c.TargetName, c.Date, c.Role, c.Quantity, place, c.AttributedTo,
			strconv.FormatBool(c.Hedged), strconv.FormatBool(c.Negated),
			strconv.FormatFloat(c.Confidence, 'f', -1, 64), c.Status, c.DocID, c.DocTitle, c.DocDate,
			strconv.Itoa(c.Evidence.Start), strconv.Itoa(c.Evidence.End), c.Evidence.Text})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
