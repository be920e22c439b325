package review

import (
	"strings"
)

// Style says how [Render], [RenderDiff] and [RenderText] show deleted and
// inserted text and the looks of inline markup.
type Style struct {
	Del, Ins func(string) string
	// Look shows text with a look (nil: as it is); Del and Ins wrap its
	// result.
	Look func(text string, l Look) string
	// Paint, when set, shows a piece of a diff with its look in one go,
	// in place of Del, Ins and Look (for renderers that cannot nest).
	Paint func(text string, op Op, l Look) string
}

// Markers shows changes as [-deleted-]{+inserted+}, like git diff
// --word-diff=plain, and looks as Markdown: *emphasis*, **strong**,
// ~~struck~~, `code`; links as their text.
var Markers = Style{
	Del:  func(s string) string { return "[-" + s + "-]" },
	Ins:  func(s string) string { return "{+" + s + "+}" },
	Look: markdownLook,
}

// ANSI shows deletions in red and insertions in green with terminal
// escape codes, and looks as italic, bold, struck or underlined (links)
// text.
var ANSI = Style{
	Del:  func(s string) string { return "\x1b[31m" + s + "\x1b[39m" },
	Ins:  func(s string) string { return "\x1b[32m" + s + "\x1b[39m" },
	Look: ansiLook,
}

// paint shows runs as one piece of a diff.
func (st Style) paint(runs []Run, op Op) string {
	var b strings.Builder
	for _, r := range runs {
		if st.Paint != nil {
			b.WriteString(st.Paint(r.Text, op, r.Look))
			continue
		}
		t := r.Text
		if r.Look != 0 && st.Look != nil {
			t = st.Look(t, r.Look)
		}
		b.WriteString(t)
	}
	if st.Paint != nil {
		return b.String()
	}
	switch op {
	case Delete:
		return st.Del(b.String())
	case Insert:
		return st.Ins(b.String())
	}
	return b.String()
}

// markdownLook writes a look's Markdown delimiters around the text, white
// space at its edges left outside.
func markdownLook(text string, l Look) string {
	d := ""
	switch {
	case l&Code != 0:
		d = "`"
	case l&Bold != 0 && l&Italic != 0:
		d = "***"
	case l&Bold != 0:
		d = "**"
	case l&Italic != 0:
		d = "*"
	case l&Strike != 0:
		d = "~~"
	}
	core := strings.TrimSpace(text)
	if d == "" || core == "" {
		return text
	}
	i := strings.Index(text, core)
	return text[:i] + d + core + d + text[i+len(core):]
}

// ansiLook sets the terminal attributes of a look around the text,
// turning each off again (so that a diff's colour stays).
func ansiLook(text string, l Look) string {
	on, off := "", ""
	for _, a := range []struct {
		l       Look
		on, off string
	}{{Bold, "1", "22"}, {Italic, "3", "23"}, {Strike, "9", "29"}, {Link | Code, "4", "24"}} {
		if l&a.l != 0 {
			on += "\x1b[" + a.on + "m"
			off = "\x1b[" + a.off + "m" + off
		}
	}
	return on + text + off
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
