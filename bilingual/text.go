package bilingual

import (
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/translate"
)

// Gutter separates the French and English columns of [Text].
const Gutter = " │ "

// DefaultWidth is the terminal width [Text] uses when given none.
const DefaultWidth = 80

// minWidth is the narrowest layout Text makes: two columns of eight cells.
const minWidth = 8 + len(" | ") + 8

// Text writes doc as two columns fitted to a terminal of width cells
// (DefaultWidth when width ≤ 0; widths under 19 are raised to 19): French
// on the left, English on the right, separated by [Gutter], each block's
// columns top-aligned and blocks separated by blank lines. Words wrap by
// display width, so accented letters count one cell and CJK characters
// two; no line is wider than width. Control characters in the article are
// replaced by spaces so that the output cannot drive the terminal.
func Text(w io.Writer, doc *translate.Document, width int) error {
	if doc == nil {
		return fmt.Errorf("failed to write text: no document")
	}
	if width <= 0 {
		width = DefaultWidth
	}
	l := newTextLayout(max(width, minWidth))
	sw := &stickyWriter{w: w}
	l.writeMeta(sw, doc.Meta)
	l.writeRow(sw, []string{"Français"}, []string{"English"})
	sw.printf("%s─┼─%s\n", strings.Repeat("─", l.left), strings.Repeat("─", l.right))
	for _, b := range doc.Blocks {
		sw.printf("\n")
		fr, en := l.block(b)
		l.writeRow(sw, fr, en)
	}
	if sw.err != nil {
		return fmt.Errorf("failed to write text: %w", sw.err)
	}
	return nil
}

// textLayout holds the column widths of one Text call.
type textLayout struct {
	m           measure
	width       int
	left, right int
}

func newTextLayout(width int) textLayout {
	left := (width - len([]rune(Gutter))) / 2
	return textLayout{m: newMeasure(), width: width, left: left, right: width - 3 - left}
}

// writeMeta writes the front matter across the full width.
func (l textLayout) writeMeta(sw *stickyWriter, meta []translate.MetaField) {
	for _, f := range meta {
		if f.Translate {
			l.writeFull(sw, f.Key+" (fr): ", f.Value)
			l.writeFull(sw, f.Key+" (en): ", f.Target)
			continue
		}
		l.writeFull(sw, f.Key+": ", f.Value)
	}
	if len(meta) > 0 {
		sw.printf("\n")
	}
}

func (l textLayout) writeFull(sw *stickyWriter, label, value string) {
	label = terminalSafe(label)
	if l.m.width(label) > l.width/2 {
		label = "" // an absurd key: show the value alone
	}
	indent := strings.Repeat(" ", l.m.width(label))
	for _, line := range l.m.wrap(terminalSafe(value), l.width, label, indent) {
		sw.printf("%s\n", strings.TrimRight(line, " "))
	}
}

// writeRow writes two columns side by side, top-aligned.
func (l textLayout) writeRow(sw *stickyWriter, fr, en []string) {
	for i := range max(len(fr), len(en)) {
		var a, b string
		if i < len(fr) {
			a = fr[i]
		}
		if i < len(en) {
			b = en[i]
		}
		sw.printf("%s\n", strings.TrimRight(l.m.pad(a, l.left)+Gutter+b, " "))
	}
}

// block lays out the French and English sides of a block.
func (l textLayout) block(b translate.Block) (fr, en []string) {
	if b.Kind == translate.Verbatim {
		raw := verbatimSource(b)
		if isThematicBreak(raw) {
			return []string{strings.Repeat("─", l.left)}, []string{strings.Repeat("─", l.right)}
		}
		raw = verbatimBody(raw)
		return l.verbatim(raw, l.left), l.verbatim(raw, l.right)
	}
	if b.Kind == translate.Table {
		return l.table(b, false), l.table(b, true)
	}
	first, rest := l.indents(b)
	src, dst := plainBlock(b, false), plainBlock(b, true)
	if dst == "" && src != "" {
		dst = "[untranslated]"
	}
	fr = l.m.wrap(terminalSafe(src), l.left, first, rest)
	en = l.m.wrap(terminalSafe(dst), l.right, first, rest)
	switch b.Kind {
	case translate.Headline:
		return l.underline(fr, '═'), l.underline(en, '═')
	case translate.Heading:
		return l.underline(fr, '─'), l.underline(en, '─')
	}
	return fr, en
}

// indents returns the first-line and continuation prefixes of a block:
// "> " for quotes, the marker and a hanging indent for list items.
func (l textLayout) indents(b translate.Block) (first, rest string) {
	limit := min(l.left, l.right) / 2
	switch b.Kind {
	case translate.Quote:
		q := strings.Repeat("> ", max(b.Level, 1))
		if len(q) > limit {
			q = "> "
		}
		return q, q
	case translate.ListItem:
		marker := terminalSafe(b.Marker)
		if marker == "" || l.m.width(marker) > 4 {
			marker = "-"
		}
		nest := strings.Repeat("  ", max(b.Level, 1)-1)
		if len(nest)+l.m.width(marker)+1 > limit {
			nest = ""
		}
		return nest + marker + " ", strings.Repeat(" ", len(nest)+l.m.width(marker)+1)
	}
	return "", ""
}

// underline adds a line of c as wide as the widest line.
func (l textLayout) underline(lines []string, c rune) []string {
	w := 0
	for _, line := range lines {
		w = max(w, l.m.width(line))
	}
	return append(lines, strings.Repeat(string(c), w))
}

// verbatim keeps the lines of a code block, cutting those too wide.
func (l textLayout) verbatim(raw string, width int) []string {
	var out []string
	raw = strings.ReplaceAll(raw, "\t", "    ")
	for _, line := range strings.Split(raw, "\n") {
		line = strings.TrimRight(terminalSafe(line), " ")
		if line == "" {
			out = append(out, "")
			continue
		}
		out = append(out, l.m.hardBreak(line, width, width)...)
	}
	return out
}

// table lays out one side of a table: a line per row, cells separated by
// " | ", the header row underlined.
func (l textLayout) table(b translate.Block, target bool) []string {
	width := l.left
	if target {
		width = l.right
	}
	var out []string
	for r := 0; r < b.Rows(); r++ {
		var cells []string
		for c := 0; c < b.Table.Columns && r*b.Table.Columns+c < len(b.Segments); c++ {
			s := b.Segments[r*b.Table.Columns+c]
			text := s.Source
			if target {
				text = s.Target
			}
			cells = append(cells, plainText(text, s.Markup))
		}
		lines := l.m.wrap(terminalSafe(strings.Join(cells, " | ")), width, "", "  ")
		if r == 0 {
			lines = l.underline(lines, '─')
		}
		out = append(out, lines...)
	}
	return out
}
