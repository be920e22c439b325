package apertium

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// writeModes creates a modes folder holding the named modes, each with the
// given content.
func writeModes(t *testing.T, modes map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range modes {
		if err := os.WriteFile(filepath.Join(dir, name+".mode"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFindRoute(t *testing.T) {
	dir := writeModes(t, map[string]string{
		"fr-es": "x", "es-fr": "x", "spa-eng": "x", "eng-spa": "x", "spa-eng_US": "x",
		"eco-fr-es": "x", "fr-ca": "x", "cat-eng": "x", "oc-ca": "x",
	})
	modes, err := listModes(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ from, to, want string }{
		{"fr", "es", "fr-es"},
		{"fr", "en", "fr-es+spa-eng"},
		{"fra", "eng", "fr-es+spa-eng"},
		{"en", "fr", "eng-spa+es-fr"},
		{"fr", "en_US", "fr-es+spa-eng_US"},
		{"oc", "en", "oc-ca+cat-eng"},
		{"es", "ca", "es-fr+fr-ca"},
		{"ca", "fr", ""},
		{"de", "en", ""},
	}
	for _, tt := range tests {
		r, ok := findRoute(modes, tt.from, tt.to)
		if got := r.String(); ok != (tt.want != "") || got != tt.want {
			t.Errorf("findRoute(%s, %s) = %q, %v; want %q", tt.from, tt.to, got, ok, tt.want)
		}
	}
}

func TestMissingPairError(t *testing.T) {
	err := missingPairError("/m", "fr", "en", nil)
	if !errors.Is(err, translate.ErrUnsupportedPair) || !errors.Is(err, translate.ErrNotConfigured) {
		t.Fatalf("error %v does not wrap both sentinels", err)
	}
	if !strings.Contains(err.Error(), "apt-get install apertium apertium-fr-es apertium-eng-spa") {
		t.Errorf("error lacks the install hint: %v", err)
	}
}

func TestNewWithoutModes(t *testing.T) {
	_, err := New(t.Context(), Config{ModesDir: filepath.Join(t.TempDir(), "none")})
	if !errors.Is(err, translate.ErrNotConfigured) || !strings.Contains(err.Error(), "apt-get install apertium apertium-fr-es apertium-eng-spa") {
		t.Fatalf("New without modes: %v", err)
	}
}

func TestParseMode(t *testing.T) {
	text := `lt-proc '/usr/share/apertium/apertium-fr-es/fr-es.automorf.bin' | apertium-tagger -g $2 '/p/fr es.prob' | vislcg3 -g x.rlx | lt-proc $1 "/g.bin"` + "\n"
	got, err := parseMode(text, "-n")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"lt-proc", "-z", "/usr/share/apertium/apertium-fr-es/fr-es.automorf.bin"},
		{"apertium-tagger", "-z", "-g", "/p/fr es.prob"},
		{"vislcg3", "-g", "x.rlx"},
		{"lt-proc", "-z", "-n", "/g.bin"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("parseMode:\n got %q\nwant %q", got, want)
	}
	for _, bad := range []string{"a | | b", "a |", "a 'b"} {
		if _, err := parseMode(bad, "-g"); err == nil {
			t.Errorf("parseMode(%q) succeeded", bad)
		}
	}
}

func TestNewConfig(t *testing.T) {
	cfg, err := NewConfig(translate.Config{
		Options: map[string]string{"workers": "3", "mark-unknown": "true", "timeout": "5s", "protect": "blank"},
		Getenv:  func(k string) string { return map[string]string{"APERTIUM_MODES": "/opt/modes"}[k] },
	})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ModesDir != "/opt/modes" || cfg.Workers != 3 || !cfg.MarkUnknown || cfg.StallTimeout.String() != "5s" || cfg.Protect != ProtectBlank {
		t.Fatalf("config: %+v", cfg)
	}
	for _, opts := range []map[string]string{{"workers": "0"}, {"mark-unknown": "peut-être"}, {"timeout": "bientôt"}, {"protect": "notrans"}} {
		if _, err := NewConfig(translate.Config{Options: opts}); err == nil {
			t.Errorf("NewConfig(%v) accepted", opts)
		}
	}
	if def, err := NewConfig(translate.Config{}); err != nil || def.Protect != ProtectPlaceholder {
		t.Errorf("default protection: %q, %v", def.Protect, err)
	}
	if info := Info(); info.Name != "apertium" || info.New == nil {
		t.Errorf("Info: %+v", info)
	}
}
