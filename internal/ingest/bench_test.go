package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// benchDoc writes a brief of about n words: a header, a title, paragraphs and a note.
func benchDoc(n int) string {
	vocab := strings.Fields("the council delegation met officials in the capital on Tuesday and said that talks on water trade and security would continue after the harvest while observers noted calmer tones")
	var b strings.Builder
	b.WriteString("Brief n.12, April 2022\n\nCorridor talks continue\n\n")
	for i := 0; i < n; i++ {
		b.WriteString(vocab[(i*7)%len(vocab)])
		switch {
		case i%120 == 119:
			b.WriteString(".\n\n")
		case i%15 == 14:
			b.WriteString(". ")
		default:
			b.WriteByte(' ')
		}
	}
	b.WriteString("(1)\n\n1. Valley Courier, Talks, 2 April 2022\n")
	return b.String()
}

func BenchmarkBytes(b *testing.B) {
	for _, format := range []string{"txt", "md", "html"} {
		raw := benchDoc(1500)
		if format == "html" {
			raw = "<html><body><article><p>" + strings.ReplaceAll(raw, "\n\n", "</p><p>") + "</p></article></body></html>"
		}
		b.Run(fmt.Sprintf("%s-1500-words", format), func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for i := 0; i < b.N; i++ {
				if _, err := Bytes([]byte(raw), "doc."+format, Options{Now: fixedNow}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
