package googlev3

import (
	"context"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

func TestConformance(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		return newFake(t).backend(t, Config{})
	}, translatetest.SuiteOptions{})
}

func TestConformanceWrapped(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		return remote.Wrap(newFake(t).backend(t, Config{}), remote.Options{})
	}, translatetest.SuiteOptions{Many: 1500})
}

// TestConformanceWithGlossary runs the suite on translations that go
// through a native glossary (glossary_translations, us-central1).
func TestConformanceWithGlossary(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		b := remote.Wrap(newFake(t).backend(t, Config{}), remote.Options{})
		terms := []translate.TermPair{{Source: "Séoul", Target: "Seoul"}, {Source: "Insee", Target: "INSEE"}}
		if err := b.(translate.GlossaryUser).UseGlossary(context.Background(), "fr", "en", terms); err != nil {
			t.Fatal(err)
		}
		return b
	}, translatetest.SuiteOptions{})
}
