package outdir

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrLocked is wrapped by the error Lock returns when another process
// keeps the folder locked.
var ErrLocked = errors.New("output folder is in use")

// LockFile is the lock's name inside the folder Lock is given.
const LockFile = "lock"

// lockPoll is how often a waiting Lock tries again.
const lockPoll = 50 * time.Millisecond

// Lock takes the lock file dir/lock (creating dir), which keeps two
// bitext processes from working on the same output folder at once. It
// waits up to wait for another holder to let go, then fails with an error
// wrapping [ErrLocked] that names the holder's process id. The lock is an
// flock(2) on the file, so the system drops it when its holder exits,
// even by kill -9; a lock file left behind is no obstacle. release lets
// it go. Two Locks taken in one process also exclude each other.
func Lock(ctx context.Context, dir string, wait time.Duration) (release func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("failed to create %s: %w", dir, err)
	}
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("failed to open lock file: %w", err)
	}
	if err := waitLock(ctx, f, wait); err != nil {
		f.Close()
		return nil, err
	}
	writePID(f)
	return func() error {
		f.Truncate(0)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return f.Close()
	}, nil
}

// waitLock tries to lock f until wait has passed or ctx is done.
func waitLock(ctx context.Context, f *os.File, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			return fmt.Errorf("failed to lock %s: %w", f.Name(), err)
		}
		if !time.Now().Before(deadline) {
			return lockedError(f)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(min(lockPoll, time.Until(deadline))):
		}
	}
}

// lockedError names the process that holds f, as it wrote it.
func lockedError(f *os.File) error {
	data, _ := os.ReadFile(f.Name())
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid <= 0 {
		return fmt.Errorf("%w: another bitext process holds %s; wait for it to finish", ErrLocked, f.Name())
	}
	return fmt.Errorf("%w: bitext process %d holds %s; wait for it to finish or stop it", ErrLocked, pid, f.Name())
}

// writePID records the holder in the lock file, for the error others get.
func writePID(f *os.File) {
	if err := f.Truncate(0); err != nil {
		return
	}
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
}
