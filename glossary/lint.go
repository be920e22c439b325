package glossary

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Lint checks glossary files and returns every problem found, sorted by
// file and line: files that cannot be read or parsed, bad encoding, empty
// fields, unknown fields, duplicate entries (the same source and target
// twice) and conflicts (one source, two targets), across all the files.
// An empty result means the files are clean.
func Lint(paths ...string) []Problem {
	var (
		probs []Problem
		all   []Entry
	)
	for _, p := range paths {
		es, ps, err := readFile(p)
		if err != nil {
			probs = append(probs, Problem{Path: p, Msg: fileMessage(p, err)})
			continue
		}
		probs = append(probs, ps...)
		all = append(all, es...)
	}
	probs = append(probs, duplicates(all, false)...)
	sortProblems(probs)
	return probs
}

// fileMessage returns err's text without the path it starts with.
func fileMessage(path string, err error) string {
	if errors.Is(err, ErrUnknownFormat) {
		return "unknown glossary format (use .csv, .tsv, .yaml or .tbx)"
	}
	return strings.TrimPrefix(err.Error(), path+": ")
}

// duplicates reports entries whose source or variants were already given
// by an earlier entry: a duplicate when the targets agree, a conflict when
// they differ. With onlyConflicts, agreeing duplicates are not reported.
func duplicates(entries []Entry, onlyConflicts bool) []Problem {
	var probs []Problem
	first := map[string]Entry{}
	for _, e := range entries {
		if e.Source == "" {
			continue
		}
		seen := map[string]bool{}
		for _, f := range append([]string{e.Source}, e.Variants...) {
			k := entryKey(Entry{Source: f, CaseSensitive: e.CaseSensitive})
			if seen[k] {
				continue
			}
			seen[k] = true
			prev, ok := first[k]
			if !ok {
				first[k] = e
				continue
			}
			if onlyConflicts && strings.EqualFold(prev.Target, e.Target) {
				continue
			}
			probs = append(probs, Problem{Path: e.File, Line: e.Line, Msg: duplicateMessage(f, prev, e)})
		}
	}
	return probs
}

func duplicateMessage(form string, prev, e Entry) string {
	if prev.Target == e.Target {
		return fmt.Sprintf("duplicate: %q is already in the glossary at %s", form, prev.Where())
	}
	return fmt.Sprintf("conflict: %q is translated %q here but %q at %s", form, e.Target, prev.Target, prev.Where())
}

func sortProblems(probs []Problem) {
	sort.SliceStable(probs, func(i, j int) bool {
		if probs[i].Path != probs[j].Path {
			return probs[i].Path < probs[j].Path
		}
		return probs[i].Line < probs[j].Line
	})
}
