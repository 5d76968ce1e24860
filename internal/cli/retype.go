package cli

import (
	"flag"
	"fmt"

	"dossier"
	"dossier/internal/store"
)

func retypeCommand() command {
	return command{
		name: "retype", args: "ENTITY TYPE",
		summary:  "Change an entity's type (" + joinTypes(dossier.EntityTypes) + ")",
		examples: []string{`dossier retype "Ichkeria" COUNTRY`, "dossier retype 44 armed_group"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("retype", args, 2, 2); err != nil {
					return err
				}
				typ, err := parseEntityType("retype", args[1])
				if err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					e, err := a.resolveEntity(st, "retype", args[0])
					if err != nil {
						return err
					}
					id, err := st.Retype(a.ctx, actor, e.ID, typ)
					if err != nil {
						return fmt.Errorf("retype %q: %w", args[0], err)
					}
					a.reportAction(id, "retyped %s (%d) from %s to %s", e.Name, e.ID, e.Type, typ)
					return nil
				})
			}
		},
	}
}
