package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"dossier"
	"dossier/internal/extract"
	"dossier/internal/ingest"
	"dossier/internal/ingest/dedup"
	"dossier/internal/store"
)

func ingestCommand() command {
	return command{
		name: "ingest", args: "PATH...",
		summary: "Read files, folders or standard input (-), extract and store each document",
		examples: []string{
			"dossier ingest ../shared/seed/brief-27.txt",
			"dossier --db work.db ingest examples/ reports/",
			"cat report.html | dossier ingest -",
			"dossier ingest --watch inbox/",
		},
		setup: func(fs *flag.FlagSet) func(a *app, args []string) error {
			asJSON := fs.Bool("json", false, "print the summary and each document's outcome as JSON")
			verbose := fs.Bool("v", false, "print one line per document (new, unchanged, failed)")
			watch := fs.String("watch", "", "after ingesting PATHs, keep watching `DIR` for new and changed files until interrupted")
			interval := fs.Duration("interval", 2*time.Second, "how often --watch looks for changes")
			return func(a *app, args []string) error {
				if len(args) == 0 && *watch == "" {
					return usageError("ingest", "no PATH given")
				}
				if *interval <= 0 {
					return usageError("ingest", "--interval must be positive")
				}
				return a.withStore(func(st *store.Store) error {
					p, err := a.newPipeline(st)
					if err != nil {
						return err
					}
					if len(args) > 0 {
						if err := a.ingestPaths(st, p, args, *asJSON, *verbose); err != nil || *watch == "" {
							return err
						}
					}
					return a.watch(st, p, *watch, *interval)
				})
			}
		},
	}
}

// ingestOutcome is what happened to one input.
type ingestOutcome struct {
	Path   string `json:"path"`
	ID     string `json:"id,omitempty"`
	Status string `json:"status"` // "new", "unchanged" or "failed"
	Note   string `json:"note,omitempty"`
	Error  string `json:"error,omitempty"`
}

// ingestSummary is the closing summary of an ingest run.
type ingestSummary struct {
	New       int             `json:"new"`
	Unchanged int             `json:"unchanged"`
	Failed    int             `json:"failed"`
	Documents []ingestOutcome `json:"documents"`
}

// ingestPaths ingests every file named by paths (folders recursively, "-" for standard
// input) and prints the summary. It fails, after storing all the others, when any failed.
func (a *app) ingestPaths(st *store.Store, p *pipeline, paths []string, asJSON, verbose bool) error {
	sum := ingestSummary{Documents: []ingestOutcome{}}
	record := func(o ingestOutcome) {
		switch o.Status {
		case "new":
			sum.New++
		case "unchanged":
			sum.Unchanged++
		default:
			sum.Failed++
		}
		sum.Documents = append(sum.Documents, o)
		if verbose && !asJSON {
			a.printOutcome(o)
		}
	}
	var files []string
	err := ingest.Walk(a.ctx, paths, func(f string) error {
		files = append(files, f)
		return nil
	})
	if err := a.ctx.Err(); err != nil {
		return fmt.Errorf("ingest interrupted: %w", err)
	}
	// Walk returns the problems that did not stop it (a symbolic link loop, an unreadable
	// folder) joined together: each is a failed input.
	for _, e := range unjoin(err) {
		path := ""
		var inErr *dossier.InputError
		if errors.As(e, &inErr) {
			path = inErr.Path
		}
		record(ingestOutcome{Path: path, Status: "failed", Error: e.Error()})
	}
	bar := newProgress(a.stderr, len(files))
	var interrupted error
	i := 0
	a.ingestConcurrently(st, p, files, max(1, runtime.GOMAXPROCS(0)-1), func(prep *prepared) bool {
		if err := a.ctx.Err(); err != nil {
			interrupted = fmt.Errorf("ingest interrupted after %d of %d files: %w", i, len(files), err)
			return false
		}
		bar.show(i, prep.path)
		record(a.storePrepared(st, prep))
		i++
		return true
	})
	if err := a.ctx.Err(); err != nil && interrupted == nil && i < len(files) {
		interrupted = fmt.Errorf("ingest interrupted after %d of %d files: %w", i, len(files), err)
	}
	bar.done()
	if asJSON {
		if err := writeJSON(a.stdout, sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.stdout, "%d new, %d unchanged, %d failed\n", sum.New, sum.Unchanged, sum.Failed)
		for _, o := range sum.Documents {
			if o.Status == "failed" {
				fmt.Fprintf(a.stdout, "  failed: %s\n", o.Error)
			}
		}
	}
	switch {
	case interrupted != nil:
		return interrupted
	case sum.Failed > 0:
		return fmt.Errorf("ingest: %d of %d inputs failed (the others are stored)", sum.Failed, len(sum.Documents))
	}
	return nil
}

