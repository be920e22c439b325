package apertium

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// requireApertium skips unless Apertium and the fr-es and spa-eng pairs are
// installed.
func requireApertium(tb testing.TB) {
	tb.Helper()
	const hint = "apt-get install apertium apertium-fr-es apertium-eng-spa"
	if _, err := exec.LookPath("lt-proc"); err != nil {
		tb.Skip("Apertium is not installed; " + hint)
	}
	for _, m := range []string{"fr-es", "spa-eng"} {
		if _, err := os.Stat(filepath.Join(DefaultModesDir, m+".mode")); err != nil {
			tb.Skipf("Apertium mode %s is not installed; %s", m, hint)
		}
	}
}

// newRealBackend returns a backend on the installed Apertium, closed when
// the test ends; it skips when Apertium is absent.
func newRealBackend(tb testing.TB, cfg Config) *Backend {
	tb.Helper()
	requireApertium(tb)
	if cfg.Workers == 0 {
		cfg.Workers = defaultWorkers()
	}
	if cfg.StallTimeout == 0 {
		cfg.StallTimeout = defaultStall
	}
	be, err := New(context.Background(), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { be.Close() })
	return be
}
