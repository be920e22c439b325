package google

import (
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestExamples runs the examples (figures, addresses, Markdown)
// through this backend with bitext's pipeline.
func TestExamples(t *testing.T) {
	translatetest.RunExamples(t, func(t *testing.T) translate.Backend {
		return newTestBackend(t, newFakeServer(t))
	}, translatetest.ExampleGlossary(t), false)
}

// TestExamplesCopying runs the examples through a copying Google: figures
// come out in house style and addresses and markup as they were.
func TestExamplesCopying(t *testing.T) {
	translatetest.RunExamples(t, func(t *testing.T) translate.Backend {
		f := newFakeServer(t)
		f.copying = true
		return newTestBackend(t, f)
	}, translatetest.ExampleGlossary(t), true)
}
