package remote

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/inline"
)

// Span is one protected element of an HTML fragment: an element with
// translate="no" (the neutral <span translate="no" id="N">…</span> of
// [translate.Request]) whose bytes must come back as they went in.
//
// [translate.Request]: https://pkg.go.dev/github.com/bitext/bitext/translate#Request
type Span struct {
	// Start and End are the byte offsets of the whole element, tags
	// included, in the fragment.
	Start, End int
	// Open is the start tag, Content the bytes between the tags and Close
	// the end tag.
	Open, Content, Close string
	// ID is the start tag's id attribute ("" when it has none).
	ID string
}

// Text returns the whole element.
func (s Span) Text() string { return s.Open + s.Content + s.Close }

// NoTranslateSpans returns the outermost translate="no" elements of an
// HTML fragment in order, read with package inline's scanner. An element
// without its end tag is not protected.
func NoTranslateSpans(s string) []Span {
	toks := inline.Tokens(s)
	var out []Span
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != inline.TagToken {
			continue
		}
		tag := inline.ParseTag(t.Raw)
		if tag.Closing || tag.SelfClosing || tag.Void() || !tag.NoTranslate() {
			continue
		}
		end := inline.ElementEnd(toks, i)
		if end < 0 {
			continue
		}
		id, _ := tag.Attr("id")
		last := toks[end]
		out = append(out, Span{Start: t.Start, End: last.Start + len(last.Raw), Open: t.Raw,
			Content: s[t.Start+len(t.Raw) : last.Start], Close: last.Raw, ID: id})
		i = end
	}
	return out
}

// ReplaceSpans returns s with every translate="no" element replaced by
// what fn returns for it (i counts elements from 0).
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

// RestoreSpans returns out, an engine's translation of src, with its
// translate="no" elements replaced by those of src, byte for byte: engines
// that honour them may still re-encode their content. An element is
// matched by its id, or by its place when neither has one and the counts
// agree; one src lost stays lost (the pipeline restores it and says so).
func RestoreSpans(src, out string) string {
	want := NoTranslateSpans(src)
	got := NoTranslateSpans(out)
	byID := map[string]Span{}
	for _, sp := range want {
		if sp.ID != "" {
			byID[sp.ID] = sp
		}
	}
	return ReplaceSpans(out, func(i int, sp Span) string {
		if w, ok := byID[sp.ID]; ok && sp.ID != "" {
			return w.Text()
		}
		if sp.ID == "" && len(got) == len(want) && want[i].ID == "" {
			return want[i].Text()
		}
		return sp.Text()
	})
}

// CheckSpans reports an error when a translate="no" element of src is not
// in out byte for byte.
func CheckSpans(backend, src, out string) error {
	for _, sp := range NoTranslateSpans(src) {
		if !strings.Contains(out, sp.Text()) {
			return fmt.Errorf("%s: protected span %q did not survive", backend, sp.Text())
		}
	}
	return nil
}
