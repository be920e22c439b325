package libretranslate

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestExamples runs the examples (figures, addresses, Markdown)
// through this backend with bitext's pipeline.
func TestExamples(t *testing.T) {
	g, err := glossary.Parse("g.csv", strings.NewReader(translatetest.GlossaryCSV), glossary.CSV)
	if err != nil {
		t.Fatal(err)
	}
	translatetest.RunExamples(t, func(t *testing.T) translate.Backend {
		_, b := newTest(t, "k", "k")
		return b
	}, glossary.Shield{Glossary: g}, false)
}
