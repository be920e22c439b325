package bilingual

import (
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
)

// measure counts terminal cells. It ignores the locale (RUNEWIDTH_EASTASIAN,
// LANG) so that output is the same on every machine: ambiguous-width
// characters such as « » and é take one cell, CJK ideographs two.
type measure struct {
	cond *runewidth.Condition
}

func newMeasure() measure {
	return measure{cond: &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}}
}

// width returns the cells s takes on a terminal.
func (m measure) width(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x20 || r >= 0x300 || (r >= 0x7f && r <= 0xa0) || r == 0xad {
			return m.cond.StringWidth(s) // beyond the one-cell Latin range
		}
		n++
	}
	return n
}

// pad fills s with spaces up to width cells.
func (m measure) pad(s string, width int) string {
	if n := width - m.width(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// piece is a unit of wrapping: a word, or part of a word after which a
// line may break (CJK text breaks between ideographs).
type piece struct {
	text  string
	width int
	// glued pieces follow the previous one without a space.
	glued bool
}

// wrap fills lines of at most width cells with the words of text. The
// first line starts with first, the others with rest (a hanging indent);
// both must be narrower than width. A word too long for a line is broken
// between characters.
func (m measure) wrap(text string, width int, first, rest string) []string {
	l := lineBuilder{lines: make([]string, 0, len(text)/max(width, 1)+1), restW: m.width(rest), rest: rest}
	l.b.WriteString(first)
	l.w = m.width(first)
	for _, p := range m.pieces(text) {
		gap := 1
		if l.fresh() || p.glued {
			gap = 0
		}
		if !l.fresh() && l.w+gap+p.width > width {
			l.next()
			gap = 0
		}
		if l.w+gap+p.width <= width {
			l.add(gap, p.text, p.width)
			continue
		}
		for _, chunk := range m.hardBreak(p.text, width-l.w, width-l.restW) {
			if !l.fresh() {
				l.next()
			}
			l.add(0, chunk, m.width(chunk))
		}
	}
	return append(l.lines, l.b.String())
}

// lineBuilder accumulates wrapped lines.
type lineBuilder struct {
	lines   []string
	b       strings.Builder
	w       int // cells on the current line
	rest    string
	restW   int
	started bool // the current line holds text beyond its indent
}

func (l *lineBuilder) fresh() bool { return !l.started }

func (l *lineBuilder) add(gap int, text string, width int) {
	if gap > 0 {
		l.b.WriteByte(' ')
	}
	l.b.WriteString(text)
	l.w += gap + width
	l.started = true
}

// next ends the current line and starts one with the hanging indent.
func (l *lineBuilder) next() {
	l.lines = append(l.lines, l.b.String())
	l.b.Reset()
	l.b.WriteString(l.rest)
	l.w, l.started = l.restW, false
}

// pieces splits text into words at breaking white space, and words into pieces
// after every wide (CJK) character.
func (m measure) pieces(text string) []piece {
	out := make([]piece, 0, len(text)/5)
	for _, word := range strings.FieldsFunc(text, breakingSpace) {
		if !mayBeWide(word) {
			out = append(out, m.piece(word, false))
			continue
		}
		glued := false
		start := 0
		for _, c := range clusters(word) {
			start += len(c)
			if m.width(c) < 2 {
				continue
			}
			out = append(out, m.piece(word[:start], glued))
			word, start, glued = word[start:], 0, true
		}
		if word != "" {
			out = append(out, m.piece(word, glued))
		}
	}
	return out
}

// breakingSpace reports whether a line may break at r: white space other
// than the no-break spaces French typography puts in "1 000" and « ».
func breakingSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2007':
		return false
	}
	return unicode.IsSpace(r)
}

// mayBeWide reports whether s has a character from U+1100 on, where
// double-width characters start.
func mayBeWide(s string) bool {
	for _, r := range s {
		if r >= 0x1100 {
			return true
		}
	}
	return false
}

func (m measure) piece(s string, glued bool) piece {
	return piece{text: s, width: m.width(s), glued: glued}
}

// hardBreak cuts s into chunks, the first at most firstW cells wide and
// the others at most restW, between characters. A character wider than
// the space (a CJK one in a one-cell column) gets a chunk of its own.
func (m measure) hardBreak(s string, firstW, restW int) []string {
	var chunks []string
	cur, limit := "", firstW
	for _, c := range clusters(s) {
		if cur != "" && m.width(cur+c) > limit {
			chunks = append(chunks, cur)
			cur, limit = "", restW
		}
		cur += c
	}
	return append(chunks, cur)
}

// clusters splits s into user-perceived characters, closely enough for
// layout: a base character with its combining marks, variation selectors
// and zero-width-joined parts, or a pair of regional indicators (a flag).
func clusters(s string) []string {
	var out []string
	start, prev := 0, rune(0)
	for i, r := range s {
		if i > 0 && !joins(prev, r) {
			out = append(out, s[start:i])
			start = i
		}
		prev = r
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func joins(prev, r rune) bool {
	switch {
	case prev == '\u200d', r == '\u200d', r == '\ufe0f', r == '\ufe0e':
		return true
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc):
		return true
	case isRegional(prev) && isRegional(r):
		return true
	}
	return false
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// terminalSafe replaces control characters (escape sequences could drive
// the terminal) with spaces and drops bidirectional overrides, which
// would reorder the columns on screen.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return -1
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
}
