package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier"
	"dossier/internal/store"
)

func graphCommand() command {
	return command{
		name: "graph", args: "[NAME]",
		summary: "Neighborhood of an entity (or the most connected part of the graph) with aggregated edges",
		examples: []string{
			"dossier graph Patrushev --depth 2",
			"dossier graph Taliban --rel-types ACCUSE,DISAPPROVE --since 2023-01 --min-sources 2",
			"dossier graph --types PERSON,ARMED_GROUP --limit 50 --json",
		},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			depth := fs.Int("depth", 1, "hops from NAME")
			types := fs.String("types", "", "only entities of these comma-separated `TYPES`")
			relTypes := fs.String("rel-types", "", "only relations of these comma-separated `TYPES`")
			minSources := fs.Int("min-sources", 0, "only edges backed by at least `N` distinct sources")
			limit := fs.Int("limit", 200, "at most `N` nodes")
			rf := addRangeFlags(fs, "only relations dated from `DATE` on (undated ones are kept)",
				"only relations dated up to `DATE` (undated ones are kept)")
			return func(a *app, args []string) error {
				q := store.GraphQuery{Depth: *depth, MinSources: *minSources, Limit: *limit}
				var err error
				if *depth < 1 || *depth > 6 {
					return usageError("graph", "--depth must be between 1 and 6")
				}
				if *minSources < 0 || *limit < 0 {
					return usageError("graph", "--min-sources and --limit must not be negative")
				}
				if q.EntityTypes, err = parseEntityTypes("graph", *types); err != nil {
					return err
				}
				if q.RelationTypes, err = parseRelationTypes("graph", *relTypes); err != nil {
					return err
				}
				if q.Since, q.Until, q.Time, err = rf.parse("graph"); err != nil {
					return err
				}
				name := strings.Join(args, " ")
				return a.withStore(func(st *store.Store) error {
					if len(args) > 0 {
						e, err := a.entityArg(st, "graph", args)
						if err != nil {
							return err
						}
						q.Center = []int64{e.ID}
					}
					g, err := st.Graph(a.ctx, q)
					if err != nil {
						return fmt.Errorf("graph %q: %w", name, err)
					}
					if g.Nodes == nil {
						g.Nodes = []store.Node{}
					}
					if g.Edges == nil {
						g.Edges = []store.Edge{}
					}
					if *asJSON {
						return writeJSON(a.stdout, g)
					}
					return printGraph(a, g)
				})
			}
		},
	}
}

// printGraph prints the nodes and edges of g.
func printGraph(a *app, g *store.Graph) error {
	names := make(map[int64]string, len(g.Nodes))
	for _, n := range g.Nodes {
		names[n.ID] = n.Name
	}
	fmt.Fprintf(a.stdout, "%d entities, %d edges\n\n", len(g.Nodes), len(g.Edges))
	tw := newTable(a.stdout, "ID", "ENTITY", "TYPE", "DEGREE")
	for _, n := range g.Nodes {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\n", n.ID, n.Name, n.Type, n.Degree)
	}
	if err := flushTable(tw); err != nil {
		return err
	}
	if len(g.Edges) == 0 {
		return nil
	}
	fmt.Fprintln(a.stdout)
	tw = newTable(a.stdout, "SOURCE", "RELATION", "TARGET", "CLAIMS", "DOCS", "SOURCES", "DATES", "HEDGED", "NEGATED")
	for _, e := range g.Edges {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%d\t%d\n", entityName(names, e.Source), edgeArrow(e.Type),
			entityName(names, e.Target), e.Claims, e.Docs, e.Sources, dateRange(e.First, e.Last), e.Hedged, e.Negated)
	}
	return flushTable(tw)
}

// entityName returns the name of entity id, or "#id" when unknown.
func entityName(names map[int64]string, id int64) string {
	if n, ok := names[id]; ok {
		return n
	}
	return fmt.Sprintf("#%d", id)
}

// edgeArrow draws a relation type as an arrow, undirected for symmetric types.
func edgeArrow(t dossier.RelationType) string {
	if t.Symmetric() {
		return "<-" + string(t) + "->"
	}
	return "-" + string(t) + "->"
}
