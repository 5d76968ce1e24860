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
					newID, err := st.Split(a.ctx, actor, e.ID, args[1:])
					if err != nil {
						return fmt.Errorf("split %q: %w", args[0], err)
					}
					what := fmt.Sprintf("split %s off %s (%d) into entity %d", strings.Join(args[1:], ", "), e.Name, e.ID, newID)
					// Split returns the new entity; its audit entry is the newest on the entity.
					last, err := st.Audit(a.ctx, store.AuditQuery{Target: fmt.Sprintf("entity:%d", e.ID), Limit: 1})
					if err != nil || len(last) == 0 || last[0].Action != "split" {
						fmt.Fprintln(a.stdout, what)
						return nil
					}
					a.reportAction(last[0].ID, "%s", what)
					return nil
				})
			}
		},
	}
}
