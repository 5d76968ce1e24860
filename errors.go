package dossier

import "errors"

// The closed set of error kinds. Wrap them with context; the CLI maps them to exit codes
// and the web package to HTTP statuses, each in one place.
var (
	// ErrNotFound: the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the input is malformed or not acceptable.
	ErrInvalid = errors.New("invalid input")
	// ErrConflict: the request conflicts with the current state (a concurrent change,
	// an action already undone, merging an entity with itself).
	ErrConflict = errors.New("conflict")
	// ErrUnsupported: the input is well-formed but of a kind dossier cannot handle
	// (an encrypted PDF, a language extraction does not support).
	ErrUnsupported = errors.New("unsupported")
)

// InputError records a problem with one input (a file, a batch line), shaped like
// fs.PathError: what was being done, which input, and why.
type InputError struct {
	Op   string // "ingest", "read", "parse"
	Path string // file path, "-" for standard input, or "line N"
	Err  error
}

// Error returns "op path: reason".
func (e *InputError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }
