package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/text"
)

// benchText returns the seed brief, or generated news-like text where it is missing.
func benchText() string {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", "brief-27.txt"))
	if err == nil {
		return string(b)
	}
	return strings.Repeat("President Maria Sandoval met General Tomas Brandt in Lisbon on Monday. "+
		"The Ministry of Foreign Affairs said Russian troops left Syria, according to Ahmed Karimi. "+
		"Dozens of Ansar Qadim fighters crossed the river near Kandahar, the Taliban said.\n\n", 40)
}

// BenchmarkExtractEntities measures full entity extraction (split, gazetteer, ner, coref)
// in tokens per second on one core.
func BenchmarkExtractEntities(b *testing.B) {
	x := testExtractor(b)
	src := benchText()
	ntok := 0
	for _, s := range text.Split(src) {
		ntok += len(s.Tokens)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Entities(src, text.Split(src))
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
