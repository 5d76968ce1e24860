package sqlite_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"dossier/internal/gen"
	"dossier/internal/store/sqlite"
)

func TestZZIngest(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, os.Getenv("ZZDB"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if c := os.Getenv("ZZCACHE"); c != "" {
		s.DB().SetMaxOpenConns(1)
		if _, err := s.DB().ExecContext(ctx, "PRAGMA cache_size = "+c); err != nil {
			t.Fatal(err)
		}
	}
	off, _ := strconv.Atoi(os.Getenv("ZZOFF"))
	g := gen.New()
	t0 := time.Now()
	for i := off; i < off+400; i++ {
		d, ex := fromGen(g.Doc(2, i))
		if _, err := s.PutDocument(ctx, d, ex, "bench"); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("400 docs in %v: %.1f docs/s", time.Since(t0), 400/time.Since(t0).Seconds())
}
