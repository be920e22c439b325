package bilingual

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/translate"
)

// Format names an output format of this package.
type Format string

// The output formats; each value is also the file extension.
const (
	FormatHTML     Format = "html"
	FormatMarkdown Format = "md"
	FormatText     Format = "txt"
	FormatJSON     Format = "json"
)

// Formats lists every output format, for help texts.
func Formats() []Format { return []Format{FormatHTML, FormatMarkdown, FormatText, FormatJSON} }

// ParseFormat reads a format name as a user types it: "html", "md" or
// "markdown", "txt" or "text", "json"; case does not matter.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "html", "htm":
		return FormatHTML, nil
	case "md", "markdown":
		return FormatMarkdown, nil
	case "txt", "text":
		return FormatText, nil
	case "json":
		return FormatJSON, nil
	}
	return "", fmt.Errorf("unknown output format %q (known: html, md, txt, json)", s)
}

// Options gathers the settings of every format for [Render].
type Options struct {
	// HTML is passed to [HTML].
	HTML HTMLOptions
	// Width is passed to [Text].
	Width int
}

// Render writes doc to w in format f.
func Render(w io.Writer, f Format, doc *translate.Document, opts Options) error {
	switch f {
	case FormatHTML:
		return HTML(w, doc, opts.HTML)
	case FormatMarkdown:
		return Markdown(w, doc)
	case FormatText:
		return Text(w, doc, opts.Width)
	case FormatJSON:
		return JSON(w, doc)
	}
	return fmt.Errorf("unknown output format %q", f)
}

// WriteFile renders doc in format f into the file at path, atomically:
// the file is replaced only once the whole output is ready, and left as
// it was on any error.
func WriteFile(path string, f Format, doc *translate.Document, opts Options) error {
	var buf bytes.Buffer
	if err := Render(&buf, f, doc, opts); err != nil {
		return err
	}
	if err := atomicfile.Write(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("failed to save %s output: %w", f, err)
	}
	return nil
}

// stickyWriter keeps the first write error and skips later writes, so
// that renderers check once at the end.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}
