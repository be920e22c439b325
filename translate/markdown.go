package translate

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gmtext "github.com/yuin/goldmark/text"
)

// MarkdownParser returns the parser bitext reads Markdown with: CommonMark
// and GitHub Flavored Markdown (tables, strikethrough, task lists, bare
// links) with footnotes, as goldmark implements them.
func MarkdownParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()
}

// maxNesting is the most quotes and list markers one line may open. Deeper
// nesting is refused: no article needs it, and Markdown parsers slow down
// (and recurse) with the depth.
const maxNesting = 64

// readMarkdown parses a Markdown article with goldmark: front matter into
// Meta, then headings, paragraphs, quotes, list items and verbatim blocks
// in order. See [mdReader] for how nested structure is flattened.
func readMarkdown(path string, text string) (*Document, error) {
	meta, body, err := splitFrontMatter(path, text)
	if err != nil {
		return nil, err
	}
	if err := checkNesting(path, body); err != nil {
		return nil, err
	}
	src := []byte(body)
	root := MarkdownParser().Parse(gmtext.NewReader(src))
	lines := newLineIndex(body)
	r := &mdReader{src: src, lines: lines, inline: newInlineWriter(src, lines), doc: &Document{Meta: meta}}
	r.inline.footnotes = footnoteLabels(root)
	r.walk(root, mdContext{})
	r.doc.Warnings = append(r.doc.Warnings, r.inline.warnings...)
	if len(r.doc.Blocks) == 0 && len(meta) == 0 {
		return nil, inputErrorf(path, 0, "no article text found in the Markdown; check that the file is the article")
	}
	return r.doc, nil
}

// mdReader turns a goldmark tree into blocks.
//
// The document model is flat, so nesting is recorded as follows. Text in
// a block quote becomes a Quote block whose Level is the quote depth (and
// whose Marker is the list marker when it is a list item inside the quote).
// Outside quotes, list items become ListItem blocks whose Level is the list
// depth and Marker the item's marker ("-", "*", "+", "3.", "2)"); an
// item's later paragraphs become ListItem blocks with an empty Marker (a
// continuation of the item above); an empty item is a ListItem without
// segments. Headings inside quotes or lists are kept as their text. Code
// blocks, HTML blocks and thematic breaks become Verbatim blocks holding
// their source lines as they are (quote and list prefixes included).
type mdReader struct {
	src    []byte
	lines  lineIndex
	inline *inlineWriter
	doc    *Document
}

// mdContext is where in the nesting a node is.
type mdContext struct {
	quote, list int
}

func (r *mdReader) walk(n ast.Node, c mdContext) {
	switch n := n.(type) {
	case *ast.Document:
		r.children(n, c)
	case *ast.Heading:
		r.textBlock(n, c, Heading, n.Level, "")
	case *ast.Paragraph, *ast.TextBlock:
		r.textBlock(n, c, Paragraph, 0, "")
	case *ast.Blockquote:
		r.children(n, mdContext{quote: c.quote + 1, list: c.list})
	case *ast.List:
		r.list(n, c)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.ThematicBreak:
		r.verbatim(n)
	case *extast.Table:
		if c.quote > 0 || c.list > 0 {
			r.verbatim(n) // kept as written: the flat model has no table in a quote
		} else {
			r.table(n)
		}
	case *extast.FootnoteList:
		r.footnotes(n, c)
	default:
		if n.HasChildren() {
			r.children(n, c)
		} else if n.Type() == ast.TypeBlock {
			r.verbatim(n)
		}
	}
}

func (r *mdReader) children(n ast.Node, c mdContext) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		r.walk(ch, c)
	}
}

func (r *mdReader) list(l *ast.List, c mdContext) {
	c.list++
	num := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := string(l.Marker)
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + marker
			num++
		}
		r.item(item, c, marker)
	}
}

// item reads one list item: its first text carries the marker, later ones
// are continuations.
func (r *mdReader) item(item ast.Node, c mdContext, marker string) {
	pending := marker
	for ch := item.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			r.textBlock(ch, c, ListItem, 0, pending)
			pending = ""
			continue
		case ast.KindList:
			r.emptyItem(item, c, pending)
		default:
			if r.lineOf(ch, 0) != r.lineOf(item, -1) {
				r.emptyItem(item, c, pending)
			} // else the verbatim source line holds the marker
		}
		pending = ""
		r.walk(ch, c)
	}
	r.emptyItem(item, c, pending)
}

