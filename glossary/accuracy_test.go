package glossary

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/sharedtest"
)

// article is one test article: its name and its segments (one per line).
type article struct {
	name     string
	segments []string
}

func readArticles(t *testing.T, patterns ...string) []article {
	t.Helper()
	var out []article
	for _, pat := range patterns {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := article{name: filepath.Base(f)}
			for _, line := range strings.Split(string(data), "\n") {
				if line = strings.TrimSpace(line); line != "" {
					a.segments = append(a.segments, line)
				}
			}
			out = append(out, a)
		}
	}
	return out
}

// apertiumHTML translates HTML segments French → Spanish → English the way
// the Apertium backend does: translate="no" spans become
// <apertium-notrans>, which Apertium's HTML mode leaves untouched.
func apertiumHTML(ctx context.Context, segs []string) ([]string, error) {
	var in strings.Builder
	for _, s := range segs {
		s = strings.ReplaceAll(s, spanOpen, "<apertium-notrans>")
		s = strings.ReplaceAll(s, spanClose, "</apertium-notrans>")
		in.WriteString("<p>" + s + "</p>\n")
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", "apertium -u -f html fr-es | apertium -u -f html spa-eng")
	cmd.Stdin = strings.NewReader(in.String())
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return nil, err
	}
	var res []string
	for _, m := range regexp.MustCompile(`(?s)<p>(.*?)</p>`).FindAllStringSubmatch(out.String(), -1) {
		s := strings.ReplaceAll(m[1], "<apertium-notrans>", spanOpen)
		res = append(res, strings.ReplaceAll(s, "</apertium-notrans>", spanClose))
	}
	return res, nil
}

// termAccuracy translates articles with and without the glossary (all
// segments in one Apertium run each, to start the pipeline only twice) and
// returns the share of source terms whose target is in the output, and the
// violations left with the glossary.
func termAccuracy(t *testing.T, g *Glossary, arts []article) (without, with float64, left []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var src, plain, protText []string
	var prot []Protected
	for _, a := range arts {
		for _, s := range a.segments {
			p := g.Protect(s, false)
			src, prot = append(src, s), append(prot, p)
			plain = append(plain, escapeText(s))
			if !p.HTML {
				p.Text = escapeText(s)
			}
			protText = append(protText, p.Text)
		}
	}
	outPlain, err1 := apertiumHTML(ctx, plain)
	outGloss, err2 := apertiumHTML(ctx, protText)
	if err1 != nil || err2 != nil || len(outPlain) != len(src) || len(outGloss) != len(src) {
		t.Skipf("apertium fr-es/spa-eng did not run (%v, %v)", err1, err2)
	}
	var terms, missPlain, missGloss int
	for i, s := range src {
		terms += len(g.Check(s, "", false))
		missPlain += len(g.Check(s, html.UnescapeString(outPlain[i]), false))
		got := html.UnescapeString(outGloss[i])
		if prot[i].HTML {
			got = g.Restore(prot[i], outGloss[i], false)
		}
		for _, v := range g.Check(s, got, false) {
			missGloss++
			left = append(left, v.String()+" in "+got)
		}
	}
	if terms == 0 {
		t.Skip("no glossary term in the articles")
	}
	t.Logf("%d terms in %d segments of %d articles", terms, len(src), len(arts))
	return 1 - float64(missPlain)/float64(terms), 1 - float64(missGloss)/float64(terms), left
}

// TestTermAccuracyApertium measures term accuracy through Apertium on the
// package's test articles and the samples (and the shared seed article
// when present), with and without samples/glossary.csv: every term must
// come out right with the glossary.
func TestTermAccuracyApertium(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Apertium")
	}
	if _, err := exec.LookPath("apertium"); err != nil {
		t.Skip("apertium is not installed")
	}
	g, err := Load("../samples/glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	pats := []string{"testdata/articles/*.fr.txt", "../samples/*.fr.txt"}
	if sh, err := sharedtest.Find(); err == nil {
		pats = append(pats, filepath.Join(sh, "seed", "*.fr.txt"))
	}
	without, with, left := termAccuracy(t, g, readArticles(t, pats...))
	t.Logf("apertium term accuracy: %.1f%% without the glossary, %.1f%% with it", 100*without, 100*with)
	for _, l := range left {
		t.Errorf("with the glossary: %s", l)
	}
}
