package main

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/engine"
)

// The re-translate list holds the configured backends only, the current
// one first: with no key in the environment, no cloud backend.
func TestConfiguredBackends(t *testing.T) {
	env := testEnv()
	env.Getenv = func(string) string { return "" }
	got := configuredBackends(context.Background(), env, engine.BackendOptions{}, "fake")
	if len(got) == 0 || got[0].Name != "fake" || !strings.HasPrefix(got[0].Detail, "current, local") {
		t.Fatalf("configured backends = %+v, want fake first", got)
	}
	for _, b := range got {
		switch b.Name {
		case "deepl", "google", "google-v3", "openai", "apy":
			t.Errorf("%s listed without its settings: %+v", b.Name, got)
		}
	}
}
