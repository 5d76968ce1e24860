package gen_test

import (
	"fmt"
	"strings"

	"dossier/internal/gen"
)

func ExampleWords() {
	text := gen.Words(1, 1500)
	fmt.Println(len(strings.Fields(text)), strings.HasSuffix(text, "."))
	// Output: 1500 true
}

func ExampleGenerator_Corpus() {
	g := gen.New()
	for doc := range g.Corpus(42, 3) {
		fmt.Println(doc.Name, len(doc.Facts) > 0, strings.Contains(doc.Text, doc.Facts[0].Evidence))
	}
	// Output:
	// gen-00000-brief.txt true true
	// gen-00001-brief.txt true true
	// gen-00002-brief.txt true true
}
