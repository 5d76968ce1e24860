package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestZZCorpus(t *testing.T) {
	dir := os.Getenv("PDF_CORPUS")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		st := time.Now()
		res, err := Extract(raw, Options{})
		el := time.Since(st)
		out, perr := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
		if err != nil {
			t.Logf("%-40s %6dKB ours ERR %v (poppler err=%v, %d bytes)", filepath.Base(f), len(raw)>>10, err, perr, len(out))
			continue
		}
		t.Logf("%-40s %6dKB %v pages=%d ours=%d popp=%d sim=%.3f", filepath.Base(f), len(raw)>>10, el.Round(time.Millisecond), len(res.Pages), len(words(res.Text)), len(words(string(out))), similarity(res.Text, string(out)))
	}
}
