package extract_test

import (
	"fmt"

	"dossier/internal/extract"
	"dossier/internal/lexicon"
)

func ExampleExtractor_Extract() {
	lex, err := lexicon.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	x := extract.New(lex)
	src := "President Vladimir Putin met Taliban envoys in Moscow. Putin said the Kremlin was concerned."
	out := x.Extract(src, extract.Options{})
	for _, e := range out.Entities {
		fmt.Println(e.ID, e.Type, e.Name, len(e.Mentions))
	}
	// Output:
	// e1 PERSON Vladimir Putin 2
	// e2 ARMED_GROUP Taliban 1
	// e3 LOCATION Moscow 1
	// e4 COUNTRY Russia 1
}
