package hub

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// CacheDir returns the folder models are installed in:
// $XDG_CACHE_HOME/bitext/models, or ~/.cache/bitext/models. getenv reads
// the environment (os.Getenv in the binary).
func CacheDir(getenv func(string) string) (string, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if d := getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "bitext", "models"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("cannot find the cache folder: neither XDG_CACHE_HOME nor HOME is set")
	}
	return filepath.Join(home, ".cache", "bitext", "models"), nil
}

// List returns the models installed in dir, sorted by name. Unfinished
// downloads are not listed.
func List(dir string) ([]ModelInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("failed to list models: %w", err)
	}
	var out []ModelInfo
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), partialSuffix) {
			continue
		}
		info, err := ReadInfo(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		info.Name = e.Name()
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Find returns the folder of the installed model called name.
func Find(dir, name string) (string, error) {
	if err := checkName(name); err != nil {
		return "", err
	}
	p := filepath.Join(dir, name)
	if _, err := os.Stat(filepath.Join(p, "config.json")); err != nil {
		return "", fmt.Errorf("model %s is not installed (run: bitext models pull %s)", name, name)
	}
	return p, nil
}

// Remove deletes an installed model and any unfinished download of it.
func Remove(dir, name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	p := filepath.Join(dir, name)
	_, statErr := os.Stat(p)
	if err := os.RemoveAll(p + partialSuffix); err != nil {
		return fmt.Errorf("failed to remove %s: %w", name, err)
	}
	if errors.Is(statErr, os.ErrNotExist) {
		return fmt.Errorf("model %s is not installed", name)
	}
	// Rename first so that a half-removed folder never looks installed.
	trash := filepath.Join(dir, "."+name+".removing")
	if err := os.Rename(p, trash); err != nil {
		return fmt.Errorf("failed to remove %s: %w", name, err)
	}
	if err := os.RemoveAll(trash); err != nil {
		return fmt.Errorf("failed to remove %s: %w", name, err)
	}
	return nil
}

// partialSuffix marks the folder a model is downloaded into.
const partialSuffix = ".partial"

func checkName(name string) error {
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") || strings.HasSuffix(name, partialSuffix) {
		return fmt.Errorf("invalid model name %q", name)
	}
	return nil
}
