package glossary_test

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/sharedtest"
	"github.com/bitext/bitext/internal/termcheck"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/apertium"
	"github.com/bitext/bitext/translate/marian"
	"github.com/bitext/bitext/translate/translatetest"
)

// englishScore is how a backend's English reads around the terms of a
// glossary: terms kept, and broken forms by kind.
type englishScore struct {
	segments, terms, right int
	// lost are the targets of the terms missing from the English.
	lost   []string
	broken map[string][]string
}

func (s englishScore) brokenCount() int {
	n := 0
	for _, ms := range s.broken {
		n += len(ms)
	}
	return n
}

func (s englishScore) String() string {
	var kinds []string
	for k, ms := range s.broken {
		kinds = append(kinds, fmt.Sprintf("%s: %q", k, ms[:min(len(ms), 3)]))
	}
	sort.Strings(kinds)
	return fmt.Sprintf("%d segments, %d of %d terms right, %d broken forms %v", s.segments, s.right, s.terms, s.brokenCount(), kinds)
}

// translateArticles translates the glossary test articles (text and
// Markdown) through a backend as bitext does (translate.Pipeline with the
// glossary's Shield) and scores the English.
func translateArticles(t *testing.T, b translate.Backend, g *glossary.Glossary) englishScore {
	t.Helper()
	files, _ := filepath.Glob("testdata/articles/*.fr.*")
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", Protector: glossary.Shield{Glossary: g}}
	sc := englishScore{broken: map[string][]string{}}
	for _, f := range files {
		doc, err := readArticle(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Translate(t.Context(), doc); err != nil {
			t.Fatalf("%s: %s: %v", b.Name(), f, err)
		}
		for _, bl := range doc.Blocks {
			for _, seg := range bl.Segments {
				sc.add(g, seg)
			}
		}
	}
	return sc
}

func (s *englishScore) add(g *glossary.Glossary, seg translate.Segment) {
	s.segments++
	n := len(g.Find(seg.Source, seg.Markup))
	s.terms += n
	vs := g.Check(seg.Source, seg.Target, seg.Markup)
	s.right += n - len(vs)
	for _, v := range vs {
		s.lost = append(s.lost, v.Target)
	}
	for k, ms := range termcheck.Find(seg.Source, seg.Target) {
		s.broken[k] = append(s.broken[k], ms...)
	}
}

// plainFake is the fake without HTML, as marian (and any plain-text
// engine) is: the pipeline sends the text with the targets in place.
func plainFake() *translatetest.Fake {
	f := translatetest.NewFake()
	f.SetCapabilities(translate.Capabilities{})
	return f
}

// nativeFake is the fake with a native glossary (as DeepL and Google v3
// take one), given the glossary's pairs as bitext uploads them.
func nativeFake(t *testing.T, g *glossary.Glossary) translate.Backend {
	f := translatetest.NewGlossaryFake()
	if err := f.UseGlossary(context.Background(), "fr", "en", g.Pairs()); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestEnglishAroundTermsOnFakes records, for each way a backend receives
// terms, how the English reads around them with the plain desk glossary
// and its semicolon twin: every term kept, no broken form. The fakes
// translate word for word and keep French word order, as the wire fakes
// of Google, DeepL, LibreTranslate and the OpenAI-compatible backend do,
// so they leave every grammar fix to bitext. A plain-text engine sees the
// targets as words of the sentence and may translate them: the fake turns
// "Agence France-Presse" into "Agency France-Presse", the one loss
// allowed.
func TestEnglishAroundTermsOnFakes(t *testing.T) {
	for _, file := range []string{"testdata/desk.csv", "testdata/desk-semicolon.csv"} {
		g, err := glossary.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		backends := []struct {
			name string
			b    translate.Backend
		}{
			{"spans (Google, DeepL, LibreTranslate, openai)", translatetest.NewFake()},
			{"plain text (marian)", plainFake()},
			{"spans and a native glossary (DeepL, Google v3)", nativeFake(t, g)},
		}
		for _, be := range backends {
			sc := translateArticles(t, be.b, g)
			t.Logf("%s, %s: %v", filepath.Base(file), be.name, sc)
			for _, l := range sc.lost {
				if l != "Agence France-Presse" || be.name != "plain text (marian)" {
					t.Errorf("%s, %s: %q lost", filepath.Base(file), be.name, l)
				}
			}
			if sc.brokenCount() > 0 {
				t.Errorf("%s, %s: %v", filepath.Base(file), be.name, sc.broken)
			}
		}
	}
}

// TestEnglishAroundTermsApertium does the same through the real Apertium
// (stand-ins of the part of speech each term plays), with the sample
// glossary (explicit columns) too.
func TestEnglishAroundTermsApertium(t *testing.T) {
	b := realApertium(t)
	for _, file := range []string{"testdata/desk.csv", "testdata/desk-semicolon.csv", "../samples/glossary.csv"} {
		g, err := glossary.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := translateArticles(t, b, g)
		t.Logf("%s, apertium: %v", filepath.Base(file), sc)
		// The sample glossary has no entry for "chinois": Apertium's own
		// "business Chinese" is not bitext's to fix.
		if sc.right != sc.terms || sc.brokenCount() > 0 && !strings.HasPrefix(file, "../samples") {
			t.Errorf("%s, apertium: %v", filepath.Base(file), sc)
		}
	}
}

// realApertium starts the Apertium backend for a test, or skips it.
func realApertium(t *testing.T) *apertium.Backend {
	t.Helper()
	if testing.Short() {
		t.Skip("runs Apertium")
	}
	if _, err := exec.LookPath("apertium"); err != nil {
		t.Skip("apertium is not installed")
	}
	b, err := apertium.New(t.Context(), apertium.Config{Workers: 1})
	if err != nil {
		t.Skipf("apertium: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// TestEnglishAroundTermsMarianTiny runs the real marian engine on the
// shared tiny model, a random-ish network: only the mechanics are judged
// (every segment comes back, nothing panics, and terms the model happens
// to keep are restored). Its scores are logged, not asserted.
func TestEnglishAroundTermsMarianTiny(t *testing.T) {
	if testing.Short() {
		t.Skip("runs marian")
	}
	dir, err := sharedtest.Find()
	if err != nil {
		t.Skipf("../shared is absent: %v", err)
	}
	b, err := marian.New(t.Context(), filepath.Join(dir, "nmt", "opus-mt-tiny"), marian.Options{MaxLength: 64})
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Load("testdata/desk.csv")
	if err != nil {
		t.Fatal(err)
	}
	sc := translateArticles(t, b, g)
	t.Logf("desk.csv, marian (opus-mt-tiny): %v", sc)
	if sc.segments == 0 {
		t.Error("no segment translated")
	}
	if strings.Contains(fmt.Sprint(sc.broken), "\uE000") {
		t.Error("a placeholder leaked")
	}
}
