package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier/internal/store"
)

func renameCommand() command {
	return command{
		name: "rename", args: "ENTITY NAME",
		summary:  "Give an entity a new canonical name (the old one stays an alias)",
		examples: []string{`dossier rename "Yaqub" "Mullah Muhammad Yaqub"`, `dossier rename 31 "Mullah Yaqub"`},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("rename", args, 2, 2); err != nil {
					return err
				}
				name := strings.TrimSpace(args[1])
				if name == "" {
					return usageError("rename", "the new name is empty")
				}
				return a.withStore(func(st *store.Store) error {
					e, err := a.resolveEntity(st, "rename", args[0])
					if err != nil {
						return err
					}
					id, err := st.Rename(a.ctx, actor, e.ID, name)
					if err != nil {
						return fmt.Errorf("rename %q: %w", args[0], err)
					}
					a.reportAction(id, "renamed %s (%d) to %s", e.Name, e.ID, name)
					return nil
				})
			}
		},
	}
}
