package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/bitext/bitext/score"
)

// lineScore is one line of two translations that differ, scored against
// its reference.
type lineScore struct {
	line               int // 1-based
	old, new           string
	oldChrF, newChrF   float64
	oldBLEU, newBLEU   float64
	changes            []edit
	better, worse, tie bool
}

// change tallies one edit found in several lines.
type change struct {
	text                 string
	lines, worse, better int
}

// cmdLinediff compares two translations of a test set line by line.
func cmdLinediff(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("linediff", flag.ContinueOnError)
	examples := fs.Int("examples", 5, "lines scoring worse to show")
	top := fs.Int("top", 12, "most frequent edits to list")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 3 {
		return errors.New("usage: linediff [-examples N] [-top N] NEW OLD REF")
	}
	var files [3][]string
	for i := range files {
		lines, err := readLines(fs.Arg(i))
		if err != nil {
			return err
		}
		files[i] = lines
	}
	if len(files[0]) != len(files[2]) || len(files[1]) != len(files[2]) {
		return fmt.Errorf("line counts differ: %d, %d and %d", len(files[0]), len(files[1]), len(files[2]))
	}
	diffs := scoreDiffs(files[0], files[1], files[2])
	writeLinediff(stdout, diffs, len(files[2]), *examples, *top)
	return nil
}

// scoreDiffs scores each line where news and olds differ.
func scoreDiffs(news, olds, refs []string) []lineScore {
	dmp := diffmatchpatch.New()
	var out []lineScore
	for i := range refs {
		if news[i] == olds[i] {
			continue
		}
		s := lineScore{line: i + 1, old: olds[i], new: news[i]}
		s.oldChrF, s.newChrF = score.SentenceChrF(olds[i], refs[i]).Score, score.SentenceChrF(news[i], refs[i]).Score
		s.oldBLEU, s.newBLEU = score.SentenceBLEU(olds[i], refs[i]).Score, score.SentenceBLEU(news[i], refs[i]).Score
		s.better, s.worse = s.newChrF > s.oldChrF, s.newChrF < s.oldChrF
		s.tie = !s.better && !s.worse
		s.changes = edits(dmp, olds[i], news[i])
		out = append(out, s)
	}
	return out
}

// edit is one difference between two lines: deleted text, inserted
// text, and a few characters of the text around it.
type edit struct {
	before, del, ins, after string
}

// key names the edit whatever its context, in Go quoted form so that
// invisible spaces show.
func (e edit) key() string { return fmt.Sprintf("%q → %q", e.del, e.ins) }

// String shows the edit in its context: …before[del → ins]after….
func (e edit) String() string {
	return fmt.Sprintf("…%s[%s]%s…", e.before, e.key(), e.after)
}

// edits lists the edits turning old into new.
func edits(dmp *diffmatchpatch.DiffMatchPatch, old, new string) []edit {
	ds := dmp.DiffCleanupSemantic(dmp.DiffMain(old, new, false))
	var out []edit
	var cur edit
	prev := ""
	for i, d := range ds {
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			cur.del += d.Text
		case diffmatchpatch.DiffInsert:
			cur.ins += d.Text
		}
		if d.Type == diffmatchpatch.DiffEqual {
			prev = d.Text
		}
		next := i+1 == len(ds) || ds[i+1].Type == diffmatchpatch.DiffEqual
		if d.Type != diffmatchpatch.DiffEqual && next {
			cur.before = lastRunes(prev, 12)
			if i+1 < len(ds) {
				cur.after = firstRunes(ds[i+1].Text, 12)
			}
			out = append(out, cur)
			cur = edit{}
		}
	}
	return out
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// tally counts, per edit, the lines holding it and how many of them
// score worse or better.
func tally(diffs []lineScore) []change {
	byText := map[string]*change{}
	for _, d := range diffs {
		seen := map[string]bool{}
		for _, e := range d.changes {
			c := e.key()
			if seen[c] {
				continue
			}
			seen[c] = true
			ch := byText[c]
			if ch == nil {
				ch = &change{text: c}
				byText[c] = ch
			}
			ch.lines++
			if d.worse {
				ch.worse++
			}
			if d.better {
				ch.better++
			}
		}
	}
	var out []change
	for _, c := range byText {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b change) int {
		if a.lines != b.lines {
			return b.lines - a.lines
		}
		return strings.Compare(a.text, b.text)
	})
	return out
}

// writeLinediff prints the comparison as Markdown.
func writeLinediff(w io.Writer, diffs []lineScore, lines, examples, top int) {
	var better, worse int
	for _, d := range diffs {
		if d.better {
			better++
		}
		if d.worse {
			worse++
		}
	}
	fmt.Fprintf(w, "%d of %d lines differ: sentence chrF2 higher on %d, lower on %d, equal on %d.\n\n",
		len(diffs), lines, better, worse, len(diffs)-better-worse)
	writeTally(w, tally(diffs), top)
	writeWorst(w, diffs, examples)
}

func writeTally(w io.Writer, changes []change, top int) {
	if len(changes) == 0 || top <= 0 {
		return
	}
	fmt.Fprintf(w, "| edit (without → with) | lines | chrF2 lower | chrF2 higher |\n| --- | ---: | ---: | ---: |\n")
	for _, c := range changes[:min(top, len(changes))] {
		fmt.Fprintf(w, "| %s | %d | %d | %d |\n", mdCell(c.text), c.lines, c.worse, c.better)
	}
	fmt.Fprintln(w)
}

func writeWorst(w io.Writer, diffs []lineScore, examples int) {
	worst := slices.Clone(diffs)
	slices.SortStableFunc(worst, func(a, b lineScore) int {
		da, db := a.newChrF-a.oldChrF, b.newChrF-b.oldChrF
		switch {
		case da < db:
			return -1
		case da > db:
			return 1
		}
		return 0
	})
	for _, d := range worst[:min(examples, len(worst))] {
		if !d.worse {
			break
		}
		var es []string
		for _, e := range d.changes {
			es = append(es, e.String())
		}
		fmt.Fprintf(w, "- line %d: chrF2 %.1f → %.1f, BLEU %.1f → %.1f: %s\n",
			d.line, d.oldChrF, d.newChrF, d.oldBLEU, d.newBLEU, mdCell(strings.Join(es, "; ")))
	}
}

// mdCell escapes text for a Markdown table cell or list item.
func mdCell(s string) string {
	r := strings.NewReplacer("|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;", "\n", " ")
	return r.Replace(s)
}
