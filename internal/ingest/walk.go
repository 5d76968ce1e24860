package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier"
)

// Walk calls fn for every input named by paths, in order: "-" is passed through as is,
// a file is passed as given (even with an unsupported extension or when it cannot be
// read: File then reports why), and a folder is walked recursively in sorted order,
// following symbolic links, skipping hidden entries and files whose extension is not
// Supported. A folder reached twice is walked once; a symbolic link back to a folder
// being walked (a loop) is not followed. Problems that do not stop the walk (a loop, an
// unreadable folder) are returned together at the end as *dossier.InputError values.
// An error returned by fn, or the context's cancellation, stops the walk at once.
func Walk(ctx context.Context, paths []string, fn func(path string) error) error {
	w := walker{ctx: ctx, fn: fn, visited: map[fileID]bool{}}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := fn(p); err != nil {
				return err
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			if err := fn(p); err != nil {
				return err
			}
			continue
		}
		if err := w.dir(p, fi, nil); err != nil {
			return err
		}
	}
	return errors.Join(w.problems...)
}

type walker struct {
	ctx      context.Context
	fn       func(string) error
	visited  map[fileID]bool
	problems []error
}

// dir walks one folder; ancestors are the IDs of the folders above it in this walk.
func (w *walker) dir(path string, fi os.FileInfo, ancestors []fileID) error {
	id, ok := idOf(path, fi)
	if ok {
		for _, a := range ancestors {
			if a == id {
				w.problems = append(w.problems, &dossier.InputError{Op: "walk", Path: path,
					Err: fmt.Errorf("symbolic link loop (leads back to a folder above it): %w", dossier.ErrInvalid)})
				return nil
			}
		}
		if w.visited[id] {
			return nil
		}
		w.visited[id] = true
		ancestors = append(ancestors, id)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		w.problems = append(w.problems, &dossier.InputError{Op: "walk", Path: path, Err: err})
		return nil
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		child := filepath.Join(path, name)
		cfi, err := os.Stat(child) // follows symbolic links
		if err != nil {
			if e.Type()&os.ModeSymlink != 0 {
				w.problems = append(w.problems, &dossier.InputError{Op: "walk", Path: child, Err: fmt.Errorf("broken or looping symbolic link: %w", err)})
			} else if Supported(child) {
				if err := w.fn(child); err != nil {
					return err
				}
			}
			continue
		}
		switch {
		case cfi.IsDir():
			if err := w.dir(child, cfi, ancestors); err != nil {
				return err
			}
		case cfi.Mode().IsRegular() && Supported(child):
			if err := w.fn(child); err != nil {
				return err
			}
		}
	}
	return nil
}
