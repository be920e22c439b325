package translate

import (
	"bytes"
	"html"
	"sort"
	"strings"

	"github.com/bitext/bitext/inline"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// inlineWriter renders the inline content of one Markdown block as an HTML
// fragment, the serialisation of package inline's model: escaped text,
// <em>, <strong>, <del>, <code>, <a href title>, <img src alt title>, <br>
// for a hard line break, <input type="checkbox"> for a task-list box,
// <sup translate="no" data-footnote="L">[^L]</sup> for a footnote
// reference, and raw inline HTML as the author wrote it; it remembers
// which source line each part came from.
type inlineWriter struct {
	src      []byte
	lines    lineIndex
	buf      bufWriter
	marks    []lineMark
	warnings []string
	// footnotes maps a footnote's index to its label.
	footnotes map[int]string
}

// lineMark says that the fragment from offset off on comes from line.
type lineMark struct{ off, line int }

// bufWriter adapts bytes.Buffer to goldmark's util.BufWriter.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Buffered() int { return 0 }
func (bufWriter) Flush() error  { return nil }

func newInlineWriter(src []byte, lines lineIndex) *inlineWriter {
	return &inlineWriter{src: src, lines: lines, buf: bufWriter{new(bytes.Buffer)}}
}

// render writes the inline children of block and returns the fragment. It
// walks the tree through parent and sibling links, without recursion, so
// that deeply nested emphasis cannot exhaust the stack.
func (w *inlineWriter) render(block ast.Node) string {
	w.buf.Reset()
	w.marks = w.marks[:0]
	n := block.FirstChild()
	for n != nil {
		if w.enter(n) && n.FirstChild() != nil {
			n = n.FirstChild()
			continue
		}
		w.exit(n)
		for n != block && n.NextSibling() == nil {
			n = n.Parent()
			if n != block {
				w.exit(n)
			}
		}
		if n == block {
			break
		}
		n = n.NextSibling()
	}
	return w.buf.String()
}

// enter writes what comes before a node's children (or the whole of a leaf)
// and reports whether its children are to be walked.
func (w *inlineWriter) enter(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Text:
		w.text(n)
	case *ast.String:
		gmhtml.DefaultWriter.RawWrite(w.buf, n.Value)
	case *ast.CodeSpan:
		w.codeSpan(n)
	case *ast.Emphasis:
		w.buf.WriteString(emphasisTag(n, false))
	case *ast.Link:
		w.link(n)
	case *ast.AutoLink:
		w.autoLink(n)
	case *ast.Image:
		w.image(n)
	case *ast.RawHTML:
		w.rawHTML(n)
	case *extast.Strikethrough:
		w.buf.WriteString("<del>")
	case *extast.TaskCheckBox:
		w.taskBox(n)
	case *extast.FootnoteLink:
		label := html.EscapeString(w.footnotes[n.Index])
		w.buf.WriteString(`<sup translate="no" data-footnote="` + label + `">[^` + label + `]</sup>`)
	case *extast.FootnoteBacklink:
	default:
		return true
	}
	return n.Kind() == ast.KindEmphasis || n.Kind() == ast.KindLink || n.Kind() == extast.KindStrikethrough
}

// taskBox writes a task-list box as the disabled checkbox GFM renders.
func (w *inlineWriter) taskBox(n *extast.TaskCheckBox) {
	if n.IsChecked {
		w.buf.WriteString(`<input type="checkbox" checked disabled>`)
		return
	}
	w.buf.WriteString(`<input type="checkbox" disabled>`)
}

// rawHTML writes inline HTML as the author wrote it: it is markup, kept
// as markup (package inline reads it into codes). A tag Markdown would
// write itself (<em>, <br>, <a href>…) is marked data-raw, so that it is
// written back as HTML, not as Markdown (inline.RawAttr).
func (w *inlineWriter) rawHTML(n *ast.RawHTML) {
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(w.src)...)
	}
	w.buf.WriteString(inline.MarkRaw(string(raw)))
}

// exit writes what comes after a node's children.
func (w *inlineWriter) exit(n ast.Node) {
	switch n := n.(type) {
	case *ast.Emphasis:
		w.buf.WriteString(emphasisTag(n, true))
	case *ast.Link:
		if safeLink(n.Destination) {
			w.buf.WriteString("</a>")
		}
	case *extast.Strikethrough:
		w.buf.WriteString("</del>")
	}
}

func (w *inlineWriter) mark(off int) {
	line := w.lines.line(off)
	if len(w.marks) == 0 || w.marks[len(w.marks)-1].line != line {
		w.marks = append(w.marks, lineMark{off: w.buf.Len(), line: line})
	}
}

