package tui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/bitext/bitext/review"
	tea "github.com/charmbracelet/bubbletea"
)

// retranslatedMsg carries a re-translation back to Update.
type retranslatedMsg struct {
	it      item
	backend string
	text    string
	err     error
}

// backendsMsg carries the list of configured backends back to Update.
type backendsMsg []Backend

// editedMsg carries the text written in $EDITOR back to Update.
type editedMsg struct {
	it   item
	text string
	err  error
}

// Update implements tea.Model.
func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.input.Width = max(msg.Width-12, 10)
		return m, nil
	case retranslatedMsg:
		m.applyRetranslation(msg)
		return m, nil
	case backendsMsg:
		m.backends = msg
		if m.mode == choosing {
			return m, m.openPicker()
		}
		return m, nil
	case editedMsg:
		m.applyEdit(msg.it, msg.text, msg.err)
		return m, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyCtrlC {
			return m, tea.Quit
		}
		if m.mode != normal {
			return m.updateInput(msg)
		}
		return m.updateNormal(msg)
	}
	return m, nil
}

// updateNormal handles the single-key commands. Keys typed faster than
// the screen reads them arrive together; they are run one by one, and
// those after a key that opens the input line go into it.
func (m *model) updateNormal(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste {
		var cmds []tea.Cmd
		for i, r := range k.Runes {
			if m.mode != normal {
				_, cmd := m.updateInput(tea.KeyMsg{Type: tea.KeyRunes, Runes: k.Runes[i:]})
				return m, tea.Batch(append(cmds, cmd)...)
			}
			_, cmd := m.updateNormal(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			cmds = append(cmds, cmd)
			if r == 'q' {
				break
			}
		}
		return m, tea.Batch(cmds...)
	}
	m.status = ""
	switch k.String() {
	case "q", "esc":
		m.status = "quitting: " + plural(m.session.Decisions(), "decision") + " saved, " + plural(m.pending(), "segment") + " pending"
		return m, tea.Quit
	case "a":
		m.approve()
	case "e":
		return m, m.startInput(editing, m.current().Unit.EditText())
	case "E":
		return m, m.editExternal()
	case "r":
		m.revert()
	case "t":
		return m, m.startRetranslate()
	case "n", "down", "right", "j":
		m.cur = min(m.cur+1, len(m.items)-1)
	case "p", "up", "left", "k":
		m.cur = max(m.cur-1, 0)
	case "u":
		m.undo()
	case "/":
		return m, m.startInput(searching, "")
	case "?":
		m.help = !m.help
	}
	return m, nil
}

// startInput opens the input line in mode md with an initial value.
func (m *model) startInput(md mode, value string) tea.Cmd {
	m.mode = md
	m.input.SetValue(value)
	m.input.CursorEnd()
	return m.input.Focus()
}

// updateInput handles keys while the input line or the picker is open.
func (m *model) updateInput(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.mode == choosing {
		return m, m.updatePicker(k)
	}
	switch k.Type {
	case tea.KeyEsc:
		m.mode = normal
		m.input.Blur()
		m.status = "cancelled"
		return m, nil
	case tea.KeyEnter:
		md, value := m.mode, m.input.Value()
		m.mode = normal
		m.input.Blur()
		return m, m.submit(md, value)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(k)
	return m, cmd
}

// submit runs the command whose input line was confirmed.
func (m *model) submit(md mode, value string) tea.Cmd {
	switch md {
	case editing:
		m.applyEdit(m.current(), value, nil)
	case searching:
		m.search(value)
	}
	return nil
}

// updatePicker handles keys while the backend list is open.
func (m *model) updatePicker(k tea.KeyMsg) tea.Cmd {
	done, b := m.picker.update(k)
	switch done {
	case cancelled:
		m.mode, m.status = normal, "cancelled"
	case picked:
		m.mode = normal
		return m.retranslate(b.Name)
	}
	return nil
}

// approve saves the current text as approved, then moves on.
func (m *model) approve() {
	it := m.current()
	if err := m.session.Approve(m.ctx, it); err != nil {
		m.status = "not approved: " + err.Error()
		return
	}
	m.decided(it, "approved")
}

// decided reports a saved decision and moves to the next pending item.
func (m *model) decided(it item, what string) {
	m.status = fmt.Sprintf("%s: %s (saved)", it.Unit.Where(), what)
	m.nextPending()
}

// applyEdit replaces the text with an edit and approves it.
func (m *model) applyEdit(it item, text string, err error) {
	if err != nil {
		m.status = "edit failed: " + err.Error()
		return
	}
	text = strings.TrimSpace(text)
	if text == strings.TrimSpace(it.Unit.EditText()) {
		m.status = "unchanged"
		return
	}
	if m.opts.ParseEdit != nil {
		text = m.opts.ParseEdit(it.Unit, text)
	}
	if err := m.session.Edit(m.ctx, it, text); err != nil {
		m.status = "not saved: " + err.Error()
		return
	}
	m.decided(it, "edited and approved")
}

// revert puts the machine draft back; the unit stays on screen.
func (m *model) revert() {
	if err := m.session.Revert(m.ctx, m.current()); err != nil {
		m.status = "not reverted: " + err.Error()
		return
	}
	m.status = "reverted to the machine draft (saved)"
}

// undo takes back the last decision and shows its unit.
func (m *model) undo() {
	it, err := m.session.Undo(m.ctx)
	switch {
	case errors.Is(err, review.ErrNothingToUndo):
		m.status = err.Error()
		return
	case err != nil:
		m.status = "undo failed: " + err.Error()
		return
	}
	if i := m.session.Index(it.Unit); i >= 0 {
		m.cur = i
	}
	m.status = "undone: " + it.Unit.Where()
}

// search moves to the next item whose French or English contains query.
func (m *model) search(query string) {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return
	}
	for i := 1; i <= len(m.items); i++ {
		j := (m.cur + i) % len(m.items)
		u := m.items[j].Unit
		if strings.Contains(strings.ToLower(searchText(u)), q) {
			m.cur = j
			m.status = fmt.Sprintf("found %q", query)
			return
		}
	}
	m.status = fmt.Sprintf("%q not found", query)
}

// searchText is what search looks through: the French, the English and
// the draft as the editor reads them.
func searchText(u *review.Unit) string {
	var b strings.Builder
	for _, t := range []string{u.Source(), u.Text, u.Draft} {
		for _, r := range review.Runs(t, u.Markup) {
			b.WriteString(r.Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// startRetranslate opens the list of backends.
func (m *model) startRetranslate() tea.Cmd {
	if m.current().Unit.Orphan() {
		m.status = "this paragraph has no French to translate"
		return nil
	}
	if m.opts.Retranslate == nil || m.opts.Backends == nil {
		m.status = "re-translation is not available"
		return nil
	}
	// The list opens at once, so that keys typed while the backends are
	// found filter it rather than run commands.
	m.mode, m.picker = choosing, picker{loading: m.backends == nil}
	if m.backends == nil {
		ctx, f := m.ctx, m.opts.Backends
		return func() tea.Msg { return backendsMsg(f(ctx)) }
	}
	return m.openPicker()
}

// openPicker fills the open list with the backends found, keeping what
// was typed; with none, it closes and says so.
func (m *model) openPicker() tea.Cmd {
	if len(m.backends) == 0 {
		m.mode, m.status = normal, "re-translation is not available: no backend is configured"
		return nil
	}
	m.picker = picker{all: m.backends, filter: m.picker.filter}
	m.status = ""
	return nil
}

// retranslate runs the backend in the background.
func (m *model) retranslate(backend string) tea.Cmd {
	it := m.current()
	m.status = "translating with " + backend + "…"
	ctx, f := m.ctx, m.opts.Retranslate
	return func() tea.Msg {
		text, err := f(ctx, backend, it.Unit)
		return retranslatedMsg{it: it, backend: backend, text: text, err: err}
	}
}

func (m *model) applyRetranslation(msg retranslatedMsg) {
	if msg.err != nil {
		m.status = "re-translation failed: " + msg.err.Error()
		return
	}
	if err := m.session.Retranslated(m.ctx, msg.it, msg.text, msg.backend); err != nil {
		m.status = "not saved: " + err.Error()
		return
	}
	m.status = "re-translated with " + msg.backend + " (saved; approve with a)"
}

// editExternal opens the text in the user's editor.
func (m *model) editExternal() tea.Cmd {
	if m.opts.Editor == "" {
		m.status = "no editor: set $EDITOR"
		return nil
	}
	it := m.current()
	f, err := os.CreateTemp("", "bitext-review-*.txt")
	if err != nil {
		m.status = "edit failed: " + err.Error()
		return nil
	}
	name := f.Name()
	_, err = f.WriteString(it.Unit.EditText() + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		m.status = "edit failed: " + err.Error()
		return nil
	}
	args := append(strings.Fields(m.opts.Editor), name)
	cmd := exec.Command(args[0], args[1:]...)
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		defer os.Remove(name)
		data, rerr := os.ReadFile(name)
		if err == nil {
			err = rerr
		}
		return editedMsg{it: it, text: string(data), err: err}
	})
}

// plural writes "1 decision", "2 decisions".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
