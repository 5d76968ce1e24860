package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalDocsSeed(t *testing.T) {
	r := mustRun(t, "", nil, "eval", "docs", shared("seed", "gold"), shared("seed"))
	if !strings.Contains(r.stdout, "brief-27") || !strings.Contains(r.stdout, "micro") {
		t.Errorf("eval docs does not show the brief-27 row and the micro row:\n%s", r.stdout)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	last := lines[len(lines)-1]
	for _, k := range []string{"entity_f1=", "relation_f1=", "linked_f1=", "event_f1="} {
		if !strings.Contains(last, k) {
			t.Errorf("last line %q lacks %s", last, k)
		}
	}
	if strings.Contains(last, "entity_f1=0.0000") {
		t.Errorf("entity F1 on the seed brief is 0: %s", last)
	}
	// Default DOC_DIR is the gold folder's parent; --out writes score_doc.py's inputs.
	out := filepath.Join(t.TempDir(), "pred")
	mustRun(t, "", nil, "eval", "docs", "--out", out, shared("seed", "gold"))
	if _, err := os.Stat(filepath.Join(out, "brief-27.json")); err != nil {
		t.Errorf("eval docs --out did not write brief-27.json: %v", err)
	}
}

func TestEvalDocsMissingDocument(t *testing.T) {
	gold := t.TempDir()
	if err := os.WriteFile(filepath.Join(gold, "nowhere.json"), []byte(`{"doc":"x","entities":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", nil, "eval", "docs", gold, t.TempDir())
	if r.code != 2 || !strings.Contains(r.stderr, "nowhere") {
		t.Errorf("eval docs without the document: exit %d, stderr %q; want 2 naming the slug", r.code, r.stderr)
	}
}

func TestEvalCoNLL(t *testing.T) {
	data := "-DOCSTART- -X- -X- O\n\n" +
		"Vladimir NNP B-NP B-PER\nPutin NNP I-NP I-PER\nvisited VBD B-VP O\nRussia NNP B-NP B-LOC\n. . O O\n\n" +
		"The DT B-NP O\nUnited NNP I-NP B-ORG\nNations NNP I-NP I-ORG\nmet VBD B-VP O\nin IN B-PP O\nGeneva NNP B-NP B-LOC\n. . O O\n"
	path := filepath.Join(t.TempDir(), "mini.conll")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, "", nil, "eval", "conll", path)
	for _, row := range []string{"PER", "LOC", "ORG", "micro"} {
		if !strings.Contains(r.stdout, "\n"+row+" ") {
			t.Errorf("eval conll output lacks the %s row:\n%s", row, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "sentences 2") {
		t.Errorf("eval conll did not read 2 sentences:\n%s", r.stdout)
	}
	var rep struct {
		Tokens int
		Micro  struct{ Gold int }
	}
	decodeJSON(t, "eval conll --json", mustRun(t, "", nil, "eval", "conll", "--json", path).stdout, &rep)
	if rep.Tokens != 12 || rep.Micro.Gold != 4 {
		t.Errorf("eval conll --json: %d tokens, %d gold spans; want 12 and 4", rep.Tokens, rep.Micro.Gold)
	}
}
