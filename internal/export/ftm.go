package export

import (
	"bufio"
	"context"
	"fmt"

	"dossier"
	"dossier/internal/store"
)

func writeFtM(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, _ Selection) error {
	return fmt.Errorf("ftm: not yet: %w", dossier.ErrUnsupported)
}
