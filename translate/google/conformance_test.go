package google

import (
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

func TestConformance(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		return newTestBackend(t, newFakeServer(t))
	}, translatetest.SuiteOptions{})
}

func TestConformanceWrapped(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		return remote.Wrap(newTestBackend(t, newFakeServer(t)), remote.Options{})
	}, translatetest.SuiteOptions{Many: 300})
}
