package main

import (
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
)

// table lays out rows of short cells in aligned columns, each row followed
// by its details, indented and wrapped, all within width columns.
type table struct {
	width int
	cols  []string
	rows  [][]string
	notes [][]note
}

// note is one detail below a row: text wrapped after a fixed prefix, the
// lines it wraps to indented as far as the prefix.
type note struct {
	prefix, text string
}

func (t *table) add(row []string, notes []note) {
	t.rows = append(t.rows, row)
	t.notes = append(t.notes, notes)
}

// String renders the table. A row too wide for the width is cut, with …;
// details are wrapped to the width below their row.
func (t *table) String() string {
	widths := make([]int, len(t.cols))
	for _, r := range append([][]string{t.cols}, t.rows...) {
		for i, c := range r {
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	var b strings.Builder
	t.line(&b, t.cols, widths)
	for i, r := range t.rows {
		if i > 0 && len(t.notes[i-1]) > 1 {
			b.WriteString("\n")
		}
		t.line(&b, r, widths)
		for _, n := range t.notes[i] {
			hang := strings.Repeat(" ", 4+runewidth.StringWidth(n.prefix))
			for j, l := range wrapText(n.text, t.width-len(hang)) {
				if j == 0 {
					b.WriteString("    " + n.prefix + l + "\n")
				} else {
					b.WriteString(hang + l + "\n")
				}
			}
		}
	}
	return b.String()
}

func (t *table) line(b *strings.Builder, cells []string, widths []int) {
	var l strings.Builder
	for i, c := range cells {
		l.WriteString(c)
		if i < len(cells)-1 {
			l.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(c)+2))
		}
	}
	b.WriteString(runewidth.Truncate(l.String(), t.width, "…") + "\n")
}

// wrapText cuts text into lines of at most width columns at spaces; a
// word too long for a line is cut.
func wrapText(text string, width int) []string {
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

// outputWidth is the width of standard output: the terminal's, else
// $COLUMNS, else 120.
func outputWidth(env *Env) int {
	if env.Width > 0 {
		return env.Width
	}
	if n, err := strconv.Atoi(env.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 120
}
