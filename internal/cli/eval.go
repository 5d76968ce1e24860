package cli

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"dossier"
	"dossier/internal/eval"
	"dossier/internal/extract"
	"dossier/internal/ingest"
)

func evalCommand() command {
	return command{
		name: "eval", args: "conll FILE | docs GOLD_DIR [DOC_DIR]",
		summary: "Score the extractor: exact-span NER on CoNLL-2003 data, or documents against gold annotations",
		examples: []string{
			"dossier eval conll ../shared/eval/conll2003/dev.txt",
			"dossier eval docs ../shared/seed/gold ../shared/seed",
			"dossier eval docs --out /tmp/pred ../shared/seed/gold  # also writes <slug>.json predictions",
		},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print the scores as JSON")
			out := fs.String("out", "", "eval docs: also write each prediction as `DIR`/<slug>.json (for score_doc.py)")
			return func(a *app, args []string) error {
				if len(args) == 0 {
					return usageError("eval", "want 'conll FILE' or 'docs GOLD_DIR [DOC_DIR]'")
				}
				switch args[0] {
				case "conll":
					if err := wantArgs("eval conll", args[1:], 1, 1); err != nil {
						return err
					}
					return a.evalCoNLL(args[1], *asJSON)
				case "docs":
					if err := wantArgs("eval docs", args[1:], 1, 2); err != nil {
						return err
					}
					docDir := filepath.Dir(filepath.Clean(args[1]))
					if len(args) == 3 {
						docDir = args[2]
					}
					return a.evalDocs(args[1], docDir, *out, *asJSON)
				}
				return usageError("eval", "want 'conll' or 'docs', not %q", args[0])
			}
		},
	}
}

// scoreJSON is one row of scores in JSON.
type scoreJSON struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	Pred      int     `json:"pred"`
	Gold      int     `json:"gold"`
}

func scoreOf(c eval.Counts) scoreJSON {
	return scoreJSON{Precision: c.P(), Recall: c.R(), F1: c.F1(), TP: c.TP, Pred: c.Pred, Gold: c.Gold}
}

// evalCoNLL scores the extractor's entities on a CoNLL-2003 file.
func (a *app) evalCoNLL(path string, asJSON bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval conll: %w", err)
	}
	defer f.Close()
	docs, err := eval.ReadCoNLL(f)
	if err != nil {
		return &dossier.InputError{Op: "eval conll", Path: path, Err: err}
	}
	p, err := a.newPipeline(nil)
	if err != nil {
		return err
	}
	start := time.Now()
	rep := eval.ScoreCoNLL(docs, func(text string) []dossier.Entity {
		return p.x.Extract(text, extract.Options{}).Entities
	})
	elapsed := time.Since(start)
	if asJSON {
		byType := map[string]scoreJSON{}
		for _, t := range eval.ScoredTypes {
			byType[t] = scoreOf(rep.ByType[t])
		}
		return writeJSON(a.stdout, map[string]any{
			"file": path, "documents": rep.Docs, "sentences": rep.Sentences, "tokens": rep.Tokens,
			"by_type": byType, "micro": scoreOf(rep.Micro), "seconds": elapsed.Seconds(),
		})
	}
	fmt.Fprint(a.stdout, rep.String())
	fmt.Fprintf(a.stderr, "%d tokens in %.2fs: %.0f tokens/s (extractor %s)\n", rep.Tokens, elapsed.Seconds(),
		float64(rep.Tokens)/elapsed.Seconds(), extract.Version)
	return nil
}

// docScoreRow is one document's scores in JSON.
type docScoreRow struct {
	Doc      string    `json:"doc"`
	File     string    `json:"file"`
	Entity   scoreJSON `json:"entity"`
	Relation scoreJSON `json:"relation"`
	Linked   scoreJSON `json:"linked"`
	Event    scoreJSON `json:"event"`
	Missing  []string  `json:"missing_entities"`
	Spurious []string  `json:"spurious_entities"`
}

