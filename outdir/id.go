package outdir

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// IDFile holds an output folder's identity, inside its state folder.
const IDFile = StateDir + "/id"

// FolderID returns the identity of the output folder dir, a random name
// written in OUT/.bitext/id the first time it is asked for. Unlike the
// folder's path, it is the same from every machine that mounts the
// folder, so that a shared memory can lock the folder for all of them.
func FolderID(dir string) (string, error) {
	path := filepath.Join(dir, filepath.FromSlash(IDFile))
	for range 3 {
		data, err := os.ReadFile(path)
		if id := strings.TrimSpace(string(data)); err == nil && id != "" {
			return id, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("failed to read the output folder's identity: %w", err)
		}
		if err := createID(path); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("failed to write the output folder's identity: %w", err)
		}
	}
	return "", fmt.Errorf("%s is empty: delete it so that bitext writes a new one", path)
}

// createID writes a new identity in a temporary file and links it into
// place, so that two processes creating it at once agree on one and a
// crash never leaves an empty file; fs.ErrExist when another won.
func createID(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b := make([]byte, 16)
	rand.Read(b)
	tmp := path + ".bitext-tmp-" + hex.EncodeToString(b[:4])
	if err := os.WriteFile(tmp, []byte(hex.EncodeToString(b)+"\n"), 0o644); err != nil {
		return err
	}
	defer os.Remove(tmp)
	return os.Link(tmp, path)
}
