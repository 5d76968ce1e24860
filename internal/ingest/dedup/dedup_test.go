package dedup

import (
	"fmt"
	"strings"
	"testing"
)

const story = `Officials from the two neighbouring states met on Tuesday in the border town to discuss
the reopening of the main crossing, which has been closed for more than two weeks. Traders said
that hundreds of trucks were waiting on both sides and that perishable goods were being lost.
The talks ended without a final agreement, but both delegations said that they would meet again
on Friday and that the crossing could reopen for pedestrians within days. A spokesman for the
interior ministry said that new inspection rules would be introduced at a joint terminal.`

func TestNear(t *testing.T) {
	tests := []struct {
		name string
		b    string
		want bool
	}{
		{"identical", story, true},
		{"reformatted", strings.ToUpper(strings.ReplaceAll(story, "\n", "  ")), true},
		{"new headline", "BORDER TALKS STALL\n\n" + story, true},
		{"one word changed", strings.Replace(story, "Friday", "Thursday", 1), true},
		{"updated version", strings.NewReplacer("on Tuesday", "on Tuesday evening", "Traders said", "Local traders told reporters",
			"within days", "within a few days", "A spokesman for the\ninterior ministry said", "The interior ministry said").Replace(story), true},
		{"last paragraph dropped", story[:strings.Index(story, "The talks ended")], true},
		{"different story", `The central bank raised its main interest rate by half a point on Wednesday, citing
inflation that has stayed above its target for a year. Analysts had expected a smaller increase. The
currency rose against the dollar after the announcement, and the bank said further increases were
possible if prices kept rising faster than wages over the coming months.`, false},
		{"empty", "", false},
	}
	a := Sketch(story)
	for _, tt := range tests {
		b := Sketch(tt.b)
		if got := Near(a, b); got != tt.want {
			t.Errorf("Near(story, %s) = %v (similarity %.2f), want %v", tt.name, got, Similarity(a, b), tt.want)
		}
		if tt.want && !shareBand(Bands(a), Bands(b)) {
			t.Errorf("Bands(story) and Bands(%s) share no band: the store would never compare them", tt.name)
		}
	}
}

func shareBand(a, b []uint64) bool {
	for i := range a {
		if i < len(b) && a[i] == b[i] {
			return true
		}
	}
	return false
}

func TestSketchShape(t *testing.T) {
	if s := Sketch(" ,;. "); s != nil {
		t.Errorf("Sketch(no words) = %d bytes, want nil", len(s))
	}
	s := Sketch("one two")
	if len(s) != 4*SignatureSize || len(Bands(s)) != NumBands {
		t.Errorf("Sketch: %d bytes and %d bands, want %d and %d", len(s), len(Bands(s)), 4*SignatureSize, NumBands)
	}
	if Bands([]byte("short")) != nil || Similarity(s, []byte("short")) != 0 {
		t.Error("a malformed sketch has bands or a similarity")
	}
	if got := Similarity(s, s); got != 1 {
		t.Errorf("Similarity(s, s) = %v, want 1", got)
	}
}

func TestUnrelatedRarelyNear(t *testing.T) {
	// Sketches of unrelated texts of one template must spread: count false matches among 200 texts.
	var sks [][]byte
	for i := 0; i < 200; i++ {
		sks = append(sks, Sketch(fmt.Sprintf("report %d on item %d says value %d rose by %d points in region %d", i, i*7, i*13, i%17, i*31)))
	}
	falsePairs := 0
	for i := range sks {
		for j := i + 1; j < len(sks); j++ {
			if Near(sks[i], sks[j]) {
				falsePairs++
			}
		}
	}
	if falsePairs > 0 {
		t.Errorf("%d false near-duplicate pairs among 200 unrelated texts, want 0", falsePairs)
	}
}

func ExampleNear() {
	a := Sketch("The delegations met on Tuesday and agreed to reopen the crossing for trucks and pedestrians within days, officials said.")
	b := Sketch("UPDATE: The delegations met on Tuesday and agreed to reopen the crossing for trucks and pedestrians within days, officials said.")
	fmt.Println(Near(a, b))
	// Output: true
}

func BenchmarkSketch(b *testing.B) {
	text := strings.Repeat(story+" ", 8)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Sketch(text)
	}
}
