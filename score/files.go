package score

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Errors that file reading reports, wrapped with the file (and line) they
// concern; test for them with errors.Is.
var (
	// ErrEmptyFile means a file has no content at all.
	ErrEmptyFile = errors.New("file is empty")
	// ErrInvalidUTF8 means a line is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrEmptyReference means a reference line is empty (or only
	// whitespace), which sacreBLEU 2.x refuses to score.
	ErrEmptyReference = errors.New("empty reference line")
)

// LineError reports a problem on one line of a file; it prints as
// "path:line: problem".
type LineError struct {
	Path string
	Line int // 1-based
	Err  error
}

// Error returns "path:line: problem".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err) }

// Unwrap returns the problem, such as [ErrInvalidUTF8].
func (e *LineError) Unwrap() error { return e.Err }

// LineCountError reports hypothesis and reference files whose numbers of
// lines differ.
type LineCountError struct {
	HypPath  string
	HypLines int
	RefPath  string
	RefLines int
}

// Error names both files and their line counts.
func (e *LineCountError) Error() string {
	return fmt.Sprintf("line counts differ: hypotheses %s have %d lines but references %s have %d",
		e.HypPath, e.HypLines, e.RefPath, e.RefLines)
}

// ReadLines reads a UTF-8 text file as sacreBLEU's command line reads one:
// lines end at "\n" only, a last line without "\n" counts, and trailing
// whitespace (including "\r" and no-break spaces) is removed from each
// line. A byte-order mark is kept, as sacreBLEU keeps it. An empty file is
// an error ([ErrEmptyFile]), and so is a line that is not valid UTF-8 (a
// [*LineError] wrapping [ErrInvalidUTF8]).
func ReadLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read lines: %w", err)
	}
	return SplitLines(path, data)
}

// ReadLinesFrom is like [ReadLines] but reads r (standard input, say);
// name is used in errors.
func ReadLinesFrom(r io.Reader, name string) ([]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", name, err)
	}
	return SplitLines(name, data)
}

// SplitLines splits the content of a file into lines as [ReadLines] does;
// name is used in errors.
func SplitLines(name string, data []byte) ([]string, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrEmptyFile)
	}
	text := strings.TrimSuffix(string(data), "\n")
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if !utf8.ValidString(line) {
			return nil, &LineError{Path: name, Line: i + 1,
				Err: fmt.Errorf("%w at byte %d", ErrInvalidUTF8, invalidAt(line)+1)}
		}
		lines[i] = pyRStrip(line)
	}
	return lines, nil
}

// invalidAt returns the offset of the first invalid UTF-8 byte of s.
func invalidAt(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

// ReadPair reads a hypothesis file and its reference file with
// [ReadLines] and checks them with [CheckPair].
func ReadPair(hypPath, refPath string) (hyps, refs []string, err error) {
	if hyps, err = ReadLines(hypPath); err != nil {
		return nil, nil, err
	}
	if refs, err = ReadLines(refPath); err != nil {
		return nil, nil, err
	}
	if err := CheckPair(hypPath, hyps, refPath, refs); err != nil {
		return nil, nil, err
	}
	return hyps, refs, nil
}

// CheckPair checks that hypotheses and references read from the files
// named hypName and refName can be scored as sacreBLEU would score them:
// the same number of lines (a [*LineCountError] otherwise) and no empty
// reference line (a [*LineError] wrapping [ErrEmptyReference]).
func CheckPair(hypName string, hyps []string, refName string, refs []string) error {
	if len(hyps) != len(refs) {
		return &LineCountError{HypPath: hypName, HypLines: len(hyps),
			RefPath: refName, RefLines: len(refs)}
	}
	for i, ref := range refs {
		if ref == "" {
			return &LineError{Path: refName, Line: i + 1, Err: ErrEmptyReference}
		}
	}
	return nil
}

// ScoreFiles scores the hypothesis file against the reference file, line
// by line, with [ReadPair] and [Evaluate].
func ScoreFiles(hypPath, refPath string) (Report, error) {
	hyps, refs, err := ReadPair(hypPath, refPath)
	if err != nil {
		return Report{}, err
	}
	r := Evaluate(hyps, refs)
	r.Hyp, r.Ref = hypPath, refPath
	return r, nil
}
