package translate

import (
	"fmt"
	"path/filepath"
	"strings"
)

// InputError is the error returned for an article that cannot be read: an
// unsupported encoding, a binary file, an empty file, bad front matter. It
// names the file and, when there is one, the line, and its message says what
// to do about it, so that the command line can print it as it is.
type InputError struct {
	// Path is the file, as given to [Read] ("-" for standard input).
	Path string
	// Line is the 1-based line the problem is on, or 0 for the whole file.
	Line int
	// Msg explains the problem and how to fix it.
	Msg string
}

// Error formats the error as "path:line: msg" (or "path: msg").
func (e *InputError) Error() string {
	name := e.Path
	if name == "-" {
		name = "stdin"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", name, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", name, e.Msg)
}

func inputErrorf(path string, line int, format string, args ...any) *InputError {
	return &InputError{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// FormatOf returns the format a file name implies: Markdown for .md and
// .markdown, HTML for .html, .htm and .xhtml, Word for .docx (in any
// case), plain text for anything else, "-" included.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".docx":
		return FormatDocx
	}
	return FormatText
}

// Read parses an article whose bytes are data, in the format its path's
// extension implies ([FormatOf]). path is used for messages and stored in
// the Document; a caller reading standard input passes "-".
//
// Read accepts UTF-8 with or without a byte-order mark, with LF, CRLF or CR
// line ends, and Windows-1252 (Latin-1) text, which it converts and notes in
// Document.Warnings. It refuses UTF-16, binary and empty files with an
// [*InputError].
func Read(path string, data []byte) (*Document, error) {
	return ReadFormat(path, data, FormatOf(path))
}

// ReadFormat is like [Read] with the format given explicitly.
func ReadFormat(path string, data []byte, f Format) (*Document, error) {
	switch f {
	case FormatDocx:
		doc, err := readDocx(path, data)
		return finishRead(doc, err, path, f)
	case FormatHTML:
		doc, err := readHTML(path, data)
		return finishRead(doc, err, path, f)
	}
	text, warnings, err := decodeText(path, data)
	if err != nil {
		return nil, err
	}
	if err := checkLineLengths(path, text); err != nil {
		return nil, err
	}
	var doc *Document
	switch f {
	case FormatText:
		doc, err = readText(path, text)
	case FormatMarkdown:
		doc, err = readMarkdown(path, text)
	default:
		return nil, inputErrorf(path, 0, "unknown format %q; use %q, %q, %q or %q", f, FormatText, FormatMarkdown, FormatHTML, FormatDocx)
	}
	if err != nil {
		return nil, err
	}
	doc.Path = path
	doc.Format = f
	doc.Warnings = append(warnings, doc.Warnings...)
	return doc, nil
}

// MaxLine is the longest line an article may have, in bytes. A news
// paragraph is a few hundred bytes; a line of megabytes is a data file or
// a whole archive on one line, which would take minutes and gigabytes to
// translate as one paragraph.
const MaxLine = 1 << 20

// checkLineLengths refuses text with a line longer than MaxLine.
func checkLineLengths(path, text string) error {
	line := 1
	for len(text) > 0 {
		n := strings.IndexByte(text, '\n')
		if n < 0 {
			n = len(text)
		}
		if n > MaxLine {
			return inputErrorf(path, line, "line is %.1f MB long, over the %d MB a paragraph may have; this is not an article (split it into paragraphs separated by blank lines)",
				float64(n)/(1<<20), MaxLine>>20)
		}
		text = text[min(n+1, len(text)):]
		line++
	}
	return nil
}

// lineIndex maps byte offsets of a text to 1-based line numbers.
type lineIndex []int

// newLineIndex records where each line of text starts.
func newLineIndex(text string) lineIndex {
	idx := lineIndex{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// line returns the 1-based line holding byte offset off.
func (idx lineIndex) line(off int) int {
	lo, hi := 0, len(idx)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// start returns the byte offset where the 1-based line begins.
func (idx lineIndex) start(line int) int { return idx[line-1] }
