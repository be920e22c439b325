package deepl

import (
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestExamples runs the examples (figures, addresses, Markdown)
// through this backend with bitext's pipeline.
func TestExamples(t *testing.T) {
	translatetest.RunExamples(t, func(t *testing.T) translate.Backend {
		_, b := newTestBackend(t)
		return b
	}, translatetest.ExampleGlossary(t), false)
}
