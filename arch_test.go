package dossier_test

// Architecture conformance: these tests read the module with `go list -json ./...` and
// go/parser and check the rules of ../shared/design/ARCHITECTURE.md. Where today's tree
// breaks a rule, the breach is named in an allowlist below with the reason; shrink the
// allowlists as the code is fixed, and grow them only with a conscious edit.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

const modulePath = "dossier"

// adapters lists, for each third-party module, the one non-test package allowed to import
// it: the package that adapts it (ARCHITECTURE.md, habit 2). A new dependency needs a line
// here.
var adapters = map[string]string{
	"golang.org/x/net":   "dossier/internal/ingest/html",  // HTML tokenizer/parser
	"golang.org/x/text":  "dossier/internal/ingest",       // charset decoding, NFC
	"golang.org/x/term":  "dossier/internal/cli",          // terminal detection and width
	"modernc.org/sqlite": "dossier/internal/store/sqlite", // the SQLite driver
}

// testDeps lists, for each module imported only by tests, the packages whose tests may
// import it. Test-only dependencies also need a conscious edit.
var testDeps = map[string][]string{
	"github.com/santhosh-tekuri/jsonschema/v6": {"dossier/internal/export"},     // validates STIX output against the 2.1 schemas
	"go.yaml.in/yaml/v3":                       {"dossier/internal/export"},     // reads the FollowTheMoney schema
	"github.com/go-pdf/fpdf":                   {"dossier/internal/ingest/pdf"}, // writes PDF fixtures
}

// forbiddenDeps lists, for each package subtree, the subtrees it may not depend on, even
// indirectly: data moves one way, ingest → text → extract → store → (cli | web | export).
var forbiddenDeps = []struct {
	from   string
	forbid []string
}{
	{"dossier/internal/ingest", []string{"dossier/internal/cli", "dossier/internal/web", "dossier/internal/export", "dossier/internal/store", "dossier/internal/extract"}},
	{"dossier/internal/text", []string{"dossier/internal/cli", "dossier/internal/web", "dossier/internal/export", "dossier/internal/store", "dossier/internal/extract", "dossier/internal/ingest"}},
	{"dossier/internal/lexicon", []string{"dossier/internal/cli", "dossier/internal/web", "dossier/internal/export", "dossier/internal/store", "dossier/internal/extract", "dossier/internal/ingest"}},
	{"dossier/internal/extract", []string{"dossier/internal/cli", "dossier/internal/web", "dossier/internal/export", "dossier/internal/store"}},
	{"dossier/internal/store", []string{"dossier/internal/cli", "dossier/internal/web", "dossier/internal/export", "dossier/internal/extract", "dossier/internal/ingest"}},
	{"dossier/internal/export", []string{"dossier/internal/cli", "dossier/internal/web"}},
	{"dossier/internal/eval", []string{"dossier/internal/cli", "dossier/internal/web", "dossier/internal/export"}},
	{"dossier/internal/gen", []string{"dossier/internal/cli", "dossier/internal/web", "dossier/internal/export"}},
}

// exitAllowed lists the files outside cmd/ that may call os.Exit, with the reason. Each
// is a development tool's main package, never linked into the dossier binary.
var exitAllowed = map[string]string{
	"internal/web/cmd/testserve/main.go": "main of the UI test server used by the web tests",
	"internal/lexicon/gen/main.go":       "main of the go:generate tool that builds the gazetteers",
}

// panicAllowed lists "dir/file.go:func" places under internal/ that may call panic, each
// for a case that cannot happen, with the reason. Empty: keep it so.
var panicAllowed = map[string]string{}

// stateAllowed lists package-level variables ("dir/file.go:name") that the syntactic
// classifier of TestNoPackageState cannot see as immutable, with the reason.
var stateAllowed = map[string]string{
	"internal/ingest/lang/lang.go:profileIndex":        "lookup table computed once from constant profiles",
	"internal/lexicon/predicates.go:builtinPredicates": "sync.OnceValues: the embedded predicate table, parsed once and never changed",
	"internal/export/export.go:epoch":                  "a fixed time.Time value used as a constant",
}

