package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
)

func TestWriteReplacesWholeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "a.txt")
	if err := Write(path, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("second"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "second" {
		t.Fatalf("got %q, %v; want %q", got, err, "second")
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestWriteFromFailureKeepsOldContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := Write(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFrom(path, iotest.ErrReader(boom), 0o644)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old" {
		t.Errorf("content %q, want old", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestTempNames(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.en.txt")
	// A temporary file is named so that IsTemp knows it and TempTarget
	// gives the file it was for.
	err := WriteFrom(path, iotest.ErrReader(errors.New("stop")), 0o644)
	if err == nil {
		t.Fatal("write from a failing reader succeeded")
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+tempMark+"*")
	if err != nil {
		t.Fatal(err)
	}
	tmp.Close()
	name := filepath.Base(tmp.Name())
	if target, ok := TempTarget(name); !ok || target != "a.en.txt" {
		t.Errorf("TempTarget(%q) = %q, %v", name, target, ok)
	}
	for _, other := range []string{".index.tmp-keep", ".draft.tmp-2024", "a.en.txt", ".a.bitext-tmp-", ".a.bitext-tmp-12x", ".bitext-tmp-123"} {
		if IsTemp(other) {
			t.Errorf("IsTemp(%q) = true: another program's file would be removed", other)
		}
	}
}
