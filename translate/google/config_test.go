package google

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestNewConfig(t *testing.T) {
	env := map[string]string{EnvAPIKey: " " + fakeKey + "\n"}
	cfg, err := NewConfig(translate.Config{Getenv: func(k string) string { return env[k] }, Model: "nmt"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.APIKey != fakeKey || cfg.Endpoint != DefaultEndpoint || cfg.Model != "nmt" {
		t.Errorf("config %+v", cfg)
	}
	if s := cfg.String(); strings.Contains(s, fakeKey) || !strings.Contains(s, "API key") {
		t.Errorf("String() = %q: must say a key is set without showing it", s)
	}
	if _, err := NewConfig(translate.Config{Model: "gpt"}); err == nil {
		t.Error("unknown model accepted")
	}
}

func TestEndpointNormalized(t *testing.T) {
	for in, want := range map[string]string{
		"":                               DefaultEndpoint,
		"http://127.0.0.1:8080":          "http://127.0.0.1:8080/language/translate/",
		"https://proxy.desk.example/":    "https://proxy.desk.example/language/translate/",
		"https://proxy.desk.example/gtr": "https://proxy.desk.example/gtr/",
	} {
		got, err := normalizeEndpoint(in)
		if err != nil || got != want {
			t.Errorf("normalizeEndpoint(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"translation.googleapis.com", "ftp://example.org/", "http://"} {
		if _, err := normalizeEndpoint(bad); err == nil {
			t.Errorf("normalizeEndpoint(%q) accepted", bad)
		}
	}
}

func TestInfo(t *testing.T) {
	info := Info()
	if info.Name != "google" || info.Kind != translate.Remote || info.New == nil || !reflect.DeepEqual(info.Env, []string{EnvAPIKey, EnvCredentials}) {
		t.Errorf("info %+v", info)
	}
}
