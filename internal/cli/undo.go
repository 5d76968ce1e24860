package cli

import (
	"flag"

	"dossier/internal/store"
)

func undoCommand() command {
	return command{
		name: "undo", args: "ACTION_ID",
		summary:  "Undo a curation action (its id is printed by the action and listed by 'dossier audit')",
		examples: []string{"dossier undo 17"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("undo", args, 1, 1); err != nil {
					return err
				}
				action, err := parseID("undo", "action id", args[0])
				if err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					id, err := st.Undo(a.ctx, actor, action)
					if err != nil {
						return err // Undo's error names the action
					}
					a.reportAction(id, "undid action %d", action)
					return nil
				})
			}
		},
	}
}
