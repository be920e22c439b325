package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// series collects the values of one label (or benchmark and unit) in the
// order they were first seen.
type series struct {
	order  []string
	values map[string][][]float64 // per key, per column, the values
}

func newSeries() *series { return &series{values: map[string][][]float64{}} }

// add appends one row of values under key.
func (s *series) add(key string, row []float64) {
	cols, ok := s.values[key]
	if !ok {
		s.order = append(s.order, key)
	}
	for len(cols) < len(row) {
		cols = append(cols, nil)
	}
	for i, v := range row {
		cols[i] = append(cols[i], v)
	}
	s.values[key] = cols
}

// median returns the median of vs (the mean of the middle two for an
// even count), or 0 for none.
func median(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// readRows reads "label v1 v2 ..." lines (blank-separated) from r into s;
// lines starting with # and blank lines are skipped.
func readRows(r io.Reader, name string, s *series) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		row := make([]float64, len(f)-1)
		for i, v := range f[1:] {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return fmt.Errorf("%s:%d: column %d is not a number: %q", name, n, i+2, v)
			}
			row[i] = x
		}
		s.add(f[0], row)
	}
	return sc.Err()
}

// cmdMedian prints, per label of the files' rows, "label runs m1 m2 ...":
// the number of rows and the median of each column.
func cmdMedian(_ context.Context, args []string, stdout io.Writer) error {
	s := newSeries()
	if err := eachFile(args, func(r io.Reader, name string) error { return readRows(r, name, s) }); err != nil {
		return err
	}
	for _, key := range s.order {
		cols := s.values[key]
		fmt.Fprintf(stdout, "%s\t%d", key, len(cols[0]))
		for _, c := range cols {
			fmt.Fprintf(stdout, "\t%g", median(c))
		}
		fmt.Fprintln(stdout)
	}
	return nil
}

// eachFile calls f on each named file in turn ("-" or none: standard
// input).
func eachFile(names []string, f func(io.Reader, string) error) error {
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		if name == "-" {
			if err := f(os.Stdin, "stdin"); err != nil {
				return err
			}
			continue
		}
		file, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("failed to open %s: %w", name, err)
		}
		err = f(file, name)
		file.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// benchLine matches a result line of go test -bench: name with its
// -GOMAXPROCS suffix, iterations, then value-unit pairs.
var benchLine = regexp.MustCompile(`^(Benchmark\S*?)(?:-\d+)?\s+(\d+)\s+(.*)$`)

// readBench reads go test -bench output from r into s, one key per
// benchmark and unit ("BenchmarkX/sub ns/op").
func readBench(r io.Reader, s *series) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				break
			}
			s.add(m[1]+" "+f[i+1], []float64{v})
		}
	}
	return sc.Err()
}

// cmdGobench prints "benchmark unit runs median" for every metric of the
// go test -bench outputs given.
func cmdGobench(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gobench", flag.ContinueOnError)
	if err := fs.Parse(args); err != nil {
		return err
	}
	s := newSeries()
	if err := eachFile(fs.Args(), func(r io.Reader, _ string) error { return readBench(r, s) }); err != nil {
		return err
	}
	for _, key := range s.order {
		vs := s.values[key][0]
		name, unit, _ := strings.Cut(key, " ")
		fmt.Fprintf(stdout, "%s\t%s\t%d\t%g\n", name, unit, len(vs), median(vs))
	}
	return nil
}
