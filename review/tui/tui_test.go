package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestScreenFirst(t *testing.T) {
	s := newScreen(t)
	text := s.golden("first")
	for _, want := range []string{"1/4", "sommet.en.md", "French", "Sommet à Séoul", "Machine (apertium)", "English", "(4 pending)", "a approve"} {
		if !strings.Contains(text, want) {
			t.Errorf("first screen lacks %q", want)
		}
	}
}

// The link shows as its text, underlined; the emphasis in italic.
func TestScreenMarkup(t *testing.T) {
	s := newScreen(t)
	s.press("n")
	text := s.golden("markup")
	if !strings.Contains(text, "According to the Yonhap agency, Mr Kim's visit is a historic step.") {
		t.Errorf("markup screen lacks the English as read:\n%s", text)
	}
	raw := s.m.View()
	for _, want := range []string{"\x1b[4mYonhap\x1b[0m", "\x1b[3mhistoric step\x1b[0m", "\x1b[3métape historique\x1b[0m"} {
		if !strings.Contains(raw, want) {
			t.Errorf("markup screen lacks %q", want)
		}
	}
}

// An inline edit starts from the text in Markdown (so that the emphasis
// and the link survive it), saves and approves; the diff then shows it.
func TestScreenEditAndDiff(t *testing.T) {
	s := newScreen(t)
	s.press("n", "e")
	text := s.golden("edit")
	if v := s.m.input.Value(); v != "According to the [Yonhap](https://www.yna.co.kr/) agency, Mr Kim's visit is a *historic step*." {
		t.Errorf("edit line does not start from the Markdown: %q", v)
	}
	if !strings.Contains(text, "edit: ") || !strings.Contains(text, "*historic step*.") {
		t.Errorf("edit screen:\n%s", text)
	}
	s.press("ctrl+u", "According to the [Yonhap](https://www.yna.co.kr/) agency, Mr Kim's visit is a *decisive step*.", "enter")
	u := s.s.Items()[1].Unit
	if want := `According to the <a href="https://www.yna.co.kr/">Yonhap</a> agency, Mr Kim's visit is a <em>decisive step</em>.`; u.Text != want || u.Pending() {
		t.Errorf("after the edit: %q pending=%v, want %q approved", u.Text, u.Pending(), want)
	}
	if !strings.Contains(ansiText(s), "paragraph 2, sentence 1: edited and approved (saved)") {
		t.Errorf("no status after the edit:\n%s", ansiText(s))
	}
	s.press("p")
	text = s.golden("diff")
	if !strings.Contains(text, "[-historic-]{+decisive+}") || !strings.Contains(text, "2/4") {
		t.Errorf("diff screen:\n%s", text)
	}
}

// When the French changed since the editor approved an English for it,
// that English shows, as in the plain review's "was:".
func TestScreenChangedFrench(t *testing.T) {
	s := newScreen(t)
	s.press("n", "n")
	text := s.golden("changed")
	for _, want := range []string{"French changed", "French (changed)", "[-vendredi-]{+samedi+}",
		"Approved for the earlier French", "On Friday the president announced a €3bn agreement."} {
		if !strings.Contains(text, want) {
			t.Errorf("changed-French screen lacks %q:\n%s", want, text)
		}
	}
}

func TestScreenHelp(t *testing.T) {
	s := newScreen(t)
	s.press("?")
	text := s.golden("help")
	if !strings.Contains(text, "undo the last decision") || strings.Contains(text, "Machine (apertium)") {
		t.Errorf("help screen:\n%s", text)
	}
	s.press("?")
	if strings.Contains(s.m.View(), "undo the last decision") {
		t.Error("? does not hide the help")
	}
}

// t opens the list of configured backends; typing filters it, arrows
// move, enter re-translates with the backend picked, not a name typed
// after the current one.
func TestScreenRetranslatePicker(t *testing.T) {
	s := newScreen(t)
	s.press("t")
	text := s.golden("picker")
	for _, b := range testBackends(context.Background()) {
		if !strings.Contains(text, b.Name) {
			t.Errorf("picker lacks %s:\n%s", b.Name, text)
		}
	}
	s.press("l")
	text = s.golden("picker-filtered")
	if strings.Contains(text, "apertium") || !strings.Contains(text, "> deepl") || !strings.Contains(text, "libretranslate") {
		t.Errorf("filter l:\n%s", text)
	}
	s.press("down", "down", "down", "enter")
	u := s.s.Items()[0].Unit
	if u.Backend != "libretranslate" || u.Text != "libretranslate: Summit in Seoul" {
		t.Errorf("re-translated unit: backend %q, text %q", u.Backend, u.Text)
	}
	s.press("t", "xyz")
	if !strings.Contains(ansiText(s), `no configured backend matches "xyz"`) {
		t.Errorf("no match not said:\n%s", ansiText(s))
	}
	s.press("esc")
	if s.m.mode != normal || !strings.Contains(ansiText(s), "cancelled") {
		t.Errorf("esc does not close the picker:\n%s", ansiText(s))
	}
}

// Four decisions and one undo leave three; the screen says when all are
// approved, and q quits.
func TestScreenQuitCountsUndo(t *testing.T) {
	s := newScreen(t)
	s.press("a", "a", "a", "a")
	if s.s.Decisions() != 4 {
		t.Fatalf("%d decisions after 4", s.s.Decisions())
	}
	text := s.golden("all-approved")
	if !strings.Contains(text, "All segments approved.") {
		t.Errorf("all-approved screen:\n%s", text)
	}
	s.press("u")
	if s.s.Decisions() != 3 || s.m.pending() != 1 || !strings.Contains(ansiText(s), "undone: paragraph 4, sentence 1") {
		t.Errorf("after undo: %d decisions, %d pending:\n%s", s.s.Decisions(), s.m.pending(), ansiText(s))
	}
	s.press("q")
	if !s.quit {
		t.Error("q does not quit")
	}
	if text := s.golden("quit"); !strings.Contains(text, "quitting: 3 decisions saved, 1 segment pending") {
		t.Errorf("quit screen:\n%s", text)
	}
}

func ansiText(s *screen) string { return stripANSI(s.m.View()) }

// Keys typed while the configured backends are being found filter the
// list; they never run commands (e would otherwise open an edit).
func TestPickerTypedWhileLoading(t *testing.T) {
	s := newScreen(t)
	_, load := s.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("t")})
	s.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("de")})
	if s.m.mode != choosing || !strings.Contains(ansiText(s), "finding the configured backends") {
		t.Fatalf("while loading: mode %d\n%s", s.m.mode, ansiText(s))
	}
	s.run(load)
	shown := s.m.picker.shown()
	if s.m.mode != choosing || len(shown) != 1 || shown[0].Name != "deepl" {
		t.Errorf("after loading: mode %d, shown %+v", s.m.mode, shown)
	}
	s.press("enter")
	if u := s.s.Items()[0].Unit; u.Backend != "deepl" {
		t.Errorf("re-translated with %q, want deepl", u.Backend)
	}
}
