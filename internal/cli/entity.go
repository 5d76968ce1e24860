package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier/internal/store"
)

func entityCommand() command {
	return command{
		name: "entity", args: "NAME",
		summary:  "Profile of one entity: aliases, roles, relations by type, documents, co-occurring entities",
		examples: []string{"dossier entity Patrushev", `dossier entity "Nikolai Patrushev" --json`, "dossier entity 42 --as-of 2023-01"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			tf := addTimeFlags(fs)
			return func(a *app, args []string) error {
				return a.withEntity("entity", args, tf, func(st *store.Store, e *store.EntitySummary, filter store.TimeFilter) error {
					p, err := st.Profile(a.ctx, e.ID, filter)
					if err != nil {
						return fmt.Errorf("entity %q: profile: %w", strings.Join(args, " "), err)
					}
					if *asJSON {
						return writeJSON(a.stdout, p)
					}
					return printProfile(a, p)
				})
			}
		},
	}
}

// entityArg finds the entity that args, joined by spaces, name or number, for command
// cmd.
func (a *app) entityArg(st *store.Store, cmd string, args []string) (*store.EntitySummary, error) {
	name := strings.Join(args, " ")
	e, err := st.FindEntity(a.ctx, name)
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", cmd, name, err)
	}
	return e, nil
}

// withEntity does the steps common to the commands about one entity: it checks that args
// name one, parses the time flags, opens the store, finds the entity and runs fn.
func (a *app) withEntity(cmd string, args []string, tf *timeFlags, fn func(st *store.Store, e *store.EntitySummary, filter store.TimeFilter) error) error {
	if err := wantArgs(cmd, args, 1, -1); err != nil {
		return err
	}
	filter, err := tf.filter(cmd)
	if err != nil {
		return err
	}
	return a.withStore(func(st *store.Store) error {
		e, err := a.entityArg(st, cmd, args)
		if err != nil {
			return err
		}
		return fn(st, e, filter)
	})
}

// printProfile prints an entity profile for a reader.
func printProfile(a *app, p *store.Profile) error {
	w := a.stdout
	e := p.Entity
	fmt.Fprintf(w, "%s  (%s, id %d", e.Name, e.Type, e.ID)
	if e.KBID != "" {
		fmt.Fprintf(w, ", kb %s", e.KBID)
	}
	fmt.Fprintf(w, ")\n  %d mentions in %d documents, %d relations\n", e.Mentions, e.Docs, e.Degree)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(w, "  aliases: %s\n", strings.Join(e.Aliases, "; "))
	}
	if len(p.Roles) > 0 {
		fmt.Fprintf(w, "\nRoles:\n")
		for _, r := range p.Roles {
			fmt.Fprintf(w, "  %s  (%s, %d docs)\n", r.Role, dateRange(r.First, r.Last), r.Docs)
		}
	}
	if len(p.Relations) > 0 {
		fmt.Fprintf(w, "\nRelations:\n")
		tw := newTable(w)
		for _, r := range p.Relations {
			fmt.Fprintf(tw, "  %s\t%s\t%d claims\t%d others\t%s\n", r.Type, r.Direction, r.Count, r.Others, dateRange(r.First, r.Last))
		}
		if err := flushTable(tw); err != nil {
			return err
		}
	}
	if len(p.Documents) > 0 {
		fmt.Fprintf(w, "\nDocuments:\n")
		for _, d := range p.Documents {
			fmt.Fprintf(w, "  %s  %-10s %s (%d mentions)\n", shortID(d.ID), orDash(d.Date), orDash(d.Title), d.Mentions)
		}
	}
	if len(p.CoOccurring) > 0 {
		fmt.Fprintf(w, "\nSeen with:\n")
		const most = 15
		for i, c := range p.CoOccurring {
			if i == most {
				fmt.Fprintf(w, "  … and %d more (--json lists them all)\n", len(p.CoOccurring)-most)
				break
			}
			fmt.Fprintf(w, "  %s (%s, %d docs)\n", c.Name, c.Type, c.Docs)
		}
	}
	if len(p.Notes) > 0 {
		fmt.Fprintf(w, "\nNotes:\n")
		for _, n := range p.Notes {
			fmt.Fprintf(w, "  %s %s: %s\n", n.At.UTC().Format("2006-01-02"), n.Actor, n.Text)
		}
	}
	return nil
}

// dateRange prints a first-last date range compactly.
func dateRange(first, last string) string {
	switch {
	case first == "" && last == "":
		return "undated"
	case first == last || last == "":
		return first
	case first == "":
		return last
	}
	return first + " – " + last
}
