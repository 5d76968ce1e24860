package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier/internal/export"
	"dossier/internal/store"
)

func exportCommand() command {
	return command{
		name: "export", args: "--format FORMAT [-o FILE]",
		summary: "Write the graph (or part of it) as STIX 2.1, FollowTheMoney, GraphML, GEXF, CSV or JSON Lines",
		examples: []string{
			"dossier export --format stix -o bundle.json",
			"dossier export --format gexf --entity Taliban --depth 2 -o taliban.gexf",
			"dossier export --format csv --table all -o graph.zip",
			"dossier export --format ftm --since 2023-01 --types PERSON,ORGANIZATION",
		},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			format := fs.String("format", "", "output `FORMAT`: "+strings.Join(export.Formats, ", "))
			out := fs.String("o", "", "write to `FILE` instead of standard output (replaced only when the export succeeds)")
			entity := fs.String("entity", "", "only the neighbourhood of the entity `NAME` (a name, alias or id)")
			depth := fs.Int("depth", 1, "hops around --entity")
			since := fs.String("since", "", "only relations and documents dated from `DATE` on (undated ones are kept)")
			until := fs.String("until", "", "only relations and documents dated up to `DATE` (undated ones are kept)")
			types := fs.String("types", "", "only these comma-separated entity and/or relation `TYPES`")
			table := fs.String("table", "", "csv only: the `TABLE` to write: claims (default), nodes, edges, or all (a zip of the three)")
			return func(a *app, args []string) error {
				if err := wantArgs("export", args, 0, 0); err != nil {
					return err
				}
				if *format == "" {
					return usageError("export", "--format is required (one of %s)", strings.Join(export.Formats, ", "))
				}
				if *depth < 1 || *depth > 5 {
					return usageError("export", "--depth must be between 1 and 5")
				}
				sel := export.Selection{Entity: *entity, Types: splitList(*types), Table: *table}
				if sel.Entity != "" {
					sel.Depth = *depth
				}
				var err error
				if sel.Since, err = parseDateFlag("export", "since", *since); err != nil {
					return err
				}
				if sel.Until, err = parseDateFlag("export", "until", *until); err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					if *out == "" || *out == "-" {
						return export.Write(a.ctx, st, a.stdout, *format, sel)
					}
					return writeFileAtomically(*out, func(f *os.File) error {
						return export.Write(a.ctx, st, f, *format, sel)
					})
				})
			}
		},
	}
}

// writeFileAtomically writes path through a temporary file in the same directory that
// replaces it only when write succeeds, so that a failed export leaves no half file.
func writeFileAtomically(path string, write func(f *os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	tmp := f.Name()
	err = f.Chmod(0o644)
	if err == nil {
		err = write(f)
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("export to %s: %w", path, cerr)
	}
	if err == nil {
		if err = os.Rename(tmp, path); err != nil {
			err = fmt.Errorf("export to %s: %w", path, err)
		}
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
