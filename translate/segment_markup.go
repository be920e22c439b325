package translate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// voidElements are the HTML elements that have no closing tag.
var voidElements = map[string]bool{
	"area": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// SplitMarkupSpans splits an inline HTML fragment (the Source of a Markup
// segment: escaped text with <em>, <strong>, <code>, <a> and the like) into
// sentences like [SplitSentenceSpans], and with the same guarantees, but
// never inside a tag and never inside an element: where an element spans a
// sentence boundary, the sentences stay together, so that every span has
// balanced tags when the fragment has. Tags before a sentence's first word
// and after its last punctuation belong to it.
func SplitMarkupSpans(frag string) [][2]int {
	st := stripMarkupTags(frag)
	spans := SplitSentenceSpans(st.plain)
	if len(spans) == 0 {
		if start, end := skipSpace(frag, 0), trimSpaceEnd(frag); start < end {
			return [][2]int{{start, end}} // tags without text, such as an image
		}
		return nil
	}
	var out [][2]int
	start := skipSpace(frag, 0)
	for k := 0; k+1 < len(spans); k++ {
		last := spans[k][1] - 1
		from, to := st.pos[last]+1, st.pos[spans[k+1][0]]
		if cut, next, ok := findCut(frag, from, to, st.depth[last]); ok {
			out = append(out, [2]int{start, cut})
			start = next
		}
	}
	return append(out, [2]int{start, trimSpaceEnd(frag)})
}

// SplitMarkup is [SplitMarkupSpans] returning the text of each span.
func SplitMarkup(frag string) []string {
	spans := SplitMarkupSpans(frag)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = frag[sp[0]:sp[1]]
	}
	return out
}

// stripped is a fragment with its tags taken out: plain holds the text
// bytes, pos[i] the offset in the fragment of plain[i] and depth[i] how many
// elements are open around it.
type stripped struct {
	plain string
	pos   []int
	depth []int
}

func stripMarkupTags(frag string) stripped {
	var plain strings.Builder
	st := stripped{pos: make([]int, 0, len(frag)), depth: make([]int, 0, len(frag))}
	var sc tagScanner
	d := 0
	for i := 0; i < len(frag); {
		if end, delta := sc.scan(frag, i); end > 0 {
			d = max(d+delta, 0)
			i = end
			continue
		}
		plain.WriteByte(frag[i])
		st.pos = append(st.pos, i)
		st.depth = append(st.depth, d)
		i++
	}
	st.plain = plain.String()
	return st
}

// findCut looks in frag[from:to], which holds only tags and white space,
// for a run of white space outside any element, starting at depth open
// elements. It returns where the run starts and ends.
func findCut(frag string, from, to, depth int) (cut, next int, ok bool) {
	var sc tagScanner
	for i := from; i < to; {
		if end, delta := sc.scan(frag, i); end > 0 {
			depth = max(depth+delta, 0)
			i = end
			continue
		}
		r, w := utf8.DecodeRuneInString(frag[i:])
		if !unicode.IsSpace(r) {
			return 0, 0, false
		}
		j := skipSpace(frag, i+w)
		if depth == 0 {
			return i, min(j, to), true
		}
		i = j
	}
	return 0, 0, false
}

// tagScanner recognises HTML tags, remembering where no more ">" or "-->"
// is to be found so that text full of "<" is scanned in linear time.
type tagScanner struct {
	noGT, noCommentEnd int // 1 + offset from which none is left, or 0
}

// scan returns the end of the tag starting at frag[i] and how it changes the
// element depth (+1 opening, -1 closing, 0 void or comment), or end 0 when
// no tag starts there.
func (sc *tagScanner) scan(frag string, i int) (end, delta int) {
	if frag[i] != '<' || i+1 >= len(frag) {
		return 0, 0
	}
	c := frag[i+1]
	if !isASCIILetter(c) && c != '/' && c != '!' {
		return 0, 0
	}
	if strings.HasPrefix(frag[i:], "<!--") && (sc.noCommentEnd == 0 || i < sc.noCommentEnd-1) {
		if k := strings.Index(frag[i+4:], "-->"); k >= 0 {
			return i + 4 + k + 3, 0
		}
		sc.noCommentEnd = i + 1
	}
	if sc.noGT > 0 && i >= sc.noGT-1 {
		return 0, 0
	}
	k := strings.IndexByte(frag[i:], '>')
	if k < 0 {
		sc.noGT = i + 1
		return 0, 0
	}
	end = i + k + 1
	return end, tagDelta(frag[i:end])
}

// tagDelta tells how a whole tag ("<em>", "</em>", "<br/>") changes depth.
func tagDelta(tag string) int {
	switch {
	case strings.HasPrefix(tag, "</"):
		return -1
	case strings.HasPrefix(tag, "<!"), strings.HasSuffix(tag, "/>"):
		return 0
	case voidElements[strings.ToLower(tagName(tag))]:
		return 0
	}
	return 1
}

// tagName returns the element name of a tag such as `<a href="…">`.
func tagName(tag string) string {
	name := strings.TrimLeft(tag, "</")
	if k := strings.IndexFunc(name, func(r rune) bool { return !isASCIILetter(byte(r)) && (r < '0' || r > '9') }); k >= 0 {
		name = name[:k]
	}
	return name
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
