package export_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier"
	"dossier/internal/export"
	"dossier/internal/store/sqlite"
)

// Write streams the whole graph, or a selection of it, in one of the export formats.
func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "dossier-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "dossier.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	text := "Ahmad Shah Massoud led the Northern Alliance."
	span := func(s string) dossier.Span {
		i := strings.Index(text, s)
		return dossier.SpanOf(text, i, i+len(s))
	}
	doc := &dossier.Document{ID: "sha256:01", Title: "Example", Text: text}
	ex := &dossier.Extraction{
		Entities: []dossier.Entity{
			{ID: "e1", Name: "Ahmad Shah Massoud", Type: dossier.Person,
				Mentions: []dossier.Mention{{Span: span("Ahmad Shah Massoud"), Form: dossier.FormName}}},
			{ID: "e2", Name: "Northern Alliance", Type: dossier.ArmedGroup,
				Mentions: []dossier.Mention{{Span: span("Northern Alliance"), Form: dossier.FormName}}},
		},
		Relations: []dossier.Relation{{ID: "r1", Type: dossier.Leads, Source: "e1", Target: "e2",
			Confidence: 0.8, Evidence: span(text)}},
	}
	if _, err := st.PutDocument(ctx, doc, ex, "example"); err != nil {
		fmt.Println(err)
		return
	}
	if err := export.Write(ctx, st, os.Stdout, "csv", export.Selection{Table: export.TableEdges}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,source,source_name,target,target_name,type,claims,docs,sources,hedged,negated,first,last
	// 1,1,Ahmad Shah Massoud,2,Northern Alliance,LEADS,1,1,1,0,0,,
}
