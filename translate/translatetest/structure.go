package translatetest

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	gmtext "github.com/yuin/goldmark/text"

	"github.com/bitext/bitext/translate"
)

// SameStructure parses two Markdown texts (a French article and its
// translation) with the GFM parser bitext reads Markdown with and compares
// their block and inline trees: the same nodes in the same nesting, with
// the same heading levels, list kinds, table shapes and alignments, link
// and image destinations, code, autolinks and footnote references. Text
// itself may differ (and be split into a different number of text nodes);
// front matter is left out. It returns an error describing the first
// difference.
func SameStructure(fr, en string) error {
	a, b := outline(fr), outline(en)
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return fmt.Errorf("the translation has more: %s", b[i])
		case i >= len(b):
			return fmt.Errorf("the translation lacks %s", a[i])
		case a[i] != b[i]:
			return fmt.Errorf("node %d: French %s, English %s\nFrench:\n%s\nEnglish:\n%s", i, a[i], b[i],
				strings.Join(a, "\n"), strings.Join(b, "\n"))
		}
	}
	return nil
}

// outline lists the nodes of a Markdown text, depth first, one line each.
func outline(md string) []string {
	md = stripFrontMatter(md)
	src := []byte(md)
	root := translate.MarkdownParser().Parse(gmtext.NewReader(src))
	var out []string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if d := describeNode(n, src); d != "" {
			out = append(out, strings.Repeat(" ", depth(n))+d)
		}
		return ast.WalkContinue, nil
	})
	return out
}

func depth(n ast.Node) int {
	d := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		d++
	}
	return d
}

// describeNode names a node with what must not change; "" for text.
func describeNode(n ast.Node, src []byte) string {
	switch n := n.(type) {
	case *ast.Text, *ast.String:
		return ""
	case *ast.Heading:
		return fmt.Sprintf("Heading %d", n.Level)
	case *ast.List:
		return fmt.Sprintf("List ordered=%v start=%d", n.IsOrdered(), n.Start)
	case *ast.Link:
		return fmt.Sprintf("Link %q", n.Destination)
	case *ast.Image:
		return fmt.Sprintf("Image %q", n.Destination)
	case *ast.AutoLink:
		return fmt.Sprintf("AutoLink %q", n.URL(src))
	case *ast.CodeSpan:
		var code strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				code.Write(t.Value(src))
			}
		}
		return fmt.Sprintf("CodeSpan %q", code.String())
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		return fmt.Sprintf("%s %q", n.Kind(), lines(n, src))
	case *ast.RawHTML:
		return fmt.Sprintf("RawHTML %q", segments(n.Segments, src))
	case *ast.Emphasis:
		return fmt.Sprintf("Emphasis %d", n.Level)
	case *extast.Table:
		return fmt.Sprintf("Table %v", n.Alignments)
	case *extast.TaskCheckBox:
		return fmt.Sprintf("TaskCheckBox %v", n.IsChecked)
	case *extast.FootnoteLink:
		return fmt.Sprintf("FootnoteLink %d", n.Index)
	case *extast.Footnote:
		return fmt.Sprintf("Footnote %q", n.Ref)
	}
	return n.Kind().String()
}

func lines(n ast.Node, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

func segments(s *gmtext.Segments, src []byte) string {
	var b strings.Builder
	for i := 0; i < s.Len(); i++ {
		seg := s.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// stripFrontMatter removes a leading YAML front matter block.
func stripFrontMatter(md string) string {
	if !strings.HasPrefix(md, "---\n") {
		return md
	}
	rest := md[4:]
	for _, end := range []string{"\n---\n", "\n...\n"} {
		if i := strings.Index(rest, end); i >= 0 {
			return rest[i+len(end):]
		}
	}
	return md
}
