package cli

import (
	"flag"
	"fmt"

	"dossier/internal/store"
)

func auditCommand() command {
	return command{
		name: "audit", summary: "The audit log of curation actions, newest first",
		examples: []string{"dossier audit", "dossier audit --target entity:12 --json"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON (with each action's before and after state)")
			actorF := fs.String("actor", "", "only actions by `ACTOR` (local for the CLI, web for the UI)")
			target := fs.String("target", "", "only actions on `TARGET` (entity:ID, relation:ID, a document id)")
			since := fs.String("since", "", "only actions from `TIME` on (YYYY-MM-DD or RFC 3339)")
			limit := fs.Int("limit", 100, "at most `N` entries (0: all)")
			offset := fs.Int("offset", 0, "skip the first `N` entries")
			return func(a *app, args []string) error {
				if err := wantArgs("audit", args, 0, 0); err != nil {
					return err
				}
				q := store.AuditQuery{Actor: *actorF, Target: *target, Limit: *limit, Offset: *offset}
				var err error
				if q.Since, err = parseInstant(*since, false); err != nil {
					return usageError("audit", "--since: %v", err)
				}
				if *limit < 0 || *offset < 0 {
					return usageError("audit", "--limit and --offset must not be negative")
				}
				return a.withStore(func(st *store.Store) error {
					entries, err := st.Audit(a.ctx, q)
					if err != nil {
						return fmt.Errorf("audit: %w", err)
					}
					if entries == nil {
						entries = []store.AuditEntry{}
					}
					if *asJSON {
						return writeJSON(a.stdout, entries)
					}
					tw := newTable(a.stdout, "ID", "WHEN", "ACTOR", "ACTION", "TARGET", "STATE")
					for _, e := range entries {
						state := ""
						switch {
						case e.UndoneBy != 0:
							state = fmt.Sprintf("undone by %d", e.UndoneBy)
						case e.Undoes != 0:
							state = fmt.Sprintf("undoes %d", e.Undoes)
						}
						fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.At.UTC().Format("2006-01-02 15:04:05Z"), e.Actor, e.Action, e.Target, orDash(state))
					}
					return flushTable(tw)
				})
			}
		},
	}
}
