package text

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func sentenceTexts(s string) []string {
	var out []string
	for _, st := range Split(s) {
		out = append(out, s[st.Start:st.End])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{"The U.S. Army arrived. It left.", []string{"The U.S. Army arrived.", "It left."}},
		{"Troops left the U.S. The war ended.", []string{"Troops left the U.S.", "The war ended."}},
		{"Gen. Smith met Dr. Jones on Feb. 8 in St. Louis.", []string{"Gen. Smith met Dr. Jones on Feb. 8 in St. Louis."}},
		{"See No. 14 for details. Next.", []string{"See No. 14 for details.", "Next."}},
		{"Tools, e.g. hammers, i.e. heavy ones. Done.", []string{"Tools, e.g. hammers, i.e. heavy ones.", "Done."}},
		{"Cats vs. dogs is old. New ones come.", []string{"Cats vs. dogs is old.", "New ones come."}},
		{"Kabul, Herat, etc. Others were quiet.", []string{"Kabul, Herat, etc.", "Others were quiet."}},
		{"J. R. Smith spoke. He left.", []string{"J. R. Smith spoke.", "He left."}},
		{"It grew in Central Asia.(1) Then it fell.", []string{"It grew in Central Asia.(1)", "Then it fell."}},
		{"He said so.[2] Nobody agreed.", []string{"He said so.[2]", "Nobody agreed."}},
		{"He said so.³ Nobody agreed.", []string{"He said so.³", "Nobody agreed."}},
		{`He said: "We will win." Then he left.`, []string{`He said: "We will win."`, "Then he left."}},
		{"Il a dit «Non.» Puis il est parti.", []string{"Il a dit «Non.»", "Puis il est parti."}},
		{"Wait... and see. Then go.", []string{"Wait... and see.", "Then go."}},
		{"Wait… Then go.", []string{"Wait…", "Then go."}},
		{"Why? Because.", []string{"Why?", "Because."}},
		{"A title line\n\nBody text here. More.", []string{"A title line", "Body text here.", "More."}},
		{"First paragraph without stop\n\nSecond", []string{"First paragraph without stop", "Second"}},
		{"a wrapped line of ordinary text that goes on and on for a while\nand continues here.", []string{"a wrapped line of ordinary text that goes on and on for a while\nand continues here."}},
		{"Intro:\n• one item\n• another item", []string{"Intro:", "• one item", "• another item"}},
		{"1. First note.\n2. Second note.", []string{"1. First note.", "2. Second note."}},
		{"Brief n.27, March 2023\n\nText.", []string{"Brief n.27, March 2023", "Text."}},
		{"the sun. Then it rained.", []string{"the sun.", "Then it rained."}},
		{"", nil},
		{"   \n\n  ", nil},
	}
	for _, tt := range tests {
		if got := sentenceTexts(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitHeading(t *testing.T) {
	tests := []struct {
		in   string
		want []bool
	}{
		{"New Threat to Russia\n\nNotably, it grew. It spread.", []bool{true, false, false}},
		{"Results\n\n1. Ludmila Engquist ( Sweden ) 12.74\n\n2. Aliuska Lopez ( Cuba ) 12.92", []bool{true, false, false}},
		{"Title\nBody text starts here and goes on.", []bool{true, false}},
	}
	for _, tt := range tests {
		sents := Split(tt.in)
		if len(sents) != len(tt.want) {
			t.Errorf("Split(%q) gave %d sentences, want %d", tt.in, len(sents), len(tt.want))
			continue
		}
		for i, s := range sents {
			if s.Heading != tt.want[i] {
				t.Errorf("Split(%q)[%d].Heading = %v, want %v", tt.in, i, s.Heading, tt.want[i])
			}
		}
	}
}

func tokenTexts(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"al-Qaeda and al-Qa'ida, al-Qa’ida", []string{"al-Qaeda", "and", "al-Qa'ida", ",", "al-Qa’ida"}},
		{"Putin's and Putin’s plan", []string{"Putin", "'s", "and", "Putin", "’s", "plan"}},
		{"the fighters' plans", []string{"the", "fighters", "'", "plans"}},
		{"the U.S. and U.K.", []string{"the", "U.S.", "and", "U.K."}},
		{"1,500 men on the 8th in 2023.", []string{"1,500", "men", "on", "the", "8th", "in", "2023", "."}},
		{"3.5% of $200", []string{"3.5", "%", "of", "$", "200"}},
		{"Tehrik-i-Taliban-Pakistan", []string{"Tehrik-i-Taliban-Pakistan"}},
		{"Asia.(1)", []string{"Asia", ".", "(", "1", ")"}},
		{"«moderate» Taliban", []string{"«", "moderate", "»", "Taliban"}},
		{"Gen. Smith", []string{"Gen.", "Smith"}},
		{"Wait...", []string{"Wait", "..."}},
		{"Brief n.27", []string{"Brief", "n", ".", "27"}},
		{"don't", []string{"don't"}},
		{"Zürich's Café", []string{"Zürich", "'s", "Café"}},
	}
	for _, tt := range tests {
		if got := tokenTexts(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenKinds(t *testing.T) {
	toks := Tokenize("In 2023, 1,500 U.S. troops paid $5.")
	want := []Kind{Word, Number, Punct, Number, Word, Word, Word, Symbol, Number, Punct}
	if len(toks) != len(want) {
		t.Fatalf("Tokenize gave %d tokens, want %d", len(toks), len(want))
	}
	for i, tok := range toks {
		if tok.Kind != want[i] {
			t.Errorf("token %q kind = %d, want %d", tok.Text, tok.Kind, want[i])
		}
	}
	if toks[0].SpaceAfter != true || toks[1].SpaceAfter != false {
		t.Errorf("SpaceAfter of %q, %q = %v, %v; want true, false", toks[0].Text, toks[1].Text, toks[0].SpaceAfter, toks[1].SpaceAfter)
	}
}

func checkSpans(t *testing.T, name, s string) {
	t.Helper()
	prevEnd := 0
	for _, st := range Split(s) {
		if st.Start < prevEnd || st.End < st.Start || st.End > len(s) {
			t.Fatalf("%s: sentence [%d,%d) out of order or range", name, st.Start, st.End)
		}
		prevEnd = st.End
		if len(st.Tokens) == 0 {
			t.Fatalf("%s: empty sentence at %d", name, st.Start)
		}
		if st.Tokens[0].Start != st.Start || st.Tokens[len(st.Tokens)-1].End != st.End {
			t.Errorf("%s: sentence [%d,%d) does not match its tokens", name, st.Start, st.End)
		}
		for _, tok := range st.Tokens {
			if s[tok.Start:tok.End] != tok.Text || tok.Text == "" || strings.TrimSpace(tok.Text) != tok.Text {
				t.Errorf("%s: token [%d,%d) = %q, text there is %q", name, tok.Start, tok.End, tok.Text, s[tok.Start:tok.End])
			}
		}
	}
}

func TestSpanInvariantSeed(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "seed", "brief-27.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("read seed: %v", err)
		}
		t.Skipf("seed brief not available: %v", err)
	}
	s := string(b)
	checkSpans(t, "brief-27", s)
	if n := len(Split(s)); n < 50 {
		t.Errorf("brief-27: %d sentences, want at least 50", n)
	}
}

func TestSpanInvariantOdd(t *testing.T) {
	odd := []string{
		"no punctuation at all " + strings.Repeat("word ", 3000),
		"ALL CAPS HEADLINE - LONDON 1996-08-30",
		"\xff\xfe broken utf8 \xc3",
		"…«»“”‘’",
		"a\u00a0b\u2028c",
		"'s 's '",
		"-",
		"U.S.",
	}
	for i, s := range odd {
		checkSpans(t, "odd"+string(rune('0'+i)), s)
	}
	long := Split(strings.Repeat("word ", 2500))
	if len(long) != 3 {
		t.Errorf("Split of 2500 words without punctuation gave %d sentences, want 3", len(long))
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Gen. Smith met the U.S. envoy. He left.(1)\n\nTitle\n• item")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, st := range Split(s) {
			for _, tok := range st.Tokens {
				if tok.Start < prev || s[tok.Start:tok.End] != tok.Text || tok.Start == tok.End {
					t.Fatalf("bad token [%d,%d) %q", tok.Start, tok.End, tok.Text)
				}
				prev = tok.End
			}
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	s := strings.Repeat("General Patrushev met the U.S. envoy in Kabul on Feb. 8, 2023. The Taliban's «moderate» wing, e.g. Baradar, agreed.(1)\n", 200)
	ntok := len(Tokenize(s))
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Split(s)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
