package pdf

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	f := os.Getenv("PDF_FILE")
	if f == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(f)
	res, err := Extract(raw, Options{})
	fmt.Println(err)
	fmt.Println(res.Text)
}
