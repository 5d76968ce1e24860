package ingest

import (
	"context"
	"os"
	"time"
)

type fileState struct {
	size  int64
	mtime time.Time
}

// Watch polls dir every interval and calls fn for each supported file that is new or
// has changed (size or modification time) since it was last handed to fn, once it has
// stayed the same for two polls in a row (so that a file still being written is not
// read half-way). Files present at the start count as new. Folders are walked as Walk
// does. Watch returns when ctx is done (with ctx.Err()) or when fn returns an error.
func Watch(ctx context.Context, dir string, interval time.Duration, fn func(path string) error) error {
	if interval <= 0 {
		interval = time.Second
	}
	done := map[string]fileState{} // state last handed to fn
	seen := map[string]fileState{} // state at the previous poll
	poll := func() error {
		now := map[string]fileState{}
		var fnErr error
		Walk(ctx, []string{dir}, func(p string) error {
			fi, err := os.Stat(p)
			if err != nil || !fi.Mode().IsRegular() {
				return nil
			}
			st := fileState{fi.Size(), fi.ModTime()}
			now[p] = st
			if prev, ok := seen[p]; ok && prev == st {
				if last, ok := done[p]; !ok || last != st {
					done[p] = st
					if err := fn(p); err != nil {
						fnErr = err
						return err
					}
				}
			}
			return nil
		})
		seen = now
		for p := range done {
			if _, ok := now[p]; !ok {
				delete(done, p) // removed: a file put back later is new again
			}
		}
		// Problems of the walk itself (a loop, an unreadable folder) do not stop watching.
		if fnErr != nil {
			return fnErr
		}
		return ctx.Err()
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if err := poll(); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}
