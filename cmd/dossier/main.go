// Command dossier is an offline analyst's engine: it ingests documents, extracts who did
// what to whom, when, where and according to whom, and keeps it as a sourced knowledge
// graph. Run 'dossier help' for its commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"dossier/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
