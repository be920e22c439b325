// Package sharedtest locates the project's shared folder for tests and
// benchmarks.
//
// The shared folder holds data that is never copied into the repository
// (seed articles, evaluation sets, model fixtures). It sits beside the
// repository: ../shared from the folder holding go.mod. Tests find it by
// walking up from their package folder, never by absolute path, and skip
// cleanly when it is absent.
//
// # Use
//
//	src := sharedtest.Path(t, "eval", "newstest2013.fr") // skips when absent
//	dir := sharedtest.Dir(t)                             // skips when absent
//	fr := sharedtest.Lines(t, 1000, "eval", "newstest2013.fr")
//	if dir, err := sharedtest.Find(); err == nil { ... } // optional data
//
// [Dir] and [Path] call [testing.TB.Skip] rather than failing, so the suite
// passes on a machine without the shared folder.
package sharedtest

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// ErrNoModule reports that no folder holding go.mod was found above the
// working directory.
var ErrNoModule = errors.New("go.mod not found above the working directory")

// Find returns the shared folder, ../shared beside the folder holding
// go.mod, found by walking up from the working directory. It returns an
// error when there is no go.mod above the working directory or the shared
// folder does not exist; callers for whom the data is optional use it
// instead of [Dir].
func Find() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return "", fmt.Errorf("shared folder absent: %w", err)
	}
	return shared, nil
}

// Dir returns the shared folder as [Find] does, or skips tb with a message
// saying why when it cannot be found.
func Dir(tb testing.TB) string {
	tb.Helper()
	shared, err := Find()
	if err != nil {
		tb.Skipf("skipping: %v", err)
	}
	return shared
}

// Path returns the file or folder at elem inside the shared folder, or
// skips tb when the shared folder or that path is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipping: shared data absent: %v", err)
	}
	return p
}

// Lines returns the first n lines of the shared file at elem (all of them
// when n < 0), without their line endings, skipping tb when the file is
// absent and failing it when the file cannot be read to the end.
func Lines(tb testing.TB, n int, elem ...string) []string {
	tb.Helper()
	f, err := os.Open(Path(tb, elem...))
	if err != nil {
		tb.Fatalf("failed to open shared file: %v", err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for (n < 0 || len(lines) < n) && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("failed to read %s: %v", f.Name(), err)
	}
	return lines
}

// moduleRoot walks up from the working directory to the folder holding
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("failed to get working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoModule
		}
		dir = parent
	}
}
