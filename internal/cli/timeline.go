package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier/internal/store"
)

func timelineCommand() command {
	return command{
		name: "timeline", args: "[NAME]",
		summary:  "Dated relations and events in order, for one entity or for everything",
		examples: []string{"dossier timeline", "dossier timeline Kabulov --since 2023-01 --until 2023-06", "dossier timeline Taliban --json"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			limit := fs.Int("limit", 200, "at most `N` items (0: all)")
			offset := fs.Int("offset", 0, "skip the first `N` items")
			rf := addRangeFlags(fs, "from `DATE` on", "up to `DATE`")
			return func(a *app, args []string) error {
				q := store.TimelineQuery{Limit: *limit, Offset: *offset}
				var err error
				if *limit < 0 || *offset < 0 {
					return usageError("timeline", "--limit and --offset must not be negative")
				}
				if q.Since, q.Until, q.Time, err = rf.parse("timeline"); err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					if len(args) > 0 {
						e, err := a.entityArg(st, "timeline", args)
						if err != nil {
							return err
						}
						q.Entity = e.ID
					}
					items, err := st.Timeline(a.ctx, q)
					if err != nil {
						return fmt.Errorf("timeline: %w", err)
					}
					if items == nil {
						items = []store.TimelineItem{}
					}
					if *asJSON {
						return writeJSON(a.stdout, items)
					}
					for _, it := range items {
						printTimelineItem(a, it)
					}
					if len(items) == 0 {
						fmt.Fprintf(a.stderr, "no dated relations or events\n")
					}
					return nil
				})
			}
		},
	}
}

// printTimelineItem prints one dated relation or event and its evidence.
func printTimelineItem(a *app, it store.TimelineItem) {
	var what string
	switch {
	case it.Claim != nil:
		c := it.Claim
		what = fmt.Sprintf("#%d %s %s %s", c.RelationID, c.SourceName, edgeArrow(c.Type), c.TargetName)
		if flags := claimFlags(c.Hedged, c.Negated, nonEmpty(c.AttributedTo), nil); flags != "-" {
			what += " [" + flags + "]"
		}
	default:
		names := make([]string, len(it.Participants))
		for i, p := range it.Participants {
			names[i] = p.Name
		}
		what = fmt.Sprintf("%s %s: %s", it.Type, orDash(it.Name), strings.Join(names, ", "))
	}
	fmt.Fprintf(a.stdout, "%-10s  %-8s  %s\n            %s %q\n", it.Date, it.Kind, what, shortID(it.DocID), clip(it.Evidence.Text, 100))
}

// nonEmpty returns &s, or nil for "".
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
