package translate

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/bitext/bitext/inline"
)

// mdWriter lays out Markdown blocks: separators between them, heading and
// quote prefixes, list markers and their indentation.
type mdWriter struct {
	buf *bytes.Buffer
	// loose marks list items of runs that hold continuation paragraphs and
	// so need blank lines between items.
	loose []bool
	// widths is the content indentation of the current item at each list
	// level, styles the marker style ("-", "1.", "1)") there.
	widths []int
	styles []string
	// sameLine says that the next item goes on the line of its empty parent.
	sameLine bool
}

// looseLists marks the ListItem blocks of every list (a run of list items
// whose outermost markers keep one style) that holds a continuation (an
// item without a marker).
func looseLists(blocks []Block) []bool {
	loose := make([]bool, len(blocks))
	for i := 0; i < len(blocks); {
		j, cont, style := i, false, ""
		for j < len(blocks) && blocks[j].Kind == ListItem {
			b := blocks[j]
			if b.Level <= 1 && b.Marker != "" {
				if style != "" && markerStyle(b.Marker) != style {
					break
				}
				style = markerStyle(b.Marker)
			}
			cont = cont || b.Marker == ""
			j++
		}
		for k := i; k < j; k++ {
			loose[k] = cont
		}
		i = max(j, i+1)
	}
	return loose
}

// separate writes what goes between block i-1 (or the front matter) and
// block i.
func (w *mdWriter) separate(blocks []Block, i int) {
	if i == 0 {
		w.buf.WriteString("\n")
		return
	}
	prev, cur := blocks[i-1], blocks[i]
	switch {
	case prev.Kind == ListItem && cur.Kind == ListItem:
		if emptyItem(prev) && cur.Level == prev.Level+1 && cur.Marker != "" {
			w.buf.WriteString(" ") // "- - item": the sure way to nest under an empty item
			w.sameLine = true
		} else if w.loose[i] || w.startsList(prev, cur) {
			w.buf.WriteString("\n\n")
		} else {
			w.buf.WriteString("\n")
		}
	case prev.Kind == Quote && cur.Kind == Quote:
		w.buf.WriteString("\n")
		if prev.Marker == "" || cur.Marker == "" {
			w.buf.WriteString(strings.Repeat(">", max(min(prev.Level, cur.Level), 1)) + "\n")
		}
	default:
		w.buf.WriteString("\n\n")
	}
}

func emptyItem(b Block) bool { return b.Marker != "" && len(b.Segments) == 0 }

// startsList reports whether cur, following the list item prev, opens a
// list that must be set apart by a blank line: a change of marker style,
// or a new (nested) list that could not interrupt the paragraph above (an
// ordered one not starting at 1, or an empty item).
func (w *mdWriter) startsList(prev, cur Block) bool {
	if cur.Marker == "" {
		return false
	}
	style := markerStyle(cur.Marker)
	if cur.Level <= len(w.styles) && cur.Level <= prev.Level {
		return w.styles[cur.Level-1] != style
	}
	n, ordered := markerNumber(cur.Marker)
	return ordered && n != 1 || len(cur.Segments) == 0
}

// block writes one block whose segment texts (on the chosen side) are segs.
func (w *mdWriter) block(b Block, segs []string, i int) {
	switch b.Kind {
	case Verbatim:
		w.buf.WriteString(strings.Join(segs, "\n"))
		return
	case Table:
		w.buf.WriteString(tableMarkdown(b, segs))
		return
	}
	text := blockMarkdown(b, segs, w.continuation(b))
	switch b.Kind {
	case Heading, Headline:
		w.heading(b, text)
	case Quote:
		prefix := strings.Repeat("> ", max(b.Level, 1))
		if b.Marker != "" {
			prefix += b.Marker + " "
		}
		w.buf.WriteString(strings.TrimRight(prefix+text, " "))
	case ListItem:
		w.listItem(b, text)
	case Footnote:
		if b.Marker != "" {
			w.buf.WriteString("[^" + b.Marker + "]: " + text)
		} else {
			w.buf.WriteString("    " + text)
		}
	default:
		w.buf.WriteString(text)
	}
}

func (w *mdWriter) heading(b Block, text string) {
	level := min(max(b.Level, 1), 6)
	w.buf.WriteString(strings.Repeat("#", level))
	if text == "" {
		return
	}
	if strings.HasSuffix(text, "#") {
		text = text[:len(text)-1] + `\#`
	}
	w.buf.WriteString(" " + text)
}