// undocumentedAllowed lists exported names ("dir/file.go:name" or "dir/file.go:Type.Method")
// without a doc comment that the lead still has to document.
var undocumentedAllowed = map[string]string{}

// fuzzed lists the packages that parse untrusted input and so must have a Fuzz target
// (ARCHITECTURE.md, habit 10): every format parser and the --batch reader.
var fuzzed = []string{
	"dossier/internal/ingest",
	"dossier/internal/ingest/html",
	"dossier/internal/ingest/markdown",
	"dossier/internal/ingest/docx",
	"dossier/internal/ingest/pdf",
	"dossier/internal/ingest/notes",
	"dossier/internal/ingest/when",
	"dossier/internal/lexicon",
	"dossier/internal/text",
	"dossier/internal/cli",
}

// listedPackage is the part of `go list -json` output these tests read.
type listedPackage struct {
	Dir            string
	ImportPath     string
	Name           string
	GoFiles        []string
	CgoFiles       []string
	IgnoredGoFiles []string
	TestGoFiles    []string
	XTestGoFiles   []string
	Imports        []string
	Deps           []string
	TestImports    []string
	XTestImports   []string
	Error          *struct{ Err string }
}

// module is the module as `go list` and go/parser see it.
type module struct {
	root     string
	pkgs     []listedPackage
	requires []requirement // from go.mod
}

func loadModule(t *testing.T) *module {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go command not available: %v", err)
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	cmd := exec.Command(goCmd, "list", "-e", "-json", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -json ./...: %v\n%s", err, stderr.String())
	}
	m := &module{root: root}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decode go list output: %v", err)
		}
		if p.Error != nil {
			t.Logf("go list: %s: %s (checked as far as it parses)", p.ImportPath, p.Error.Err)
		}
		m.pkgs = append(m.pkgs, p)
	}
	if len(m.pkgs) == 0 {
		t.Fatal("go list -json ./... listed no packages")
	}
	m.requires, err = readRequires(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// requirement is one module required by go.mod.
type requirement struct {
	path     string
	indirect bool
}

// readRequires returns the modules required by a go.mod file.
func readRequires(path string) ([]requirement, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read go.mod: %w", err)
	}
	var reqs []requirement
	inBlock := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line, comment, _ := strings.Cut(strings.TrimSpace(sc.Text()), "//")
		line = strings.TrimSpace(line)
		indirect := strings.TrimSpace(comment) == "indirect"
		switch {
		case line == "require (":
			inBlock = true
		case inBlock && line == ")":
			inBlock = false
		case inBlock && line != "":
			reqs = append(reqs, requirement{strings.Fields(line)[0], indirect})
		case strings.HasPrefix(line, "require "):
			reqs = append(reqs, requirement{strings.Fields(line)[1], indirect})
		}
	}
	return reqs, sc.Err()
}

// rel returns a package directory relative to the module root, slash-separated.
func (m *module) rel(dir string) string {
	r, err := filepath.Rel(m.root, dir)
	if err != nil {
		return dir
	}
	return filepath.ToSlash(r)
}

// sourceFiles returns the package's non-test Go files, including those excluded by
// build constraints, as absolute paths.
func sourceFiles(p listedPackage) []string {
	var files []string
	for _, group := range [][]string{p.GoFiles, p.CgoFiles, p.IgnoredGoFiles} {
		for _, f := range group {
			if !strings.HasSuffix(f, "_test.go") {
				files = append(files, filepath.Join(p.Dir, f))
			}
		}
	}
	sort.Strings(files)
	return files
}

// parsedFile is one parsed non-test Go file.
type parsedFile struct {
	rel  string // path relative to the module root, slash-separated
	pkg  listedPackage
	file *ast.File
}

