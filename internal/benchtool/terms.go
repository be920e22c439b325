package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// termCount is how many glossary-name occurrences a translation keeps.
type termCount struct {
	total, right      int // all occurrences in the source
	inRef, rightInRef int // those whose name the reference line has
}

// cmdTerms counts how many occurrences of a names glossary's entries in
// a test set's source lines a translation keeps, as bitext eval does for
// glossaries it protects, so the translation of a run without the
// glossary can be counted too.
func cmdTerms(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("terms", flag.ContinueOnError)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 4 {
		return errors.New("usage: terms NAMES.csv SRC HYP REF")
	}
	names, err := readNames(fs.Arg(0))
	if err != nil {
		return err
	}
	var files [3][]string
	for i := range files {
		if files[i], err = readLines(fs.Arg(i + 1)); err != nil {
			return err
		}
	}
	if len(files[0]) != len(files[1]) || len(files[0]) != len(files[2]) {
		return fmt.Errorf("line counts differ: %d, %d and %d", len(files[0]), len(files[1]), len(files[2]))
	}
	c := countTerms(names, files[0], files[1], files[2])
	_, err = fmt.Fprintf(stdout, "terms: %d of %d occurrences right (%.1f%%); %d of %d where the reference has the term (%.1f%%)\n",
		c.right, c.total, percent(c.right, c.total), c.rightInRef, c.inRef, percent(c.rightInRef, c.inRef))
	return err
}

func percent(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// readNames reads the source column of a names glossary written by
// writeNames, skipping its header.
func readNames(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open glossary: %w", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", path, err)
	}
	names := map[string]bool{}
	for i, r := range rows {
		if i > 0 || r[0] != "source" {
			names[r[0]] = true
		}
	}
	return names, nil
}

// countTerms counts every occurrence of a name among the source lines'
// words (and hyphenated words' parts), and whether the hypothesis (and
// the reference) line has it.
func countTerms(names map[string]bool, src, hyp, ref []string) termCount {
	var c termCount
	for i := range src {
		inHyp, inRef := wordSet(hyp[i]), wordSet(ref[i])
		for _, w := range words(src[i]) {
			for _, name := range namesIn(w.text, names) {
				c.total++
				if inHyp[name] {
					c.right++
				}
				if inRef[name] {
					c.inRef++
					if inHyp[name] {
						c.rightInRef++
					}
				}
			}
		}
	}
	return c
}

// namesIn returns the names a word is or holds: the word itself, or else
// those of its hyphen-separated parts (Obama in Obama-Biden), since
// glossary matching treats hyphens as word separators.
func namesIn(word string, names map[string]bool) []string {
	if names[word] {
		return []string{word}
	}
	var out []string
	if strings.Contains(word, "-") {
		for _, part := range strings.Split(word, "-") {
			if names[part] {
				out = append(out, part)
			}
		}
	}
	return out
}

// wordSet returns the words of a line and the parts of its hyphenated
// words.
func wordSet(line string) map[string]bool {
	set := map[string]bool{}
	for _, w := range words(line) {
		set[w.text] = true
		for _, part := range strings.Split(w.text, "-") {
			set[part] = true
		}
	}
	return set
}
