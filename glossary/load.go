package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Problem is something wrong in a glossary file, at a line (0 when the
// whole file is concerned). It is also the error Parse and Load return.
type Problem struct {
	Path string
	Line int
	Msg  string
	// Warning is set on findings of Lint that do not stop a glossary from
	// loading (see Lint).
	Warning bool
}

func (p Problem) Error() string {
	msg := p.Msg
	if p.Warning {
		msg = "warning: " + msg
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, msg)
	}
	return fmt.Sprintf("%s: %s", p.Path, msg)
}

// ErrUnknownFormat is wrapped by the error for a file whose extension is
// none of .csv, .tsv, .yaml, .yml and .tbx.
var ErrUnknownFormat = errors.New("unknown glossary format")

// FormatOf returns the format of a glossary file by its extension.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV, nil
	case ".tsv", ".tab":
		return TSV, nil
	case ".yaml", ".yml":
		return YAML, nil
	case ".tbx":
		return TBX, nil
	}
	return "", fmt.Errorf("%s: %w (use .csv, .tsv, .yaml or .tbx)", path, ErrUnknownFormat)
}

// defaultNames are the files FindDefault looks for, in order.
var defaultNames = []string{"glossary.csv", "glossary.tsv", "glossary.yaml", "glossary.yml", "glossary.tbx"}

// FindDefault returns the glossary file of a folder (glossary.csv,
// glossary.tsv, glossary.yaml, glossary.yml or glossary.tbx, the first
// that exists), used when no --glossary is given.
func FindDefault(dir string) (string, bool) {
	for _, n := range defaultNames {
		p := filepath.Join(dir, n)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, true
		}
	}
	return "", false
}

// Load reads and merges glossary files, each in the format its extension
// names. Entries of a later file override those of an earlier one with the
// same source; within one file, one source with two targets is a mistake
// and an error. Errors name the file and line.
func Load(paths ...string) (*Glossary, error) {
	var all []Entry
	for _, p := range paths {
		es, probs, err := readFile(p)
		if err != nil {
			return nil, err
		}
		probs = append(probs, duplicates(es, true)...)
		if len(probs) > 0 {
			return nil, probs[0]
		}
		all = append(all, es...)
	}
	return New(all)
}

// readFile parses one file, returning its entries and the problems of its
// format and of each entry.
func readFile(path string) ([]Entry, []Problem, error) {
	f, err := FormatOf(path)
	if err != nil {
		return nil, nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to read glossary: %w", err)
	}
	es, probs := parseData(path, data, f)
	return es, probs, nil
}

// Parse reads one glossary in format f; name is used in errors.
func Parse(name string, r io.Reader, f Format) (*Glossary, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", name, err)
	}
	es, probs := parseData(name, data, f)
	probs = append(probs, duplicates(es, true)...)
	if len(probs) > 0 {
		return nil, probs[0]
	}
	return New(es)
}

// parseData checks the encoding, parses the format and checks each entry.
func parseData(name string, data []byte, f Format) ([]Entry, []Problem) {
	data, prob := checkEncoding(name, data)
	if prob != nil {
		return nil, []Problem{*prob}
	}
	var (
		es    []Entry
		probs []Problem
	)
	switch f {
	case CSV:
		es, probs = parseDelimited(name, data, ',')
	case TSV:
		es, probs = parseDelimited(name, data, '\t')
	case YAML:
		es, probs = parseYAML(name, data)
	case TBX:
		es, probs = parseTBX(name, data)
	default:
		return nil, []Problem{{Path: name, Msg: fmt.Sprintf("%v %q", ErrUnknownFormat, f)}}
	}
	for i := range es {
		es[i].clean()
		for _, msg := range es[i].validate() {
			probs = append(probs, Problem{Path: name, Line: es[i].Line, Msg: msg})
		}
	}
	sortProblems(probs)
	return es, probs
}

// checkEncoding drops a UTF-8 byte order mark and reports text that is
// not UTF-8, at the line of the first bad byte.
func checkEncoding(name string, data []byte) ([]byte, *Problem) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, &Problem{Path: name, Line: 1, Msg: "bad encoding: UTF-16; save the file as UTF-8"}
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(data) {
		return data, nil
	}
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	return nil, &Problem{Path: name, Line: line,
		Msg: fmt.Sprintf("bad encoding: byte 0x%02X is not UTF-8 (Latin-1 or Windows-1252?); save the file as UTF-8", data[i])}
}

// Write writes the glossary's entries in format f, with a header for CSV
// and TSV. Parse reads back the same entries.
func (g *Glossary) Write(w io.Writer, f Format) error {
	var err error
	switch f {
	case CSV:
		err = writeDelimited(w, g.entries, ',')
	case TSV:
		err = writeDelimited(w, g.entries, '\t')
	case YAML:
		err = writeYAML(w, g.entries)
	case TBX:
		err = writeTBX(w, g.entries)
	default:
		err = fmt.Errorf("%w %q", ErrUnknownFormat, f)
	}
	if err != nil {
		return fmt.Errorf("failed to write glossary: %w", err)
	}
	return nil
}
