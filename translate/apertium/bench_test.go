package apertium

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/sharedtest"
	"github.com/bitext/bitext/translate"
)

// evalLines reads ../shared/eval/newstest2013.fr (one paragraph a line),
// skipping the benchmark when the shared folder is absent.
func evalLines(tb testing.TB) (path string, lines []string) {
	tb.Helper()
	path = sharedtest.Path(tb, "eval", "newstest2013.fr")
	return path, sharedtest.Lines(tb, -1, "eval", "newstest2013.fr")
}

// BenchmarkBackend translates newstest2013.fr with the backend, the whole
// file in one request split across 1 or 2 pipelines. Pipelines are started
// before timing, as they are once per run.
func BenchmarkBackend(b *testing.B) {
	_, lines := evalLines(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			benchBackend(b, lines, workers)
		})
	}
}

func benchBackend(b *testing.B, lines []string, workers int) {
	be := newRealBackend(b, Config{Workers: workers})
	ctx := context.Background()
	req := translate.Request{From: "fr", To: "en", Segments: lines}
	if _, err := be.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: lines[:workers*minPart]}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(strings.Join(lines, "\n"))))
	cpu0 := be.cpuSeconds() + selfCPUSeconds()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := be.Translate(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(lines)*b.N)/b.Elapsed().Seconds(), "lines/s")
	b.ReportMetric((be.cpuSeconds()+selfCPUSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

// BenchmarkRawPipe translates the same file with Apertium's own command,
// the reference the backend's throughput is compared with.
func BenchmarkRawPipe(b *testing.B) {
	path, lines := evalLines(b)
	requireApertium(b)
	b.SetBytes(int64(len(strings.Join(lines, "\n"))))
	var cpu float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command("sh", "-c", "apertium -u fr-es | apertium -u spa-eng >/dev/null")
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		cmd.Stdin = f
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		f.Close()
		cpu += (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	}
	b.ReportMetric(float64(len(lines)*b.N)/b.Elapsed().Seconds(), "lines/s")
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// cpuSeconds sums the CPU time used so far by the backend's running
// programs, read from /proc (0 where it cannot be read).
func (b *Backend) cpuSeconds() float64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	total := 0.0
	for _, pl := range b.pools {
		pl.mu.Lock()
		for p := range pl.live {
			for _, proc := range p.procs {
				total += procCPUSeconds(proc.cmd.Process.Pid)
			}
		}
		pl.mu.Unlock()
	}
	return total
}

// procCPUSeconds reads a process's user and system time from
// /proc/PID/stat, counted in clock ticks of 1/100 s.
func procCPUSeconds(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / 100
}

// selfCPUSeconds is the test process's own CPU time.
func selfCPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// BenchmarkProtected translates newstest2013.fr as HTML with every
// capitalised word after the first of a line in a translate="no" span (the
// shape a names glossary gives), hidden by blanks or by stand-ins.
func BenchmarkProtected(b *testing.B) {
	_, lines := evalLines(b)
	segs := make([]string, len(lines))
	spans := 0
	for i, l := range lines {
		segs[i] = protectCapitals(l, &spans)
	}
	for _, p := range []Protection{ProtectBlank, ProtectPlaceholder} {
		b.Run("protect="+string(p), func(b *testing.B) {
			be := newRealBackend(b, Config{Protect: p})
			req := translate.Request{From: "fr", To: "en", HTML: true, Segments: segs}
			if _, err := be.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: lines[:minPart]}); err != nil {
				b.Fatal(err)
			}
			cpu0 := be.cpuSeconds() + selfCPUSeconds()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := be.Translate(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(len(lines)*b.N)/b.Elapsed().Seconds(), "lines/s")
			b.ReportMetric((be.cpuSeconds()+selfCPUSeconds()-cpu0)/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(spans), "spans")
			b.ReportMetric(float64(be.fallbacks.Load())/float64(b.N), "fallbacks/op")
		})
	}
}

// protectCapitals escapes a plain-text line as HTML and wraps its
// capitalised words, but the first, in translate="no" spans, counting them.
func protectCapitals(line string, spans *int) string {
	words := strings.Split(escapeHTML(line), " ")
	for i, w := range words {
		if i > 0 && len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && isWordRune(rune(w[len(w)-1])) {
			words[i] = span(w)
			*spans++
		}
	}
	return strings.Join(words, " ")
}
