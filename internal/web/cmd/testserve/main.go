// Command testserve is the web package's test server: it opens (or creates) a SQLite
// store, optionally loads the fixture documents (the seed brief with its annotation and a
// hostile document), and serves web.New on a loopback address. The browser tests use it
// when the dossier binary is not given; it is not part of the product.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
	"unicode/utf8"

	"dossier"
	"dossier/internal/lexicon"
	"dossier/internal/store"
	"dossier/internal/store/sqlite"
	"dossier/internal/web"
	"dossier/internal/web/internal/fixture"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "testserve:", err)
		os.Exit(1)
	}
}

func run() error {
	db := flag.String("db", "testserve.db", "SQLite database `file`")
	addr := flag.String("addr", "127.0.0.1:0", "listen `address`")
	shared := flag.String("shared", "", "shared `directory`: load the seed brief fixture from it")
	hostile := flag.Bool("hostile", false, "load the hostile fixture document")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := sqlite.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	now := time.Now()
	var docs []fixture.Doc
	if *shared != "" {
		d, err := fixture.Brief27(*shared, now)
		if err != nil {
			return err
		}
		docs = append(docs, d)
	}
	if *hostile {
		docs = append(docs, fixture.Hostile(now))
	}
	for _, d := range docs {
		if _, err := st.PutDocument(ctx, d.Doc, d.Ex, "fixture"); err != nil {
			return err
		}
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	lex, err := lexicon.Load()
	if err != nil {
		return err
	}
	h := web.New(st, web.Options{Logger: logger, Ingest: uploader(st), MaxUpload: 8 << 20, Lexicon: lex})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Printf("serving on http://%s/\n", ln.Addr())
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		return err
	}
	return nil
}

// uploader stores an upload as plain text without extraction (parsing formats and
// extracting are not this program's concern): the document is searchable and readable.
func uploader(st *store.Store) func(ctx context.Context, name string, r io.Reader) (string, bool, error) {
	return func(ctx context.Context, name string, r io.Reader) (string, bool, error) {
		raw, err := io.ReadAll(r)
		if err != nil {
			return "", false, err
		}
		if !utf8.Valid(raw) {
			return "", false, &dossier.InputError{Op: "ingest", Path: name, Err: dossier.ErrUnsupported}
		}
		sum := sha256.Sum256(raw)
		doc := &dossier.Document{ID: "sha256:" + hex.EncodeToString(sum[:]), Title: name, Source: name, Format: "txt",
			Lang: "en", Marking: dossier.DefaultMarking, Size: int64(len(raw)), Text: string(raw), IngestedAt: time.Now()}
		res, err := st.PutDocument(ctx, doc, &dossier.Extraction{Document: doc.Info()}, "none")
		if err != nil {
			return "", false, err
		}
		return res.ID, res.New, nil
	}
}
