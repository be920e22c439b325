package review

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bitext/bitext/translate"
)

// ErrNoArticles is returned by [Locate] for a folder without translated
// articles.
var ErrNoArticles = errors.New("no translated articles (NAME.json beside NAME.en.txt or NAME.en.md)")

// Locate returns the bilingual JSON files path designates: path itself
// when it is a working copy (NAME.en.txt, NAME.en.md) or a NAME.json, or
// every NAME.json with a working copy beside it in the folder path and its
// subfolders (hidden folders skipped), sorted.
func Locate(path, to string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open %s: %w", path, unwrapPath(err))
	}
	if !fi.IsDir() {
		p, err := jsonFor(path, to)
		if err != nil {
			return nil, err
		}
		return []string{p}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != path && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".json") && hasWork(p, to) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("failed to list %s: %w", path, unwrapPath(err))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrNoArticles)
	}
	sort.Strings(out)
	return out, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// hasWork reports whether a working copy sits beside the JSON file p.
func hasWork(p, to string) bool {
	for _, f := range []translate.Format{translate.FormatText, translate.FormatMarkdown} {
		if _, err := os.Stat(workFor(p, to, f)); err == nil {
			return true
		}
	}
	return false
}

// jsonFor returns the bilingual JSON of a working copy or JSON path.
func jsonFor(path, to string) (string, error) {
	ext := filepath.Ext(path)
	if ext == ".json" {
		return path, nil
	}
	base := strings.TrimSuffix(path, ext)
	if !strings.HasSuffix(base, "."+to) {
		return "", fmt.Errorf("%s: not a working copy: expected NAME.%s.txt or NAME.%s.md from 'bitext translate'", path, to, to)
	}
	p := strings.TrimSuffix(base, "."+to) + ".json"
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s: no %s beside it: translate with --format json (the review needs the bilingual JSON)", path, filepath.Base(p))
	}
	return p, nil
}

// workFor returns the working copy beside a bilingual JSON file.
func workFor(jsonPath, to string, f translate.Format) string {
	return strings.TrimSuffix(jsonPath, ".json") + "." + to + "." + string(f)
}
