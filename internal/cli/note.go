package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier/internal/store"
)

func noteCommand() command {
	return command{
		name: "note", args: "TARGET TEXT",
		summary:  "Attach an analyst's note to an entity (name or id), a relation (relation:ID) or a document (its id)",
		examples: []string{`dossier note Kabulov "Sidelined since February; check his next statements"`, `dossier note relation:112 "Denied by Islamabad"`},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			return func(a *app, args []string) error {
				if err := wantArgs("note", args, 2, -1); err != nil {
					return err
				}
				text := strings.TrimSpace(strings.Join(args[1:], " "))
				if text == "" {
					return usageError("note", "the note is empty")
				}
				return a.withStore(func(st *store.Store) error {
					target, err := a.noteTarget(st, args[0])
					if err != nil {
						return err
					}
					id, err := st.Note(a.ctx, actor, target, text)
					if err != nil {
						return err // Note's error names the target
					}
					a.reportAction(id, "noted on %s", target)
					return nil
				})
			}
		},
	}
}

// noteTarget turns the TARGET argument into the store's target form: "relation:ID",
// "entity:ID" and document ids pass through; anything else names an entity.
func (a *app) noteTarget(st *store.Store, ref string) (string, error) {
	if strings.HasPrefix(ref, "relation:") || strings.HasPrefix(ref, "entity:") || strings.HasPrefix(ref, "sha256:") {
		return ref, nil
	}
	e, err := a.resolveEntity(st, "note", ref)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("entity:%d", e.ID), nil
}
