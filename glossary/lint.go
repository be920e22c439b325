package glossary

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Lint checks glossary files and returns every finding, sorted by file and
// line. Errors (Problem.Warning false) are what Load refuses or what
// makes a glossary wrong: files that cannot be read or parsed, bad
// encoding, records that do not fit their columns, empty fields, unknown
// fields, duplicate entries (the same source and target twice) and
// conflicts (one source, two targets), across all the files. Warnings are
// what translates, but perhaps not as meant:
//
//   - entries that differ only in case from another (merged, with all
//     their inflections) and targets that differ only in case from
//     another entry's;
//   - entries hidden by another: a spelling of the entry (its source, a
//     variant, an inflected form) that another entry translates;
//   - terms that are common French words (le, est, mais…), which would be
//     replaced in nearly every sentence;
//   - entries whose part of speech was inferred without certainty, with
//     the pos to write down.
//
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
	probs = append(probs, targetCase(all)...)
	for _, e := range all {
		probs = append(probs, commonWords(e)...)
		probs = append(probs, unsure(e)...)
	}
	probs = append(probs, hidden(all)...)
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
// they differ, a warning when they differ only in capitals (the entries
// are merged). With onlyConflicts, only conflicts are reported.
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
			if p, conflict := duplicateProblem(f, prev, e); conflict || !onlyConflicts {
				probs = append(probs, p)
			}
		}
	}
	return probs
}

// duplicateProblem describes an entry that gives form again after prev,
// and whether that is a conflict.
func duplicateProblem(form string, prev, e Entry) (Problem, bool) {
	p := Problem{Path: e.File, Line: e.Line}
	switch {
	case !strings.EqualFold(prev.Target, e.Target):
		p.Msg = fmt.Sprintf("conflict: %q is translated %q here but %q at %s", form, e.Target, prev.Target, prev.Where())
		return p, true
	case prev.Source != e.Source && strings.EqualFold(prev.Source, e.Source):
		p.Warning = true
		p.Msg = fmt.Sprintf("%q differs only in case from %q at %s: the two are merged into one entry", e.Source, prev.Source, prev.Where())
		if e.inflects() || prev.inflects() {
			p.Msg += ", which keeps all the inflections"
		}
	case prev.Target != e.Target:
		p.Warning = true
		p.Msg = fmt.Sprintf("%q is translated %q here but %q at %s, differing only in case: %q is used", form, e.Target, prev.Target, prev.Where(), e.Target)
	default:
		p.Msg = fmt.Sprintf("duplicate: %q is already in the glossary at %s", form, prev.Where())
	}
	return p, false
}

// targetCase warns about targets spelt like another entry's but for
// capitals (North Korea, North korea).
func targetCase(entries []Entry) []Problem {
	var probs []Problem
	first := map[string]Entry{}
	for _, e := range entries {
		if e.Target == "" {
			continue
		}
		k := strings.ToLower(e.Target)
		prev, ok := first[k]
		switch {
		case !ok:
			first[k] = e
		case prev.Target != e.Target && !strings.EqualFold(prev.Source, e.Source):
			probs = append(probs, Problem{Path: e.File, Line: e.Line, Warning: true,
				Msg: fmt.Sprintf("target %q differs only in case from %q (%s at %s)", e.Target, prev.Target, prev.Source, prev.Where())})
		}
	}
	return probs
}

func sortProblems(probs []Problem) {
	sort.SliceStable(probs, func(i, j int) bool {
		if probs[i].Path != probs[j].Path {
			return probs[i].Path < probs[j].Path
		}
		return probs[i].Line < probs[j].Line
	})
}
