package examples

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	tagRE    = regexp.MustCompile(`(?s)<(script|style|nav|header|footer|aside)\b.*?</(script|style|nav|header|footer|aside)>|<[^>]*>`)
	fmRE     = regexp.MustCompile(`(?s)\A---\n.*?\n---\n`)
	wordMin  = 250
	wordMax  = 700
	minCount = 14
)

// corpus returns the sample documents (every file but README.md and Go sources).
func corpus(t *testing.T) []string {
	t.Helper()
	ents, err := os.ReadDir("corpus")
	if err != nil {
		t.Fatalf("read examples: %v", err)
	}
	var names []string
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || n == "README.md" || strings.HasSuffix(n, ".go") {
			continue
		}
		names = append(names, n)
	}
	return names
}

// words counts the words of a document's visible text.
func words(name, text string) int {
	switch filepath.Ext(name) {
	case ".html":
		text = tagRE.ReplaceAllString(text, " ")
	case ".md":
		text = fmRE.ReplaceAllString(text, "")
	}
	return len(strings.Fields(text))
}

func TestCorpusSizes(t *testing.T) {
	names := corpus(t)
	if len(names) < minCount {
		t.Errorf("corpus has %d documents, want at least %d", len(names), minCount)
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("corpus", n))
		if err != nil {
			t.Fatalf("read %s: %v", n, err)
		}
		if w := words(n, string(b)); w < wordMin || w > wordMax {
			t.Errorf("%s has %d words, want %d..%d", n, w, wordMin, wordMax)
		}
	}
}

func TestCorpusKinds(t *testing.T) {
	exts := map[string]int{}
	for _, n := range corpus(t) {
		exts[filepath.Ext(n)]++
	}
	want := map[string]int{".txt": 8, ".md": 2, ".html": 2}
	for ext, min := range want {
		if exts[ext] < min {
			t.Errorf("corpus has %d %s documents, want at least %d", exts[ext], ext, min)
		}
	}
}

func TestReadmeListsEveryDocument(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatalf("read README.md: %v", err)
	}
	for _, n := range corpus(t) {
		if !strings.Contains(string(b), n) {
			t.Errorf("README.md does not list %s", n)
		}
	}
}
