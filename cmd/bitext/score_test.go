package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/sharedtest"
)

// Two pairs whose counts score/bleu_test.go works out by hand: corpus
// precisions 11/13, 6/11, 3/9, 1/7, BP exp(1 - 14/13).
const (
	scoreHyp = "M. Kim a vu le président à Séoul.\nle chat dort\n"
	scoreRef = "M. Kim a rencontré le président lundi à Séoul.\nle chien dort\n"

	scoreBLEULine = "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0 = 35.7 " +
		"84.6/54.5/33.3/14.3 (BP = 0.926 ratio = 0.929 hyp_len = 13 ref_len = 14)\n"
	scoreChrFLine = "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.0.0 = 0.46984\n"
)

// runScoreCmd runs "bitext score args..." in-process with stdin and returns
// the exit status, standard output and standard error.
func runScoreCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	env := systemEnv()
	var out, errOut bytes.Buffer
	env.In, env.Out, env.Err = strings.NewReader(stdin), &out, &errOut
	env.InTTY, env.OutTTY, env.ErrTTY = false, false, false
	code := run(context.Background(), env, append([]string{"bitext", "score"}, args...))
	return code, out.String(), errOut.String()
}

func scoreFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestScoreCommandPrintsEvalLines(t *testing.T) {
	dir := scoreFiles(t, map[string]string{"sys.en": scoreHyp, "ref.en": scoreRef})
	code, out, errOut := runScoreCmd(t, "", filepath.Join(dir, "sys.en"), filepath.Join(dir, "ref.en"))
	if code != 0 || out != scoreBLEULine+scoreChrFLine || errOut != "" {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

func TestScoreCommandStdin(t *testing.T) {
	dir := scoreFiles(t, map[string]string{"ref.en": scoreRef})
	code, out, errOut := runScoreCmd(t, scoreHyp, "-", filepath.Join(dir, "ref.en"))
	if code != 0 || out != scoreBLEULine+scoreChrFLine {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

func TestScoreCommandSentences(t *testing.T) {
	dir := scoreFiles(t, map[string]string{"sys.en": scoreHyp, "ref.en": scoreRef})
	code, out, errOut := runScoreCmd(t, "", "--sentences", filepath.Join(dir, "sys.en"), filepath.Join(dir, "ref.en"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Sentence BLEU with effective order: 38.3 for the first pair (all
	// four orders) and (66.7·25·25)^(1/3) = 34.7 for "le chat dort".
	want := "line  BLEU chrF2\n" +
		"   1  38.3  49.7\n" +
		"   2  34.7  34.4\n" +
		"\n" + scoreBLEULine + scoreChrFLine
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
}

func TestScoreCommandJSON(t *testing.T) {
	dir := scoreFiles(t, map[string]string{"sys.en": scoreHyp, "ref.en": scoreRef})
	code, out, errOut := runScoreCmd(t, "", "--json", "-s", filepath.Join(dir, "sys.en"), filepath.Join(dir, "ref.en"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Hyp, Ref  string
		Lines     int
		BLEU      struct{ Line string } `json:"bleu"`
		ChrF      struct{ Line string } `json:"chrf"`
		Sentences []struct{ Line int }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.Lines != 2 || got.BLEU.Line+"\n" != scoreBLEULine || got.ChrF.Line+"\n" != scoreChrFLine ||
		len(got.Sentences) != 2 || got.Sentences[1].Line != 2 || got.Hyp != filepath.Join(dir, "sys.en") {
		t.Errorf("JSON: %s", out)
	}
}

func TestScoreCommandErrors(t *testing.T) {
	dir := scoreFiles(t, map[string]string{
		"sys.en": scoreHyp, "ref.en": scoreRef, "short.en": "M. Kim\n",
		"blank.en": "M. Kim\n\n", "empty.en": "",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"one file", []string{p("sys.en")}, 2, []string{"give REF too", "bitext: hint:"}},
		{"both stdin", []string{"-", "-"}, 2, []string{"only one of HYP and REF"}},
		{"line counts", []string{p("sys.en"), p("short.en")}, 1,
			[]string{p("sys.en"), "have 2 lines", p("short.en"), "have 1"}},
		{"empty reference line", []string{p("sys.en"), p("blank.en")}, 1, []string{p("blank.en") + ":2: empty reference line"}},
		{"empty file", []string{p("empty.en"), p("ref.en")}, 1, []string{p("empty.en") + ": file is empty"}},
		{"missing file", []string{p("absent.en"), p("ref.en")}, 1, []string{"absent.en"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runScoreCmd(t, "", tt.args...)
			if code != tt.code || out != "" {
				t.Errorf("exit %d (want %d), stdout %q", code, tt.code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q lacks %q", errOut, w)
				}
			}
		})
	}
}

// TestScoreCommandOfficialEval prints the official .eval file of
// ../shared (next to the module root) byte for byte.
func TestScoreCommandOfficialEval(t *testing.T) {
	eval := sharedtest.Path(t, "eval")
	want, err := os.ReadFile(filepath.Join(eval, "newssyscomb2009.opus-mt-fr-en.eval"))
	if err != nil {
		t.Skipf("skipping: shared eval data not present: %v", err)
	}
	code, out, errOut := runScoreCmd(t, "", filepath.Join(eval, "newssyscomb2009.opus-mt-fr-en.hyp.en"),
		filepath.Join(eval, "newssyscomb2009.en"))
	if code != 0 || out != string(want) {
		t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
}
