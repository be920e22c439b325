package outdir

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var ctx = context.Background()

func TestLock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", ".bitext")
	release, err := Lock(ctx, dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, LockFile))
	if strings.TrimSpace(string(data)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("lock file holds %q, want this pid", data)
	}

	start := time.Now()
	_, err = Lock(ctx, dir, 200*time.Millisecond)
	waited := time.Since(start)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock = %v, want ErrLocked", err)
	}
	if waited < 200*time.Millisecond {
		t.Errorf("second Lock gave up after %v, before its wait", waited)
	}
	if !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())) {
		t.Errorf("error %q does not name the holder", err)
	}

	// A waiting Lock gets the lock once it is released.
	got := make(chan error, 1)
	go func() {
		rel, err := Lock(ctx, dir, 5*time.Second)
		if err == nil {
			err = rel()
		}
		got <- err
	}()
	time.Sleep(100 * time.Millisecond)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := <-got; err != nil {
		t.Fatalf("Lock after release = %v", err)
	}

	// Cancelling the context stops the wait.
	release, err = Lock(ctx, dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := Lock(cctx, dir, time.Hour); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Lock with a cancelled context = %v", err)
	}
}
