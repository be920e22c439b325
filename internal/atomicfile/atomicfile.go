// Package atomicfile writes files so that readers and crashes only ever see
// the old content or the whole new content, never a half-written file.
//
// # Temporary files
//
// A write goes through ".NAME.bitext-tmp-DIGITS" beside NAME. A process
// killed between creating and renaming it leaves that file behind;
// [IsTemp] recognises the name, so that the owner of a folder can remove
// them ([TempTarget] gives the file it was for) without touching other
// programs' files.
package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// tempMark separates a temporary file's target name from its random part.
const tempMark = ".bitext-tmp-"

// IsTemp reports whether name (a base name) is one of this package's
// temporary files: "." + target + ".bitext-tmp-" + digits.
func IsTemp(name string) bool {
	_, ok := TempTarget(name)
	return ok
}

// TempTarget returns the name of the file a temporary file was for, and
// whether name is one of this package's temporary files at all.
func TempTarget(name string) (string, bool) {
	if !strings.HasPrefix(name, ".") {
		return "", false
	}
	i := strings.LastIndex(name, tempMark)
	if i <= 1 || !allDigits(name[i+len(tempMark):]) {
		return "", false
	}
	return name[1:i], true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Write writes data to path through a temporary file in the same folder,
// synced and then renamed over path. The folder is created if missing. On
// any error path is left as it was and the temporary file is removed.
func Write(path string, data []byte, perm os.FileMode) error {
	return WriteFrom(path, bytes.NewReader(data), perm)
}

// WriteFrom is like Write but copies the content from r.
func WriteFrom(path string, r io.Reader, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("failed to create folder for %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+tempMark+"*")
	if err != nil {
		return fmt.Errorf("failed to create temporary file for %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = io.Copy(tmp, r); err != nil {
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("failed to set permissions of %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("failed to sync %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("failed to close %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("failed to replace %s: %w", path, err)
	}
	return syncDir(dir)
}

// syncDir makes the rename durable; folders that cannot be synced (some
// file systems) are not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}
