package cli

import (
	"flag"
	"fmt"

	"dossier/internal/store"
)

func mergeCommand() command {
	return command{
		name: "merge", args: "KEEP DROP",
		summary:  "Merge entity DROP into entity KEEP (names or ids); later documents follow the merge",
		examples: []string{`dossier merge "Nikolai Patrushev" "General Patrushev"`, "dossier merge 12 57"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("merge", args, 2, 2); err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					keep, err := a.resolveEntity(st, "merge", args[0])
					if err != nil {
						return err
					}
					drop, err := a.resolveEntity(st, "merge", args[1])
					if err != nil {
						return err
					}
					id, err := st.Merge(a.ctx, actor, keep.ID, drop.ID)
					if err != nil {
						return fmt.Errorf("merge %q into %q: %w", args[1], args[0], err)
					}
					a.reportAction(id, "merged %s (%d) into %s (%d)", drop.Name, drop.ID, keep.Name, keep.ID)
					return nil
				})
			}
		},
	}
}
