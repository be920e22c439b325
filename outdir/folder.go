package outdir

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bitext/bitext/memory"
)

// Options configure [Open].
type Options struct {
	// Wait is how long to wait for another bitext that holds the folder.
	Wait time.Duration
	// ReadOnly opens the folder to read: no lock, no sweep, and the memory
	// must exist already.
	ReadOnly bool
}

// Folder is an open output folder: locked (unless opened read-only), swept
// of stale temporary files, with its translation memory open.
type Folder struct {
	// Dir is the output folder.
	Dir string
	// Memory is the folder's translation memory.
	Memory *memory.Store
	// Swept counts the stale temporary files Open removed.
	Swept   int
	release func() error
}

// ErrNoMemory is wrapped by the error of a read-only Open of a folder
// without a translation memory.
var ErrNoMemory = errors.New("no translation memory")

// Open locks the output folder dir (creating it), removes the temporary
// files crashes left there, and opens its translation memory. A second
// bitext on the same folder waits up to opts.Wait, then gets an error
// wrapping [ErrLocked] that names the process holding it and says what to
// do.
func Open(ctx context.Context, dir string, opts Options) (*Folder, error) {
	f := &Folder{Dir: dir}
	if opts.ReadOnly {
		if _, err := os.Stat(MemoryPath(dir)); err != nil {
			return nil, fmt.Errorf("%w in %s (bitext translate --out %s creates it)", ErrNoMemory, dir, dir)
		}
	} else {
		release, err := Lock(ctx, filepath.Join(dir, StateDir), opts.Wait)
		if err != nil {
			if errors.Is(err, ErrLocked) {
				return nil, fmt.Errorf("%s is in use by another bitext: %w (wait for it to finish, or use another --out)", dir, err)
			}
			return nil, err
		}
		f.release = release
		f.Swept = Sweep(dir)
	}
	m, err := memory.Open(ctx, MemoryPath(dir))
	if err != nil {
		f.Close()
		return nil, err
	}
	f.Memory = m
	return f, nil
}

// Close closes the memory and lets the lock go.
func (f *Folder) Close() error {
	var err error
	if f.Memory != nil {
		err = f.Memory.Close()
	}
	if f.release != nil {
		if rerr := f.release(); err == nil {
			err = rerr
		}
		f.release = nil
	}
	return err
}
