package gen

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"dossier"
)

func TestCorpusDeterministic(t *testing.T) {
	a := slices.Collect(Corpus(7, 25))
	b := slices.Collect(New().Corpus(7, 25))
	if len(a) != 25 || len(b) != 25 {
		t.Fatalf("Corpus(7, 25) gave %d and %d documents, want 25", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Text != b[i].Text || a[i].Date != b[i].Date {
			t.Errorf("document %d differs between two runs with seed 7", i)
		}
	}
	c := slices.Collect(Corpus(8, 25))
	same := 0
	for i := range a {
		if a[i].Text == c[i].Text {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d documents are identical under seeds 7 and 8, want none", same)
	}
	g := New()
	if d := g.Doc(7, 12); d.Text != a[12].Text {
		t.Errorf("Doc(7, 12) differs from the 13th document of Corpus(7, 25)")
	}
}

func TestCorpusStopsEarly(t *testing.T) {
	n := 0
	for range Corpus(1, 100) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("iteration ran %d times after break at 3", n)
	}
}

func TestCorpusStatistics(t *testing.T) {
	const n = 300
	g := New()
	names := map[string]bool{}
	freq := map[string]int{}
	types := map[dossier.RelationType]int{}
	var hedged, negated, attributed, dated, placed, quantified, facts int
	kinds := map[string]int{}
	for d := range g.Corpus(42, n) {
		if names[d.Name] {
			t.Errorf("duplicate document name %s", d.Name)
		}
		names[d.Name] = true
		kinds[d.Name[strings.LastIndexByte(d.Name, '-')+1:]]++
		if w := len(strings.Fields(d.Text)); w < 300 || w > 1560 {
			t.Errorf("%s has %d words, want 300..1560", d.Name, w)
		}
		if !d.Date.Valid() || d.Date.Precision() < dossier.PrecisionMonth {
			t.Errorf("%s has date %v, want a valid month or day date", d.Name, d.Date)
		}
		for _, f := range d.Facts {
			facts++
			types[f.Type]++
			freq[f.Source]++
			freq[f.Target]++
			if !strings.Contains(d.Text, f.Evidence) {
				t.Errorf("%s: evidence %q is not in the text", d.Name, f.Evidence)
			}
			if f.Source == f.Target {
				t.Errorf("%s: fact %s links %s to itself", d.Name, f.Type, f.Source)
			}
			if f.Date != "" {
				dd, err := dossier.ParseDate(f.Date)
				if err != nil {
					t.Errorf("%s: fact date %q: %v", d.Name, f.Date, err)
				} else if dd.Time().After(d.Date.Time().AddDate(0, 1, 0)) {
					t.Errorf("%s: fact date %s is after the document date %s", d.Name, f.Date, d.Date)
				}
				dated++
			}
			if f.Hedged {
				hedged++
			}
			if f.Negated {
				negated++
			}
			if f.Hedged && f.Negated {
				t.Errorf("%s: fact both hedged and negated: %q", d.Name, f.Evidence)
			}
			if f.AttributedTo != "" {
				attributed++
			}
			if f.Place != "" {
				placed++
			}
			if f.Quantity != "" {
				quantified++
			}
		}
	}
	if len(names) != n {
		t.Fatalf("got %d documents, want %d", len(names), n)
	}
	for _, k := range []string{"brief.txt", "wire.txt", "press.txt"} {
		if kinds[k] < n/10 {
			t.Errorf("%d documents of kind %s, want at least %d", kinds[k], k, n/10)
		}
	}
	for _, rt := range dossier.RelationTypes {
		if types[rt] == 0 {
			t.Errorf("no fact of type %s in %d documents", rt, n)
		}
	}
	for name, got := range map[string]int{"hedged": hedged, "negated": negated, "attributed": attributed,
		"dated": dated, "placed": placed, "quantified": quantified} {
		if got < facts/50 {
			t.Errorf("%d of %d facts are %s, want at least %d", got, facts, name, facts/50)
		}
	}
	// Zipf-like skew: many distinct actors, and the most frequent 2% of them take a
	// large share of all occurrences.
	counts := make([]int, 0, len(freq))
	total := 0
	for _, c := range freq {
		counts = append(counts, c)
		total += c
	}
	sort.Sort(sort.Reverse(sort.IntSlice(counts)))
	t.Logf("%d facts, %d distinct actors, top actor %d, median %d; hedged %d negated %d attributed %d dated %d placed %d quantified %d",
		facts, len(counts), counts[0], counts[len(counts)/2], hedged, negated, attributed, dated, placed, quantified)
	if len(counts) < 600 {
		t.Errorf("%d distinct actors in %d documents, want at least 600", len(counts), n)
	}
	top := 0
	for _, c := range counts[:len(counts)/50] {
		top += c
	}
	share := float64(top) / float64(total)
	t.Logf("top 2%% of actors hold %.2f of occurrences", share)
	if share < 0.2 {
		t.Errorf("top 2%% of actors hold %.2f of occurrences, want at least 0.20", share)
	}
	if med := counts[len(counts)/2]; counts[0] < 20*med {
		t.Errorf("most frequent actor occurs %d times, median %d: want a skew of at least 20x", counts[0], med)
	}
}

func TestActors(t *testing.T) {
	m := New().Actors()
	total := 0
	for _, et := range dossier.EntityTypes {
		total += m[et]
	}
	if total < 1900 || total > 2500 {
		t.Errorf("universe has %d actors, want about 2,000", total)
	}
	for _, et := range []dossier.EntityType{dossier.Person, dossier.Organization, dossier.ArmedGroup, dossier.Country, dossier.Location} {
		if m[et] == 0 {
			t.Errorf("universe has no %s", et)
		}
	}
}

func TestWords(t *testing.T) {
	for _, n := range []int{0, 1, 17, 1500} {
		s := Words(3, n)
		if got := len(strings.Fields(s)); got != n {
			t.Errorf("Words(3, %d) has %d words", n, got)
		}
		if n > 0 && !strings.HasSuffix(s, ".") {
			t.Errorf("Words(3, %d) does not end with a full stop: %q", n, s[max(0, len(s)-20):])
		}
		if s != Words(3, n) {
			t.Errorf("Words(3, %d) differs between two calls", n)
		}
	}
	if Words(3, 200) == Words(4, 200) {
		t.Errorf("Words(3, 200) == Words(4, 200), want different text")
	}
}

func TestWithCommas(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{7, "7"}, {150, "150"}, {1500, "1,500"}, {578000, "578,000"}, {1234567, "1,234,567"}} {
		if got := withCommas(c.n); got != c.want {
			t.Errorf("withCommas(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func BenchmarkCorpus(b *testing.B) {
	g := New()
	words := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := g.Doc(1, i)
		words += len(strings.Fields(d.Text))
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
