package tui

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/review"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// styles are the looks of the screen, made for its output's renderer.
type styles struct {
	title, label, faint, warn lipgloss.Style
	// profile renders the diff's pieces, whole (lipgloss styles
	// underlined text rune by rune).
	profile termenv.Profile
}

func newStyles(r *lipgloss.Renderer) styles {
	return styles{
		title:   r.NewStyle().Bold(true).Reverse(true),
		label:   r.NewStyle().Bold(true),
		faint:   r.NewStyle().Faint(true),
		warn:    r.NewStyle().Foreground(lipgloss.Color("3")),
		profile: r.ColorProfile(),
	}
}

// diffStyle marks changes with [-…-]{+…+} and colours, so that they read
// on any terminal, and shows inline markup as terminal attributes:
// emphasis italic, strong emphasis bold, links and code underlined.
func (s styles) diffStyle() review.Style {
	return review.Style{
		Del: func(t string) string { return "[-" + t + "-]" },
		Ins: func(t string) string { return "{+" + t + "+}" },
		Paint: func(t string, op review.Op, l review.Look) string {
			colour := ""
			switch op {
			case review.Delete:
				t, colour = "[-"+t+"-]", "1"
			case review.Insert:
				t, colour = "{+"+t+"+}", "2"
			}
			if l == 0 && op == review.Equal {
				return t
			}
			st := s.profile.String(t)
			if colour != "" {
				st = st.Foreground(s.profile.Color(colour))
			}
			if l&review.Italic != 0 {
				st = st.Italic()
			}
			if l&review.Bold != 0 {
				st = st.Bold()
			}
			if l&review.Strike != 0 || op == review.Delete {
				st = st.CrossOut()
			}
			if l&(review.Link|review.Code) != 0 || op == review.Insert {
				st = st.Underline()
			}
			return st.String()
		},
	}
}

// keyLine fits 80 columns; ? lists the other keys (n/p, /).
const keyLine = "a approve  e edit  E editor  r revert  t re-translate  u undo  ? help  q quit"

var helpText = []string{
	"a        approve the English as it is (saved at once)",
	"e        edit the English on one line; enter saves and approves, esc cancels",
	"E        edit the English in $EDITOR; saving approves",
	"r        revert to the machine draft",
	"t        re-translate: pick a configured backend (arrows, type to filter)",
	"n / p    next / previous segment (also arrows, j / k)",
	"u        undo the last decision (the count of decisions goes down)",
	"/        search the French and English",
	"?        show or hide this help",
	"q        quit: every decision is already saved",
}

// View implements tea.Model.
func (m *model) View() string {
	w, h := max(m.width, 20), max(m.height, 8)
	lines := []string{m.header(w)}
	switch {
	case m.help:
		for _, l := range helpText {
			lines = append(lines, wrap(l, w)...)
		}
	case m.mode == choosing:
		lines = append(lines, m.pickerView(w, h-4)...)
	default:
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
	state := strings.Join(it.Unit.Reasons(), ", ")
	if state == "" {
		state = "approved"
	}
	s := fmt.Sprintf(" %d/%d  %s  %s: %s  (%d pending) ", m.cur+1, len(m.items), it.Article.Name(), it.Unit.Where(), state, m.pending())
	return m.st.title.Render(truncate(s, w))
}

// body shows the unit's parts (the French, the English approved for an
// earlier French, the machine draft, the English diff) and its problems
// within n lines, the English getting the lines the others leave.
func (m *model) body(w, n int) []string {
	u := m.current().Unit
	parts := u.Parts(m.st.diffStyle(), true)
	var out []string
	for _, p := range parts[:len(parts)-1] {
		limit := max(n/5, 1)
		if p.Key == "fr" {
			limit = max(n/4, 2)
		}
		out = append(out, m.section(p.Title, p.Text, w, limit)...)
	}
	en := parts[len(parts)-1]
	out = append(out, m.section(en.Title, en.Text, w, max(n-len(out)-2-len(u.Problems), 2))...)
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
		return truncate("re-translate: pick a backend, enter to translate, esc to cancel", w)
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
