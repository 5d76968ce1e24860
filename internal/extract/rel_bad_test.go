package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/internal/text"
)

// bigDoc builds a document of about n bytes from varied sentences with hand-made
// entities, for the bad-input and throughput tests.
func bigDoc(n int) (string, []ent) {
	sents := []string{
		"Russia accused Ukraine of shelling the plant on 8 February.",
		"According to Reuters, Iran may send troops to Iraq.",
		"Hezbollah, Iran's closest ally, fired rockets at Israel.",
		"The United States and Turkey held talks in Geneva last November.",
		"Moscow does not trust NATO, which it sees as a threat.",
		"Sergei Lavrov, the Russian foreign minister, said that Kyiv was supplying arms to Hezbollah.",
		"Officials from Iran, Iraq, Turkey and Egypt held their meeting in Baghdad on 2 March.",
		"The report on Egypt was published (1) and nothing else happened.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sents[i%len(sents)])
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String(), []ent{russia, ukraine, iran, iraq, israel, usa, turkey, egypt, hezb, nato, reuters, lavrov, geneva, baghdad}
}

func TestRelateBadInput(t *testing.T) {
	doc := dossier.Date{Year: 2024, Month: 3, Day: 10}
	long := strings.Repeat("Russia and Ukraine met ", 1250) + "." // 5,000 words
	var names []string
	var specs []ent
	for i := 0; i < 500; i++ {
		n := fmt.Sprintf("Country%03d", i)
		names = append(names, n)
		specs = append(specs, ent{n, dossier.Country, []string{n}})
	}
	list := strings.Join(names[:499], ", ") + " and " + names[499] + " condemned Israel and " + strings.Join(names[:100], ", ") + "."
	specs = append(specs, israel)
	tests := []struct {
		name string
		in   string
		ents []ent
		max  int // most relations allowed
	}{
		{"5,000-word sentence", long, []ent{russia, ukraine}, 10},
		{"500 names", list, specs, maxPairs},
		{"nested parentheses", strings.Repeat("(", 3000) + "Russia attacked Ukraine" + strings.Repeat(")", 3000) + ".", []ent{russia, ukraine}, 5},
		{"nested quotes", strings.Repeat("«\"", 2000) + "Moscow condemned Kyiv" + strings.Repeat("\"»", 2000), []ent{russia, ukraine}, 5},
		{"unbalanced marks", ")))(((Russia, which, that ( ; accused", []ent{russia}, 0},
		{"bad dates", "Russia attacked Ukraine on 32 February and on the 8th.", []ent{russia, ukraine}, 5},
		{"empty", "", nil, 0},
		{"no entities", "They attacked them on Monday.", nil, 0},
	}
	for _, tt := range tests {
		start := time.Now()
		rels, evs, _ := runRelate(t, tt.in, tt.ents, doc)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: relate took %v", tt.name, d)
		}
		if len(rels) > tt.max {
			t.Errorf("%s: %d relations, want at most %d", tt.name, len(rels), tt.max)
		}
		for _, r := range rels {
			if r.Date != nil && *r.Date != "" {
				if _, err := dossier.ParseDate(*r.Date); err != nil {
					t.Errorf("%s: invented date %q", tt.name, *r.Date)
				}
			}
		}
		for _, v := range evs {
			if len(v.Participants) > maxParticipants {
				t.Errorf("%s: event with %d participants", tt.name, len(v.Participants))
			}
		}
	}
}

// TestRelateLinear checks that doubling the document roughly doubles the work (no
// quadratic blow-up), by time with a generous bound.
func TestRelateLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	run := func(n int) time.Duration {
		src, specs := bigDoc(n)
		ents := mkEnts(src, specs)
		sents := text.Split(src)
		best := time.Duration(1 << 62)
		for i := 0; i < 5; i++ {
			start := time.Now()
			relate(src, sents, ents, Options{DocDate: dossier.Date{Year: 2024, Month: 3}}, nil)
			if d := time.Since(start); d < best {
				best = d
			}
		}
		return best
	}
	small, large := run(50_000), run(400_000)
	// linear work gives about 8x; quadratic 64x; the bound leaves room for a loaded machine
	if ratio := float64(large) / float64(small); ratio > 40 {
		t.Errorf("relate on 8x the text took %.1fx the time (%v vs %v): not linear", ratio, large, small)
	}
}

func BenchmarkRelate1MB(b *testing.B) {
	src, specs := bigDoc(1 << 20)
	ents := mkEnts(src, specs)
	sents := text.Split(src)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		relate(src, sents, ents, Options{DocDate: dossier.Date{Year: 2024, Month: 3}}, nil)
	}
}

// BenchmarkExtractFull measures the whole extraction (entities, relations, events) on
// the text of BenchmarkExtractEntities, to compare the two figures.
func BenchmarkExtractFull(b *testing.B) {
	x := testExtractor(b)
	src := benchText()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(src, Options{DocDate: dossier.Date{Year: 2023, Month: 3}})
	}
}

// FuzzRelate runs the relation stage over arbitrary text whose capitalized words and
// known names are entities: it must not panic and must keep every span exact.
func FuzzRelate(f *testing.F) {
	for _, h := range heldOut {
		f.Add(h.text)
	}
	f.Add("(((Russia accused, which «Ukraine» of (1) 32 February the 8th ; , and")
	f.Add("Russia's enemies are: Iran, , and. Iran, which with which that Iran")
	f.Fuzz(func(t *testing.T, s string) {
		specs := []ent{russia, ukraine, iran, iraq, israel, usa, hezb, nato, reuters, lavrov, geneva}
		ents := mkEnts(s, specs)
		var kept []dossier.Entity
		for _, e := range ents {
			if len(e.Mentions) > 0 {
				kept = append(kept, e)
			}
		}
		rels, evs := relate(s, text.Split(s), kept, Options{DocDate: dossier.Date{Year: 2024, Month: 2}}, nil)
		x := &dossier.Extraction{Entities: kept, Relations: rels, Events: evs}
		if err := x.CheckSpans(s); err != nil {
			t.Fatalf("span invariant: %v", err)
		}
		ids := map[string]bool{}
		for _, e := range kept {
			ids[e.ID] = true
		}
		for _, r := range rels {
			if !ids[r.Source] || !ids[r.Target] || r.Source == r.Target || !r.Type.Valid() {
				t.Fatalf("bad relation %+v", r)
			}
		}
	})
}
