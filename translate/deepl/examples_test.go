package deepl

import (
	"strings"
	"testing"

	gl "github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestExamples runs the examples (figures, addresses, Markdown)
// through this backend with bitext's pipeline.
func TestExamples(t *testing.T) {
	g, err := gl.Parse("g.csv", strings.NewReader(translatetest.GlossaryCSV), gl.CSV)
	if err != nil {
		t.Fatal(err)
	}
	translatetest.RunExamples(t, func(t *testing.T) translate.Backend {
		_, b := newTestBackend(t)
		return b
	}, gl.Shield{Glossary: g}, false)
}
