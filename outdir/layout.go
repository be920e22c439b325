package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bitext/bitext/bilingual"
)

// StateDir is the folder of an output folder where bitext keeps its state:
// the lock, the translation memory and each article's state file.
const StateDir = ".bitext"

// MemoryFile is the translation memory's path inside an output folder.
const MemoryFile = StateDir + "/memory.db"

// MemoryPath returns where the translation memory of the output folder out
// is.
func MemoryPath(out string) string { return filepath.Join(out, filepath.FromSlash(MemoryFile)) }

// ErrNoArticles is wrapped by the error of [Locate] for a folder without
// translated articles.
var ErrNoArticles = errors.New("no translated articles (NAME.en.txt or NAME.en.md that bitext translate wrote)")

// Article is where the files of one article are in an output folder.
type Article struct {
	// Out is the output folder.
	Out string
	// Name is REL/NAME, slash-separated: the article's path relative to
	// its input folder without the source language and extension
	// ("asie/seoul" for asie/seoul.fr.txt). It names the article in the
	// translation memory.
	Name string
	// To is the target language, Ext the working copy's extension ("txt"
	// or "md").
	To, Ext string
}

// ArticleFor returns the article of an input file: path as found, rel its
// path below the folder it was found in ("" for a file named on the
// command line, which then goes to the top of the output folder), from
// the source language (a ".fr" before the extension is dropped).
func ArticleFor(out, path, rel, from, to, ext string) Article {
	name := filepath.Base(path)
	dir := ""
	if rel != "" {
		dir, name = filepath.Split(rel)
	}
	name = strings.TrimSuffix(name, filepath.Ext(name))
	name = strings.TrimSuffix(name, "."+from)
	return Article{Out: out, Name: filepath.ToSlash(filepath.Join(dir, name)), To: to, Ext: ext}
}

// Base is OUT/REL/NAME, to which every output adds its ending.
func (a Article) Base() string { return filepath.Join(a.Out, filepath.FromSlash(a.Name)) }

// Work is the working copy, OUT/REL/NAME.en.EXT.
func (a Article) Work() string { return a.Base() + "." + a.To + "." + a.Ext }

// Output is the bilingual output in format f: OUT/REL/NAME.bilingual.EXT,
// or OUT/REL/NAME.json for JSON.
func (a Article) Output(f bilingual.Format) string {
	if f == bilingual.FormatJSON {
		return a.Base() + ".json"
	}
	return a.Base() + ".bilingual." + string(f)
}

// StatePath is the article's state file, OUT/.bitext/docs/REL/NAME.json.
func (a Article) StatePath() string {
	return filepath.Join(a.Out, StateDir, "docs", filepath.FromSlash(a.Name)+".json")
}

// Find returns the article whose working copy is work: its output folder
// is the nearest folder above it that holds a .bitext folder, and its state
// file must exist. A path that is not NAME.LANG.txt or NAME.LANG.md, or has
// no state, is an error that names it and says what to do.
func Find(work, to string) (Article, error) {
	ext, ok := workExt(work, to)
	if !ok {
		return Article{}, fmt.Errorf("%s: not a working copy: expected NAME.%s.txt or NAME.%s.md from 'bitext translate'", work, to, to)
	}
	out, err := outFolderOf(work)
	if err != nil {
		return Article{}, err
	}
	rel, err := filepath.Rel(out, work)
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", work, err)
	}
	name := strings.TrimSuffix(rel, "."+to+"."+ext)
	a := Article{Out: out, Name: filepath.ToSlash(name), To: to, Ext: ext}
	if _, err := os.Stat(a.StatePath()); err != nil {
		return Article{}, fmt.Errorf("%s: bitext has no record of this article (%s is missing): translate it again with 'bitext translate --out %s'", work, a.StatePath(), out)
	}
	return a, nil
}

// workExt returns the extension of a working copy's name, and whether
// path is one at all.
func workExt(path, to string) (string, bool) {
	base := filepath.Base(path)
	for _, ext := range []string{"txt", "md"} {
		stem := strings.TrimSuffix(base, "."+to+"."+ext)
		if stem != base && stem != "" && !strings.HasSuffix(stem, ".bilingual") {
			return ext, true
		}
	}
	return "", false
}

// outFolderOf returns the output folder of a file: the nearest folder
// above it holding a .bitext folder.
func outFolderOf(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		if fi, err := os.Stat(filepath.Join(d, StateDir)); err == nil && fi.IsDir() {
			return relativeLike(path, abs, d), nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s: no output folder above it (no %s folder): translate the article again with 'bitext translate --out DIR'", path, StateDir)
		}
	}
}

// relativeLike returns dir as a relative path when path was given as one,
// so that messages show the paths the user typed.
func relativeLike(path, abs, dir string) string {
	if filepath.IsAbs(path) {
		return dir
	}
	cwd := strings.TrimSuffix(abs, filepath.Clean(path))
	if rel, err := filepath.Rel(cwd, dir); err == nil && cwd != abs {
		return rel
	}
	return dir
}

// Locate returns the articles path designates: the article of the working
// copy path, or every article under the folder path (hidden folders
// skipped) whose working copy and state exist, sorted by working copy.
func Locate(path, to string) ([]Article, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if !fi.IsDir() {
		a, err := Find(path, to)
		if err != nil {
			return nil, err
		}
		return []Article{a}, nil
	}
	var out []Article
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != path && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if _, ok := workExt(p, to); ok && !d.IsDir() {
			if a, err := Find(p, to); err == nil {
				out = append(out, a)
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
	sort.Slice(out, func(i, j int) bool { return out[i].Work() < out[j].Work() })
	return out, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
