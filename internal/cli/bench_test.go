package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"dossier"
	"dossier/internal/gen"
	"dossier/internal/ingest"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

// BenchmarkIngest measures ingest throughput (extraction and storage, one transaction per
// document) for 1,500-word documents, in documents per second.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	a := &app{ctx: ctx, now: time.Now}
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	p, err := a.newPipeline(st)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*dossier.Document, b.N)
	words := 0
	for i := range docs {
		text := fmt.Sprintf("Brief n.%d, March 2023\n\nBenchmark brief %d\n\n%s\n", i, i, gen.Words(int64(i), 1500))
		if docs[i], err = ingest.Bytes([]byte(text), fmt.Sprintf("bench-%d.txt", i), p.opts); err != nil {
			b.Fatal(err)
		}
		words += 1500
	}
	b.ResetTimer()
	for _, d := range docs {
		res, _, err := storeDocument(ctx, st, p, d)
		if err != nil || !res.New {
			b.Fatalf("store %s: %+v, %v", d.Source, res, err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	if _, err := st.Documents(ctx, store.DocQuery{Limit: 1}); err != nil {
		b.Fatal(err)
	}
}
