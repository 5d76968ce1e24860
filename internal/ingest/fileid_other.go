//go:build !unix

package ingest

import (
	"os"
	"path/filepath"
)

// fileID identifies a folder by its path with symbolic links resolved.
type fileID struct{ path string }

func idOf(path string, _ os.FileInfo) (fileID, bool) {
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fileID{}, false
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return fileID{}, false
	}
	return fileID{abs}, true
}
