package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier/internal/gen"
)

func genCommand() command {
	return command{
		name: "gen", summary: "Write a generated (deterministic) corpus of documents, for load tests and benchmarks",
		examples: []string{"dossier gen --n 10000 --out /tmp/corpus && dossier ingest /tmp/corpus", "dossier gen --n 50 --seed 7 --out sample"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			n := fs.Int("n", 10000, "number of documents")
			out := fs.String("out", "", "write the documents into `DIR` (created if need be)")
			seed := fs.Int64("seed", 1, "generator seed: the same seed gives the same corpus")
			return func(a *app, args []string) error {
				if err := wantArgs("gen", args, 0, 0); err != nil {
					return err
				}
				if *out == "" {
					return usageError("gen", "--out DIR is required")
				}
				if *n <= 0 {
					return usageError("gen", "--n must be positive")
				}
				return a.generate(*seed, *n, *out)
			}
		},
	}
}

// generate writes n generated documents into dir.
func (a *app) generate(seed int64, n int, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	written := 0
	for doc := range gen.Corpus(seed, n) {
		if err := a.ctx.Err(); err != nil {
			return fmt.Errorf("gen: interrupted after %d documents: %w", written, err)
		}
		name := filepath.Base(doc.Name)
		if filepath.Ext(name) == "" {
			name += ".txt"
		}
		text := doc.Text
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		written++
	}
	fmt.Fprintf(a.stdout, "wrote %d documents to %s\n", written, dir)
	return nil
}
