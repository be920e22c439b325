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
var ErrNoArticles = errors.New("no translated articles (NAME.en.txt or NAME.en.md with the JSON translate keeps)")

// StateDir is the folder of an output folder where bitext keeps its
// state; translate keeps each article's bilingual JSON in its docs
// subfolder (OUT/.bitext/docs/REL/NAME.json).
const StateDir = ".bitext"

// Locate returns the working copies path designates: path itself when it
// is a file, or every working copy (NAME.en.txt, NAME.en.md with its JSON
// found) in the folder path and its subfolders, hidden ones skipped,
// sorted.
func Locate(path, to string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open %s: %w", path, unwrapPath(err))
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != path && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if !d.IsDir() && isWorkName(p, to) {
			if _, err := jsonFor(p, to); err == nil {
				out = append(out, p)
			}
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

func isWorkName(p, to string) bool {
	ext := filepath.Ext(p)
	return (ext == ".txt" || ext == ".md") && strings.HasSuffix(strings.TrimSuffix(p, ext), "."+to) &&
		!strings.HasSuffix(strings.TrimSuffix(p, ext), ".bilingual")
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// jsonFor returns the bilingual JSON of a working copy: the one translate
// keeps in the state folder of an output folder above it, else NAME.json
// beside it.
func jsonFor(work, to string) (string, error) {
	if !isWorkName(work, to) {
		return "", fmt.Errorf("%s: not a working copy: expected NAME.%s.txt or NAME.%s.md from 'bitext translate'", work, to, to)
	}
	for _, p := range jsonCandidates(work, to) {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: cannot find its bilingual JSON (NAME.json beside it or in %s/docs): translate it again with this version of bitext", work, StateDir)
}

// jsonCandidates lists where the JSON of a working copy may be, in order.
func jsonCandidates(work, to string) []string {
	dir, file := filepath.Split(filepath.Clean(work))
	name := strings.TrimSuffix(strings.TrimSuffix(file, filepath.Ext(file)), "."+to) + ".json"
	var out []string
	rel := name
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		out = append(out, filepath.Join(d, StateDir, "docs", rel))
		if filepath.Dir(d) == d || d == "." {
			break
		}
		rel = filepath.Join(filepath.Base(d), rel)
	}
	return append(out, filepath.Join(dir, name))
}

// workFor returns the working copy of a bilingual JSON file, beside it or,
// for one in OUT/.bitext/docs, at the same place under OUT.
func workFor(jsonPath, to string, f translate.Format) string {
	base := strings.TrimSuffix(jsonPath, ".json")
	sep := string(filepath.Separator)
	marker := sep + StateDir + sep + "docs" + sep
	if i := strings.LastIndex(base, marker); i >= 0 {
		base = base[:i] + sep + base[i+len(marker):]
	} else if strings.HasPrefix(base, StateDir+sep+"docs"+sep) {
		base = strings.TrimPrefix(base, StateDir+sep+"docs"+sep)
	}
	return base + "." + to + "." + string(f)
}