// listItem writes an item (or a continuation paragraph when b has no
// marker) indented under its parents.
func (w *mdWriter) listItem(b Block, text string) {
	level := max(b.Level, 1)
	for len(w.widths) < level-1 {
		w.widths = append(w.widths, 2)
		w.styles = append(w.styles, "")
	}
	if b.Marker == "" {
		w.buf.WriteString(strings.Repeat(" ", sum(w.widths[:min(level, len(w.widths))])) + text)
		return
	}
	w.widths, w.styles = w.widths[:level-1], w.styles[:level-1]
	if !w.sameLine {
		w.buf.WriteString(strings.Repeat(" ", sum(w.widths)))
	}
	w.sameLine = false
	w.buf.WriteString(b.Marker)
	if text != "" {
		w.buf.WriteString(" " + text)
	}
	w.widths = append(w.widths, len(b.Marker)+1)
	w.styles = append(w.styles, markerStyle(b.Marker))
}

// continuation is what starts a line of block b after a hard line break:
// its quote markers or its indentation; "" where a break is written <br>
// (headings, which are one line).
func (w *mdWriter) continuation(b Block) string {
	switch b.Kind {
	case Quote:
		return strings.Repeat("> ", max(b.Level, 1))
	case ListItem:
		n := sum(w.widths[:min(max(b.Level, 1)-1, len(w.widths))])
		if b.Marker != "" {
			n += len(b.Marker) + 1
		} else if len(w.widths) >= b.Level && b.Level > 0 {
			n = sum(w.widths[:b.Level])
		}
		return strings.Repeat(" ", n)
	case Footnote:
		return "    "
	}
	return ""
}

// blockMarkdown converts and joins a block's segments, escaping what would
// otherwise start a Markdown construct at the start of the line.
// cont starts the lines after hard line breaks.
func blockMarkdown(b Block, segs []string, cont string) string {
	opts := inline.MarkdownOptions{Continuation: cont, Table: b.Kind == Heading || b.Kind == Headline}
	parts := make([]string, len(segs))
	for i, s := range segs {
		parts[i] = segmentMarkdown(s, b.Segments[i].Markup, opts)
	}
	return escapeLineStart(strings.TrimSpace(strings.Join(parts, " ")))
}

// segmentMarkdown renders one segment (an HTML fragment when markup) as
// Markdown.
func segmentMarkdown(s string, markup bool, opts inline.MarkdownOptions) string {
	if markup {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	} else {
		s = oneLine(s)
	}
	return inline.ParseSegment(s, markup).Markdown(opts)
}

// escapeLineStart escapes a first character that would make a line a
// heading, quote, list item, thematic break or fence.
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	if strings.IndexByte("#>+-=~", s[0]) >= 0 || startsHTMLBlock(s) {
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// htmlBlockTags are the elements whose tag starts an HTML block at the
// start of a line (CommonMark's HTML blocks 1 and 6).
var htmlBlockTags = map[string]bool{
	"script": true, "pre": true, "style": true, "textarea": true,
	"address": true, "article": true, "aside": true, "base": true, "basefont": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "col": true, "colgroup": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "frame": true, "frameset": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "header": true, "hr": true, "html": true,
	"iframe": true, "legend": true, "li": true, "link": true, "main": true, "menu": true, "menuitem": true,
	"nav": true, "noframes": true, "ol": true, "optgroup": true, "option": true, "p": true, "param": true,
	"search": true, "section": true, "summary": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "title": true, "tr": true, "track": true, "ul": true,
}

// startsHTMLBlock reports whether a line starting with s would be read as
// an HTML block rather than a paragraph: a comment, a declaration, a
// block-level tag, or a tag alone on the line.
func startsHTMLBlock(s string) bool {
	if s[0] != '<' {
		return false
	}
	toks := inline.Tokens(s)
	if len(toks) == 0 || toks[0].Kind == inline.TextToken {
		return false
	}
	if toks[0].Kind == inline.CommentToken {
		return true
	}
	return htmlBlockTags[inline.ParseTag(toks[0].Raw).Name] || strings.TrimSpace(s[len(toks[0].Raw):]) == ""
}

// markerStyle is the kind of list a marker belongs to: the bullet itself,
// or "1." / "1)" for ordered markers.
func markerStyle(m string) string {
	if _, ok := markerNumber(m); ok {
		return "1" + m[len(m)-1:]
	}
	return m
}

// markerNumber returns the number of an ordered-list marker such as "3.".
func markerNumber(m string) (int, bool) {
	if len(m) < 2 {
		return 0, false
	}
	n, err := strconv.Atoi(m[:len(m)-1])
	return n, err == nil
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
