package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier/internal/store"
)

// The markers asked of the store around each match in a snippet: control characters,
// which canonical document text never holds, so they cannot be confused with its own
// guillemets or brackets.
const (
	matchOpen  = "\x02"
	matchClose = "\x03"
)

func searchCommand() command {
	return command{
		name: "search", args: "QUERY",
		summary:  "Full-text search over the stored documents, with highlighted snippets",
		examples: []string{"dossier search Patrushev", `dossier search "security dialogue" --limit 5`, "dossier search --json Taliban"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON (snippets keep the « » match markers)")
			limit := fs.Int("limit", 20, "show at most `N` documents")
			return func(a *app, args []string) error {
				if err := wantArgs("search", args, 1, -1); err != nil {
					return err
				}
				if *limit <= 0 {
					return usageError("search", "--limit must be positive")
				}
				q := strings.Join(args, " ")
				return a.withStore(func(st *store.Store) error {
					hits, err := st.SearchMarked(a.ctx, q, *limit, matchOpen, matchClose)
					if err != nil {
						return err // SearchMarked's error quotes the query
					}
					if hits == nil {
						hits = []store.SearchHit{}
					}
					bold := isTerminal(a.stdout) && !*asJSON
					for i := range hits {
						hits[i].Snippet = highlight(hits[i].Snippet, bold)
					}
					if *asJSON {
						return writeJSON(a.stdout, hits)
					}
					if len(hits) == 0 {
						fmt.Fprintf(a.stderr, "no document matches %q\n", q)
						return nil
					}
					for _, h := range hits {
						fmt.Fprintf(a.stdout, "%s  %s\n    %s\n\n", shortID(h.DocID), orDash(h.Title), h.Snippet)
					}
					return nil
				})
			}
		},
	}
}

// highlight renders a snippet on one line; its matches become bold on a terminal and are
// wrapped in « » elsewhere.
func highlight(snippet string, bold bool) string {
	s := strings.Join(strings.Fields(snippet), " ")
	open, close := "«", "»"
	if bold {
		open, close = "\x1b[1m", "\x1b[22m"
	}
	return strings.NewReplacer(matchOpen, open, matchClose, close).Replace(s)
}
