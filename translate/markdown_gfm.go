package translate

import (
	"html"
	"sort"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/bitext/bitext/inline"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// table reads a GFM table: one segment per cell, row by row, its layout
// (alignments, delimiter row, pipes, padding) kept to write it back in
// the source's style.
func (r *mdReader) table(t *extast.Table) {
	line := r.lineOf(t, 0)
	if line == 0 {
		line = r.firstLine(t)
	}
	layout := &TableLayout{Columns: len(t.Alignments)}
	for _, a := range t.Alignments {
		layout.Align = append(layout.Align, alignName(a))
	}
	b := Block{Kind: Table, Line: line, Table: layout}
	row := 0
	for rn := t.FirstChild(); rn != nil; rn = rn.NextSibling() {
		rowLine := line + row
		if row > 0 {
			rowLine++ // the delimiter row
		}
		n := 0
		for cell := rn.FirstChild(); cell != nil && n < layout.Columns; cell = cell.NextSibling() {
			b.Segments = append(b.Segments, r.cell(cell, rowLine))
			n++
		}
		for ; n < layout.Columns; n++ {
			b.Segments = append(b.Segments, Segment{Line: rowLine})
		}
		row++
	}
	r.tableStyle(layout, line, row)
	r.doc.Blocks = append(r.doc.Blocks, b)
}

// cell reads one table cell into a segment (a cell is never split into
// sentences).
func (r *mdReader) cell(cell ast.Node, line int) Segment {
	frag := strings.TrimSpace(r.inline.render(cell))
	seg := Segment{Source: frag, Line: line}
	if strings.IndexByte(frag, '<') >= 0 {
		seg.Markup = true
	} else {
		seg.Source = html.UnescapeString(frag)
	}
	return seg
}

// tableStyle reads the source lines of a table (rows plus the delimiter
// row): the delimiter row as written, whether rows have outer pipes and
// whether the columns are lined up.
func (r *mdReader) tableStyle(layout *TableLayout, line, rows int) {
	var lines []string
	for l := line; l < line+rows+1 && l <= len(r.lines); l++ {
		end := len(r.src)
		if l < len(r.lines) {
			end = r.lines.start(l+1) - 1
		}
		lines = append(lines, strings.TrimRight(string(r.src[r.lines.start(l):end]), " \t\r"))
	}
	if len(lines) < 2 {
		return
	}
	layout.Delimiter = strings.TrimSpace(lines[1])
	layout.Pipes = strings.HasPrefix(strings.TrimSpace(lines[0]), "|")
	width := runewidth.StringWidth(lines[0])
	layout.Padded = len(lines) > 2
	for _, l := range lines {
		layout.Padded = layout.Padded && runewidth.StringWidth(l) == width
	}
}

// firstLine returns the line of the first text inside n.
func (r *mdReader) firstLine(n ast.Node) int {
	for c := n; c != nil; c = nextInside(c, n) {
		if t, ok := c.(*ast.Text); ok {
			return r.lines.line(t.Segment.Start)
		}
	}
	return 0
}

func alignName(a extast.Alignment) string {
	switch a {
	case extast.AlignLeft:
		return "left"
	case extast.AlignCenter:
		return "center"
	case extast.AlignRight:
		return "right"
	}
	return ""
}

// footnoteLabels maps each footnote's index to its label.
func footnoteLabels(root ast.Node) map[int]string {
	labels := map[int]string{}
	for n := root.LastChild(); n != nil; n = n.PreviousSibling() {
		if list, ok := n.(*extast.FootnoteList); ok {
			for f := list.FirstChild(); f != nil; f = f.NextSibling() {
				if fn, ok := f.(*extast.Footnote); ok {
					labels[fn.Index] = string(fn.Ref)
				}
			}
		}
	}
	return labels
}

// footnotes reads footnote definitions, in the order the source has them:
// each paragraph is a Footnote block, the first carrying the label.
func (r *mdReader) footnotes(list *extast.FootnoteList, c mdContext) {
	var fns []*extast.Footnote
	for f := list.FirstChild(); f != nil; f = f.NextSibling() {
		if fn, ok := f.(*extast.Footnote); ok {
			fns = append(fns, fn)
		}
	}
	sort.SliceStable(fns, func(i, j int) bool { return r.firstLine(fns[i]) < r.firstLine(fns[j]) })
	for _, fn := range fns {
		marker := string(fn.Ref)
		for ch := fn.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch.Kind() == ast.KindParagraph || ch.Kind() == ast.KindTextBlock {
				r.textBlock(ch, c, Footnote, 0, marker)
				marker = ""
				continue
			}
			r.walk(ch, c)
		}
	}
}

// TableMarkdown writes one side of a Table block as a GFM table, in the
// source's style (see Write).
func TableMarkdown(b Block, side Side) string {
	segs := make([]string, len(b.Segments))
	for i, s := range b.Segments {
		segs[i] = s.Source
		if side == TargetSide {
			segs[i] = s.Target
		}
	}
	return tableMarkdown(b, segs)
}

// tableMarkdown writes a table block in its source's style: outer pipes or
// not, the delimiter row as written, columns lined up when the source's
// were.
func tableMarkdown(b Block, segs []string) string {
	if b.Table == nil || b.Table.Columns == 0 {
		return ""
	}
	t := b.Table
	opts := inline.MarkdownOptions{Table: true}
	cells := make([]string, len(segs))
	for i, s := range segs {
		cells[i] = strings.TrimSpace(segmentMarkdown(s, b.Segments[i].Markup, opts))
	}
	widths := make([]int, t.Columns)
	if t.Padded {
		for i, c := range cells {
			widths[i%t.Columns] = max(widths[i%t.Columns], runewidth.StringWidth(c), 3)
		}
	}
	var rows []string
	for r := 0; r*t.Columns < len(cells); r++ {
		rows = append(rows, tableRow(t, cells[r*t.Columns:min((r+1)*t.Columns, len(cells))], widths))
		if r == 0 {
			rows = append(rows, delimiterRow(t, widths))
		}
	}
	return strings.Join(rows, "\n")
}

func tableRow(t *TableLayout, cells []string, widths []int) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = c + strings.Repeat(" ", max(widths[i]-runewidth.StringWidth(c), 0))
	}
	row := strings.Join(parts, " | ")
	if t.Pipes {
		return strings.TrimRight("| "+row+" |", " ")
	}
	return strings.TrimRight(row, " ")
}

// delimiterRow returns the source's delimiter row, or one rebuilt to the
// column widths (keeping the alignments) when the columns are lined up
// or the source's is missing.
func delimiterRow(t *TableLayout, widths []int) string {
	if !t.Padded && t.Delimiter != "" {
		return t.Delimiter
	}
	parts := make([]string, t.Columns)
	for i := range parts {
		w := max(widths[i], 3)
		var a string
		if i < len(t.Align) {
			a = t.Align[i]
		}
		switch a {
		case "left":
			parts[i] = ":" + strings.Repeat("-", w-1)
		case "center":
			parts[i] = ":" + strings.Repeat("-", w-2) + ":"
		case "right":
			parts[i] = strings.Repeat("-", w-1) + ":"
		default:
			parts[i] = strings.Repeat("-", w)
		}
	}
	row := strings.Join(parts, " | ")
	if t.Pipes {
		return "| " + row + " |"
	}
	return row
}
