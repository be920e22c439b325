package remote

import (
	"fmt"
	"regexp"
	"strings"
)

// Span is one protected element of an HTML fragment: a
// <span translate="no">…</span> whose bytes must come back as they went in.
type Span struct {
	// Start and End are the byte offsets of the whole element, tags
	// included, in the fragment.
	Start, End int
	// Open is the opening tag and Content the bytes between the tags.
	Open, Content string
}

// Text returns the whole element.
func (s Span) Text() string { return s.Open + s.Content + "</span>" }

var (
	noTranslateOpen = regexp.MustCompile(`(?i)<span\b[^>]*\btranslate\s*=\s*(?:"no"|'no'|no\b)[^>]*>`)
	spanTag         = regexp.MustCompile(`(?i)<(/?)span\b[^>]*>`)
)

// NoTranslateSpans returns the outermost translate="no" spans of an HTML
// fragment in order. A span without its closing tag is not protected.
func NoTranslateSpans(s string) []Span {
	var out []Span
	from := 0
	for {
		loc := noTranslateOpen.FindStringIndex(s[from:])
		if loc == nil {
			return out
		}
		start, openEnd := from+loc[0], from+loc[1]
		closeStart, end, ok := matchClose(s, openEnd)
		if !ok {
			return out
		}
		out = append(out, Span{Start: start, End: end, Open: s[start:openEnd], Content: s[openEnd:closeStart]})
		from = end
	}
}

// matchClose finds the </span> that closes a span whose content starts at
// from, counting nested spans.
func matchClose(s string, from int) (closeStart, end int, ok bool) {
	depth := 1
	for _, m := range spanTag.FindAllStringSubmatchIndex(s[from:], -1) {
		if m[3] > m[2] { // closing tag
			depth--
		} else if !strings.HasSuffix(s[from+m[0]:from+m[1]], "/>") {
			depth++
		}
		if depth == 0 {
			return from + m[0], from + m[1], true
		}
	}
	return 0, 0, false
}

// ReplaceSpans returns s with every translate="no" span replaced by what
// fn returns for it (i counts spans from 0).
func ReplaceSpans(s string, fn func(i int, sp Span) string) string {
	spans := NoTranslateSpans(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i, sp := range spans {
		b.WriteString(s[last:sp.Start])
		b.WriteString(fn(i, sp))
		last = sp.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// RestoreSpans returns out, a translation of src, with its translate="no"
// spans replaced in order by those of src, byte for byte: engines that
// honour the spans may still re-encode their content. It fails when out
// has lost or gained spans.
func RestoreSpans(backend, src, out string) (string, error) {
	want := NoTranslateSpans(src)
	got := NoTranslateSpans(out)
	if len(got) != len(want) {
		return "", fmt.Errorf("%s: %d protected spans came back for %d sent", backend, len(got), len(want))
	}
	return ReplaceSpans(out, func(i int, _ Span) string { return want[i].Text() }), nil
}

// CheckSpans reports an error when a translate="no" span of src is not in
// out byte for byte.
func CheckSpans(backend, src, out string) error {
	for _, sp := range NoTranslateSpans(src) {
		if !strings.Contains(out, sp.Text()) {
			return fmt.Errorf("%s: protected span %q did not survive", backend, sp.Text())
		}
	}
	return nil
}
