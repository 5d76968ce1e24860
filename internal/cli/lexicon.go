package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/store"
)

func lexiconCommand() command {
	return command{
		name: "lexicon", args: "add FILE | list",
		summary:  "Add a watchlist of actors (TSV or CSV: name, type, aliases, kb_id) used by later extractions, or list it",
		examples: []string{"dossier lexicon add watchlist.tsv", "dossier lexicon list --json"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "list as JSON")
			return func(a *app, args []string) error {
				if len(args) == 0 {
					return usageError("lexicon", "want 'add FILE' or 'list'")
				}
				switch args[0] {
				case "add":
					if err := wantArgs("lexicon add", args[1:], 1, 1); err != nil {
						return err
					}
					return a.lexiconAdd(args[1])
				case "list":
					if err := wantArgs("lexicon list", args[1:], 0, 0); err != nil {
						return err
					}
					return a.lexiconList(*asJSON)
				}
				return usageError("lexicon", "want 'add FILE' or 'list', not %q", args[0])
			}
		},
	}
}

// lexiconAdd parses a user lexicon file and stores all its entries, or none of them.
func (a *app) lexiconAdd(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lexicon add: %w", err)
	}
	defer f.Close()
	entries, err := lexicon.ParseFile(path, f)
	if err != nil {
		return fmt.Errorf("lexicon add: %w", err)
	}
	if len(entries) == 0 {
		return usageError("lexicon add", "%s has no entries", path)
	}
	out := make([]store.LexEntry, len(entries))
	for i, e := range entries {
		aliases := append(append([]string{}, e.Aliases...), e.Acronyms...)
		out[i] = store.LexEntry{Name: e.Name, Type: e.Type, Aliases: aliases, KBID: e.KBID}
	}
	return a.withStore(func(st *store.Store) error {
		if err := st.AddLexiconEntries(a.ctx, actor, path, out); err != nil {
			return fmt.Errorf("lexicon add %s: %w", path, err)
		}
		fmt.Fprintf(a.stdout, "added %d entries from %s; documents ingested from now on use them\n", len(out), path)
		return nil
	})
}

// lexiconList prints the user's lexicon entries.
func (a *app) lexiconList(asJSON bool) error {
	return a.withStore(func(st *store.Store) error {
		entries, err := st.LexiconEntries(a.ctx)
		if err != nil {
			return fmt.Errorf("lexicon list: %w", err)
		}
		if entries == nil {
			entries = []store.LexEntry{}
		}
		if asJSON {
			return writeJSON(a.stdout, entries)
		}
		tw := newTable(a.stdout, "NAME", "TYPE", "KB_ID", "ALIASES")
		for _, e := range entries {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Name, e.Type, orDash(e.KBID), strings.Join(e.Aliases, "; "))
		}
		return flushTable(tw)
	})
}

// lexiconEntries turns the user's stored entries into lexicon entries.
func lexiconEntries(entries []store.LexEntry) []lexicon.Entry {
	out := make([]lexicon.Entry, len(entries))
	for i, e := range entries {
		out[i] = lexicon.Entry{Name: e.Name, Type: e.Type, KBID: e.KBID, Aliases: e.Aliases, Source: "user"}
	}
	return out
}
