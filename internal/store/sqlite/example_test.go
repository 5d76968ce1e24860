package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "dossier-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "dossier.db"), store.Options{Open: "[", Close: "]"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	text := "Nikolai Patrushev met Zamir Kabulov in Moscow."
	doc := &dossier.Document{ID: "sha256:" + strings.Repeat("ab", 32), Title: "Talks", Text: text, Format: "txt"}
	ex := &dossier.Extraction{
		Entities: []dossier.Entity{
			{ID: "e1", Name: "Nikolai Patrushev", Type: dossier.Person,
				Mentions: []dossier.Mention{{Span: dossier.SpanOf(text, 0, 17), Form: dossier.FormName}}},
			{ID: "e2", Name: "Zamir Kabulov", Type: dossier.Person,
				Mentions: []dossier.Mention{{Span: dossier.SpanOf(text, 22, 35), Form: dossier.FormName}}},
		},
		Relations: []dossier.Relation{{ID: "r1", Type: dossier.Consult, Source: "e1", Target: "e2",
			Confidence: 0.7, Evidence: dossier.SpanOf(text, 0, len(text))}},
	}
	res, _ := s.PutDocument(ctx, doc, ex, "example/1")
	again, _ := s.PutDocument(ctx, doc, ex, "example/1")
	fmt.Println(res.New, again.New)
	hits, _ := s.Search(ctx, "kabulov", 10)
	fmt.Println(hits[0].Snippet)
	e, _ := s.FindEntity(ctx, "nikolai patrushev")
	g, _ := s.Graph(ctx, store.GraphQuery{Center: []int64{e.ID}})
	fmt.Println(len(g.Nodes), g.Edges[0].Type, g.Edges[0].Claims)
	// Output:
	// true false
	// Nikolai Patrushev met Zamir [Kabulov] in Moscow.
	// 2 CONSULT 1
}