func (r *mdReader) emptyItem(item ast.Node, c mdContext, marker string) {
	if marker == "" {
		return
	}
	r.add(Block{Marker: marker, Line: r.lineOf(item, 0)}, c, ListItem, 0)
}

// textBlock adds a block of sentences from the inline content of n.
func (r *mdReader) textBlock(n ast.Node, c mdContext, kind BlockKind, level int, marker string) {
	b := Block{Marker: marker, Line: r.lineOf(n, 0)}
	frag := r.inline.render(n)
	for _, sp := range SplitMarkupSpans(frag) {
		seg := Segment{Source: frag[sp[0]:sp[1]], Line: r.inline.lineAt(sp[0], b.Line)}
		if strings.IndexByte(seg.Source, '<') >= 0 {
			seg.Markup = true
		} else {
			seg.Source = html.UnescapeString(seg.Source)
		}
		b.Segments = append(b.Segments, seg)
	}
	topHeading := kind == Heading && c.quote == 0 && c.list == 0
	if len(b.Segments) == 0 && marker == "" && !topHeading {
		return // nothing left of it, such as an unsafe link's empty text
	}
	if b.Line == 0 && len(b.Segments) > 0 {
		b.Line = b.Segments[0].Line
	}
	r.add(b, c, kind, level)
}

// add appends b with the kind and level its context gives it.
func (r *mdReader) add(b Block, c mdContext, kind BlockKind, level int) {
	switch {
	case c.quote > 0:
		b.Kind, b.Level = Quote, c.quote
	case c.list > 0:
		b.Kind, b.Level = ListItem, c.list
	default:
		b.Kind, b.Level = kind, level
	}
	r.doc.Blocks = append(r.doc.Blocks, b)
}

// verbatim adds a block holding the source lines of n as they are.
func (r *mdReader) verbatim(n ast.Node) {
	line := r.lineOf(n, 0)
	if line == 0 {
		return
	}
	start := r.lines.start(line)
	end := len(r.src)
	if next := nextBlock(n); next != nil {
		if l := r.lineOf(next, 0); l > line {
			end = r.lines.start(l)
		}
	}
	raw := trimBlankTail(string(r.src[start:end]))
	if raw == "" {
		return
	}
	r.doc.Blocks = append(r.doc.Blocks, Block{Kind: Verbatim, Line: line, Segments: []Segment{{Source: raw, Line: line}}})
}

// lineOf returns the line where block n starts, or fallback when unknown.
func (r *mdReader) lineOf(n ast.Node, fallback int) int {
	if p := n.Pos(); p >= 0 && p < len(r.src) {
		return r.lines.line(p)
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return r.lines.line(n.Lines().At(0).Start)
	}
	return fallback
}

// nextBlock returns the block that follows n in document order, outside n.
func nextBlock(n ast.Node) ast.Node {
	for ; n != nil; n = n.Parent() {
		if s := n.NextSibling(); s != nil {
			return s
		}
	}
	return nil
}

// trimBlankTail removes trailing lines that hold only white space or
// quote markers, and the final line end.
func trimBlankTail(s string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 0 && strings.Trim(lines[len(lines)-1], " \t>") == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// checkNesting refuses lines that open more than maxNesting quotes and
// list items, or that are indented by more than 4×maxNesting columns (deep
// lists nested by indentation).
func checkNesting(path, body string) error {
	line := 1
	for rest := body; rest != ""; line++ {
		cur := rest
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			cur, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		if containerDepth(cur) > maxNesting || len(cur)-len(strings.TrimLeft(cur, " \t")) > 4*maxNesting {
			return inputErrorf(path, line, "more than %d nested quotes or lists; flatten the Markdown structure", maxNesting)
		}
	}
	return nil
}

// containerDepth counts the quote and list markers that open line.
func containerDepth(line string) int {
	depth := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '+' || c == '*') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 >= len(line) || (line[j] != '.' && line[j] != ')') || (line[j+1] != ' ' && line[j+1] != '\t') {
				return depth
			}
			depth++
			i = j + 2
		default:
			return depth
		}
	}
	return depth
}
