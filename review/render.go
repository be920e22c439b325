package review

import (
	"strings"
)

// Style says how [Render] shows deleted and inserted text.
type Style struct {
	Del, Ins func(string) string
}

// Markers shows changes as [-deleted-]{+inserted+}, like git diff
// --word-diff=plain.
var Markers = Style{
	Del: func(s string) string { return "[-" + s + "-]" },
	Ins: func(s string) string { return "{+" + s + "+}" },
}

// ANSI shows deletions in red and insertions in green with terminal
// escape codes.
var ANSI = Style{
	Del: func(s string) string { return "\x1b[31m" + s + "\x1b[0m" },
	Ins: func(s string) string { return "\x1b[32m" + s + "\x1b[0m" },
}

// Render writes a diff as one text in the given style.
func Render(chunks []Chunk, st Style) string {
	var b strings.Builder
	for _, c := range chunks {
		switch c.Op {
		case Delete:
			b.WriteString(st.Del(c.Text))
		case Insert:
			b.WriteString(st.Ins(c.Text))
		default:
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// similarity is the Dice coefficient of the two texts' words (lower-cased
// multisets): 1 for the same words, 0 for none in common.
func similarity(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 && len(wb) == 0 {
		return 1
	}
	return 2 * float64(common(wa, wb)) / float64(len(wa)+len(wb))
}

func common(wa, wb []string) int {
	count := make(map[string]int, len(wa))
	for _, w := range wa {
		count[w]++
	}
	n := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			n++
		}
	}
	return n
}

// words returns the lower-cased non-space tokens of s.
func words(s string) []string {
	var out []string
	for _, t := range tokenize(strings.ToLower(s)) {
		if strings.TrimSpace(t) != "" {
			out = append(out, t)
		}
	}
	return out
}
