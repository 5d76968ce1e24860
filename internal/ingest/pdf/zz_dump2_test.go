package pdf

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZRuns(t *testing.T) {
	f := os.Getenv("PDF_FILE")
	if f == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(f)
	d, _ := open(raw, &budget{left: 1 << 30})
	pl := d.pageList()
	fonts := map[any]*font{}
	for i, p := range pl {
		runs := d.pageRuns(p, fonts)
		for _, l := range lines(runs) {
			if strings.Contains(l.text, "conceive d") {
				for _, r := range runs {
					if r.y == l.y {
						fmt.Printf("page %d: x=%.2f endX=%.2f size=%.2f %q\n", i, r.x, r.endX, r.size, r.text)
					}
				}
				data, _ := d.contents(p)
				k := strings.Index(string(data), "ve")
				for k >= 0 && k < len(data) {
					fmt.Printf("%q\n", data[max(0, k-300):min(len(data), k+200)])
					break
				}
				return
			}
		}
	}
}
