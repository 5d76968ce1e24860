package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier/internal/store"
)

func splitCommand() command {
	return command{
		name: "split", args: "ENTITY ALIAS...",
		summary:  "Split the mentions named by ALIASes off ENTITY into a new entity",
		examples: []string{`dossier split "Kabul" "Kabul government"`, `dossier split 31 "Mullah Yaqub" "Yaqub"`},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("split", args, 2, -1); err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					e, err := a.resolveEntity(st, "split", args[0])
					if err != nil {
						return err
					}
					newID, actionID, err := st.Split(a.ctx, actor, e.ID, args[1:])
					if err != nil {
						return fmt.Errorf("split %q: %w", args[0], err)
					}
					a.reportAction(actionID, "split %s off %s (%d) into entity %d", strings.Join(args[1:], ", "), e.Name, e.ID, newID)
					return nil
				})
			}
		},
	}
}
