package main

import (
	"strings"
	"testing"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0}, {[]float64{3}, 3}, {[]float64{9, 1, 5}, 5}, {[]float64{4, 1, 3, 10}, 3.5},
	} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestCmdMedianGroupsByLabel(t *testing.T) {
	s := newSeries()
	rows := "# label wall user\nraw\t20\t10\nbitext\t18\t11\n\nraw\t24\t12\nraw\t22\t11\n"
	if err := readRows(strings.NewReader(rows), "runs", s); err != nil {
		t.Fatal(err)
	}
	if got := s.order; len(got) != 2 || got[0] != "raw" || got[1] != "bitext" {
		t.Fatalf("labels %v, want raw then bitext", got)
	}
	if m := median(s.values["raw"][0]); m != 22 {
		t.Errorf("median wall of raw %v, want 22", m)
	}
	if err := readRows(strings.NewReader("raw\tvingt\n"), "runs", newSeries()); err == nil {
		t.Error("a non-number was accepted")
	}
}

func TestReadBench(t *testing.T) {
	out := `goos: linux
BenchmarkFind100Terms-2     	      52	  21000000 ns/op	  49.93 MB/s	       2913 matches
BenchmarkFind100Terms-2     	      50	  23000000 ns/op	  45.59 MB/s	       2913 matches
BenchmarkFind100Terms-2     	      51	  22000000 ns/op	  47.66 MB/s	       2913 matches
BenchmarkWrapThroughput/batch=50/conc=4/rps=20-2 	1	3100000000 ns/op	3.0 bound-s	1.033 wall/bound
PASS
`
	s := newSeries()
	if err := readBench(strings.NewReader(out), s); err != nil {
		t.Fatal(err)
	}
	if vs := s.values["BenchmarkFind100Terms MB/s"]; len(vs) != 1 || len(vs[0]) != 3 || median(vs[0]) != 47.66 {
		t.Errorf("MB/s values %v, want three with median 47.66", vs)
	}
	if vs := s.values["BenchmarkWrapThroughput/batch=50/conc=4/rps=20 wall/bound"]; len(vs) != 1 || vs[0][0] != 1.033 {
		t.Errorf("wall/bound %v (keys %v)", vs, s.order)
	}
}