// lineAt returns the source line of fragment offset off.
func (w *inlineWriter) lineAt(off, fallback int) int {
	k := sort.Search(len(w.marks), func(i int) bool { return w.marks[i].off > off })
	if k == 0 {
		return fallback
	}
	return w.marks[k-1].line
}

func (w *inlineWriter) text(n *ast.Text) {
	w.mark(n.Segment.Start)
	seg := n.Segment
	v := seg.Value(w.src)
	if n.IsRaw() {
		gmhtml.DefaultWriter.RawWrite(w.buf, v)
	} else {
		gmhtml.DefaultWriter.Write(w.buf, v)
	}
	switch {
	case n.HardLineBreak():
		w.buf.WriteString("<br>")
	case n.SoftLineBreak():
		w.buf.WriteByte(' ')
	}
}

func (w *inlineWriter) codeSpan(n *ast.CodeSpan) {
	w.buf.WriteString("<code>")
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		w.mark(t.Segment.Start)
		seg := t.Segment
		v := bytes.ReplaceAll(seg.Value(w.src), []byte("\n"), []byte(" "))
		gmhtml.DefaultWriter.RawWrite(w.buf, v)
	}
	w.buf.WriteString("</code>")
}

func emphasisTag(n *ast.Emphasis, closing bool) string {
	name := "em"
	if n.Level >= 2 {
		name = "strong"
	}
	if closing {
		return "</" + name + ">"
	}
	return "<" + name + ">"
}

func (w *inlineWriter) link(n *ast.Link) {
	if !safeLink(n.Destination) {
		w.warnings = append(w.warnings, "link to "+string(n.Destination)+" dropped (unsafe URL), its text kept")
		return
	}
	w.buf.WriteString(`<a href="` + escapeAttr(mdValue(n.Destination)) + `"`)
	if len(n.Title) > 0 {
		w.buf.WriteString(` title="` + escapeAttr(mdValue(n.Title)) + `"`)
	}
	w.buf.WriteString(">")
}

// autoLink writes <https://…> and <a@b.c> as links; an address GFM links
// by itself (written bare) stays text, as written.
func (w *inlineWriter) autoLink(n *ast.AutoLink) {
	label := string(n.Label(w.src))
	if start := labelStart(w.src, n); start <= 0 || w.src[start-1] != '<' {
		w.buf.WriteString(html.EscapeString(label))
		return
	}
	url := string(n.URL(w.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	w.buf.WriteString(`<a href="` + escapeAttr(url) + `">` + html.EscapeString(label) + "</a>")
}

func (w *inlineWriter) image(n *ast.Image) {
	var alt bytes.Buffer
	for c := ast.Node(n); c != nil; c = nextInside(c, n) {
		if t, ok := c.(*ast.Text); ok {
			seg := t.Segment
			alt.Write(seg.Value(w.src))
		}
	}
	w.buf.WriteString(`<img src="` + escapeAttr(mdValue(n.Destination)) + `" alt="` + escapeAttr(html.UnescapeString(alt.String())) + `"`)
	if len(n.Title) > 0 {
		w.buf.WriteString(` title="` + escapeAttr(mdValue(n.Title)) + `"`)
	}
	w.buf.WriteString(">")
}

// nextInside returns the node after n in document order within root, or nil.
func nextInside(n, root ast.Node) ast.Node {
	if c := n.FirstChild(); c != nil {
		return c
	}
	for n != root {
		if s := n.NextSibling(); s != nil {
			return s
		}
		n = n.Parent()
	}
	return nil
}

// safeLink reports whether a link destination may go into HTML output
// (no javascript:, vbscript:, file: or non-image data: URLs).
func safeLink(dest []byte) bool { return !gmhtml.IsDangerousURL(dest) }

// escapeAttr escapes s for a double-quoted HTML attribute value.
func escapeAttr(s string) string { return html.EscapeString(s) }

// labelStart returns the offset of an autolink's label in the source:
// the label is a slice of it, so its capacity tells where it starts.
func labelStart(src []byte, n *ast.AutoLink) int {
	label := n.Label(src)
	start := cap(src) - cap(label)
	if start < 0 || start > len(src) || len(label) > 0 && start+len(label) <= len(src) && &src[start] != &label[0] {
		return -1
	}
	return start
}

// mdValue returns a link destination or title as Markdown means it:
// backslash escapes and character references resolved (goldmark keeps
// them as written).
func mdValue(b []byte) string {
	return string(util.UnescapePunctuations(util.ResolveEntityNames(util.ResolveNumericReferences(b))))
}
