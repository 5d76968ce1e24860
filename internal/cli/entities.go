package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"dossier"
	"dossier/internal/store"
)

func entitiesCommand() command {
	return command{
		name: "entities", summary: "List the entities resolved across documents",
		examples: []string{"dossier entities", "dossier entities --type PERSON --limit 20", "dossier entities --type armed_group --json"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			typ := fs.String("type", "", "only entities of `TYPE` ("+joinTypes(dossier.EntityTypes)+")")
			prefix := fs.String("prefix", "", "only names starting with `TEXT` (case-insensitive)")
			minDocs := fs.Int("min-docs", 0, "only entities seen in at least `N` documents")
			order := fs.String("order", "mentions", "order by `KEY`: mentions, degree, docs or name")
			limit := fs.Int("limit", 100, "list at most `N` entities (0: all)")
			offset := fs.Int("offset", 0, "skip the first `N` entities")
			return func(a *app, args []string) error {
				if err := wantArgs("entities", args, 0, 0); err != nil {
					return err
				}
				q := store.EntityQuery{Prefix: *prefix, MinDocs: *minDocs, OrderBy: *order, Limit: *limit, Offset: *offset}
				if *typ != "" {
					types, err := parseEntityTypes("entities", *typ)
					if err != nil {
						return err
					}
					if len(types) != 1 {
						return usageError("entities", "--type takes one type")
					}
					q.Type = types[0]
				}
				switch *order {
				case "mentions", "degree", "docs", "name":
				default:
					return usageError("entities", "--order %q: want mentions, degree, docs or name", *order)
				}
				if *limit < 0 || *offset < 0 || *minDocs < 0 {
					return usageError("entities", "--limit, --offset and --min-docs must not be negative")
				}
				return a.withStore(func(st *store.Store) error {
					ents, err := st.Entities(a.ctx, q)
					if err != nil {
						return fmt.Errorf("list entities: %w", err)
					}
					if ents == nil {
						ents = []store.EntitySummary{}
					}
					if *asJSON {
						return writeJSON(a.stdout, ents)
					}
					tw := newTable(a.stdout, "ID", "NAME", "TYPE", "KB_ID", "MENTIONS", "DOCS", "DEGREE", "ALIASES")
					for _, e := range ents {
						fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", e.ID, e.Name, e.Type, orDash(e.KBID), e.Mentions, e.Docs,
							e.Degree, clip(strings.Join(e.Aliases, "; "), 60))
					}
					return flushTable(tw)
				})
			}
		},
	}
}

// newTable returns a writer of an aligned table on w, its header row of columns written.
func newTable(w io.Writer, columns ...string) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(columns) > 0 {
		fmt.Fprintln(tw, strings.Join(columns, "\t"))
	}
	return tw
}

// flushTable flushes a table writer, wrapping its error.
func flushTable(tw *tabwriter.Writer) error {
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
