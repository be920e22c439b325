package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on what Read accepts: beyond them a file is refused with an
// error rather than read into memory.
const (
	// MaxFileSize is the largest XLIFF file read, in bytes.
	MaxFileSize = 64 << 20
	// MaxDepth is the deepest nesting of elements.
	MaxDepth = 64
	// MaxAttr is the longest attribute value, in bytes.
	MaxAttr = 64 << 10
)

// ErrDoctype is wrapped by the error of a file with a DOCTYPE
// declaration: XLIFF has none, and entity declarations in one can expand
// without bound.
var ErrDoctype = errors.New("DOCTYPE declarations are not allowed in XLIFF (entities could expand without bound)")

// node is an element read: its name, attributes, children (*node or
// string, the text) and line.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	children []any
	line     int
}

// attr returns the value of the attribute local in no namespace (or in
// space, when given).
func (n *node) attr(local string, space ...string) string {
	want := ""
	if len(space) > 0 {
		want = space[0]
	}
	for _, a := range n.attrs {
		if a.Name.Local == local && a.Name.Space == want {
			return a.Value
		}
	}
	return ""
}

// elems returns the child elements named local in n's namespace.
func (n *node) elems(local string) []*node {
	var out []*node
	for _, c := range n.children {
		if e, ok := c.(*node); ok && e.name.Local == local && e.name.Space == n.name.Space {
			out = append(out, e)
		}
	}
	return out
}

// elem returns the first child element named local, or nil.
func (n *node) elem(local string) *node {
	if es := n.elems(local); len(es) > 0 {
		return es[0]
	}
	return nil
}

// parseTree reads an XML document into nodes within the limits above.
func parseTree(r io.Reader) (*node, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB", MaxFileSize>>20)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *node
	var stack []*node
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.Directive:
			if s := strings.TrimSpace(string(t)); len(s) >= 7 && strings.EqualFold(s[:7], "DOCTYPE") {
				return nil, fmt.Errorf("line %d: %w", line, ErrDoctype)
			}
		case xml.StartElement:
			n, err := newNode(t, line, len(stack))
			if err != nil {
				return nil, err
			}
			if len(stack) == 0 {
				root = n
			} else {
				top := stack[len(stack)-1]
				top.children = append(top.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, string(t))
			}
		}
	}
	if root == nil {
		return nil, errors.New("no XML element: the file is empty or not XML")
	}
	return root, nil
}

// newNode checks a start tag against the limits.
func newNode(t xml.StartElement, line, depth int) (*node, error) {
	if depth >= MaxDepth {
		return nil, fmt.Errorf("line %d: elements nested deeper than %d", line, MaxDepth)
	}
	for _, a := range t.Attr {
		if len(a.Value) > MaxAttr {
			return nil, fmt.Errorf("line %d: attribute %s of <%s> is longer than %d KiB", line, a.Name.Local, t.Name.Local, MaxAttr>>10)
		}
	}
	return &node{name: t.Name, attrs: t.Copy().Attr, line: line}, nil
}
