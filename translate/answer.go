package translate

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/inline"
)

// ErrBadAnswer is wrapped by the errors of [CheckAnswers]: a backend's
// answer that must not reach the memory or the outputs.
var ErrBadAnswer = errors.New("unusable answer")

// ErrWrongCount is wrapped (with [ErrBadAnswer]) by the error for an
// answer with more or fewer translations than the request had segments.
var ErrWrongCount = errors.New("wrong number of translations")

// AnswerError is a backend answer refused by [CheckAnswers], naming the
// segment (Index into the request's segments, -1 for the whole answer).
type AnswerError struct {
	Backend string
	Index   int
	// Source is the segment's text, for messages.
	Source string
	// Problem says what is wrong with the answer.
	Problem string
	// count is set for a wrong number of translations.
	count bool
}

func (e *AnswerError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("%s: %s", e.Backend, e.Problem)
	}
	return fmt.Sprintf("%s: answer for segment %d (%s) refused: %s", e.Backend, e.Index+1, quoteShort(e.Source), e.Problem)
}

// Unwrap makes the error match [ErrBadAnswer] (and [ErrWrongCount]).
func (e *AnswerError) Unwrap() []error {
	if e.count {
		return []error{ErrBadAnswer, ErrWrongCount}
	}
	return []error{ErrBadAnswer}
}

// quoteShort quotes s, cut to 60 characters.
func quoteShort(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// MaxAnswerLen is the most characters (runes) a translation of a segment
// of n characters may have: four times the source plus 200, far above
// any real translation and far below a runaway answer.
func MaxAnswerLen(n int) int { return 4*n + 200 }

// CheckAnswers checks a backend's answer out to req before anything is
// stored or written: exactly one translation per segment; no empty or
// blank translation of a segment that has text; no control character but
// tab (and line feed where the source has one); no translation longer than
// [MaxAnswerLen] of its source. The error is an *[AnswerError] naming the
// backend and the first bad segment. Every backend's answer goes through
// it: remote ones retry a refused answer like a server error.
func CheckAnswers(backend string, req Request, out []string) error {
	if len(out) != len(req.Segments) {
		return &AnswerError{Backend: backend, Index: -1, count: true,
			Problem: fmt.Sprintf("%s: got %d for %d segments", ErrWrongCount, len(out), len(req.Segments))}
	}
	for i, src := range req.Segments {
		if p := answerProblem(src, out[i], req.HTML); p != "" {
			return &AnswerError{Backend: backend, Index: i, Source: src, Problem: p}
		}
	}
	return nil
}

// answerProblem says what is wrong with the translation t of src, or "".
func answerProblem(src, t string, html bool) string {
	if n := utf8.RuneCountInString(t); n > MaxAnswerLen(utf8.RuneCountInString(src)) {
		return fmt.Sprintf("%d characters for a segment of %d", n, utf8.RuneCountInString(src))
	}
	if !utf8.ValidString(t) {
		return "not valid UTF-8"
	}
	for _, r := range t {
		if unicode.IsControl(r) && r != '\t' && !(r == '\n' && strings.ContainsRune(src, '\n')) {
			return fmt.Sprintf("control character %U", r)
		}
	}
	if textOf(t, html) == "" && textOf(src, html) != "" {
		if t == "" {
			return "empty translation"
		}
		return "blank translation"
	}
	return ""
}

// textOf returns s without white space at its ends, and without tags when
// s is an HTML fragment.
func textOf(s string, html bool) string {
	if html {
		s = inline.Parse(s).Plain()
	}
	return strings.TrimSpace(s)
}
