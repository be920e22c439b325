package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/all"
	"github.com/bitext/bitext/translate/translatetest"
)

func testEnv() Env {
	return Env{Registry: all.Registry(), Getenv: func(string) string { return "" }}
}

func writeConfig(t *testing.T, text string) *FileConfig {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := LoadConfig(func(string) string { return "" }, path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSelectMergesFileAndFlags: the file gives each backend's settings,
// flags and --option win over it, and values come out checked.
func TestSelectMergesFileAndFlags(t *testing.T) {
	f := writeConfig(t, `backend: DeepL
backends:
  deepl:
    rps: 5
    retries: 0
    price: 18 EUR
    options: {english: en-gb}
`)
	s, err := Select(testEnv(), BackendOptions{File: f, Flags: map[string]string{"timeout": "30s"}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Info.Name != "deepl" || s.Remote.RequestsPerSecond != 5 || s.Remote.MaxRetries != -1 || s.Remote.Timeout != 30*time.Second {
		t.Errorf("selection: %s %+v", s.Info.Name, s.Remote)
	}
	if s.Config.Options["english"] != "EN-GB" || s.Price != (translate.Price{PerMillion: 18, Currency: "EUR"}) || !strings.HasSuffix(s.PriceFrom, "config.yaml:6") {
		t.Errorf("options %v, price %+v from %s", s.Config.Options, s.Price, s.PriceFrom)
	}
	s, err = Select(testEnv(), BackendOptions{File: f, Flags: map[string]string{"rps": "2", "price": "30"}, Options: []string{"english=EN-US"}})
	if err != nil || s.Remote.RequestsPerSecond != 2 || s.Config.Options["english"] != "EN-US" || s.Price.PerMillion != 30 || s.PriceFrom != "--price" {
		t.Errorf("flags over the file: %+v %v %+v, %v", s.Remote, s.Config.Options, s.Price, err)
	}
}

// TestSelectRefusesMistakes: every mistake is a SettingError naming the
// setting, with a did-you-mean where one fits.
func TestSelectRefusesMistakes(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    BackendOptions
		want string
	}{
		{"backend typo", BackendOptions{Name: "marain"}, `unknown backend "marain"; did you mean marian?`},
		{"option typo", BackendOptions{Name: "apertium", Options: []string{"wokers=2"}}, `apertium has no option "wokers"; did you mean workers?`},
		{"option of another", BackendOptions{Name: "deepl", Options: []string{"workers=2"}}, `deepl has no option "workers" (apertium, apy have one)`},
		{"option range", BackendOptions{Name: "apertium", Options: []string{"workers=99"}}, `apertium: option workers must be a number from 1 to 64, not "99"`},
		{"option without value", BackendOptions{Name: "apertium", Options: []string{"workers"}}, `write it KEY=VALUE`},
		{"flag of another", BackendOptions{Name: "deepl", Flags: map[string]string{"beam": "4"}}, `--beam is an option of marian, not of deepl`},
		{"no endpoint", BackendOptions{Name: "apertium", Flags: map[string]string{"endpoint": "http://x"}}, `--endpoint does not apply to apertium`},
		{"remote only", BackendOptions{Name: "apertium", Flags: map[string]string{"rps": "3"}}, `rps applies to remote backends only; apertium is local`},
		{"negative", BackendOptions{Name: "deepl", Flags: map[string]string{"retries": "-1"}}, `--retries must be a number from 0 to 100, not "-1"`},
		{"bad url", BackendOptions{Name: "deepl", Flags: map[string]string{"endpoint": "api.deepl.com"}}, `endpoint must be an http(s) URL`},
		{"bad price", BackendOptions{Name: "deepl", Flags: map[string]string{"price": "cher"}}, `--price must be a number`},
	} {
		_, err := Select(testEnv(), tc.o)
		var se *SettingError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a SettingError saying %q", tc.name, err, tc.want)
		}
	}
}

// TestSelectChecksTheWholeFile: a mistake in any backend's section is
// reported as FILE:LINE, whichever backend the command uses.
func TestSelectChecksTheWholeFile(t *testing.T) {
	for text, want := range map[string]string{
		"backend: deeppl\n":                                  `config.yaml:1: unknown backend "deeppl"; did you mean deepl?`,
		"backends:\n  deepl:\n    api_key: x\n":              `config.yaml:3: unknown setting "api_key"`,
		"backends:\n  apertium:\n    options: {wokers: 2}\n": `config.yaml:3: apertium has no option "wokers"; did you mean workers?`,
		"backends:\n  apertium:\n    workers: 2\n":           `config.yaml:3: workers is one of apertium's options`,
		"backends:\n  openai:\n    concurrency: 0\n":         `config.yaml:3: concurrency must be a number from 1 to 64`,
		"backnds:\n  deepl: {}\n":                            `config.yaml:1: unknown key "backnds"; did you mean backends?`,
		"backends:\n  deepl:\n    rps: [1, 2]\n":             `config.yaml:3: rps: takes one value`,
		"backends: [\n":                                      `config.yaml:1: did not find expected node content`,
	} {
		path := filepath.Join(t.TempDir(), "config.yaml")
		os.WriteFile(path, []byte(text), 0o644)
		f, err := LoadConfig(func(string) string { return "" }, path)
		if err == nil {
			_, err = Select(testEnv(), BackendOptions{Name: "apertium", File: f})
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

// TestSelectLenient drops what another backend does not take, for
// review's re-translation with several backends.
func TestSelectLenient(t *testing.T) {
	s, err := Select(testEnv(), BackendOptions{Name: "apertium", Lenient: true,
		Flags: map[string]string{"beam": "4", "rps": "2"}, Options: []string{"english=EN-GB"}})
	if err != nil || len(s.Config.Options) != 0 || s.Remote.RequestsPerSecond != 0 {
		t.Errorf("lenient: %+v, %v", s, err)
	}
}

// TestEngineBatchSizeByKind: remote backends get small batches, so that
// each answer is stored soon; local ones large batches.
func TestEngineBatchSizeByKind(t *testing.T) {
	for kind, want := range map[translate.Kind]int{translate.Remote: 64, translate.Local: 512} {
		sel := &Selection{Info: translate.BackendInfo{Name: "fake", Kind: kind,
			New: func(context.Context, translate.Config) (translate.Backend, error) {
				return translatetest.NewFake(), nil
			}}}
		e, err := New(context.Background(), sel, Settings{From: "fr", To: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if e.Pipeline.BatchSize != want {
			t.Errorf("%s: batch size %d, want %d", kind, e.Pipeline.BatchSize, want)
		}
		e.Close()
	}
}
