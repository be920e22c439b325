package apertium

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/inline"
)

// Apertium's stream format reserves these characters in text: they are
// escaped with a backslash. Text between unescaped [ and ] is a "superblank"
// that every stage passes through untouched; that is where formatting goes.
const reserved = `[]\^$/<>@{}`

// terminator ends every segment sent to a pipeline. Like apertium-destxt,
// it adds a full stop (so the tagger sees a sentence end, as in the
// standard `apertium` command) followed by an empty superblank (without a
// trailing blank, the last punctuation mark of a chunk is lost in
// null-flush mode). decodeSegment removes both.
const terminator = ".[]"

// segment is one request segment prepared for a pipeline.
type segment struct {
	// lead and trail are the source's leading and trailing white space,
	// put back around the translation unchanged.
	lead, trail string
	// data is the stream-format text followed by the terminator; empty when
	// the segment has nothing to translate.
	data []byte
	// slots are the protected elements sent as stand-ins, to put back with
	// reveal.
	slots []slot
	// keepMarks keeps Apertium's unknown-word marks in the output
	// (Config.MarkUnknown); they are removed otherwise.
	keepMarks bool
}

// encodeSegment turns a plain-text or HTML segment into stream format.
// With a pool of stand-ins, the translate="no" elements of an HTML segment
// are sent as stand-ins, unless the pool cannot cover them all.
func encodeSegment(s string, html bool, pool []standIn) segment {
	core := strings.TrimLeftFunc(s, unicode.IsSpace)
	lead := s[:len(s)-len(core)]
	core = strings.TrimRightFunc(core, unicode.IsSpace)
	seg := segment{lead: lead, trail: s[len(lead)+len(core):]}
	if core == "" {
		return seg
	}
	var b bytes.Buffer
	b.Grow(len(core) + len(core)/8 + len(terminator))
	switch {
	case html && len(pool) > 0:
		h := &hider{choose: newChooser(pool, core)}
		writeHTML(&b, core, h)
		if h.exhausted {
			return encodeSegment(s, html, nil)
		}
		seg.slots = h.slots
	case html:
		writeHTML(&b, core, nil)
	default:
		writeText(&b, core)
	}
	b.WriteString(terminator)
	seg.data = b.Bytes()
	return seg
}

// writeText writes plain text in stream format: reserved characters
// escaped, control characters (line breaks, tabs) in superblanks, NUL
// bytes (the pipeline's segment separator) dropped.
func writeText(b *bytes.Buffer, s string) {
	for _, r := range s {
		writeRune(b, r)
	}
}

func writeRune(b *bytes.Buffer, r rune) {
	switch {
	case r == 0:
	case r < 0x20 || r == 0x7f:
		b.WriteByte('[')
		b.WriteRune(r)
		b.WriteByte(']')
	case r < utf8.RuneSelf && strings.IndexByte(reserved, byte(r)) >= 0:
		b.WriteByte('\\')
		b.WriteByte(byte(r))
	default:
		b.WriteRune(r)
	}
}

// writeBlank writes raw as a superblank: text the engine must not see or
// change (a tag, an entity, a do-not-translate element).
func writeBlank(b *bytes.Buffer, raw string) {
	b.WriteByte('[')
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == 0:
		case strings.IndexByte(reserved, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(']')
}

// decodeSegment turns one pipeline output chunk back into text: it removes
// the terminator, unescapes reserved characters and replaces superblanks by
// their content, and puts back the source's surrounding white space.
func decodeSegment(seg segment, out []byte) string {
	out = stripTerminator(out)
	var b strings.Builder
	b.Grow(len(seg.lead) + len(out) + len(seg.trail))
	b.WriteString(seg.lead)
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case c == '\\' && i+1 < len(out):
			i++
			b.WriteByte(out[i])
		case c == '[':
			i = copyBlank(&b, out, i+1)
		case !seg.keepMarks && isUnknownMark(out, i):
		case c != 0:
			b.WriteByte(c)
		}
	}
	b.WriteString(seg.trail)
	return b.String()
}

// copyBlank copies the content of the superblank starting at out[i] (just
// after its '[') and returns the index of its closing ']'.
func copyBlank(b *strings.Builder, out []byte, i int) int {
	for ; i < len(out); i++ {
		switch c := out[i]; {
		case c == '\\' && i+1 < len(out):
			i++
			b.WriteByte(out[i])
		case c == ']':
			return i
		default:
			b.WriteByte(c)
		}
	}
	return i
}

// stripTerminator removes the terminator's empty superblank and the full
// stop before it. When the engine moved them (it never has in testing),
// only an empty superblank at the very end is removed.
func stripTerminator(out []byte) []byte {
	out = bytes.TrimRight(out, " \n")
	if !bytes.HasSuffix(out, []byte("[]")) {
		return out
	}
	out = out[:len(out)-2]
	if bytes.HasSuffix(out, []byte(".")) {
		out = out[:len(out)-1]
	}
	return bytes.TrimRight(out, " ")
}

// isUnknownMark reports whether out[i] is one of the marks Apertium puts
// before a word it could not analyse (*), transfer (@) or generate (#):
// an unescaped *, @ or # at the start of a word, before a letter. Text
// that holds such characters for real (a handle, a hashtag) was protected
// and comes back in a superblank.
func isUnknownMark(out []byte, i int) bool {
	c := out[i]
	if c != '*' && c != '@' && c != '#' {
		return false
	}
	start, end := i, i
	for start > 0 && out[start-1] == c {
		start--
	}
	for end < len(out) && out[end] == c {
		end++
	}
	if r, _ := utf8.DecodeRune(out[end:]); end >= len(out) || !unicode.IsLetter(r) {
		return false
	}
	p, _ := utf8.DecodeLastRune(out[:start])
	return start == 0 || !unicode.IsLetter(p) && !unicode.IsDigit(p) && p != '\\'
}

// StripUnknownMarks removes Apertium's unknown-word marks (see
// isUnknownMark) from an engine's output: plain text, or the text of an
// HTML fragment when html is set (tags are left alone). The apy backend
// uses it on apertium-apy's answers.
func StripUnknownMarks(s string, html bool) string {
	if !strings.ContainsAny(s, "*@#") {
		return s
	}
	if !html {
		return stripMarks(s)
	}
	var b strings.Builder
	for _, t := range inline.Tokens(s) {
		if t.Kind == inline.TextToken {
			b.WriteString(stripMarks(t.Raw))
		} else {
			b.WriteString(t.Raw)
		}
	}
	return b.String()
}

func stripMarks(s string) string {
	out := []byte(s)
	var b []byte
	for i := range out {
		if !isUnknownMark(out, i) {
			b = append(b, out[i])
		}
	}
	return string(b)
}
