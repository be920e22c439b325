package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// picker is the list t opens: the configured backends, filtered by what
// the user types, one of them highlighted.
type picker struct {
	all    []Backend
	filter string
	cur    int // index in shown()
	// loading is set while the configured backends are being found.
	loading bool
}

// shown returns the backends whose name contains the filter.
func (p picker) shown() []Backend {
	f := strings.ToLower(p.filter)
	var out []Backend
	for _, b := range p.all {
		if strings.Contains(strings.ToLower(b.Name), f) {
			out = append(out, b)
		}
	}
	return out
}

// pickDone says what a key did to the list.
type pickDone int

const (
	picking   pickDone = iota // still choosing
	picked                    // enter on a backend
	cancelled                 // esc
)

// update applies a key and says whether the choice is made, and which.
func (p *picker) update(k tea.KeyMsg) (pickDone, Backend) {
	shown := p.shown()
	switch k.Type {
	case tea.KeyEsc:
		return cancelled, Backend{}
	case tea.KeyEnter:
		if p.loading || len(shown) == 0 {
			return picking, Backend{}
		}
		return picked, shown[p.cur]
	case tea.KeyUp, tea.KeyCtrlP, tea.KeyShiftTab:
		p.cur = max(p.cur-1, 0)
	case tea.KeyDown, tea.KeyCtrlN, tea.KeyTab:
		p.cur = min(p.cur+1, max(len(shown)-1, 0))
	case tea.KeyBackspace, tea.KeyCtrlH:
		if r := []rune(p.filter); len(r) > 0 {
			p.filter, p.cur = string(r[:len(r)-1]), 0
		}
	case tea.KeyRunes:
		p.filter, p.cur = p.filter+string(k.Runes), 0
	case tea.KeySpace:
		p.filter, p.cur = p.filter+" ", 0
	}
	return picking, Backend{}
}

// view draws the list within n lines of width w.
func (m *model) pickerView(w, n int) []string {
	p := m.picker
	lines := []string{m.st.label.Render("Re-translate with") + "  " + m.st.faint.Render("↑/↓ choose, type to filter, enter translates, esc cancels"),
		"  filter: " + p.filter + "▏"}
	shown := p.shown()
	switch {
	case p.loading:
		return append(lines, m.st.faint.Render("  finding the configured backends…"))
	case len(shown) == 0:
		return append(lines, m.st.warn.Render("  no configured backend matches "+quote(p.filter)))
	}
	first := max(0, min(p.cur-(n-3), len(shown)-(n-2)))
	for i := first; i < len(shown) && len(lines) < n; i++ {
		text := truncate(shown[i].Name+"  "+shown[i].Detail, w-4)
		if i == p.cur {
			lines = append(lines, "  "+m.st.title.Render("> "+text))
		} else {
			lines = append(lines, "    "+text)
		}
	}
	return lines
}

func quote(s string) string { return "\"" + s + "\"" }