func (m *module) parse(t *testing.T) []parsedFile {
	t.Helper()
	fset := token.NewFileSet()
	var files []parsedFile
	for _, p := range m.pkgs {
		for _, path := range sourceFiles(p) {
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				t.Logf("parse %s: %v (skipped)", path, err)
				continue
			}
			files = append(files, parsedFile{rel: m.rel(path), pkg: p, file: f})
		}
	}
	return files
}

// isStdlib reports whether an import path names a standard-library package.
func isStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && first != modulePath && path != "C"
}

// isThirdParty reports whether an import path comes from another module.
func isThirdParty(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return strings.Contains(first, ".")
}

// within reports whether path is pkg or a package below it.
func within(path, pkg string) bool {
	return path == pkg || strings.HasPrefix(path, pkg+"/")
}

// moduleOf returns the required module that provides an import path (longest prefix).
func (m *module) moduleOf(path string) string {
	best := ""
	for _, r := range m.requires {
		if within(path, r.path) && len(r.path) > len(best) {
			best = r.path
		}
	}
	if best == "" {
		return path
	}
	return best
}

func TestArchitecture(t *testing.T) {
	m := loadModule(t)
	files := m.parse(t)

	t.Run("RootImportsStdlibOnly", func(t *testing.T) {
		for _, p := range m.pkgs {
			if p.ImportPath != modulePath {
				continue
			}
			for _, imp := range p.Imports {
				if !isStdlib(imp) {
					t.Errorf("package dossier imports %s; the root package may import only the standard library", imp)
				}
			}
			return
		}
		t.Errorf("package %s not found by go list", modulePath)
	})

	t.Run("OneAdapterPerDependency", func(t *testing.T) {
		importers := map[string][]string{}
		for _, p := range m.pkgs {
			seen := map[string]bool{}
			for _, imp := range p.Imports {
				if !isThirdParty(imp) {
					continue
				}
				mod := m.moduleOf(imp)
				if !seen[mod] {
					seen[mod] = true
					importers[mod] = append(importers[mod], p.ImportPath)
				}
			}
		}
		for mod, pkgs := range importers {
			want, ok := adapters[mod]
			if !ok {
				t.Errorf("module %s is imported by %v but has no adapter in the adapters table of arch_test.go", mod, pkgs)
				continue
			}
			for _, p := range pkgs {
				if p != want {
					t.Errorf("%s imports module %s; only its adapter %s may", p, mod, want)
				}
			}
		}
	})

	t.Run("DirectRequirementsListed", func(t *testing.T) {
		required := map[string]bool{}
		for _, r := range m.requires {
			required[r.path] = true
			if !r.indirect && adapters[r.path] == "" && testDeps[r.path] == nil {
				t.Errorf("go.mod requires %s directly but arch_test.go names no adapter for it", r.path)
			}
		}
		for mod := range adapters {
			if !required[mod] {
				t.Errorf("adapters lists %s, which go.mod does not require: remove the entry", mod)
			}
		}
		for mod := range testDeps {
			if !required[mod] {
				t.Errorf("testDeps lists %s, which go.mod does not require: remove the entry", mod)
			}
		}
	})

	t.Run("TestDependenciesListed", func(t *testing.T) {
		for _, p := range m.pkgs {
			for _, imp := range append(append([]string{}, p.TestImports...), p.XTestImports...) {
				if !isThirdParty(imp) {
					continue
				}
				mod := m.moduleOf(imp)
				if adapters[mod] == p.ImportPath || slices.Contains(testDeps[mod], p.ImportPath) {
					continue
				}
				t.Errorf("tests of %s import module %s; list it in testDeps of arch_test.go (or test through its adapter)", p.ImportPath, mod)
			}
		}
	})

	t.Run("DataFlowsOneWay", func(t *testing.T) {
		for _, p := range m.pkgs {
			for _, rule := range forbiddenDeps {
				if !within(p.ImportPath, rule.from) {
					continue
				}
				for _, dep := range p.Deps {
					for _, f := range rule.forbid {
						if within(dep, f) {
							t.Errorf("%s depends on %s; %s may not depend on %s", p.ImportPath, dep, rule.from, f)
						}
					}
				}
			}
		}
	})

	t.Run("OnlyMainImportsCLI", func(t *testing.T) {
		const cli = "dossier/internal/cli"
		for _, p := range m.pkgs {
			if p.ImportPath == "dossier/cmd/dossier" || within(p.ImportPath, cli) {
				continue
			}
			for _, group := range [][]string{p.Imports, p.TestImports, p.XTestImports} {
				for _, imp := range group {
					if within(imp, cli) {
						t.Errorf("%s imports %s; only cmd/dossier may", p.ImportPath, imp)
					}
				}
			}
		}
	})

	t.Run("SQLOnlyInStore", func(t *testing.T) {
		for _, p := range m.pkgs {
			if within(p.ImportPath, "dossier/internal/store") {
				continue
			}
			for _, imp := range p.Imports {
				if imp == "database/sql" || within(imp, "database/sql/driver") {
					t.Errorf("%s imports %s; SQL belongs in internal/store", p.ImportPath, imp)
				}
			}
		}
	})

	t.Run("ThinMain", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(m.root, "cmd", "dossier", "main.go"))
		if err != nil {
			t.Fatalf("read cmd/dossier/main.go: %v", err)
		}
		if n := bytes.Count(data, []byte("\n")); n > 30 {
			t.Errorf("cmd/dossier/main.go has %d lines, want at most 30: move the work into internal/cli", n)
		}
	})

	t.Run("PackageNames", func(t *testing.T) {
		banned := map[string]bool{"util": true, "utils": true, "common": true, "helper": true, "helpers": true, "misc": true, "http": true}
		for _, p := range m.pkgs {
			if banned[p.Name] {
				t.Errorf("package %s is named %q; name packages after what they provide", p.ImportPath, p.Name)
			}
		}
	})

	t.Run("NoExitBelowCmd", func(t *testing.T) {
		used := map[string]bool{}
		for _, f := range files {
			if strings.HasPrefix(f.rel, "cmd/") || !callsExit(f.file) {
				continue
			}
			if exitAllowed[f.rel] != "" {
				used[f.rel] = true
				continue
			}
			t.Errorf("%s calls os.Exit; only cmd/ may exit, return an error instead", f.rel)
		}
		for key := range exitAllowed {
			if !used[key] {
				t.Errorf("exitAllowed lists %s, which no longer calls os.Exit: remove the entry", key)
			}
		}
	})

	t.Run("NoInit", func(t *testing.T) {
		for _, f := range files {
			for _, d := range f.file.Decls {
				if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
					t.Errorf("%s declares init(); build state explicitly instead", f.rel)
				}
			}
		}
	})

	t.Run("NoPanicInLibraries", func(t *testing.T) {
		for _, f := range files {
			if !strings.HasPrefix(f.rel, "internal/") || f.file.Name.Name == "main" {
				continue
			}
			for _, d := range f.file.Decls {
				fn, ok := d.(*ast.FuncDecl)
				if !ok || fn.Body == nil {
					continue
				}
				key := f.rel + ":" + fn.Name.Name
				ast.Inspect(fn.Body, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" && panicAllowed[key] == "" {
						t.Errorf("%s calls panic; return an error (or list it in panicAllowed with the reason it cannot happen)", key)
					}
					return true
				})
			}
		}
	})

	t.Run("NoPackageState", func(t *testing.T) {
		used := map[string]bool{}
		for _, f := range files {
			for _, d := range f.file.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, s := range gd.Specs {
					vs := s.(*ast.ValueSpec)
					embedded := hasEmbed(gd.Doc) || hasEmbed(vs.Doc)
					for i, name := range vs.Names {
						var value ast.Expr
						if i < len(vs.Values) {
							value = vs.Values[i]
						}
						key := f.rel + ":" + name.Name
						if name.Name == "_" || embedded || immutableVar(vs.Type, value) {
							continue
						}
						if stateAllowed[key] != "" {
							used[key] = true
							continue
						}
						t.Errorf("%s is package-level state; pass it in a struct (or list it in stateAllowed if it never changes)", key)
					}
				}
			}
		}
		for key := range stateAllowed {
			if !used[key] {
				t.Errorf("stateAllowed lists %s, which is no longer flagged: remove the entry", key)
			}
		}
	})

	t.Run("PackageDocs", func(t *testing.T) {
		documented := map[string]bool{}
		for _, f := range files {
			if _, ok := documented[f.pkg.ImportPath]; !ok {
				documented[f.pkg.ImportPath] = false
			}
			if f.file.Doc != nil && strings.TrimSpace(f.file.Doc.Text()) != "" {
				documented[f.pkg.ImportPath] = true
			}
		}
		for pkg, ok := range documented {
			if !ok {
				t.Errorf("package %s has no // Package comment", pkg)
			}
		}
	})

	t.Run("ExportedNamesDocumented", func(t *testing.T) {
		used := map[string]bool{}
		for _, f := range files {
			for _, name := range undocumented(f.file) {
				key := f.rel + ":" + name
				if undocumentedAllowed[key] != "" {
					used[key] = true
					continue
				}
				t.Errorf("%s is exported without a doc comment", key)
			}
		}
		for key := range undocumentedAllowed {
			if !used[key] {
				t.Errorf("undocumentedAllowed lists %s, which is now documented (or gone): remove the entry", key)
			}
		}
	})

	t.Run("NoStutter", func(t *testing.T) {
		for _, f := range files {
			if f.file.Name.Name == "main" {
				continue
			}
			for _, name := range topLevelNames(f.file) {
				if stutters(f.file.Name.Name, name) {
					t.Errorf("%s:%s repeats its package name; call it %s.%s", f.rel, name, f.file.Name.Name, name[len(f.file.Name.Name):])
				}
			}
		}
	})

	t.Run("ParsersFuzzed", func(t *testing.T) {
		byPath := map[string]listedPackage{}
		for _, p := range m.pkgs {
			byPath[p.ImportPath] = p
		}
		for _, path := range fuzzed {
			p, ok := byPath[path]
			if !ok {
				t.Errorf("package %s, listed in fuzzed, not found", path)
				continue
			}
			if !hasFuzz(t, p) {
				t.Errorf("package %s parses untrusted input but its tests have no Fuzz target", path)
			}
		}
	})
}

