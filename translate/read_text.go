package translate

import (
	"strings"
)

// readText parses a plain-text article: the first non-empty line is the
// headline; paragraphs are separated by blank lines, or are one per line
// when the file has no blank line between its first and last lines (the
// document is then marked Compact). Lines inside a paragraph are joined
// with a space.
func readText(path string, text string) (*Document, error) {
	lines := strings.Split(text, "\n")
	first, last := textBounds(lines)
	if first > last {
		return nil, inputErrorf(path, 0, msgEmpty)
	}
	doc := &Document{Compact: isCompact(lines[first : last+1])}
	doc.Blocks = append(doc.Blocks, textBlock(Headline, lines[first:first+1], first+1))
	for i := first + 1; i <= last; {
		if isBlank(lines[i]) {
			i++
			continue
		}
		j := i + 1
		if !doc.Compact {
			for j <= last && !isBlank(lines[j]) {
				j++
			}
		}
		doc.Blocks = append(doc.Blocks, textBlock(Paragraph, lines[i:j], i+1))
		i = j
	}
	return doc, nil
}

// textBounds returns the indexes of the first and last non-blank lines.
func textBounds(lines []string) (first, last int) {
	first, last = 0, len(lines)-1
	for first <= last && isBlank(lines[first]) {
		first++
	}
	for last >= first && isBlank(lines[last]) {
		last--
	}
	return first, last
}

// isCompact reports whether lines (trimmed of blank lines at both ends)
// hold no blank line: one paragraph per line.
func isCompact(lines []string) bool {
	for _, l := range lines {
		if isBlank(l) {
			return false
		}
	}
	return true
}

func isBlank(line string) bool { return isAllSpace(line) }

// textBlock builds a block from the lines of one paragraph, the first of
// which is line number lineNo, joining them with spaces and splitting the
// result into sentences.
func textBlock(kind BlockKind, lines []string, lineNo int) Block {
	var b strings.Builder
	var starts []int // offset in the joined text where each line starts
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 {
			b.WriteByte(' ')
		}
		starts = append(starts, b.Len())
		b.WriteString(l)
	}
	joined := b.String()
	block := Block{Kind: kind, Line: lineNo}
	for _, sp := range SplitSentenceSpans(joined) {
		seg := Segment{Source: joined[sp[0]:sp[1]], Line: lineNo + lineIndex(starts).line(sp[0]) - 1}
		block.Segments = append(block.Segments, seg)
	}
	return block
}

// isAllSpace reports whether s is empty or only white space.
func isAllSpace(s string) bool { return strings.TrimSpace(s) == "" }
