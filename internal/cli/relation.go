package cli

import (
	"flag"

	"dossier/internal/store"
)

func relationCommand() command {
	return command{
		name: "relation", args: "reject|confirm ID",
		summary:  "Reject a relation (it stops counting, and stays rejected on re-ingest) or confirm it",
		examples: []string{"dossier relation reject 112", "dossier relation confirm 87"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("relation", args, 2, 2); err != nil {
					return err
				}
				op := args[0]
				if op != "reject" && op != "confirm" {
					return usageError("relation", "want 'reject' or 'confirm', not %q", op)
				}
				rel, err := parseID("relation", "relation id", args[1])
				if err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					var id int64
					if op == "reject" {
						id, err = st.RejectRelation(a.ctx, actor, rel)
					} else {
						id, err = st.ConfirmRelation(a.ctx, actor, rel)
					}
					if err != nil {
						return err // the store's error names the relation and the verb
					}
					a.reportAction(id, "%sed relation %d", op, rel)
					return nil
				})
			}
		},
	}
}
