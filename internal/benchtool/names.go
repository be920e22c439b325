package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cmdNames prints a do-not-translate glossary (CSV) of the names a test
// set and its reference share.
func cmdNames(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("names", flag.ContinueOnError)
	minLines := fs.Int("min", 3, "keep names found in at least this many lines")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return errors.New("usage: names [-min N] SRC REF")
	}
	src, err := readLines(fs.Arg(0))
	if err != nil {
		return err
	}
	ref, err := readLines(fs.Arg(1))
	if err != nil {
		return err
	}
	if len(src) != len(ref) {
		return fmt.Errorf("%s has %d lines but %s has %d", fs.Arg(0), len(src), fs.Arg(1), len(ref))
	}
	return writeNames(stdout, sharedNames(src, ref, *minLines))
}

// sharedNames returns the capitalised words of at least two letters that
// occur, not at the start of a sentence, in a source line and identically
// in its reference line, in at least minLines lines; most frequent first.
func sharedNames(src, ref []string, minLines int) []string {
	count := map[string]int{}
	for i := range src {
		inRef := map[string]bool{}
		for _, w := range words(ref[i]) {
			inRef[w.text] = true
		}
		seen := map[string]bool{}
		for _, w := range words(src[i]) {
			if w.initial || !isName(w.text) || !inRef[w.text] || seen[w.text] {
				continue
			}
			seen[w.text] = true
			count[w.text]++
		}
	}
	var names []string
	for name, n := range count {
		if n >= minLines {
			names = append(names, name)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	return names
}

// word is a run of letters, digits and inner hyphens, and whether it
// starts a sentence.
type word struct {
	text    string
	initial bool
}

// words splits a line into words. Apostrophes split words (d'Obama gives
// Obama); a word is sentence-initial when it is the line's first or
// follows . ! ? … : or an opening quote (not the full stop of M. or of
// an initial).
func words(line string) []word {
	var out []word
	initial := true
	start := -1
	for i, r := range line + " " {
		if isWordRune(r) || (r == '-' && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{strings.TrimRight(line[start:i], "-"), initial})
			start, initial = -1, false
		}
		if strings.ContainsRune("!?…:«\"“", r) || r == '.' && !afterAbbreviation(out) {
			initial = true
		}
	}
	return out
}

// abbreviations are the words whose full stop does not end a sentence.
var abbreviations = map[string]bool{"M": true, "MM": true, "Mme": true, "Mmes": true, "Mlle": true, "Dr": true, "Me": true, "Mgr": true, "St": true}

// afterAbbreviation reports whether the last word of ws is an
// abbreviation or an initial (J. in J. Smith).
func afterAbbreviation(ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1].text
	return abbreviations[last] || utf8.RuneCountInString(last) == 1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isName reports whether w starts with a capital and has at least two
// letters.
func isName(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// writeNames writes names as a bitext glossary: each name its own
// target, case-sensitive and not inflected.
func writeNames(w io.Writer, names []string) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"source", "target", "note", "pos", "case_sensitive", "inflect"})
	for _, n := range names {
		cw.Write([]string{n, n, "", "name", "yes", "no"})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("failed to write glossary: %w", err)
	}
	return nil
}
