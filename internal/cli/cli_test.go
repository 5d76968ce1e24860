package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// shared returns the path of a file under the shared material (../shared from the
// module root).
func shared(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
}

// result is what one in-process run of the command line produced.
type result struct {
	code           int
	stdout, stderr string
}

// run runs the command line in-process with args, standard input stdin and the database
// db (none when db is empty), and returns its exit status and output.
func run(t testing.TB, db string, stdin io.Reader, args ...string) result {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	if db != "" {
		args = append([]string{"--db", db}, args...)
	}
	code := Main(context.Background(), args, stdin, &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// mustRun runs the command line and fails the test unless it exits with status 0.
func mustRun(t testing.TB, db string, stdin io.Reader, args ...string) result {
	t.Helper()
	r := run(t, db, stdin, args...)
	if r.code != 0 {
		t.Fatalf("dossier %s: exit %d, stderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// decodeJSON decodes s into v or fails the test.
func decodeJSON(t testing.TB, what, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%s: output is not JSON: %v\n%s", what, err, s)
	}
}

func TestExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"help"}, 0},
		{"version", []string{"version"}, 0},
		{"global version flag", []string{"--version"}, 0},
		{"no command", nil, 2},
		{"unknown command", []string{"frobnicate"}, 2},
		{"unknown flag", []string{"docs", "--frob"}, 2},
		{"unknown global flag", []string{"--frob", "docs"}, 2},
		{"missing argument", []string{"show"}, 2},
		{"too many arguments", []string{"docs", "extra"}, 2},
		{"bad date", []string{"graph", "--since", "2023-02-30"}, 2},
		{"bad type", []string{"entities", "--type", "ALIEN"}, 2},
		{"unknown document", []string{"--db", db, "show", "ffff0000"}, 3},
		{"unreadable file", []string{"extract", filepath.Join(t.TempDir(), "missing.txt")}, 2},
		{"extract batch with file", []string{"extract", "--batch", "x.txt"}, 2},
		{"bad relation id", []string{"--db", db, "relation", "reject", "abc"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, "", nil, tc.args...)
			if r.code != tc.want {
				t.Errorf("dossier %s: exit %d, want %d (stderr %q)", strings.Join(tc.args, " "), r.code, tc.want, r.stderr)
			}
			if tc.want != 0 && !strings.HasPrefix(r.stderr, "dossier: ") && !strings.Contains(r.stderr, "\ndossier: ") {
				t.Errorf("dossier %s: stderr %q does not start with \"dossier: \"", strings.Join(tc.args, " "), r.stderr)
			}
		})
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	top := mustRun(t, "", nil, "help")
	for _, c := range commands() {
		if !strings.Contains(top.stdout, "\n  "+c.name+" ") {
			t.Errorf("dossier help does not list %s", c.name)
		}
		for _, args := range [][]string{{c.name, "--help"}, {"help", c.name}, {c.name, "-h"}} {
			r := run(t, "", nil, args...)
			if r.code != 0 {
				t.Errorf("dossier %s: exit %d, want 0", strings.Join(args, " "), r.code)
			}
			if !strings.Contains(r.stdout, "Usage: dossier "+c.name) || !strings.Contains(r.stdout, "Examples:") {
				t.Errorf("dossier %s: no usage with examples:\n%s", strings.Join(args, " "), r.stdout)
			}
			if !strings.Contains(r.stdout, "-db path") {
				t.Errorf("dossier %s: the global --db flag is not shown:\n%s", strings.Join(args, " "), r.stdout)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	r := mustRun(t, "", nil, "version")
	for _, want := range []string{"dossier " + Version, "extractor ", "go1."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dossier version = %q, want it to contain %q", r.stdout, want)
		}
	}
}

func TestParseFlagsInterspersed(t *testing.T) {
	tests := []struct {
		args     []string
		wantPos  []string
		wantJSON bool
		wantN    int
	}{
		{[]string{"a", "--json", "b"}, []string{"a", "b"}, true, 0},
		{[]string{"--n", "3", "a"}, []string{"a"}, false, 3},
		{[]string{"a", "--n=4", "-"}, []string{"a", "-"}, false, 4},
		{[]string{"--", "--json", "x"}, []string{"--json", "x"}, false, 0},
		{[]string{"a", "--", "-n"}, []string{"a", "-n"}, false, 0},
	}
	for _, tc := range tests {
		fs := newTestFlagSet()
		asJSON := fs.Bool("json", false, "")
		n := fs.Int("n", 0, "")
		pos, err := parseFlags(fs, tc.args)
		if err != nil {
			t.Errorf("parseFlags(%q): %v", tc.args, err)
			continue
		}
		if strings.Join(pos, "|") != strings.Join(tc.wantPos, "|") || *asJSON != tc.wantJSON || *n != tc.wantN {
			t.Errorf("parseFlags(%q) = %q, json=%v, n=%d; want %q, %v, %d", tc.args, pos, *asJSON, *n, tc.wantPos, tc.wantJSON, tc.wantN)
		}
	}
}

func TestDBFlagPlacement(t *testing.T) {
	dir := t.TempDir()
	dbA, dbB := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	seed := shared("seed", "brief-27.txt")
	mustRun(t, "", nil, "--db", dbA, "ingest", seed)
	mustRun(t, "", nil, "ingest", seed, "--db", dbB)
	dbC := filepath.Join(dir, "c.db")
	t.Setenv("DOSSIER_DB", dbC)
	mustRun(t, "", nil, "ingest", seed)
	for _, db := range []string{dbA, dbB, dbC} {
		var docs []map[string]any
		decodeJSON(t, "docs", mustRun(t, "", nil, "docs", "--json", "--db="+db).stdout, &docs)
		if len(docs) != 1 {
			t.Errorf("%s holds %d documents, want 1", filepath.Base(db), len(docs))
		}
	}
}

func newTestFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}
