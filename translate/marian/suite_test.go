package marian

import (
	"context"
	"errors"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian/internal/fixture"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestConformance runs the suite every backend passes on the copy model
// (whose translation of a sentence is the sentence: numbers come through),
// in a folder whose name says nothing of its languages, with each
// precision and with the portable kernels forced.
func TestConformance(t *testing.T) {
	dir := fixture.CopyModel(t, "my-model")
	for name, opts := range map[string]Options{
		"fp32": {}, "int8": {Precision: "int8"}, "portable": {Kernels: "portable", BatchSize: 7, Beams: 2},
	} {
		t.Run(name, func(t *testing.T) {
			translatetest.Run(t, func(t *testing.T) translate.Backend {
				b, err := New(context.Background(), dir, opts)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}, translatetest.SuiteOptions{})
		})
	}
}

func TestPairFromFolderName(t *testing.T) {
	req := translate.Request{From: "fr", To: "en", Segments: []string{"Le président a reçu 12 délégués."}}
	for name, ok := range map[string]bool{"my-model": true, "opus-mt-fr-en": true, "opus-mt-de-fr": false} {
		b, err := New(context.Background(), fixture.CopyModel(t, name), Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, err := b.Translate(context.Background(), req)
		if ok && (err != nil || out[0] == "") {
			t.Errorf("folder %s, fr→en: %q, %v", name, out, err)
		}
		if !ok && !errors.Is(err, translate.ErrUnsupportedPair) {
			t.Errorf("folder %s, fr→en: err = %v, want ErrUnsupportedPair", name, err)
		}
	}
}
