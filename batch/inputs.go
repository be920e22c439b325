package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Input is one article to translate.
type Input struct {
	// Path is the file, or "-" for standard input.
	Path string
	// Rel is the path below the folder it was found in ("" for a file
	// named on the command line), mirrored under the output folder.
	Rel string
	// Err is a problem found while walking (an unreadable folder).
	Err error
}

// Display names the input in messages.
func (in Input) Display() string {
	if in.Path == "-" {
		return "<stdin>"
	}
	return in.Path
}

// unreadable are the extensions of articles bitext cannot read yet.
var unreadable = map[string]string{
	".html": "HTML", ".htm": "HTML", ".docx": "Word", ".doc": "Word", ".odt": "OpenDocument", ".pdf": "PDF", ".rtf": "RTF",
}

// Readable refuses a file named on the command line in a format bitext
// cannot read yet (folders skip such files), saying what to do.
func Readable(path string) error {
	if kind, ok := unreadable[strings.ToLower(filepath.Ext(path))]; ok {
		return fmt.Errorf("%s: bitext does not read %s articles yet; save it as text (.txt) or Markdown (.md) and translate that", path, kind)
	}
	return nil
}

// articleExts are the extensions read when walking a folder.
var articleExts = map[string]bool{".txt": true, ".md": true, ".markdown": true}

// FindOptions say which files Find takes from folders.
type FindOptions struct {
	// Out is the output folder, never searched.
	Out string
	// Include and Exclude are globs matched against the path relative to
	// the folder or the base name.
	Include, Exclude []string
}

// ErrNoInput is wrapped by the error for a folder without articles.
var ErrNoInput = errors.New("no articles found")

// Find expands the command line's paths: files as they are, folders
// walked recursively for articles (skipping hidden folders, the output
// folder and anything Include/Exclude rule out; symbolic links to
// folders are not followed, so there are no loops), "-" for standard input.
func Find(paths []string, opts FindOptions) ([]Input, error) {
	var out []Input
	outAbs, _ := filepath.Abs(opts.Out)
	for _, p := range paths {
		if p == "-" {
			out = append(out, Input{Path: "-"})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPath(err))
		}
		if !fi.IsDir() {
			out = append(out, Input{Path: p})
			continue
		}
		found, err := walkArticles(p, outAbs, opts)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: %w (looked for .txt and .md files)", p, ErrNoInput)
		}
		out = append(out, found...)
	}
	return out, nil
}

func walkArticles(root, outAbs string, opts FindOptions) ([]Input, error) {
	var found []Input
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			// An unreadable folder or file is reported as a failed input.
			found = append(found, Input{Path: path, Rel: relTo(root, path), Err: unwrapPath(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || isSameDir(path, outAbs)) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || !articleExts[strings.ToLower(filepath.Ext(path))] {
			return nil
		}
		rel := relTo(root, path)
		if !selected(rel, opts.Include, opts.Exclude) {
			return nil
		}
		found = append(found, Input{Path: path, Rel: rel, Err: checkRegular(path, d)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", root, unwrapPath(err))
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Rel < found[j].Rel })
	return found, nil
}

// errNotRegular is the error for a named pipe, device or socket found in
// a folder: reading one could block forever.
var errNotRegular = errors.New("not a regular file (a named pipe, device or socket); skipped")

// checkRegular returns an error unless the entry, followed through
// symbolic links, is a regular file.
func checkRegular(path string, d fs.DirEntry) error {
	if d.Type().IsRegular() {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return unwrapPath(err)
	}
	if !fi.Mode().IsRegular() {
		return errNotRegular
	}
	return nil
}

func relTo(root, path string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return filepath.Base(path)
	}
	return rel
}

func isSameDir(path, abs string) bool {
	p, err := filepath.Abs(path)
	return err == nil && p == abs
}

// selected applies --include and --exclude globs to a path relative to the
// folder, matching either the whole relative path or the base name.
func selected(rel string, include, exclude []string) bool {
	match := func(globs []string) bool {
		for _, g := range globs {
			if ok, _ := filepath.Match(g, rel); ok {
				return true
			}
			if ok, _ := filepath.Match(g, filepath.Base(rel)); ok {
				return true
			}
		}
		return false
	}
	if len(include) > 0 && !match(include) {
		return false
	}
	return !match(exclude)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
