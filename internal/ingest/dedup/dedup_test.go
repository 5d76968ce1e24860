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

func TestSimilar(t *testing.T) {
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
		{"different story", `The central bank raised its main interest rate by half a point on Wednesday, citing
inflation that has stayed above its target for a year. Analysts had expected a smaller increase. The
currency rose against the dollar after the announcement, and the bank said further increases were
possible if prices kept rising faster than wages over the coming months.`, false},
		{"empty", "", false},
	}
	a := Fingerprint(story)
	for _, tt := range tests {
		b := Fingerprint(tt.b)
		if got := Similar(a, b); got != tt.want {
			t.Errorf("Similar(story, %s) = %v (distance %d), want %v", tt.name, got, Distance(a, b), tt.want)
		}
	}
}

func TestUnrelatedRarelySimilar(t *testing.T) {
	// Fingerprints of unrelated texts must spread: count false matches among 200 texts.
	var fps []uint64
	for i := 0; i < 200; i++ {
		fps = append(fps, Fingerprint(fmt.Sprintf("report %d on item %d says value %d rose by %d points in region %d", i, i*7, i*13, i%17, i*31)))
	}
	falsePairs := 0
	for i := range fps {
		for j := i + 1; j < len(fps); j++ {
			if Similar(fps[i], fps[j]) {
				falsePairs++
			}
		}
	}
	if falsePairs > 0 {
		t.Errorf("%d false near-duplicate pairs among 200 unrelated texts, want 0", falsePairs)
	}
}

func ExampleSimilar() {
	a := Fingerprint("The delegations met on Tuesday and agreed to reopen the crossing for trucks and pedestrians within days, officials said.")
	b := Fingerprint("UPDATE: The delegations met on Tuesday and agreed to reopen the crossing for trucks and pedestrians within days, officials said.")
	fmt.Println(Similar(a, b))
	// Output: true
}
