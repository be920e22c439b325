package apertium

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// evalLines reads ../shared/eval/newstest2013.fr (one paragraph a line),
// skipping the benchmark when the shared folder is absent.
func evalLines(tb testing.TB) (path string, lines []string) {
	tb.Helper()
	path = filepath.Join(sharedDir(tb), "eval", "newstest2013.fr")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("no evaluation text: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return path, lines
}

// BenchmarkBackend translates newstest2013.fr with the backend, the whole
// file in one request (split across the configured workers).
func BenchmarkBackend(b *testing.B) {
	_, lines := evalLines(b)
	be := newRealBackend(b, Config{})
	ctx := context.Background()
	req := translate.Request{From: "fr", To: "en", Segments: lines}
	if _, err := be.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: lines[:2*minPart]}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(strings.Join(lines, "\n"))))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := be.Translate(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(lines)*b.N)/b.Elapsed().Seconds(), "lines/s")
}

// BenchmarkRawPipe translates the same file with Apertium's own command,
// the reference the backend's throughput is compared with.
func BenchmarkRawPipe(b *testing.B) {
	path, lines := evalLines(b)
	requireApertium(b)
	b.SetBytes(int64(len(strings.Join(lines, "\n"))))
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
	}
	b.ReportMetric(float64(len(lines)*b.N)/b.Elapsed().Seconds(), "lines/s")
}
