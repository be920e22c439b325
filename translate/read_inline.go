package translate

import (
	"bytes"
	"html"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// inlineWriter renders the inline content of one Markdown block as an HTML
// fragment (escaped text, <em>, <strong>, <code>, <a href>, <img>, raw
// inline HTML), remembering which source line each part came from.
type inlineWriter struct {
	src      []byte
	lines    lineIndex
	buf      bufWriter
	marks    []lineMark
	warnings []string
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
	default:
		return true
	}
	return n.Kind() == ast.KindEmphasis || n.Kind() == ast.KindLink
}

// rawHTML writes inline HTML as it is, unless its tag is one the fragment
// itself uses for Markdown (em, strong, code, a, span, img, br…): those are
// kept as escaped text, since writing the fragment back would turn them
// into Markdown or drop them, and lose what the author wrote.
func (w *inlineWriter) rawHTML(n *ast.RawHTML) {
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(w.src)...)
	}
	if m := rawTagName.FindSubmatch(raw); m != nil && fragmentTags[strings.ToLower(string(m[1]))] {
		w.buf.WriteString(html.EscapeString(string(raw)))
		return
	}
	w.buf.Write(raw)
}

// rawTagName finds the element name of a raw HTML tag.
var rawTagName = regexp.MustCompile(`^</?\s*([A-Za-z][A-Za-z0-9-]*)`)

// fragmentTags are the tags an inline fragment uses for Markdown itself.
var fragmentTags = map[string]bool{"em": true, "i": true, "strong": true, "b": true, "code": true, "a": true, "span": true, "img": true, "br": true}

// exit writes what comes after a node's children.
func (w *inlineWriter) exit(n ast.Node) {
	switch n := n.(type) {
	case *ast.Emphasis:
		w.buf.WriteString(emphasisTag(n, true))
	case *ast.Link:
		if safeLink(n.Destination) {
			w.buf.WriteString("</a>")
		}
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
	if n.SoftLineBreak() || n.HardLineBreak() {
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
	w.buf.WriteString(`<a href="` + escapeAttr(string(n.Destination)) + `"`)
	if len(n.Title) > 0 {
		w.buf.WriteString(` title="` + escapeAttr(string(n.Title)) + `"`)
	}
	w.buf.WriteString(">")
}

func (w *inlineWriter) autoLink(n *ast.AutoLink) {
	label := string(n.Label(w.src))
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
	w.buf.WriteString(`<img src="` + escapeAttr(string(n.Destination)) + `" alt="` + escapeAttr(alt.String()) + `"`)
	if len(n.Title) > 0 {
		w.buf.WriteString(` title="` + escapeAttr(string(n.Title)) + `"`)
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
