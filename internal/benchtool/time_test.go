package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMeasureWatchesStderrAndStreams(t *testing.T) {
	dir := t.TempDir()
	in, out, log := filepath.Join(dir, "in"), filepath.Join(dir, "out"), filepath.Join(dir, "log")
	if err := os.WriteFile(in, []byte("Séoul, 12 mars (AFP)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `echo starting >&2; sleep 0.3; echo "a.fr.txt: translated" >&2; cat; echo fin >&2`
	m, err := measure(context.Background(), []string{"sh", "-c", script},
		timeOptions{in: in, out: out, log: log, first: regexp.MustCompile(`: translated`)})
	if err != nil {
		t.Fatal(err)
	}
	if m.First < 0.3 || m.First > m.Wall {
		t.Errorf("first matching line at %.3fs, want between the 0.3s sleep and the wall time %.3fs", m.First, m.Wall)
	}
	if m.TreeMB <= 0 {
		t.Errorf("peak memory of the tree %.1f MB, want > 0", m.TreeMB)
	}
	if got, _ := os.ReadFile(out); string(got) != "Séoul, 12 mars (AFP)\n" {
		t.Errorf("standard output %q, want the input copied", got)
	}
	if got, _ := os.ReadFile(log); string(got) != "starting\na.fr.txt: translated\nfin\n" {
		t.Errorf("log %q", got)
	}
}

func TestMeasureNoMatchAndFailure(t *testing.T) {
	m, err := measure(context.Background(), []string{"sh", "-c", "echo nothing >&2"},
		timeOptions{first: regexp.MustCompile("translated")})
	if err != nil || m.First != -1 {
		t.Errorf("got first %v, err %v; want -1, nil", m.First, err)
	}
	_, err = measure(context.Background(), []string{"sh", "-c", "echo 'bitext: error: no such file' >&2; exit 3"}, timeOptions{})
	if err == nil || !strings.Contains(err.Error(), "no such file") || !strings.Contains(err.Error(), "exit status 3") {
		t.Errorf("error %v, want the exit status and the last error line", err)
	}
}

func TestCmdTimePrintsLabelledLine(t *testing.T) {
	var b strings.Builder
	if err := cmdTime(context.Background(), []string{"-label", "raw", "--", "true"}, &b); err != nil {
		t.Fatal(err)
	}
	f := strings.Split(strings.TrimSpace(b.String()), "\t")
	if len(f) != 7 || f[0] != "raw" || f[6] != "-1.000" {
		t.Errorf("line %q, want label and six columns ending in -1.000", b.String())
	}
}

func TestParseHWM(t *testing.T) {
	status := "Name:\tbitext\nVmPeak:\t  900000 kB\nVmHWM:\t   51200 kB\nVmRSS:\t   40000 kB\n"
	if got := parseHWM(status); got != 50 {
		t.Errorf("parseHWM = %v, want 50", got)
	}
	if got := parseHWM("Name:\tzombie\n"); got != 0 {
		t.Errorf("parseHWM without VmHWM = %v, want 0", got)
	}
}
