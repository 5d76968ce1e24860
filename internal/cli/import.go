package cli

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"dossier"
	"dossier/internal/export"
	"dossier/internal/store"
)

func importCommand() command {
	return command{
		name: "import", args: "stix FILE",
		summary:  "Read a STIX 2.1 bundle back in (all of it or nothing; '-' reads standard input)",
		examples: []string{"dossier import stix bundle.json", "dossier import stix - < opencti-export.json --json"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print the result as JSON")
			return func(a *app, args []string) error {
				if err := wantArgs("import", args, 2, 2); err != nil {
					return err
				}
				if strings.ToLower(args[0]) != "stix" {
					return usageError("import", "unknown format %q (want stix)", args[0])
				}
				path := args[1]
				in := a.stdin
				if path != "-" {
					f, err := os.Open(path)
					if err != nil {
						return &dossier.InputError{Op: "import stix", Path: path, Err: err}
					}
					defer f.Close()
					in = f
				}
				return a.withStore(func(st *store.Store) error {
					res, err := export.ImportSTIX(a.ctx, st, in, actor)
					if err != nil {
						return fmt.Errorf("%s: %w", path, err)
					}
					if *asJSON {
						return writeJSON(a.stdout, res)
					}
					fmt.Fprintf(a.stdout, "%s: %d objects, %d documents stored, %d already stored, %d derived",
						res.Bundle, res.Objects, res.Documents, res.Existing, res.Derived)
					if len(res.Skipped) > 0 {
						var parts []string
						for t, n := range res.Skipped {
							parts = append(parts, fmt.Sprintf("%s %d", t, n))
						}
						sort.Strings(parts)
						fmt.Fprintf(a.stdout, ", skipped unknown types: %s", strings.Join(parts, ", "))
					}
					fmt.Fprintln(a.stdout)
					return nil
				})
			}
		},
	}
}
