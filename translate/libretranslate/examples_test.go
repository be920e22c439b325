package libretranslate

import (
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestExamples runs the examples (figures, addresses, Markdown)
// through this backend with bitext's pipeline.
func TestExamples(t *testing.T) {
	translatetest.RunExamples(t, func(t *testing.T) translate.Backend {
		_, b := newTest(t, "k", "k")
		return b
	}, translatetest.ExampleGlossary(t), false)
}
