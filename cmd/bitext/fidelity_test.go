package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

// dropper is an engine that loses every protected span it is sent.
type dropper struct{ *translatetest.Fake }

func (d dropper) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out, err := d.Fake.Translate(ctx, req)
	for i := range out {
		out[i] = remote.ReplaceSpans(out[i], func(int, remote.Span) string { return "" })
	}
	return out, err
}

// TestFidelityWarnings: a segment whose engine lost a figure and an
// address carries a fidelity warning in the JSON, on stderr and in
// --report, fails --strict, and is listed by diff; nothing bitext writes
// holds a placeholder character.
func TestFidelityWarnings(t *testing.T) {
	dir := t.TempDir()
	src := "Titre\n\nLe prix atteint 1,879 euro, voir https://example.org/a_(b)&x.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.fr.txt"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	env, _, errb := bufferEnv(t, dropper{translatetest.NewFake()})
	code := run(context.Background(), env, []string{"bitext", "translate", "--backend", "fake", "--strict",
		"--report", filepath.Join(dir, "report.json"), "--format", "json", "--out", out, filepath.Join(dir, "a.fr.txt")})
	if code != 1 || !strings.Contains(errb.String(), "bitext: fidelity: ") || !strings.Contains(errb.String(), "fidelity warnings (--strict)") {
		t.Fatalf("exit %d, stderr:\n%s", code, errb.String())
	}
	en, _ := os.ReadFile(filepath.Join(out, "a.en.txt"))
	if !strings.Contains(string(en), "1.879") || !strings.Contains(string(en), "https://example.org/a_(b)&x") {
		t.Errorf("restored English %q lacks the figure or the address", en)
	}
	var report struct {
		Fidelity int `json:"fidelity_warnings"`
		Files    []struct {
			Fidelity []string `json:"fidelity_warnings"`
		} `json:"files_detail"`
	}
	data, _ := os.ReadFile(filepath.Join(dir, "report.json"))
	if err := json.Unmarshal(data, &report); err != nil || report.Fidelity != 2 || len(report.Files[0].Fidelity) != 2 {
		t.Errorf("report %s (%v)", data, err)
	}
	checkFidelityJSON(t, filepath.Join(out, "a.json"))
	noPlaceholders(t, out)

	env, stdout, _ := bufferEnv(t, translatetest.NewFake())
	run(context.Background(), env, []string{"bitext", "diff", filepath.Join(out, "a.en.txt")})
	if !strings.Contains(stdout.String(), "fidelity: ") {
		t.Errorf("diff does not show the warning:\n%s", stdout)
	}
}

// checkFidelityJSON checks that each segment keeps source and target as
// strings and a fidelity record without a "target" key.
func checkFidelityJSON(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Segments []map[string]json.RawMessage `json:"segments"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, s := range doc.Segments {
		for _, k := range []string{"source", "target"} {
			if !bytes.HasPrefix(s[k], []byte(`"`)) {
				t.Errorf("segment %s is not a string: %s", k, s[k])
			}
		}
		if f, ok := s["fidelity"]; ok {
			seen = true
			var rec map[string]any
			if err := json.Unmarshal(f, &rec); err != nil || rec["target"] != nil || bytes.Contains(f, []byte(`"target"`)) {
				t.Errorf("fidelity record %s", f)
			}
		}
	}
	if !seen {
		t.Error("no fidelity record in the JSON")
	}
}

// noPlaceholders fails when a file under dir (state included) holds a
// private-use character.
func noPlaceholders(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range string(data) {
			if r >= 0xE000 && r <= 0xF8FF {
				t.Errorf("%s holds %U", path, r)
				return nil
			}
		}
		return nil
	})
}
