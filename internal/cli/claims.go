package cli

import (
	"flag"
	"fmt"
	"strings"

	"dossier/internal/store"
)

func claimsCommand() command {
	return command{
		name: "claims", args: "NAME",
		summary:  "Every claim about an entity, with attribution, hedging and negation; contradictions side by side",
		examples: []string{"dossier claims Pakistan", "dossier claims Taliban --as-of 2023-02 --json"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print JSON")
			tf := addTimeFlags(fs)
			return func(a *app, args []string) error {
				return a.withEntity("claims", args, tf, func(st *store.Store, e *store.EntitySummary, filter store.TimeFilter) error {
					cs, err := st.Claims(a.ctx, e.ID, filter)
					if err != nil {
						return fmt.Errorf("claims %q: %w", strings.Join(args, " "), err)
					}
					if cs.Claims == nil {
						cs.Claims = []store.Claim{}
					}
					if cs.Contradictions == nil {
						cs.Contradictions = []store.Contradiction{}
					}
					if *asJSON {
						return writeJSON(a.stdout, cs)
					}
					printClaims(a, cs)
					return nil
				})
			}
		},
	}
}

// printClaims prints the claims about an entity, then the contradicting pairs.
func printClaims(a *app, cs *store.ClaimSet) {
	w := a.stdout
	fmt.Fprintf(w, "%d claims about %s (%s)\n\n", len(cs.Claims), cs.Entity.Name, cs.Entity.Type)
	for _, c := range cs.Claims {
		printClaim(a, "", c)
	}
	if len(cs.Contradictions) > 0 {
		fmt.Fprintf(w, "Contradictions:\n\n")
		for _, x := range cs.Contradictions {
			fmt.Fprintf(w, "  %s\n", x.Reason)
			printClaim(a, "  A ", x.A)
			printClaim(a, "  B ", x.B)
		}
	}
}

// printClaim prints one claim and its evidence.
func printClaim(a *app, prefix string, c store.Claim) {
	flags := ""
	if f := claimFlags(c.Hedged, c.Negated, nonEmpty(c.AttributedTo), nil); f != "-" {
		flags = f
	}
	if c.Status != "" {
		flags = strings.TrimPrefix(flags+", "+c.Status, ", ")
	}
	if flags != "" {
		flags = " [" + flags + "]"
	}
	fmt.Fprintf(a.stdout, "%s#%d %s %s %s  %s%s  conf %.2f\n%s    %s %s: %q\n\n", prefix, c.RelationID, c.SourceName, edgeArrow(c.Type),
		c.TargetName, orDash(c.Date), flags, c.Confidence, prefix, shortID(c.DocID), clip(orDash(c.DocTitle), 50), clip(c.Evidence.Text, 160))
}
