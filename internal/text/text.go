// Package text turns a document's canonical text into sentences and tokens, each with a
// byte span into that text. It never changes the text it is given: offsets stay exact.
package text

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with inner apostrophes, hyphens or dots ("al-Qaeda", "U.S.")
	Number             // digits, possibly with inner separators ("1,500", "2023", "8th")
	Punct              // one punctuation mark
	Symbol             // anything else ("$", "%", "°")
)

// Token is one token of a sentence. Start and End are byte offsets into the text.
type Token struct {
	Start, End int
	Text       string // text[Start:End]
	Kind       Kind
	SpaceAfter bool // followed by whitespace (or end of text)
}

// Sentence is one sentence (or heading line) with its tokens.
type Sentence struct {
	Start, End int // byte span of the sentence in the text, trimmed of surrounding space
	Tokens     []Token
	Heading    bool // a title or heading line without a full stop
}
