package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/pgtest"
	"github.com/bitext/bitext/memory/postgres"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestSharedMemoryFolder: with a shared memory no memory file is written
// in the folder, and the folder is locked in the memory too: a bitext on
// another machine, which mounts the same folder (the same identity) but
// cannot see this machine's lock file, waits, then is told who holds it.
func TestSharedMemoryFolder(t *testing.T) {
	url := pgtest.URL(t)
	here := filepath.Join(t.TempDir(), "out")
	f, err := Open(ctx, here, Options{Memory: url})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(MemoryPath(here)); err == nil {
		t.Error("a memory file was written in the folder with a shared memory")
	}
	id, err := FolderID(here)
	if err != nil || len(id) != 32 {
		t.Fatalf("FolderID = %q, %v", id, err)
	}
	// The other machine's view of the folder: the same identity, another
	// lock file.
	there := filepath.Join(t.TempDir(), "mnt")
	if err := os.MkdirAll(filepath.Join(there, StateDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(there, filepath.FromSlash(IDFile)), []byte(id+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, there, Options{Memory: url, Wait: 300 * time.Millisecond})
	if !errors.Is(err, postgres.ErrFolderLocked) || !strings.Contains(err.Error(), "bitext "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("second machine: %v; want the folder locked by this process", err)
	}
	// Another folder sharing the memory is not locked.
	other, err := Open(ctx, filepath.Join(t.TempDir(), "other"), Options{Memory: url})
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	g, err := Open(ctx, there, Options{Memory: url})
	if err != nil {
		t.Fatalf("after the first let go: %v", err)
	}
	g.Close()
}

// TestFolderIDStable: the identity is written once and read back.
func TestFolderIDStable(t *testing.T) {
	dir := t.TempDir()
	a, err := FolderID(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := FolderID(dir)
	if err != nil || a != b {
		t.Fatalf("FolderID changed: %q then %q (%v)", a, b, err)
	}
}
