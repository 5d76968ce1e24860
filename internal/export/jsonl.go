package export

import (
	"bufio"
	"context"

	"dossier/internal/store"
)

// JSON Lines: one line per selected document, the document's extraction in the SCHEMA.md
// shape with its "document" header, entity ids replaced by the global ids of the
// entities they were resolved to (as store.Extraction gives it). Documents come in
// ingestion order.

func writeJSONL(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, _ Selection) error {
	return st.EachDocument(ctx, f, func(d *store.ExportDocument) error {
		b, err := marshal(d.GlobalExtraction())
		if err != nil {
			return err
		}
		w.Write(b)
		return w.WriteByte('\n')
	})
}
