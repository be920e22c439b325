package bilingual

import (
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/translate"
)

// Markdown writes doc as bilingual Markdown: each French block in its own
// Markdown form, followed by its English translation as a blockquote (see
// the package documentation for the layout). Article text is escaped so
// that it reads as text; the inline HTML of Markup segments becomes
// Markdown emphasis, code and links.
func Markdown(w io.Writer, doc *translate.Document) error {
	if doc == nil {
		return fmt.Errorf("failed to write Markdown: no document")
	}
	sw := &stickyWriter{w: w}
	writeMarkdownMeta(sw, doc.Meta)
	var lists listIndent
	for _, b := range doc.Blocks {
		sw.printf("%s\n", markdownBlock(b, &lists))
	}
	if sw.err != nil {
		return fmt.Errorf("failed to write Markdown: %w", sw.err)
	}
	return nil
}

// writeMarkdownMeta writes the front matter as a list, a translated field
// as two entries: "key (fr)" and "key (en)".
func writeMarkdownMeta(sw *stickyWriter, meta []translate.MetaField) {
	if len(meta) == 0 {
		return
	}
	for _, m := range meta {
		key := escapeMarkdown(m.Key)
		if m.Translate {
			sw.printf("- **%s (fr):** %s\n", key, escapeMarkdown(m.Value))
			sw.printf("- **%s (en):** %s\n", key, escapeMarkdown(m.Target))
			continue
		}
		sw.printf("- **%s:** %s\n", key, escapeMarkdown(m.Value))
	}
	sw.printf("\n")
}

// markdownBlock returns the French and English forms of one block, each
// followed by a blank line. Verbatim blocks are written once.
func markdownBlock(b translate.Block, lists *listIndent) string {
	if b.Kind != translate.ListItem {
		lists.reset()
	}
	switch b.Kind {
	case translate.Verbatim:
		return verbatimMarkdown(b)
	case translate.Table:
		return tableMarkdown(b)
	}
	fr := lineStart(markdownSegments(b.Segments, false))
	en := lineStart(markdownSegments(b.Segments, true))
	if en == "" {
		en = "*\\[untranslated\\]*"
	}
	switch b.Kind {
	case translate.Headline:
		return "# " + fr + "\n\n> # " + en + "\n"
	case translate.Heading:
		h := strings.Repeat("#", min(max(b.Level, 1), 6)) + " "
		return h + fr + "\n\n> " + h + en + "\n"
	case translate.Quote:
		q := strings.Repeat("> ", max(b.Level, 1))
		return q + fr + "\n\n" + q + "> " + en + "\n"
	case translate.Footnote:
		if b.Marker == "" {
			return fr + "\n\n> " + en + "\n"
		}
		label := "\\[" + escapeMarkdown(b.Marker) + "\\] "
		return label + fr + "\n\n> " + label + en + "\n"
	case translate.ListItem:
		indent, marker := lists.item(b.Level, b.Marker)
		cont := indent + strings.Repeat(" ", len(marker)+1)
		return indent + marker + " " + fr + "\n\n" + cont + "> " + en + "\n"
	}
	return fr + "\n\n> " + en + "\n"
}

// listIndent tracks the content indentation of nested list items across
// consecutive ListItem blocks.
type listIndent struct {
	widths []int // marker width plus one, per open level
}

func (l *listIndent) reset() { l.widths = l.widths[:0] }

// item returns the indentation and marker of an item at level (1-based).
func (l *listIndent) item(level int, marker string) (indent, m string) {
	m = listMarker(marker)
	level = max(level, 1)
	if level-1 < len(l.widths) {
		l.widths = l.widths[:level-1]
	}
	n := 0
	for _, w := range l.widths {
		n += w
	}
	for len(l.widths) < level-1 { // a level skipped: indent by two
		l.widths = append(l.widths, 2)
		n += 2
	}
	l.widths = append(l.widths, len(m)+1)
	return strings.Repeat(" ", n), m
}

// listMarker keeps "-", "*", "+" and "N." / "N)"; anything else is "-".
func listMarker(m string) string {
	switch m {
	case "-", "*", "+":
		return m
	}
	num := strings.TrimRight(m, ".)")
	if num != "" && len(num) <= 9 && len(m) == len(num)+1 && strings.Trim(num, "0123456789") == "" {
		return m
	}
	return "-"
}

// markdownSegments renders one side of a block's sentences on one line.
func markdownSegments(segs []translate.Segment, target bool) string {
	parts := make([]string, 0, len(segs))
	for _, s := range segs {
		text := s.Source
		if target {
			text = s.Target
		}
		if md := strings.TrimSpace(inlineMarkdown(sanitize(text, s.Markup))); md != "" {
			parts = append(parts, md)
		}
	}
	return strings.Join(parts, " ")
}

// verbatimMarkdown writes a verbatim block: a thematic break or fenced
// code block as it came, anything else (raw HTML, say) in a code fence so
// that it is shown rather than interpreted.
func verbatimMarkdown(b translate.Block) string {
	raw := verbatimSource(b)
	if isThematicBreak(raw) {
		return "---\n"
	}
	if isFenced(raw) {
		return raw + "\n"
	}
	fence := strings.Repeat("`", max(3, longestRun(raw, '`')+1))
	return fence + "\n" + raw + "\n" + fence + "\n"
}

// tableMarkdown writes a table: the French, then the English in a
// blockquote. Cells are escaped as sentences are, pipes included.
func tableMarkdown(b translate.Block) string {
	safe := b
	safe.Segments = make([]translate.Segment, len(b.Segments))
	for i, s := range b.Segments {
		safe.Segments[i] = s
		safe.Segments[i].Source = sanitize(s.Source, s.Markup).HTML()
		safe.Segments[i].Target = sanitize(s.Target, s.Markup).HTML()
		safe.Segments[i].Markup = true
	}
	fr := translate.TableMarkdown(safe, translate.SourceSide)
	en := translate.TableMarkdown(safe, translate.TargetSide)
	return fr + "\n\n> " + strings.ReplaceAll(en, "\n", "\n> ") + "\n"
}
