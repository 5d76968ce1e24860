package cli

import (
	"flag"
	"fmt"

	"dossier/internal/store"
)

func pathCommand() command {
	return command{
		name: "path", args: "A B",
		summary:  "Shortest paths between two entities, each hop with its evidence",
		examples: []string{`dossier path Patrushev Taliban`, `dossier path "Zamir Kabulov" Pakistan --max-depth 3 --json`},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			maxDepth := fs.Int("max-depth", 4, "longest path, in hops")
			tf := addTimeFlags(fs)
			return func(a *app, args []string) error {
				if err := wantArgs("path", args, 2, 2); err != nil {
					return err
				}
				if *maxDepth < 1 || *maxDepth > 8 {
					return usageError("path", "--max-depth must be between 1 and 8")
				}
				filter, err := tf.filter("path")
				if err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					from, err := st.FindEntity(a.ctx, args[0])
					if err != nil {
						return fmt.Errorf("path from %q: %w", args[0], err)
					}
					to, err := st.FindEntity(a.ctx, args[1])
					if err != nil {
						return fmt.Errorf("path to %q: %w", args[1], err)
					}
					paths, err := st.Path(a.ctx, from.ID, to.ID, *maxDepth, filter)
					if err != nil {
						return fmt.Errorf("path %q %q: %w", args[0], args[1], err)
					}
					if paths == nil {
						paths = []store.Path{}
					}
					if *asJSON {
						return writeJSON(a.stdout, paths)
					}
					if len(paths) == 0 {
						fmt.Fprintf(a.stdout, "no path between %s and %s within %d hops\n", from.Name, to.Name, *maxDepth)
						return nil
					}
					for i, p := range paths {
						printPath(a, i+1, p)
					}
					return nil
				})
			}
		},
	}
}

// printPath prints one path, hop by hop, with the evidence of each hop.
func printPath(a *app, n int, p store.Path) {
	names := make(map[int64]string, len(p.Nodes))
	for _, node := range p.Nodes {
		names[node.ID] = node.Name
	}
	fmt.Fprintf(a.stdout, "Path %d (%d hops):\n", n, len(p.Hops))
	for _, h := range p.Hops {
		fmt.Fprintf(a.stdout, "  %s %s %s  (%d claims, %d sources, %s)\n", entityName(names, h.Edge.Source), edgeArrow(h.Edge.Type),
			entityName(names, h.Edge.Target), h.Edge.Claims, h.Edge.Sources, dateRange(h.Edge.First, h.Edge.Last))
		for _, c := range h.Claims {
			fmt.Fprintf(a.stdout, "      %s %q\n", shortID(c.DocID), clip(c.Evidence.Text, 100))
		}
	}
	fmt.Fprintln(a.stdout)
}