// unjoin returns the errors joined in err (none for nil).
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// printOutcome prints one line about one input.
func (a *app) printOutcome(o ingestOutcome) {
	switch {
	case o.Error != "":
		fmt.Fprintf(a.stdout, "failed     %s\n", o.Error)
	case o.Note != "":
		fmt.Fprintf(a.stdout, "%-10s %s  %s (%s)\n", o.Status, o.ID, o.Path, o.Note)
	default:
		fmt.Fprintf(a.stdout, "%-10s %s  %s\n", o.Status, o.ID, o.Path)
	}
}

// ingestFile reads, extracts and stores one file.
func (a *app) ingestFile(st *store.Store, p *pipeline, path string) ingestOutcome {
	return a.storePrepared(st, a.prepare(st, p, path))
}

// prepared is a file read and extracted, ready to be stored; or the outcome already
// decided (the file failed to read, or the store has it).
type prepared struct {
	path    string
	doc     *dossier.Document
	ex      *dossier.Extraction
	note    string
	opt     store.PutOptions
	outcome *ingestOutcome
}

// prepare reads and extracts one file, unless the store already has it. It only reads
// the store, so that several can run beside the one goroutine that writes.
func (a *app) prepare(st *store.Store, p *pipeline, path string) *prepared {
	doc, err := a.read(p, path)
	if err != nil {
		return &prepared{path: path, outcome: &ingestOutcome{Path: path, Status: "failed", Error: err.Error()}}
	}
	has, err := st.HasDocument(a.ctx, doc.ID)
	switch {
	case err != nil:
		return &prepared{path: path, outcome: &ingestOutcome{Path: path, ID: doc.ID, Status: "failed", Error: fmt.Sprintf("ingest %s: %v", path, err)}}
	case has:
		return &prepared{path: path, outcome: &ingestOutcome{Path: path, ID: doc.ID, Status: "unchanged"}}
	}
	ex, note := p.extract(doc)
	return &prepared{path: path, doc: doc, ex: ex, note: note, opt: putOptions(doc)}
}

// storePrepared stores a prepared file and returns its outcome.
func (a *app) storePrepared(st *store.Store, prep *prepared) ingestOutcome {
	if prep.outcome != nil {
		return *prep.outcome
	}
	path := prep.path
	res, err := st.PutDocumentWith(a.ctx, prep.doc, prep.ex, prep.opt)
	if err != nil {
		return ingestOutcome{Path: path, ID: prep.doc.ID, Status: "failed", Error: fmt.Sprintf("ingest %s: %v", path, err)}
	}
	if !res.New {
		// Another input of this run had the same content.
		return ingestOutcome{Path: path, ID: res.ID, Status: "unchanged"}
	}
	note := prep.note
	if res.DuplicateOf != "" {
		note = joinNotes(note, "near duplicate of "+res.DuplicateOf)
	}
	return ingestOutcome{Path: path, ID: res.ID, Status: "new", Note: note}
}

