package xliff

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bitext/bitext/inline"
)

// Read reads an XLIFF 2.x or 1.2 file. A file that is not XML, not
// XLIFF or beyond the default limits (MaxFileSize, MaxDepth, MaxAttr) or
// with a DOCTYPE
// is an error; a unit whose content cannot be read is returned with its
// Err set, so that the others can still be imported.
func Read(r io.Reader) (*Document, error) { return ReadLimited(r, Limits{}) }

// ReadLimited is Read within the limits lim.
func ReadLimited(r io.Reader, lim Limits) (*Document, error) {
	root, err := parseTree(r, lim.orDefault())
	if err != nil {
		return nil, err
	}
	if root.name.Local != "xliff" {
		return nil, fmt.Errorf("line %d: root element is <%s>, not <xliff>", root.line, root.name.Local)
	}
	v := root.attr("version")
	switch {
	case root.name.Space == NS2:
		return read2(root), nil
	case root.name.Space == NS12, root.name.Space == "" && strings.HasPrefix(v, "1."):
		return read12(root), nil
	}
	return nil, fmt.Errorf("line %d: unknown XLIFF version %q (namespace %q): bitext reads 2.x and 1.2", root.line, v, root.name.Space)
}

// units collects the units below n, through any groups.
func units(n *node, unit string, read func(*node) Unit) []Unit {
	var out []Unit
	for _, c := range n.children {
		e, ok := c.(*node)
		if !ok || e.name.Space != n.name.Space {
			continue
		}
		switch e.name.Local {
		case unit:
			out = append(out, read(e))
		case "group", "body":
			out = append(out, units(e, unit, read)...)
		}
	}
	return out
}

// contentReader turns inline elements into content. Its codes carry
// only their ID and Type.
type contentReader struct {
	out inline.Content
	err error
	// code maps an inline element to how it is read.
	code func(r *contentReader, e *node)
}

func (r *contentReader) read(n *node) {
	for _, c := range n.children {
		switch v := c.(type) {
		case string:
			r.text(v)
		case *node:
			r.code(r, v)
		}
	}
}

func (r *contentReader) text(s string) {
	if n := len(r.out); n > 0 && r.out[n-1].Code == nil {
		r.out[n-1].Text += s
		return
	}
	r.out = append(r.out, inline.Piece{Text: s})
}

// add appends a code of type t with the XLIFF id id, which must be one of
// bitext's (a number).
func (r *contentReader) add(e *node, t inline.Type, id string) {
	n, err := strconv.Atoi(id)
	if err != nil || n <= 0 {
		r.fail(fmt.Errorf("line %d: <%s> has id %q, which is no code of the source", e.line, e.name.Local, id))
		return
	}
	r.out = append(r.out, inline.Piece{Code: &inline.Code{Type: t, ID: n}})
}

func (r *contentReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// paired reads a paired element (<pc>, <g>): its start, content and end.
func (r *contentReader) paired(e *node, id string) {
	r.add(e, inline.Open, id)
	r.read(e)
	r.add(e, inline.Close, id)
}

// readContent reads the inline content of n with code.
func readContent(n *node, code func(r *contentReader, e *node)) (inline.Content, error) {
	r := &contentReader{code: code}
	if n != nil {
		r.read(n)
	}
	return r.out, r.err
}

// firstErr returns the first error that is not nil.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
