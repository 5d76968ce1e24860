// Package cli implements the dossier command line. Main parses the global flags, picks the
// subcommand and maps the error it returns to an exit status in one place (exitCode). Each
// subcommand lives in a file of its own and parses its flags with its own flag.FlagSet;
// flags may come before or after the positional arguments.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"dossier"
)

// Version is the version of the dossier program.
const Version = "0.1.0"

// actor is the actor recorded in the audit log for curation done through the CLI.
const actor = "local"

// errHelp reports that help was asked for and printed: exit status 0.
var errHelp = errors.New("help requested")

// app is one run of the program: its streams, its environment and the global flags.
type app struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	now    func() time.Time
	db     string // SQLite database path (--db, $DOSSIER_DB, ./dossier.db)
}

// command is one subcommand. setup declares its flags on fs and returns the function that
// runs it with the positional arguments.
type command struct {
	name     string
	args     string // synopsis of the positional arguments
	summary  string
	examples []string
	setup    func(fs *flag.FlagSet) func(a *app, args []string) error
}

// commands lists every subcommand in the order help shows them.
func commands() []command {
	return []command{
		ingestCommand(), docsCommand(), showCommand(), searchCommand(), extractCommand(),
		entitiesCommand(), entityCommand(), graphCommand(), pathCommand(), timelineCommand(),
		claimsCommand(), mergeCommand(), splitCommand(), renameCommand(), retypeCommand(),
		aliasCommand(), relationCommand(), noteCommand(), undoCommand(), auditCommand(),
		lexiconCommand(), exportCommand(), importCommand(), evalCommand(), serveCommand(), genCommand(),
		versionCommand(),
		helpCommand(),
	}
}

// Main runs the dossier command line with args (without the program name) and returns the
// exit status: 0 on success, 2 for bad usage or input, 3 when something is not found, 4 on
// a conflict, 5 for input of a kind dossier does not support, 1 for any other failure.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, now: time.Now}
	err := a.run(args)
	code := exitCode(err)
	if code != 0 {
		fmt.Fprintf(stderr, "dossier: %v\n", err)
	}
	return code
}

// exitCode maps an error to the process exit status. It is the only place that does.
func exitCode(err error) int {
	var inErr *dossier.InputError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, dossier.ErrInvalid), errors.As(err, &inErr):
		return 2
	case errors.Is(err, dossier.ErrNotFound):
		return 3
	case errors.Is(err, dossier.ErrConflict):
		return 4
	case errors.Is(err, dossier.ErrUnsupported):
		return 5
	}
	return 1
}

// usageError reports a command line mistake; it maps to exit status 2.
func usageError(cmd, format string, v ...any) error {
	msg := fmt.Sprintf(format, v...)
	if cmd != "" {
		return fmt.Errorf("%s: %s (see 'dossier %s --help'): %w", cmd, msg, cmd, dossier.ErrInvalid)
	}
	return fmt.Errorf("%s (see 'dossier help'): %w", msg, dossier.ErrInvalid)
}

// run parses the global flags, then the subcommand and its flags, and runs it.
func (a *app) run(args []string) error {
	if a.db = a.getenv("DOSSIER_DB"); a.db == "" {
		a.db = "dossier.db"
	}
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "-" {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		switch name {
		case "h", "help":
			return a.help(nil)
		case "version":
			return a.version()
		case "db":
			if !hasValue {
				if len(args) < 2 {
					return usageError("", "flag --db needs a value")
				}
				value, args = args[1], args[1:]
			}
			a.db = value
		default:
			return usageError("", "unknown global flag %s", args[0])
		}
		args = args[1:]
	}
	if len(args) == 0 {
		a.usage(a.stderr)
		return usageError("", "no command given")
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return a.runCommand(c, args[1:])
		}
	}
	return usageError("", "unknown command %q", args[0])
}

// newFlagSet returns the flag set of c with its flags and the global --db declared.
func (a *app) newFlagSet(c command) (*flag.FlagSet, func(a *app, args []string) error) {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&a.db, "db", a.db, "SQLite database `path` ($DOSSIER_DB, else ./dossier.db)")
	return fs, c.setup(fs)
}

// runCommand parses c's flags, interspersed with its positional arguments, and runs it.
func (a *app) runCommand(c command, args []string) error {
	fs, run := a.newFlagSet(c)
	pos, err := parseFlags(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		a.commandUsage(a.stdout, c)
		return errHelp
	}
	if err != nil {
		return usageError(c.name, "%v", err)
	}
	return run(a, pos)
}

// parseFlags parses fs from args allowing flags after positional arguments, and returns the
// positional arguments. Everything after "--" is positional.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usage prints the list of commands.
func (a *app) usage(w io.Writer) {
	fmt.Fprintf(w, "dossier %s: an offline analyst's engine for documents, entities and sourced claims.\n\n", Version)
	fmt.Fprintf(w, "Usage: dossier [--db PATH] COMMAND [flags] [arguments]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nGlobal flags (before or after the command):\n  --db PATH  SQLite database (default $DOSSIER_DB, else ./dossier.db)\n")
	fmt.Fprintf(w, "\nRun 'dossier help COMMAND' or 'dossier COMMAND --help' for a command's flags and examples.\n")
}

// commandUsage prints the usage, flags and examples of c.
func (a *app) commandUsage(w io.Writer, c command) {
	fmt.Fprintf(w, "Usage: dossier %s [flags] %s\n\n%s\n", c.name, c.args, c.summary)
	fs, _ := a.newFlagSet(c)
	fs.SetOutput(w)
	fmt.Fprintf(w, "\nFlags:\n")
	fs.PrintDefaults()
	if len(c.examples) > 0 {
		fmt.Fprintf(w, "\nExamples:\n")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// writeJSON writes v to w as indented JSON, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// writeJSONLine writes v to w as one line of JSON.
func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// wantArgs checks the number of positional arguments of a command.
func wantArgs(cmd string, args []string, min, max int) error {
	switch {
	case len(args) < min:
		return usageError(cmd, "missing argument")
	case max >= 0 && len(args) > max:
		return usageError(cmd, "too many arguments: %s", strings.Join(args[max:], " "))
	}
	return nil
}
