package outdir

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
)

// Options configure [Open].
type Options struct {
	// Wait is how long to wait for another bitext that holds the folder.
	Wait time.Duration
	// ReadOnly opens the folder to read: no lock, no sweep, and the memory
	// must exist already.
	ReadOnly bool
	// Memory is the URL of a memory shared by a desk
	// (postgres://…); "" keeps the memory in the folder
	// (OUT/.bitext/memory.db). With a shared memory no memory file is
	// written in the folder.
	Memory string
}

// Folder is an open output folder: locked (unless opened read-only), swept
// of stale temporary files, with its translation memory open.
type Folder struct {
	// Dir is the output folder.
	Dir string
	// Memory is the folder's translation memory: its own, or the one it
	// shares.
	Memory memory.Memory
	// Swept counts the stale temporary files Open removed.
	Swept int
	// unlock and unshare let the folder's lock and its lock in a shared
	// memory go.
	unlock, unshare func() error
}

// ErrNoMemory is wrapped by the error of a read-only Open of a folder
// without a translation memory.
var ErrNoMemory = errors.New("no translation memory")

// Open locks the output folder dir (creating it), removes the temporary
// files crashes left there, and opens its translation memory. A second
// bitext on the same folder waits up to opts.Wait, then gets an error
// wrapping [ErrLocked] that names the process holding it and says what to
// do. With a shared memory the folder is also locked in the memory, for
// bitext processes on other machines writing it over a network share
// ([SharedLocker]).
func Open(ctx context.Context, dir string, opts Options) (*Folder, error) {
	f := &Folder{Dir: dir}
	if opts.ReadOnly && opts.Memory == "" {
		if _, err := os.Stat(MemoryPath(dir)); err != nil {
			return nil, fmt.Errorf("%w in %s (bitext translate --out %s creates it)", ErrNoMemory, dir, dir)
		}
	}
	if !opts.ReadOnly {
		if err := f.lock(ctx, opts.Wait); err != nil {
			return nil, err
		}
		f.Swept = Sweep(dir)
	}
	m, err := OpenMemory(ctx, memoryLocation(dir, opts.Memory))
	if err != nil {
		f.Close()
		return nil, err
	}
	f.Memory = m
	if !opts.ReadOnly {
		if err := f.lockShared(ctx, opts.Wait); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

func (f *Folder) lock(ctx context.Context, wait time.Duration) error {
	release, err := Lock(ctx, filepath.Join(f.Dir, StateDir), wait)
	if err != nil {
		if errors.Is(err, ErrLocked) {
			return fmt.Errorf("%s is in use by another bitext: %w (wait for it to finish, or use another --out)", f.Dir, err)
		}
		return err
	}
	f.unlock = release
	return nil
}

// SharedLocker is implemented by memories shared between machines, which
// can lock an output folder for all of them ([postgres.Store.LockFolder]).
type SharedLocker interface {
	LockFolder(ctx context.Context, id string, wait time.Duration) (release func() error, err error)
}

// lockShared takes the folder's lock in a shared memory, by the folder's
// identity ([FolderID]), which is the same from every machine however the
// folder is mounted.
func (f *Folder) lockShared(ctx context.Context, wait time.Duration) error {
	sl, ok := f.Memory.(SharedLocker)
	if !ok {
		return nil
	}
	id, err := FolderID(f.Dir)
	if err != nil {
		return err
	}
	release, err := sl.LockFolder(ctx, id, wait)
	if err != nil {
		return fmt.Errorf("%s: %w (wait for it to finish, or use another --out)", f.Dir, err)
	}
	f.unshare = release
	return nil
}

// memoryLocation is the memory an output folder uses.
func memoryLocation(dir, shared string) string {
	if shared != "" {
		return shared
	}
	return MemoryPath(dir)
}

// OpenMemory opens the memory at location: a PostgreSQL URL
// (postgres://…), an output folder (its OUT/.bitext/memory.db) or a
// memory file, created if missing.
func OpenMemory(ctx context.Context, location string) (memory.Memory, error) {
	if postgres.IsURL(location) {
		return postgres.Open(ctx, location)
	}
	if fi, err := os.Stat(location); err == nil && fi.IsDir() {
		location = MemoryPath(location)
	}
	return memory.Open(ctx, location)
}

// Close lets the lock in a shared memory go, closes the memory and lets
// the folder's lock go.
func (f *Folder) Close() error {
	var errs []error
	if f.unshare != nil {
		errs = append(errs, f.unshare())
	}
	if f.Memory != nil {
		errs = append(errs, f.Memory.Close())
	}
	if f.unlock != nil {
		errs = append(errs, f.unlock())
	}
	f.unshare, f.Memory, f.unlock = nil, nil, nil
	return errors.Join(errs...)
}
