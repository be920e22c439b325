package google

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
		return newTestBackend(t, newFakeServer(t))
	}, glossary.Shield{Glossary: g}, false)
}

// TestExamplesCopying runs the examples through a copying Google: figures
// come out in house style and addresses and markup as they were.
func TestExamplesCopying(t *testing.T) {
	g, err := glossary.Parse("g.csv", strings.NewReader(translatetest.GlossaryCSV), glossary.CSV)
	if err != nil {
		t.Fatal(err)
	}
	translatetest.RunExamples(t, func(t *testing.T) translate.Backend {
		f := newFakeServer(t)
		f.copying = true
		return newTestBackend(t, f)
	}, glossary.Shield{Glossary: g}, true)
}