// hasFuzz reports whether the tests of p declare a Fuzz function.
func hasFuzz(t *testing.T, p listedPackage) bool {
	t.Helper()
	fset := token.NewFileSet()
	for _, name := range append(append([]string{}, p.TestGoFiles...), p.XTestGoFiles...) {
		f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Logf("parse %s: %v", name, err)
			continue
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Fuzz") {
				return true
			}
		}
	}
	return false
}

// topLevelNames returns the exported top-level names declared in f.
func topLevelNames(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.IsExported() {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() {
						names = append(names, s.Name.Name)
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names
}

// stutters reports whether an exported name repeats its package name, as
// extract.ExtractOptions does; the package name alone (store.Store) is fine.
func stutters(pkg, name string) bool {
	if len(name) <= len(pkg) || !strings.EqualFold(name[:len(pkg)], pkg) {
		return false
	}
	next := name[len(pkg)]
	return next >= 'A' && next <= 'Z'
}

// importName returns the name under which f imports path, or "" if it does not.
func importName(f *ast.File, path string) string {
	for _, imp := range f.Imports {
		if strings.Trim(imp.Path.Value, `"`) != path {
			continue
		}
		if imp.Name != nil {
			return imp.Name.Name
		}
		return filepath.Base(path)
	}
	return ""
}

// callsExit reports whether f calls os.Exit (under whatever name it imports os).
func callsExit(f *ast.File) bool {
	name := importName(f, "os")
	if name == "" {
		return false
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Exit" {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// hasEmbed reports whether a comment group holds a //go:embed directive.
func hasEmbed(cg *ast.CommentGroup) bool {
	if cg == nil {
		return false
	}
	for _, c := range cg.List {
		if strings.HasPrefix(c.Text, "//go:embed") {
			return true
		}
	}
	return false
}

// immutableVar reports whether a package-level variable with this type and initial value
// is one of the kinds allowed at package level: an error, a compiled regexp, an embed.FS,
// or a lookup table written as a composite literal.
func immutableVar(typ, value ast.Expr) bool {
	if typ != nil {
		switch exprString(typ) {
		case "error", "*regexp.Regexp", "embed.FS":
			return true
		}
	}
	switch v := value.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		switch exprString(v.Fun) {
		case "errors.New", "fmt.Errorf", "regexp.MustCompile", "regexp.MustCompilePOSIX", "strings.NewReplacer":
			return true
		}
	}
	return false
}

// exprString renders simple type and selector expressions ("*regexp.Regexp", "errors.New").
func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	case *ast.StarExpr:
		return "*" + exprString(e.X)
	}
	return ""
}

// receiverType returns the name of a method's receiver type ("T" for *T and T[K]).
func receiverType(recv *ast.FieldList) string {
	if recv == nil || len(recv.List) == 0 {
		return ""
	}
	e := recv.List[0].Type
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// undocumented returns the exported names of f that have no doc comment: top-level
// names, and methods of exported types ("T.M"). In a
// parenthesized group, a comment on the group documents every name in it; a trailing
// line comment documents its own line.
func undocumented(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() || d.Doc != nil {
				continue
			}
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			} else if recv := receiverType(d.Recv); ast.IsExported(recv) {
				names = append(names, recv+"."+d.Name.Name)
			}
		case *ast.GenDecl:
			if d.Tok == token.IMPORT || (d.Lparen.IsValid() && d.Doc != nil) {
				continue
			}
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() && s.Doc == nil && s.Comment == nil && (d.Lparen.IsValid() || d.Doc == nil) {
						names = append(names, s.Name.Name)
					}
				case *ast.ValueSpec:
					if s.Doc != nil || s.Comment != nil || (!d.Lparen.IsValid() && d.Doc != nil) {
						continue
					}
					for _, n := range s.Names {
						if n.IsExported() {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names
}

// parseSource parses one Go file given as text, for the tests of the checkers themselves.
func parseSource(t *testing.T, src string) *ast.File {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	return f
}

func TestUndocumented(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"package p\n// F does.\nfunc F() {}\nfunc G() {}\nfunc h() {}", "G"},
		{"package p\ntype T int\nfunc (T) M() {}", "T,T.M"},
		{"package p\n// T is t.\ntype T[K any] struct{}\nfunc (*T[K]) M() {}\n// N does.\nfunc (T[K]) N() {}\nfunc (t) O() {}", "T.M"},
		{"package p\n// Kinds.\nconst (\n\tA = 1\n\tB = 2\n)", ""},
		{"package p\nconst (\n\tA = 1 // A is one.\n\tB = 2\n\t// C is three.\n\tC = 3\n)", "B"},
		{"package p\n// V is v.\nvar V, W = 1, 2\nvar X = 3", "X"},
		{"package p\n// Group.\ntype (\n\tT int\n\tU int\n)", ""},
		{"package p\ntype (\n\t// T is t.\n\tT int\n\tU int\n)", "U"},
		{"package p\nimport \"fmt\"\nvar _ = fmt.Sprint", ""},
	}
	for _, tt := range tests {
		got := strings.Join(undocumented(parseSource(t, tt.src)), ",")
		if got != tt.want {
			t.Errorf("undocumented(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestImmutableVar(t *testing.T) {
	tests := []struct {
		decl string
		want bool
	}{
		{`var x = errors.New("x")`, true},
		{`var x = fmt.Errorf("x: %w", err)`, true},
		{`var x = regexp.MustCompile("a+")`, true},
		{`var x *regexp.Regexp`, true},
		{`var x embed.FS`, true},
		{`var x = map[string]bool{"a": true}`, true},
		{`var x = []string{"a"}`, true},
		{`var x error`, true},
		{`var x int`, false},
		{`var x = make(map[string]int)`, false},
		{`var x sync.Mutex`, false},
		{`var x = newCache()`, false},
		{`var x = 0`, false},
	}
	for _, tt := range tests {
		f := parseSource(t, "package p\n"+tt.decl)
		vs := f.Decls[0].(*ast.GenDecl).Specs[0].(*ast.ValueSpec)
		var value ast.Expr
		if len(vs.Values) > 0 {
			value = vs.Values[0]
		}
		if got := immutableVar(vs.Type, value); got != tt.want {
			t.Errorf("immutableVar(%q) = %v, want %v", tt.decl, got, tt.want)
		}
	}
}

func TestStutters(t *testing.T) {
	tests := []struct {
		pkg, name string
		want      bool
	}{
		{"extract", "ExtractOptions", true},
		{"extract", "Options", false},
		{"store", "Store", false},
		{"store", "Stores", false},
		{"web", "Website", false},
		{"export", "ExportEntity", true},
	}
	for _, tt := range tests {
		if got := stutters(tt.pkg, tt.name); got != tt.want {
			t.Errorf("stutters(%q, %q) = %v, want %v", tt.pkg, tt.name, got, tt.want)
		}
	}
}

func TestCallsExit(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"package p\nimport \"os\"\nfunc f() { os.Exit(1) }", true},
		{"package p\nimport sys \"os\"\nfunc f() { sys.Exit(2) }", true},
		{"package p\nimport \"os\"\nfunc f() { _ = os.Args }", false},
		{"package p\nfunc f() { os.Exit(1) }", false},
	}
	for _, tt := range tests {
		if got := callsExit(parseSource(t, tt.src)); got != tt.want {
			t.Errorf("callsExit(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestImportClasses(t *testing.T) {
	m := &module{requires: []requirement{{path: "golang.org/x/text"}, {path: "github.com/jackc/pgx/v5"}, {path: "github.com/jackc/pgx"}}}
	tests := []struct {
		path       string
		std, third bool
		mod        string
	}{
		{"fmt", true, false, "fmt"},
		{"net/http", true, false, "net/http"},
		{"dossier/internal/store", false, false, "dossier/internal/store"},
		{"golang.org/x/text/unicode/norm", false, true, "golang.org/x/text"},
		{"github.com/jackc/pgx/v5/pgxpool", false, true, "github.com/jackc/pgx/v5"},
		{"golang.org/x/textual", false, true, "golang.org/x/textual"},
	}
	for _, tt := range tests {
		if got := isStdlib(tt.path); got != tt.std {
			t.Errorf("isStdlib(%q) = %v, want %v", tt.path, got, tt.std)
		}
		if got := isThirdParty(tt.path); got != tt.third {
			t.Errorf("isThirdParty(%q) = %v, want %v", tt.path, got, tt.third)
		}
		if got := m.moduleOf(tt.path); got != tt.mod {
			t.Errorf("moduleOf(%q) = %q, want %q", tt.path, got, tt.mod)
		}
	}
}

func TestReadRequires(t *testing.T) {
	path := filepath.Join(t.TempDir(), "go.mod")
	src := "module m\n\ngo 1.26\n\nrequire example.com/one v1.0.0\n\nrequire (\n\texample.com/two v0.1.0 // indirect\n\t// a comment\n\texample.com/three/v2 v2.0.0\n)\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readRequires(path)
	if err != nil {
		t.Fatalf("readRequires: %v", err)
	}
	want := []requirement{{"example.com/one", false}, {"example.com/two", true}, {"example.com/three/v2", false}}
	if !slices.Equal(got, want) {
		t.Errorf("readRequires = %v, want %v", got, want)
	}
}
