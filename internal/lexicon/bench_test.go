package lexicon

import (
	"testing"
)

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLongest(b *testing.B) {
	l := load(b)
	words := Tokens("On 8 February the Russian Security Council said that the Islamic State Khorasan Province " +
		"and al-Qaeda fighters in Kandahar and the Panjshir valley threatened Central Asia, the Kremlin and Washington .")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := 0; j < len(words); {
			n, _ := l.Longest(words, j)
			if n == 0 {
				n = 1
			}
			j += n
		}
	}
	b.ReportMetric(float64(b.N*len(words))/b.Elapsed().Seconds(), "tokens/s")
}
