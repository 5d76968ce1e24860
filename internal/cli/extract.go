package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"dossier"
)

func extractCommand() command {
	return command{
		name: "extract", args: "FILE... | --batch",
		summary: "Extract entities, relations and events from files without storing them",
		examples: []string{
			"dossier extract --json ../shared/seed/brief-27.txt > brief-27.json",
			"dossier extract report.html",
			`echo '{"id":"a","text":"Putin met Xi in Moscow.","date":"2023-03-21"}' | dossier extract --batch`,
		},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print the SCHEMA.md JSON shape (several files: one JSON document per line)")
			batch := fs.Bool("batch", false, `read JSON Lines {"id","text","date"} on standard input; write one result line per input`)
			return func(a *app, args []string) error {
				if *batch {
					if len(args) > 0 {
						return usageError("extract", "--batch reads standard input and takes no FILE")
					}
					p, err := a.newPipeline(nil)
					if err != nil {
						return err
					}
					return runBatch(a.stdin, a.stdout, p.extractText)
				}
				if err := wantArgs("extract", args, 1, -1); err != nil {
					return err
				}
				return a.extractFiles(args, *asJSON)
			}
		},
	}
}

// extractFiles extracts from each file in turn; a file that fails is reported and the
// others go on. The errors of the failed files are returned together.
func (a *app) extractFiles(paths []string, asJSON bool) error {
	p, err := a.newPipeline(nil)
	if err != nil {
		return err
	}
	var errs []error
	for _, path := range paths {
		doc, err := a.read(p, path)
		if err != nil {
			fmt.Fprintf(a.stderr, "dossier: extract: %v\n", err)
			errs = append(errs, err)
			continue
		}
		ex, note := p.extract(doc)
		if note != "" {
			fmt.Fprintf(a.stderr, "dossier: extract %s: %s\n", path, note)
		}
		ex.Document = doc.Info()
		switch {
		case asJSON && len(paths) == 1:
			err = writeJSON(a.stdout, ex)
		case asJSON:
			err = writeJSONLine(a.stdout, ex)
		default:
			err = printExtraction(a.stdout, ex)
		}
		if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("extract: %d of %d files failed: %w", len(errs), len(paths), errors.Join(errs...))
	}
	return nil
}

// printExtraction writes ex as text for a reader: the document, its entities, relations
// and events.
func printExtraction(w io.Writer, ex *dossier.Extraction) error {
	if d := ex.Document; d != nil {
		fmt.Fprintf(w, "%s\n  %s  %s  %s  %s\n\n", d.Source, orDash(d.Title), orDash(d.Date), orDash(d.Series), d.ID)
	}
	names := make(map[string]string, len(ex.Entities))
	tw := newTable(w, "ENTITY", "TYPE", "MENTIONS", "ALIASES")
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", e.Name, e.Type, len(e.Mentions), strings.Join(e.Aliases, "; "))
	}
	if err := flushTable(tw); err != nil {
		return err
	}
	if len(ex.Relations) > 0 {
		fmt.Fprintf(w, "\n")
		tw = newTable(w, "RELATION", "SOURCE", "TARGET", "DATE", "FLAGS", "EVIDENCE")
		for _, r := range ex.Relations {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Type, names[r.Source], names[r.Target], orDash(deref(r.Date)),
				claimFlags(r.Hedged, r.Negated, r.AttributedTo, names), clip(r.Evidence.Text, 80))
		}
		if err := flushTable(tw); err != nil {
			return err
		}
	}
	if len(ex.Events) > 0 {
		fmt.Fprintf(w, "\n")
		tw = newTable(w, "EVENT", "TYPE", "DATE", "PLACE", "PARTICIPANTS")
		for _, v := range ex.Events {
			parts := make([]string, len(v.Participants))
			for i, id := range v.Participants {
				parts[i] = names[id]
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", orDash(deref(v.Name)), v.Type, orDash(deref(v.Date)),
				orDash(names[deref(v.Place)]), strings.Join(parts, ", "))
		}
		if err := flushTable(tw); err != nil {
			return err
		}
	}
	return nil
}

// claimFlags describes how a claim is made: hedged, negated, and by whom.
func claimFlags(hedged, negated bool, attributedTo *string, names map[string]string) string {
	var f []string
	if negated {
		f = append(f, "negated")
	}
	if hedged {
		f = append(f, "hedged")
	}
	if attributedTo != nil {
		who := *attributedTo
		if n, ok := names[who]; ok {
			who = n
		}
		f = append(f, "per "+who)
	}
	return orDash(strings.Join(f, ", "))
}

// deref returns *s, or "" for nil.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// orDash returns s, or "-" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to at most n runes on one line, marking a cut with "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if n < 2 {
		return ""
	}
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
