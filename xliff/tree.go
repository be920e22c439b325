package xliff

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The default limits on what Read accepts: beyond them a file is refused
// with an error rather than read into memory.
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

// Limits bound what ReadLimited accepts; a zero field takes the default
// (MaxFileSize, MaxDepth, MaxAttr).
type Limits struct {
	FileSize int64
	Depth    int
	Attr     int
}

// orDefault returns l with the defaults in its zero fields.
func (l Limits) orDefault() Limits {
	if l.FileSize <= 0 {
		l.FileSize = MaxFileSize
	}
	if l.Depth <= 0 {
		l.Depth = MaxDepth
	}
	if l.Attr <= 0 {
		l.Attr = MaxAttr
	}
	return l
}

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
func parseTree(r io.Reader, lim Limits) (*node, error) {
	cr := &countingReader{r: io.LimitReader(r, lim.FileSize+1)}
	root, err := decodeTree(xml.NewDecoder(cr), lim)
	if cr.n > lim.FileSize {
		return nil, fmt.Errorf("file is larger than %s", size(lim.FileSize))
	}
	return root, err
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// decodeTree builds the tree of the document d reads.
func decodeTree(d *xml.Decoder, lim Limits) (*node, error) {
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
			n, err := newNode(t, line, len(stack), lim)
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
func newNode(t xml.StartElement, line, depth int, lim Limits) (*node, error) {
	if depth >= lim.Depth {
		return nil, fmt.Errorf("line %d: elements nested deeper than %d", line, lim.Depth)
	}
	for _, a := range t.Attr {
		if len(a.Value) > lim.Attr {
			return nil, fmt.Errorf("line %d: attribute %s of <%s> is longer than %s", line, a.Name.Local, t.Name.Local, size(int64(lim.Attr)))
		}
	}
	return &node{name: t.Name, attrs: t.Copy().Attr, line: line}, nil
}

// size writes a number of bytes for messages: "64 MiB", "64 KiB", "100 bytes".
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