// evalDocs extracts each document with a gold annotation in goldDir (<slug>.json, the
// document <slug>.txt or another supported format found under docDir) and prints the
// scores that ../shared/eval/score_doc.py would give.
func (a *app) evalDocs(goldDir, docDir, outDir string, asJSON bool) error {
	golds, err := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if err != nil || len(golds) == 0 {
		return &dossier.InputError{Op: "eval docs", Path: goldDir, Err: fmt.Errorf("no <slug>.json gold files: %w", dossier.ErrNotFound)}
	}
	sort.Strings(golds)
	docs, err := findDocuments(docDir)
	if err != nil {
		return err
	}
	if outDir != "" {
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return fmt.Errorf("eval docs: %w", err)
		}
	}
	p, err := a.newPipeline(nil)
	if err != nil {
		return err
	}
	var rows []docScoreRow
	var scores []eval.DocScore
	var total eval.DocScore
	for _, gp := range golds {
		slug := strings.TrimSuffix(filepath.Base(gp), ".json")
		docPath, ok := docs[slug]
		if !ok {
			return &dossier.InputError{Op: "eval docs", Path: gp, Err: fmt.Errorf("no document %s.txt (or .md, .html, .pdf, .docx) under %s: %w", slug, docDir, dossier.ErrNotFound)}
		}
		gold, err := readGold(gp)
		if err != nil {
			return err
		}
		doc, err := ingest.File(docPath, p.opts)
		if err != nil {
			return fmt.Errorf("eval docs: %w", err)
		}
		ex, _ := p.extract(doc)
		ex.Document = doc.Info()
		if outDir != "" {
			if err := writeFileJSON(filepath.Join(outDir, slug+".json"), ex); err != nil {
				return err
			}
		}
		sc := eval.ScoreDoc(gold, ex)
		total.Add(sc)
		scores = append(scores, sc)
		rows = append(rows, docScoreRow{Doc: slug, File: docPath, Entity: scoreOf(sc.Entity), Relation: scoreOf(sc.Relation),
			Linked: scoreOf(sc.Linked), Event: scoreOf(sc.Event), Missing: nonNil(sc.Missing), Spurious: nonNil(sc.Spurious)})
	}
	if asJSON {
		return writeJSON(a.stdout, map[string]any{"documents": rows, "micro": map[string]scoreJSON{
			"entity": scoreOf(total.Entity), "relation": scoreOf(total.Relation), "linked": scoreOf(total.Linked), "event": scoreOf(total.Event),
		}})
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "document\tent P\tent R\tent F1\trel P\trel R\trel F1\tlinked F1\tevent F1\t\n")
	row := func(name string, s eval.DocScore) {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t\n", name, s.Entity.P(), s.Entity.R(), s.Entity.F1(),
			s.Relation.P(), s.Relation.R(), s.Relation.F1(), s.Linked.F1(), s.Event.F1())
	}
	for i, r := range rows {
		row(r.Doc, scores[i])
	}
	row("micro", total)
	if err := flushTable(tw); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "entity_f1=%.4f relation_f1=%.4f linked_f1=%.4f event_f1=%.4f\n",
		total.Entity.F1(), total.Relation.F1(), total.Linked.F1(), total.Event.F1())
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// findDocuments maps each supported file's name without extension, under dir, to its
// path; the first found in lexical order wins.
func findDocuments(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !ingest.Supported(path) {
			return nil
		}
		slug := strings.TrimSuffix(d.Name(), filepath.Ext(d.Name()))
		if _, dup := out[slug]; !dup {
			out[slug] = path
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval docs: %w", err)
	}
	return out, nil
}

// readGold reads one gold annotation file.
func readGold(path string) (*eval.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval docs: %w", err)
	}
	defer f.Close()
	g, err := eval.ReadGold(f)
	if err != nil {
		return nil, &dossier.InputError{Op: "eval docs", Path: path, Err: err}
	}
	return g, nil
}

// writeFileJSON writes v as indented JSON to the file at path.
func writeFileJSON(path string, v any) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	err = writeJSON(f, v)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
