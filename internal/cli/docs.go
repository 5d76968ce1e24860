package cli

import (
	"flag"
	"fmt"

	"dossier/internal/store"
)

func docsCommand() command {
	return command{
		name: "docs", summary: "List the stored documents",
		examples: []string{"dossier docs", "dossier docs --json --limit 20", "dossier docs --known-at 2026-11-01"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			limit := fs.Int("limit", 100, "list at most `N` documents (0: all)")
			offset := fs.Int("offset", 0, "skip the first `N` documents")
			knownAt := fs.String("known-at", "", "only documents ingested by `TIME` (YYYY-MM-DD or RFC 3339)")
			return func(a *app, args []string) error {
				if err := wantArgs("docs", args, 0, 0); err != nil {
					return err
				}
				at, err := parseInstant(*knownAt, true)
				if err != nil {
					return usageError("docs", "--known-at: %v", err)
				}
				if *limit < 0 || *offset < 0 {
					return usageError("docs", "--limit and --offset must not be negative")
				}
				return a.withStore(func(st *store.Store) error {
					docs, err := st.Documents(a.ctx, store.DocQuery{Limit: *limit, Offset: *offset, KnownAt: at})
					if err != nil {
						return fmt.Errorf("list documents: %w", err)
					}
					if docs == nil {
						docs = []store.DocSummary{}
					}
					if *asJSON {
						return writeJSON(a.stdout, docs)
					}
					tw := newTable(a.stdout, "ID", "DATE", "SERIES", "TITLE", "LANG", "ENTITIES", "RELATIONS", "SOURCE")
					for _, d := range docs {
						source := d.Source
						if d.DuplicateOf != "" {
							source += " (near duplicate of " + shortID(d.DuplicateOf) + ")"
						}
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", shortID(d.ID), orDash(d.Date), orDash(d.Series),
							clip(orDash(d.Title), 60), orDash(d.Lang), d.Entities, d.Relations, source)
					}
					if err := flushTable(tw); err != nil {
						return err
					}
					if len(docs) == 0 {
						fmt.Fprintf(a.stderr, "no documents in %s (add some with 'dossier ingest PATH')\n", a.db)
					}
					return nil
				})
			}
		},
	}
}
