package review

import (
	"strings"

	"github.com/bitext/bitext/inline"
)

// Look is how the editor's article marks a run of text: emphasis, strong
// emphasis, a link. Reviews show it as the editor sees it (italic and bold
// on a terminal), never as tags.
type Look uint8

// The looks; a run may have several.
const (
	Italic Look = 1 << iota // <em>, <i>
	Bold                    // <strong>, <b>
	Strike                  // <del>, <s>
	Code                    // <code> and other inline code
	Link                    // <a href>: shown as its text
)

// Run is text with one look.
type Run struct {
	Text string
	Look Look
}

// elementLooks maps inline element names to their looks.
var elementLooks = map[string]Look{
	"em": Italic, "i": Italic, "cite": Italic, "strong": Bold, "b": Bold,
	"del": Strike, "s": Strike, "strike": Strike, "a": Link,
}

// Runs reads a unit's text (an HTML fragment when markup is set) into
// runs: paired elements become looks, inline code its text, a line break
// a space, images and other tags nothing. Joining the runs' texts gives
// the text an editor reads.
func Runs(text string, markup bool) []Run {
	if !markup {
		return []Run{{Text: text}}
	}
	var out []Run
	var stack []Look
	look := Look(0)
	for _, p := range inline.Parse(text) {
		switch {
		case p.Code == nil:
			out = appendRun(out, Run{p.Text, look})
		case p.Code.Type == inline.Open:
			stack = append(stack, look)
			look |= elementLooks[p.Code.Name]
		case p.Code.Type == inline.Close && len(stack) > 0:
			look, stack = stack[len(stack)-1], stack[:len(stack)-1]
		case p.Code.Name == "br":
			out = appendRun(out, Run{" ", look})
		case p.Code.Kind == inline.InlineCode:
			out = appendRun(out, Run{p.Code.Text, look | Code})
		default:
			out = appendRun(out, Run{inline.Content{p}.Plain(), look})
		}
	}
	return out
}

// appendRun appends r, merging it into the last run when they look alike.
func appendRun(runs []Run, r Run) []Run {
	if r.Text == "" {
		return runs
	}
	if n := len(runs); n > 0 && runs[n-1].Look == r.Look {
		runs[n-1].Text += r.Text
		return runs
	}
	return append(runs, r)
}

// runsText joins the runs' texts.
func runsText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// runCursor walks through runs, handing out the runs of the next n bytes.
type runCursor struct {
	runs []Run
	i    int // current run
	off  int // bytes of it already handed out
}

// take returns the runs of the next n bytes of text.
func (c *runCursor) take(n int) []Run {
	var out []Run
	for n > 0 && c.i < len(c.runs) {
		r := c.runs[c.i]
		k := min(n, len(r.Text)-c.off)
		out = appendRun(out, Run{r.Text[c.off : c.off+k], r.Look})
		n -= k
		c.off += k
		if c.off == len(r.Text) {
			c.i, c.off = c.i+1, 0
		}
	}
	return out
}

// RenderDiff shows the word diff of two texts of a unit (HTML fragments
// when markup is set) in st, each piece with its look: the words deleted
// in the look they had, the others in the look they have now.
func RenderDiff(old, new string, markup bool, st Style) string {
	ro, rn := Runs(old, markup), Runs(new, markup)
	co, cn := runCursor{runs: ro}, runCursor{runs: rn}
	var b strings.Builder
	for _, c := range WordDiff(runsText(ro), runsText(rn)) {
		var runs []Run
		switch c.Op {
		case Delete:
			runs = co.take(len(c.Text))
		case Insert:
			runs = cn.take(len(c.Text))
		default:
			co.take(len(c.Text))
			runs = cn.take(len(c.Text))
		}
		b.WriteString(st.paint(runs, c.Op))
	}
	return b.String()
}

// RenderText shows a unit's text (an HTML fragment when markup is set) in
// st with its looks, as one inserted (op Insert), deleted or unchanged
// piece.
func RenderText(text string, markup bool, op Op, st Style) string {
	return st.paint(Runs(text, markup), op)
}
