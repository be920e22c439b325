package deepl

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

func TestGlossaryCreatedOnceAndReused(t *testing.T) {
	f, srv := newFakeDeepL(t, testKey)
	terms := []translate.TermPair{
		{Source: "Quai d'Orsay", Target: "French Foreign Ministry"},
		{Source: "Séoul", Target: "Seoul"},
		{Source: "bad\tterm", Target: "x"},
	}
	ctx := context.Background()
	for run := range 2 { // a second run reuses the glossary of the first
		b := New(Config{AuthKey: testKey, Endpoint: srv.URL})
		var polls int
		b.sleepFn = func(context.Context, time.Duration) error { polls++; return nil }
		if err := b.UseGlossary(ctx, "fr", "en", terms); err != nil {
			t.Fatal(err)
		}
		if _, creates := f.counts(); creates != 1 {
			t.Fatalf("run %d: %d glossaries created, want 1", run, creates)
		}
		if run == 0 && polls == 0 {
			t.Error("glossary not ready at creation, but not polled")
		}
		out, err := b.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: []string{"Le Quai d'Orsay a appelé Séoul."}})
		if err != nil {
			t.Fatal(err)
		}
		if want := "The French Foreign Ministry has appelé Seoul."; out[0] != want {
			t.Errorf("run %d: got %q, want %q", run, out[0], want)
		}
		if f.lastBody.GlossaryID != "g-1" {
			t.Errorf("run %d: glossary_id %q", run, f.lastBody.GlossaryID)
		}
	}
	f.mu.Lock()
	g := f.glossaries["g-1"]
	f.mu.Unlock()
	if g.EntryCount != 2 || !strings.HasPrefix(g.Name, "bitext fr-en ") {
		t.Errorf("glossary %+v", g.glossary)
	}
}

func TestGlossaryChangesWithTerms(t *testing.T) {
	f, b := newTestBackend(t)
	b.sleepFn = func(context.Context, time.Duration) error { return nil }
	ctx := context.Background()
	one := []translate.TermPair{{Source: "Séoul", Target: "Seoul"}}
	two := append(one, translate.TermPair{Source: "Élysée", Target: "Elysee Palace"})
	for _, terms := range [][]translate.TermPair{one, two, one} {
		if err := b.UseGlossary(ctx, "fr", "en", terms); err != nil {
			t.Fatal(err)
		}
	}
	if _, creates := f.counts(); creates != 2 {
		t.Errorf("%d glossaries created, want 2", creates)
	}
	if err := b.UseGlossary(ctx, "fr", "en", nil); err != nil {
		t.Fatal(err)
	}
	b.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: []string{"Séoul"}})
	if f.lastBody.GlossaryID != "" {
		t.Errorf("glossary %q still used after clearing", f.lastBody.GlossaryID)
	}
}
