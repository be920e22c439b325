package apertium

import (
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestConformance runs the suite every backend must pass on the installed
// Apertium (skipped when it is absent).
func TestConformance(t *testing.T) {
	requireApertium(t)
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		return newRealBackend(t, Config{})
	}, translatetest.SuiteOptions{})
}
