package export

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"dossier"
	"dossier/internal/store"
)

// benchStore returns a store of n generated documents, each naming four people of a pool
// of 400 and two relations between them.
func benchStore(b *testing.B, n int) *store.Store {
	b.Helper()
	st := openStore(b)
	first := []string{"Amir", "Bashir", "Karim", "Latif", "Nadir", "Omar", "Rahim", "Salim", "Tariq", "Yusuf"}
	last := []string{"Ahmadi", "Barakzai", "Durrani", "Ghani", "Hotak", "Karzai", "Mohmand", "Noorzai", "Popal", "Safi",
		"Sultani", "Tarzi", "Wardak", "Yousafzai", "Zadran", "Achakzai", "Kakar", "Lodi", "Niazi", "Shinwari",
		"Alokozai", "Jaji", "Mangal", "Stanikzai", "Hashimi", "Qaderi", "Rahimi", "Saberi", "Usmani", "Zaheer",
		"Akbari", "Bakhtari", "Danish", "Faizi", "Habibi", "Jalali", "Khalili", "Mirzad", "Nazari", "Qasimi"}
	name := func(i int) string { return first[i%10] + " " + last[(i/10)%40] }
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		a, c, e, g := name(i*7), name(i*7+3), name(i*13+1), name(i*13+5)
		text := fmt.Sprintf("%s met %s in Kabul. %s criticized %s over the talks.", a, c, e, g)
		d := newDoc(b, fmt.Sprintf("Report %d", i), fmt.Sprintf("2023-%02d-%02d", i%12+1, i%28+1), text, at.Add(time.Duration(i)*time.Minute))
		for k, p := range []string{a, c, e, g} {
			if _, dup := d.ent[p]; dup {
				continue
			}
			d.ent[p] = nil
			d.entity(fmt.Sprintf("e%d", k+1), p, dossier.Person, "")
		}
		ids := map[string]string{}
		for _, x := range d.ex.Entities {
			ids[x.Name] = x.ID
		}
		d.rel("r1", dossier.Consult, ids[a], ids[c], fmt.Sprintf("%s met %s in Kabul.", a, c))
		d.rel("r2", dossier.Disapprove, ids[e], ids[g], fmt.Sprintf("%s criticized %s over the talks.", e, g), saidBy(ids[e]))
		if _, err := st.PutDocument(context.Background(), &d.d, &d.ex, "bench"); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// BenchmarkWrite exports a store of 1,000 documents in every format:
// go test -run XXX -bench Write ./internal/export/
func BenchmarkWrite(b *testing.B) {
	st := benchStore(b, 1000)
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			for range b.N {
				if err := Write(context.Background(), st, io.Discard, format, Selection{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
