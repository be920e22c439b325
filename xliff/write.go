package xliff

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/inline"
)

// Write writes doc as XLIFF in doc.Version (2.1 when empty).
func Write(w io.Writer, doc *Document) error {
	x := &xmlWriter{w: bufio.NewWriter(w)}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	switch doc.Version {
	case V21, "":
		write2(x, doc)
	case V12:
		write12(x, doc)
	default:
		return fmt.Errorf("unknown XLIFF version %q (choose 2.1 or 1.2)", doc.Version)
	}
	if x.err != nil {
		return x.err
	}
	if err := x.w.Flush(); err != nil {
		return fmt.Errorf("failed to write XLIFF: %w", err)
	}
	return nil
}

// xmlWriter writes XML, keeping the first error.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

func (x *xmlWriter) fail(err error) {
	if x.err == nil {
		x.err = err
	}
}

// text writes s escaped for text content; cp, when set, writes each
// character XML cannot hold (2.1's <cp hex="…"/>), else it is an error.
func (x *xmlWriter) text(s string, cp func(r rune)) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case !xmlChar(r) && cp != nil:
			x.raw(b.String())
			b.Reset()
			cp(r)
		case !xmlChar(r):
			x.fail(fmt.Errorf("character %U cannot be written in XLIFF 1.2", r))
			return
		default:
			b.WriteRune(r)
		}
	}
	x.raw(b.String())
}

// attr writes ` name="value"`, value escaped; an empty value is left out.
func (x *xmlWriter) attr(name, value string) {
	if value == "" {
		return
	}
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")
	x.raw(" " + name + `="` + r.Replace(strings.ToValidUTF8(stripInvalid(value), "\uFFFD")) + `"`)
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF && r != utf8.RuneError
}

// stripInvalid removes what XML cannot hold from an attribute value
// (names and hints only: content goes through text).
func stripInvalid(s string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}

// codeID is the XLIFF id of an inline code: inline's id.
func codeID(c *inline.Code) string { return strconv.Itoa(c.ID) }

// codeData is the native data a code stands for: its markup, or the
// text of a protected span.
func codeData(c *inline.Code) string {
	if c.Data != "" {
		return c.Data
	}
	return c.Text
}

// checkPairs reports an Open without its Close or the other way round,
// which neither version can write as a pair.
func checkPairs(c inline.Content) error {
	var stack []int
	for _, p := range c {
		switch {
		case p.Code == nil:
		case p.Code.Type == inline.Open:
			stack = append(stack, p.Code.ID)
		case p.Code.Type == inline.Close:
			if len(stack) == 0 || stack[len(stack)-1] != p.Code.ID {
				return fmt.Errorf("code %d closes out of order", p.Code.ID)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		return fmt.Errorf("code %d is never closed", stack[len(stack)-1])
	}
	return nil
}
