package sqlite_test

import (
	"context"
	"os"
	"testing"

	"dossier/internal/store"
	"dossier/internal/store/sqlite"
)

func TestZZProf2(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, "/tmp/b10k.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 10; i++ {
		s.Profile(ctx, 21, store.TimeFilter{})
	}
}
