package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"dossier/internal/store"
	"dossier/internal/web"
)

func serveCommand() command {
	return command{
		name: "serve", summary: "Serve the web UI and the JSON API (loopback only unless --addr says otherwise)",
		examples: []string{"dossier serve", "dossier serve --addr 127.0.0.1:9000", "dossier --db work.db serve --max-upload 64"},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
			maxUpload := fs.Int64("max-upload", 32, "largest upload accepted, in `MiB`")
			return func(a *app, args []string) error {
				if err := wantArgs("serve", args, 0, 0); err != nil {
					return err
				}
				if _, _, err := net.SplitHostPort(*addr); err != nil {
					return usageError("serve", "--addr %q: %v", *addr, err)
				}
				if *maxUpload <= 0 {
					return usageError("serve", "--max-upload must be positive")
				}
				return a.withStore(func(st *store.Store) error {
					p, err := a.newPipeline(st)
					if err != nil {
						return err
					}
					return a.serve(st, p, *addr, *maxUpload<<20)
				})
			}
		},
	}
}

// serve runs the web server until the context is cancelled (SIGINT or SIGTERM), then shuts
// it down gracefully, letting requests in flight finish for a few seconds.
func (a *app) serve(st *store.Store, p *pipeline, addr string, maxUpload int64) error {
	logger := slog.New(slog.NewTextHandler(a.stderr, nil))
	h := web.New(st, web.Options{Logger: logger, Ingest: a.uploader(st, p), MaxUpload: maxUpload, Now: a.now})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(a.stderr, "dossier: serving %s on http://%s/ (interrupt to stop)\n", a.db, ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve %s: %w", addr, err)
	case <-a.ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", addr, err)
	}
	fmt.Fprintf(a.stderr, "dossier: server stopped\n")
	return nil
}
