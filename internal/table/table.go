// Package table lays out what the command line prints as a table for a
// terminal: rows of short cells in aligned columns, each row followed by
// its details, indented and wrapped, all within a width.
//
// # Width
//
// Widths are display columns ([github.com/mattn/go-runewidth]), so that
// accented and wide characters line up. A row too wide for the width is
// cut with …; details are wrapped at spaces, a word too long for a line
// cut.
package table

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Table is rows under column titles, within Width columns.
type Table struct {
	Width int
	Cols  []string
	rows  [][]string
	notes [][]Note
}

// Note is one detail below a row: Text wrapped after a fixed Prefix, the
// lines it wraps to indented as far as the prefix.
type Note struct {
	Prefix, Text string
}

// Add appends a row and its details.
func (t *Table) Add(row []string, notes []Note) {
	t.rows = append(t.rows, row)
	t.notes = append(t.notes, notes)
}

// String renders the table; details are indented by four columns and a
// blank line follows a row with more than one.
func (t *Table) String() string {
	widths := make([]int, len(t.Cols))
	for _, r := range append([][]string{t.Cols}, t.rows...) {
		for i, c := range r {
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	var b strings.Builder
	t.line(&b, t.Cols, widths)
	for i, r := range t.rows {
		if i > 0 && len(t.notes[i-1]) > 1 {
			b.WriteString("\n")
		}
		t.line(&b, r, widths)
		for _, n := range t.notes[i] {
			hang := strings.Repeat(" ", 4+runewidth.StringWidth(n.Prefix))
			for j, l := range Wrap(n.Text, t.Width-len(hang)) {
				if j == 0 {
					b.WriteString("    " + n.Prefix + l + "\n")
				} else {
					b.WriteString(hang + l + "\n")
				}
			}
		}
	}
	return b.String()
}

func (t *Table) line(b *strings.Builder, cells []string, widths []int) {
	var l strings.Builder
	for i, c := range cells {
		l.WriteString(c)
		if i < len(cells)-1 {
			l.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(c)+2))
		}
	}
	b.WriteString(runewidth.Truncate(l.String(), t.Width, "…") + "\n")
}

// Wrap cuts text into lines of at most width columns at spaces; a word
// too long for a line is cut.
func Wrap(text string, width int) []string {
	width = max(width, 10)
	var out []string
	line := ""
	for _, w := range strings.Fields(text) {
		for _, piece := range chunks(w, width) {
			switch {
			case line == "":
				line = piece
			case runewidth.StringWidth(line)+1+runewidth.StringWidth(piece) <= width:
				line += " " + piece
			default:
				out, line = append(out, line), piece
			}
		}
	}
	return append(out, line)
}

// chunks cuts w into pieces of at most n columns.
func chunks(w string, n int) []string {
	var out []string
	for runewidth.StringWidth(w) > n {
		cut := runewidth.Truncate(w, n, "")
		out, w = append(out, cut), w[len(cut):]
	}
	return append(out, w)
}
