package apy

import (
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestConformance runs the suite every backend must pass against a real
// apertium-apy server (skipped when it is not installed).
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("starts apertium-apy")
	}
	endpoint := startAPY(t)
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		return New(Config{Endpoint: endpoint, Workers: 4})
	}, translatetest.SuiteOptions{})
}
