package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/termcheck"
)

// cmdEnglish scores the English around glossary terms in bitext's JSON
// outputs (translate --format json): term accuracy, as glossary.Check
// counts it, and the broken-English forms of issue 14, counted by
// category with examples.
//
//	benchtool english [-examples 3] GLOSSARY OUTDIR...
func cmdEnglish(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("english", flag.ContinueOnError)
	examples := fs.Int("examples", 3, "examples to show per category")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return errors.New("usage: english [-examples N] GLOSSARY OUTDIR…")
	}
	g, err := glossary.Load(fs.Arg(0))
	if err != nil {
		return err
	}
	var segs []jsonSegment
	for _, dir := range fs.Args()[1:] {
		s, err := readOutputs(dir)
		if err != nil {
			return err
		}
		segs = append(segs, s...)
	}
	r := scoreEnglish(g, segs)
	r.write(stdout, *examples)
	return nil
}

// jsonSegment is the part of a segment of bitext's JSON output scored here.
type jsonSegment struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// readOutputs reads the segments of every NAME.json in a folder.
func readOutputs(dir string) ([]jsonSegment, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%s: no JSON output (run bitext translate --format json)", dir)
	}
	sort.Strings(files)
	var out []jsonSegment
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Segments []jsonSegment `json:"segments"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, doc.Segments...)
	}
	return out, nil
}

// englishReport is the score of a set of translated segments.
type englishReport struct {
	segments, terms, right int
	broken                 map[string][]string
}

func scoreEnglish(g *glossary.Glossary, segs []jsonSegment) englishReport {
	r := englishReport{segments: len(segs), broken: map[string][]string{}}
	for _, s := range segs {
		markup := strings.Contains(s.Source, "<") || strings.Contains(s.Target, "<")
		n := len(g.Find(s.Source, markup))
		r.terms += n
		r.right += n - len(g.Check(s.Source, s.Target, markup))
		for name, ms := range termcheck.Find(s.Source, s.Target) {
			r.broken[name] = append(r.broken[name], ms...)
		}
	}
	return r
}

func (r englishReport) write(w io.Writer, examples int) {
	total := 0
	for _, f := range termcheck.Forms {
		total += len(r.broken[f.Name])
	}
	fmt.Fprintf(w, "segments: %d; terms: %d of %d right (%.1f%%); broken forms: %d\n",
		r.segments, r.right, r.terms, percent(r.right, r.terms), total)
	for _, f := range termcheck.Forms {
		ms := r.broken[f.Name]
		ex := ms[:min(len(ms), examples)]
		fmt.Fprintf(w, "- %s: %d", f.Name, len(ms))
		if len(ex) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(quoteAll(ex), ", "))
		}
		fmt.Fprintln(w)
	}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
