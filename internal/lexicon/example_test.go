package lexicon_test

import (
	"fmt"
	"strings"

	"dossier/internal/lexicon"
)

func ExampleLexicon_Longest() {
	lex, err := lexicon.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := lexicon.Tokens("Officials in the Kremlin accused ISIS-K of the attack")
	for i := 0; i < len(words); {
		n, hits := lex.Longest(words, i)
		if n == 0 {
			i++
			continue
		}
		h := hits[0]
		fmt.Printf("%s -> %s (%s, %s)\n", strings.Join(words[i:i+n], " "), h.Entry.Name, h.Entry.Type, h.Form)
		i += n
	}
	// Output:
	// the kremlin -> Russia (COUNTRY, METONYM)
	// isis-k -> Islamic State Khorasan Province (ARMED_GROUP, ACRONYM)
}

func ExampleLexicon_Title() {
	lex, err := lexicon.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	n, t := lex.Title(lexicon.Tokens("Acting Defense Minister Mullah Yaqub"), 0)
	fmt.Println(n, t.Name, t.Person, t.Org)
	// Output: 3 Acting Defense Minister true Ministry of Defense
}

func ExampleParseFile() {
	watchlist := "name\ttype\taliases\tkb_id\nJamaat Example\tARMED_GROUP\tJEX|Example Front\tq:42\n"
	entries, err := lexicon.ParseFile("watchlist.tsv", strings.NewReader(watchlist))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := entries[0]
	fmt.Println(e.Name, e.Type, e.Aliases, e.Acronyms, e.KBID)

	_, err = lexicon.ParseFile("watchlist.tsv", strings.NewReader("A\tPERSON\nB\tFOO\n"))
	fmt.Println(err)
	// Output:
	// Jamaat Example ARMED_GROUP [Example Front] [JEX] q:42
	// parse watchlist.tsv:2: unknown type "FOO": invalid input
}

func ExampleFold() {
	fmt.Println(lexicon.Fold("Kandahār"), lexicon.Fold("al‑Qa’ida"))
	// Output: kandahar al-qa'ida
}
