package tui

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/translate"
	"github.com/charmbracelet/bubbles/cursor"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata")

// screen drives the review model as Bubble Tea would, on a fixed 80×24
// terminal with 16 colours, running the commands keys return.
type screen struct {
	t    *testing.T
	dir  string // testdata, where the golden screens are
	m    *model
	s    *review.Session
	quit bool
}

// The article under review: a Markdown dispatch whose second paragraph
// has a link and emphasis, and whose third paragraph's French changed
// since the editor approved an English for it.
var screenArticle = []struct{ fr, en string }{
	{"Sommet à Séoul", "Summit in Seoul"},
	{`Selon l'agence <a href="https://www.yna.co.kr/">Yonhap</a>, la visite de M. Kim est une <em>étape historique</em>.`,
		`According to the <a href="https://www.yna.co.kr/">Yonhap</a> agency, Mr Kim's visit is a <em>historic step</em>.`},
	{"Le président a annoncé samedi un accord de 3 milliards d'euros.", "The president announced an agreement of 3 billion euros Saturday."},
	{"La réunion doit reprendre jeudi.", "The meeting is due to resume on Thursday."},
}

func newScreen(t *testing.T) *screen {
	t.Helper()
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	doc := &translate.Document{Path: "sommet.fr.md", Format: translate.FormatMarkdown}
	for i, p := range screenArticle {
		b := translate.Block{Kind: translate.Paragraph, Line: 2*i + 1}
		if i == 0 {
			b.Kind, b.Level = translate.Heading, 1
		}
		b.Segments = []translate.Segment{{Source: p.fr, Target: p.en, Line: 2*i + 1, Backend: "apertium", Markup: i == 1}}
		doc.Blocks = append(doc.Blocks, b)
	}
	var work bytes.Buffer
	if err := translate.Write(&work, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("sommet.en.md", work.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	store := review.NewMemStore()
	ctx := context.Background()
	old := review.Key{From: "fr", To: "en", Source: "Le président a annoncé vendredi un accord de 3 milliards d'euros.", At: memory.Occurrence{Pos: 1}}
	if err := store.Approve(ctx, old, review.Approval{Text: "On Friday the president announced a €3bn agreement.", By: "claire"}); err != nil {
		t.Fatal(err)
	}
	a, err := review.Open(ctx, "sommet.en.md", doc, review.Options{Store: store, By: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	s := review.NewSession([]*review.Article{a})
	m := newModel(ctx, s, Options{Backends: testBackends, Retranslate: testRetranslate, ParseEdit: review.ParseEdit}, r)
	m.input.Cursor.SetMode(cursor.CursorStatic)
	sc := &screen{t: t, dir: dir, m: m, s: s}
	sc.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return sc
}

func testBackends(context.Context) []Backend {
	return []Backend{{"apertium", "current, local, Apertium rules"}, {"deepl", "remote, DeepL API"},
		{"google", "remote, Google Cloud Translation"}, {"libretranslate", "remote, LibreTranslate"}}
}

func testRetranslate(_ context.Context, backend string, u *review.Unit) (string, error) {
	return backend + ": " + u.Draft, nil
}

// send hands msg to the model and runs the commands it returns.
func (s *screen) send(msg tea.Msg) {
	_, cmd := s.m.Update(msg)
	s.run(cmd)
}

func (s *screen) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			s.run(c)
		}
	case tea.QuitMsg:
		s.quit = true
	case nil:
	default:
		s.send(msg)
	}
}

// press sends keys: names such as "enter", "esc", "down", "ctrl+u",
// "backspace", or text typed.
func (s *screen) press(keys ...string) {
	names := map[string]tea.KeyType{"enter": tea.KeyEnter, "esc": tea.KeyEsc, "down": tea.KeyDown, "up": tea.KeyUp,
		"ctrl+u": tea.KeyCtrlU, "backspace": tea.KeyBackspace}
	for _, k := range keys {
		if kt, ok := names[k]; ok {
			s.send(tea.KeyMsg{Type: kt})
			continue
		}
		for _, r := range k {
			s.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
}

// golden compares the screen with testdata/NAME.golden (rewritten with
// -update) and returns its text without escape codes.
func (s *screen) golden(name string) string {
	s.t.Helper()
	got := s.m.View()
	path := filepath.Join(s.dir, name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			s.t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		s.t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		s.t.Errorf("screen %s differs from %s (go test -update rewrites it); got:\n%s\nwant:\n%s", name, path, got, want)
	}
	text := ansi.Strip(got)
	lines := strings.Split(text, "\n")
	if len(lines) != 24 {
		s.t.Errorf("screen %s has %d lines, want 24", name, len(lines))
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			s.t.Errorf("screen %s: line of %d cells: %q", name, w, l)
		}
	}
	if strings.Contains(text, "<em>") || strings.Contains(text, "<a ") || strings.Contains(text, "</") {
		s.t.Errorf("screen %s shows tags:\n%s", name, text)
	}
	return text
}

func stripANSI(s string) string { return ansi.Strip(s) }
