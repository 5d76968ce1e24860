//go:build unix

package ingest

import (
	"os"
	"syscall"
)

// fileID identifies a folder by device and inode.
type fileID struct{ dev, ino uint64 }

func idOf(_ string, fi os.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino)}, true
}
