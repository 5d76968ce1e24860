package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier/internal/store"
)

func aliasCommand() command {
	return command{
		name: "alias", args: "add|remove ENTITY ALIAS",
		summary:  "Add an alias to an entity, or remove one",
		examples: []string{`dossier alias add "Islamic State Khorasan Province" ISIS-K`, `dossier alias remove Russia Moscow`},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("alias", args, 3, 3); err != nil {
					return err
				}
				op, ref, alias := args[0], args[1], strings.TrimSpace(args[2])
				if op != "add" && op != "remove" {
					return usageError("alias", "want 'add' or 'remove', not %q", op)
				}
				if alias == "" {
					return usageError("alias", "the alias is empty")
				}
				return a.withStore(func(st *store.Store) error {
					e, err := a.resolveEntity(st, "alias "+op, ref)
					if err != nil {
						return err
					}
					var id int64
					if op == "add" {
						id, err = st.AddAlias(a.ctx, actor, e.ID, alias)
					} else {
						id, err = st.RemoveAlias(a.ctx, actor, e.ID, alias)
					}
					if err != nil {
						return fmt.Errorf("alias %s %q %q: %w", op, ref, alias, err)
					}
					if op == "add" {
						a.reportAction(id, "added alias %q to %s (%d)", alias, e.Name, e.ID)
					} else {
						a.reportAction(id, "removed alias %q from %s (%d)", alias, e.Name, e.ID)
					}
					return nil
				})
			}
		},
	}
}
