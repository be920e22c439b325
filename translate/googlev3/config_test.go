package googlev3

import (
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestNewConfig(t *testing.T) {
	env := map[string]string{EnvProject: "redaction-paris"}
	getenv := func(k string) string { return env[k] }
	cfg, err := NewConfig(translate.Config{Getenv: getenv, Endpoint: "localhost:8443", Model: "general/nmt"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Project != "redaction-paris" || cfg.Endpoint != "localhost:8443" || cfg.Model != "general/nmt" {
		t.Errorf("config %+v", cfg)
	}
	if cfg.location(false) != "global" || cfg.location(true) != "us-central1" {
		t.Errorf("default locations %q, %q", cfg.location(false), cfg.location(true))
	}
	cfg, err = NewConfig(translate.Config{Getenv: getenv, Options: map[string]string{
		OptionProject: "desk-lyon", OptionLocation: "europe-west1", OptionGlossaryURI: "gs://desk/fr-en.tsv",
	}})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Project != "desk-lyon" || cfg.location(false) != "europe-west1" || cfg.location(true) != "europe-west1" || cfg.GlossaryURI != "gs://desk/fr-en.tsv" {
		t.Errorf("options not applied: %+v", cfg)
	}
}

func TestNewConfigErrors(t *testing.T) {
	for name, opts := range map[string]map[string]string{
		"no project":   {},
		"bad project":  {OptionProject: "Rédaction Paris"},
		"bad location": {OptionProject: "desk-lyon", OptionLocation: "europe west"},
		"bad uri":      {OptionProject: "desk-lyon", OptionGlossaryURI: "/home/desk/fr-en.tsv"},
	} {
		_, err := NewConfig(translate.Config{Options: opts})
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if name == "no project" && (!errors.Is(err, translate.ErrNotConfigured) || !strings.Contains(err.Error(), EnvProject)) {
			t.Errorf("no project: err = %v", err)
		}
	}
}
