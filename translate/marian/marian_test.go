package marian

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian/hub"
	"github.com/bitext/bitext/translate/marian/internal/fixture"
)

type fixtureCase struct {
	Source     string `json:"source"`
	GreedyText string `json:"greedy_text"`
	Beam4Text  string `json:"beam4_text"`
}

func loadCases(t *testing.T, dir string) []fixtureCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Cases []fixtureCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	if len(exp.Cases) == 0 {
		t.Fatal("no cases")
	}
	return exp.Cases
}

func newFixtureBackend(t *testing.T, opts Options) (*Backend, []fixtureCase) {
	t.Helper()
	dir := fixture.Dir(t)
	b, err := New(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return b, loadCases(t, dir)
}

func translateAll(t *testing.T, b *Backend, segs []string) []string {
	t.Helper()
	out, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(segs) {
		t.Fatalf("%d translations for %d segments", len(out), len(segs))
	}
	return out
}

func TestTranslateMatchesTransformers(t *testing.T) {
	for _, beams := range []int{0, 1} {
		b, cases := newFixtureBackend(t, Options{Beams: beams, BatchSize: 3})
		var segs []string
		for _, c := range cases {
			segs = append(segs, c.Source)
		}
		segs = append(segs, "   ")
		out := translateAll(t, b, segs)
		for i, c := range cases {
			want := c.Beam4Text // the fixture's config.json asks for 4 beams
			if beams == 1 {
				want = c.GreedyText
			}
			if out[i] != want {
				t.Errorf("beams %d, %q:\n got %q\nwant %q", beams, c.Source, out[i], want)
			}
		}
		if out[len(out)-1] != "" {
			t.Errorf("blank segment translated to %q", out[len(out)-1])
		}
	}
}

// installCopy copies the fixture into cache/name with an info file.
func installCopy(t *testing.T, cache, name string, info hub.ModelInfo) string {
	t.Helper()
	src := fixture.Dir(t)
	dst := filepath.Join(cache, name)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"config.json", "model.safetensors", "source.spm", "target.spm", "vocab.json"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := json.Marshal(info)
	if err := os.WriteFile(filepath.Join(dst, hub.InfoFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestInfoResolvesInstalledModel(t *testing.T) {
	xdg := t.TempDir()
	env := map[string]string{"XDG_CACHE_HOME": xdg}
	cfg := translate.Config{Getenv: func(k string) string { return env[k] }, Options: map[string]string{"beam": "2"}}
	if _, err := Info().New(context.Background(), cfg); !errors.Is(err, translate.ErrNotConfigured) {
		t.Fatalf("no model installed: err = %v, want ErrNotConfigured", err)
	}
	if Installed(cfg) {
		t.Error("Installed reports a model in an empty cache")
	}
	info := hub.ModelInfo{Name: "fr-en", Source: "fr", Target: "en", License: "CC-BY-4.0", Attribution: "OPUS-MT test credit"}
	installCopy(t, filepath.Join(xdg, "bitext", "models"), "fr-en", info)
	be, err := Info().New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	b := be.(*Backend)
	if b.opts.Beams != 2 || b.Attribution() != "OPUS-MT test credit" || !Installed(cfg) {
		t.Errorf("opts %+v, attribution %q", b.opts, b.Attribution())
	}
	_, err = b.Translate(context.Background(), translate.Request{From: "fr", To: "de", Segments: []string{"Bonjour."}})
	if !errors.Is(err, translate.ErrUnsupportedPair) {
		t.Errorf("fr→de with an fr-en model: err = %v, want ErrUnsupportedPair", err)
	}
	bad := cfg
	bad.Options = map[string]string{"beam": "zero"}
	if _, err := NewConfig(bad); err == nil {
		t.Error("beam=zero accepted")
	}
}

func TestShortlist(t *testing.T) {
	dir := fixture.CopyModel(t, "copy")
	plain, err := New(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	segs := []string{"Le sommet de Bruxelles réunira 27 chefs d'État.", "La police a interpellé 3 personnes."}
	want := translateAll(t, plain, segs)
	// A shortlist pairing each piece of the sources with itself keeps the
	// copy; an empty one leaves only the first 100 ids.
	var lex strings.Builder
	for _, s := range segs {
		for _, id := range plain.tok.Encode(s) {
			p := plain.tok.Piece(id)
			fmt.Fprintf(&lex, "%s %s 0.9\n", p, p)
		}
	}
	full, empty := filepath.Join(t.TempDir(), "lex.s2t"), filepath.Join(t.TempDir(), "empty.s2t")
	if err := os.WriteFile(full, []byte(lex.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for file, same := range map[string]bool{full: true, empty: false} {
		b, err := New(context.Background(), dir, Options{Shortlist: file})
		if err != nil {
			t.Fatal(err)
		}
		got := translateAll(t, b, segs)
		if slices.Equal(got, want) != same {
			t.Errorf("shortlist %s: %q, without %q", filepath.Base(file), got, want)
		}
	}
	if _, err := New(context.Background(), dir, Options{Shortlist: filepath.Join(dir, "missing.s2t")}); err == nil {
		t.Error("a missing shortlist file was accepted")
	}
}
