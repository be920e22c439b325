package tui

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/review"
	"github.com/charmbracelet/lipgloss"
)

// styles are the looks of the screen, made for its output's renderer.
type styles struct {
	title, label, faint, del, ins, warn lipgloss.Style
}

func newStyles(r *lipgloss.Renderer) styles {
	return styles{
		title: r.NewStyle().Bold(true).Reverse(true),
		label: r.NewStyle().Bold(true),
		faint: r.NewStyle().Faint(true),
		del:   r.NewStyle().Foreground(lipgloss.Color("1")).Strikethrough(true),
		ins:   r.NewStyle().Foreground(lipgloss.Color("2")).Underline(true),
		warn:  r.NewStyle().Foreground(lipgloss.Color("3")),
	}
}

// diffStyle marks changes with [-…-]{+…+} and colours, so that they read
// on any terminal.
func (s styles) diffStyle() review.Style {
	return review.Style{
		Del: func(t string) string { return s.del.Render("[-" + t + "-]") },
		Ins: func(t string) string { return s.ins.Render("{+" + t + "+}") },
	}
}

const keyLine = "a approve  e edit  E editor  r revert  t re-translate  n/p move  u undo  / search  ? help  q quit"

var helpText = []string{
	"a        approve the English as it is (saved at once)",
	"e        edit the English on one line; enter saves and approves, esc cancels",
	"E        edit the English in $EDITOR; saving approves",
	"r        revert to the machine draft",
	"t        re-translate with another backend (type its name)",
	"n / p    next / previous segment (also arrows, j / k)",
	"u        undo the last decision",
	"/        search the French and English",
	"?        show or hide this help",
	"q        quit: every decision is already saved",
}

// plainText is the text an editor starts an edit from.
func plainText(u *review.Unit) string { return u.PlainText() }

// View implements tea.Model.
func (m *model) View() string {
	w, h := max(m.width, 20), max(m.height, 8)
	lines := []string{m.header(w)}
	if m.help {
		for _, l := range helpText {
			lines = append(lines, wrap(l, w)...)
		}
	} else {
		lines = append(lines, m.body(w, h-4)...)
	}
	lines = fit(lines, h-3)
	for len(lines) < h-3 {
		lines = append(lines, "")
	}
	lines = append(lines, "", m.footer(w), m.st.faint.Render(truncate(keyLine, w)))
	return strings.Join(lines, "\n")
}

// header names the article, the place and the progress.
func (m *model) header(w int) string {
	it := m.current()
	state := strings.Join(it.u.Reasons(), ", ")
	if state == "" {
		state = "approved"
	}
	s := fmt.Sprintf(" %d/%d  %s  %s: %s  (%d pending) ", m.cur+1, len(m.items), it.a.Name(), it.u.Where(), state, m.pending())
	return m.st.title.Render(truncate(s, w))
}

// body shows the French, the machine draft and the English diff within n
// lines.
func (m *model) body(w, n int) []string {
	u := m.current().u
	ds := m.st.diffStyle()
	var out []string
	fr := u.Source()
	if u.OldSource != "" {
		fr = review.Render(review.WordDiff(u.OldSource, u.Source()), ds)
	}
	if !u.Orphan() {
		out = append(out, m.section("French", fr, w, max(n/4, 2))...)
		out = append(out, m.section("Machine ("+u.Backend+")", u.Draft, w, max(n/5, 1))...)
	}
	en := review.Render(review.WordDiff(u.Draft, u.Text), ds)
	if u.Orphan() {
		en = ds.Ins(u.Text)
	}
	out = append(out, m.section("English", en, w, max(n-len(out)-2-len(u.Problems), 2))...)
	for _, p := range u.Problems {
		out = append(out, m.st.warn.Render(truncate(p, w)))
	}
	return out
}

// section is a label line and text wrapped to w, at most n lines of it.
func (m *model) section(label, text string, w, n int) []string {
	lines := []string{m.st.label.Render(label)}
	if text == "" {
		text = m.st.faint.Render("(empty: deleted)")
	}
	return append(lines, fit(wrap(text, w-4), n)...)
}

// footer is the input line while one is open, else the status.
func (m *model) footer(w int) string {
	switch m.mode {
	case editing:
		return "edit: " + m.input.View()
	case searching:
		return "search: " + m.input.View()
	case choosing:
		return truncate("backend ("+strings.Join(m.opts.Backends, ", ")+"): ", w/2) + m.input.View()
	}
	if m.pending() == 0 {
		return truncate("All segments approved. "+m.status+" Press q to quit.", w)
	}
	return truncate(m.status, w)
}

// wrap breaks text to width w, indenting by two spaces.
func wrap(text string, w int) []string {
	out := lipgloss.NewStyle().Width(max(w, 10)).Render(text)
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = "  " + strings.TrimRight(l, " ")
	}
	return lines
}

// fit keeps at most n lines, marking a cut with "…".
func fit(lines []string, n int) []string {
	if n <= 0 || len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	out[n-1] += " …"
	return out
}

// truncate cuts s to w cells.
func truncate(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && lipgloss.Width(string(r))+1 > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
