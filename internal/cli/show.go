package cli

import (
	"flag"
	"fmt"

	"dossier"
	"dossier/internal/store"
)

func showCommand() command {
	return command{
		name: "show", args: "DOC",
		summary:  "Show a document's metadata and text (DOC: its id or a unique prefix of it)",
		examples: []string{"dossier show 3f2a9c", "dossier show --json sha256:3f2a9c > doc.json"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, `print {"document": …, "extraction": …} as JSON`)
			return func(a *app, args []string) error {
				if err := wantArgs("show", args, 1, 1); err != nil {
					return err
				}
				return a.withStore(func(st *store.Store) error {
					doc, err := st.Document(a.ctx, args[0])
					if err != nil {
						return fmt.Errorf("show %s: %w", args[0], err)
					}
					dup, err := st.NearDuplicateOf(a.ctx, doc.ID)
					if err != nil {
						return fmt.Errorf("show %s: %w", args[0], err)
					}
					if !*asJSON {
						printDocument(a, doc, dup)
						return nil
					}
					ex, err := st.Extraction(a.ctx, doc.ID)
					if err != nil {
						return fmt.Errorf("show %s: extraction: %w", args[0], err)
					}
					ex.Document = doc.Info()
					ex.Normalize()
					return writeJSON(a.stdout, struct {
						Document    *dossier.Document   `json:"document"`
						Extraction  *dossier.Extraction `json:"extraction"`
						DuplicateOf string              `json:"duplicate_of,omitempty"`
					}{doc, ex, dup})
				})
			}
		},
	}
}

// printDocument prints doc's metadata (with the document it nearly duplicates, dup, if
// any), then its text.
func printDocument(a *app, doc *dossier.Document, dup string) {
	w := a.stdout
	fmt.Fprintf(w, "ID:       %s\n", doc.ID)
	fmt.Fprintf(w, "Title:    %s\n", orDash(doc.Title))
	fmt.Fprintf(w, "Date:     %s\n", orDash(doc.Date.String()))
	fmt.Fprintf(w, "Series:   %s\n", orDash(doc.Series))
	fmt.Fprintf(w, "Source:   %s\n", orDash(doc.Source))
	fmt.Fprintf(w, "Format:   %s, %d bytes, language %s\n", doc.Format, doc.Size, orDash(doc.Lang))
	fmt.Fprintf(w, "Marking:  %s\n", orDash(doc.Marking))
	fmt.Fprintf(w, "Ingested: %s\n", doc.IngestedAt.UTC().Format("2006-01-02 15:04:05Z"))
	if dup != "" {
		fmt.Fprintf(w, "Near duplicate of %s\n", dup)
	}
	fmt.Fprintf(w, "\n%s\n", doc.Text)
	if len(doc.Footnotes) > 0 {
		fmt.Fprintf(w, "\nFootnotes:\n")
		for _, f := range doc.Footnotes {
			src := ""
			if f.Source != "" {
				src = " [" + f.Source + "]"
			}
			fmt.Fprintf(w, "  (%s) %s%s\n", f.Label, clip(f.Note.Text, 100), src)
		}
	}
}
