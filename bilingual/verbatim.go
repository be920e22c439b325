package bilingual

import (
	"strings"

	"github.com/bitext/bitext/translate"
)

// Verbatim blocks hold raw Markdown that is copied, never translated:
// fenced or indented code, raw HTML, thematic breaks.

// verbatimSource returns the raw text of a verbatim block.
func verbatimSource(b translate.Block) string {
	if len(b.Segments) == 0 {
		return ""
	}
	return strings.Trim(b.Segments[0].Source, "\n")
}

// verbatimBody returns what a reader sees of raw: the code inside the
// fences of a fenced block, the text itself otherwise.
func verbatimBody(raw string) string {
	if !isFenced(raw) {
		return raw
	}
	lines := strings.Split(raw, "\n")
	return strings.Join(lines[1:len(lines)-1], "\n")
}

func isThematicBreak(s string) bool {
	t := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if len(t) < 3 {
		return false
	}
	return strings.Trim(t, "-") == "" || strings.Trim(t, "*") == "" || strings.Trim(t, "_") == ""
}

// isFenced reports whether s is one complete fenced code block: a fence
// line first and a closing fence of the same character, at least as long,
// last.
func isFenced(s string) bool {
	lines := strings.Split(s, "\n")
	if len(lines) < 2 {
		return false
	}
	first, last := lines[0], strings.TrimSpace(lines[len(lines)-1])
	for _, c := range []byte{'`', '~'} {
		n := len(first) - len(strings.TrimLeft(first, string(c)))
		if n < 3 || !isClosingFence(last, c, n) {
			continue
		}
		for _, l := range lines[1 : len(lines)-1] {
			if isClosingFence(strings.TrimSpace(l), c, n) {
				return false // closes early: the rest would be live Markdown
			}
		}
		return c == '~' || !strings.Contains(first[n:], "`")
	}
	return false
}

func isClosingFence(line string, c byte, n int) bool {
	return len(line) >= n && strings.Trim(line, string(c)) == ""
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
