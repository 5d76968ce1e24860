package ingest_test

import (
	"fmt"
	"time"

	"dossier/internal/ingest"
)

func ExampleBytes() {
	raw := []byte("Brief n.4, June 2021\r\n\r\nWater talks in the valley\r\n\r\nOfficials from both provinces met on June 3rd to share the river's water.\r\n")
	doc, err := ingest.Bytes(raw, "brief-4.txt", ingest.Options{Now: func() time.Time { return time.Unix(0, 0) }})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Series, "|", doc.Date, "|", doc.Title, "|", doc.Lang, "|", doc.Format)
	// Output: Brief n.4 | 2021-06 | Water talks in the valley | en | txt
}