// ingestConcurrently reads and extracts files on workers goroutines (ingest uses
// GOMAXPROCS-1, at least one) while the calling goroutine hands each prepared file, in
// the order of files, to handle, which stores it: the database has one writer and the
// output is the same whatever the timing. At most two files per reader are in flight, so
// memory stays bounded whatever the number of files. It returns when every file has been
// handed over, when handle returns false, or when the context is cancelled.
func (a *app) ingestConcurrently(st *store.Store, p *pipeline, files []string, workers int, handle func(*prepared) bool) {
	workers = max(1, workers)
	type job struct {
		path string
		out  chan<- *prepared
	}
	jobs := make(chan job)
	pending := make(chan chan *prepared, 2*workers)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- a.prepare(st, p, j.path)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(pending)
		defer close(jobs)
		for _, f := range files {
			slot := make(chan *prepared, 1) // buffered: a reader never waits for the writer
			select {
			case pending <- slot:
			case <-quit:
				return
			case <-a.ctx.Done():
				return
			}
			select {
			case jobs <- job{f, slot}:
			case <-quit:
				close(slot)
				return
			case <-a.ctx.Done():
				close(slot) // the writer may be waiting for it
				return
			}
		}
	}()
	for slot := range pending {
		prep, ok := <-slot
		if !ok || !handle(prep) {
			break
		}
	}
	close(quit)
	wg.Wait()
}

// storeDocument stores doc with its extraction unless the store already has it, in which
// case nothing is extracted and nothing changes.
func storeDocument(ctx context.Context, st *store.Store, p *pipeline, doc *dossier.Document) (store.PutResult, string, error) {
	has, err := st.HasDocument(ctx, doc.ID)
	if err != nil {
		return store.PutResult{}, "", err
	}
	if has {
		return store.PutResult{ID: doc.ID}, "", nil
	}
	ex, note := p.extract(doc)
	res, err := st.PutDocumentWith(ctx, doc, ex, putOptions(doc))
	if err == nil && res.DuplicateOf != "" {
		note = joinNotes(note, "near duplicate of "+res.DuplicateOf)
	}
	return res, note, err
}

// putOptions are the store options of a document: the extractor's version and the
// document's near-duplicate sketch.
func putOptions(doc *dossier.Document) store.PutOptions {
	sk := dedup.Sketch(doc.Text)
	return store.PutOptions{Extractor: extract.Version, Sketch: sk, Bands: dedup.Bands(sk), Near: dedup.Near}
}

// joinNotes joins two notes on an outcome, either of which may be empty.
func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// uploader returns the function the web server calls to store an uploaded file.
func (a *app) uploader(st *store.Store, p *pipeline) func(ctx context.Context, name string, r io.Reader) (string, bool, error) {
	return func(ctx context.Context, name string, r io.Reader) (string, bool, error) {
		doc, err := ingest.Reader(r, name, p.opts)
		if err != nil {
			return "", false, err
		}
		res, _, err := storeDocument(ctx, st, p, doc)
		if err != nil {
			return "", false, fmt.Errorf("ingest %s: %w", name, err)
		}
		return res.ID, res.New, nil
	}
}

// watch ingests new and changed files under dir until the context is cancelled.
func (a *app) watch(st *store.Store, p *pipeline, dir string, interval time.Duration) error {
	fmt.Fprintf(a.stderr, "watching %s for new and changed files (interrupt to stop)\n", dir)
	err := ingest.Watch(a.ctx, dir, interval, func(path string) error {
		a.printOutcome(a.ingestFile(st, p, path))
		return nil
	})
	if a.ctx.Err() != nil {
		return nil // interrupted: the normal way to stop watching
	}
	if err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	return nil
}

// progress draws a progress bar on a terminal; elsewhere it draws nothing.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

// newProgress returns a progress bar over total items on w, drawn only when w is a terminal.
func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, on: isTerminal(w) && total > 1}
}

// show draws the bar with done items finished, working on name.
func (p *progress) show(done int, name string) {
	if !p.on {
		return
	}
	width := 80
	if f, ok := p.w.(interface{ Fd() uintptr }); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 40 {
			width = w
		}
	}
	const barLen = 30
	filled := barLen * done / p.total
	head := fmt.Sprintf("[%s%s] %d/%d ", strings.Repeat("=", filled), strings.Repeat(" ", barLen-filled), done, p.total)
	fmt.Fprintf(p.w, "\r\x1b[K%s%s", head, clip(name, width-len(head)-1))
}

// done clears the bar.
func (p *progress) done() {
	if p.on {
		fmt.Fprintf(p.w, "\r\x1b[K")
	}
}
