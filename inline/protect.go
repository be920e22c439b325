package inline

import (
	"sort"
	"strings"
)

// Span is a stretch of text a [Finder] wants protected.
type Span struct {
	// Start and End are byte offsets in the text given to Find.
	Start, End int
	// Kind is what the span is (URL, Number, Term, …).
	Kind Kind
	// Target is what the translation must hold in its place: the English
	// form of a number or a term; "" for the span as written.
	Target string
	// Ref is the finder's own reference (a glossary entry), kept on the
	// code.
	Ref any
}

// Finder finds spans to protect in text: plain text, decoded, holding no
// code. Spans must be in order and must not overlap; those that do not
// hold are ignored.
type Finder interface {
	Find(text string) []Span
}

// A MarkupFinder is a [Finder] that can read a whole segment at once, so
// that it sees the words around each run of text: the article before a
// term in emphasis, the noun before an adjective in a link. [Protect]
// gives it the content in the neutral form ([Content.Neutral]: tags for
// the markup, translate="no" spans for what is protected already, which
// it must not look into), and it returns spans as byte offsets into that
// fragment. A span must lie within one run of text; one that does not is
// ignored.
type MarkupFinder interface {
	Finder
	FindMarkup(fragment string) []Span
}

// FinderFunc adapts a function to [Finder].
type FinderFunc func(text string) []Span

// Find calls f.
func (f FinderFunc) Find(text string) []Span { return f(text) }

// Protect returns a copy of c in which every span the finders find in its
// text is a standalone code, numbered after c's codes. Finders run in
// order, each on the text the ones before left, so that an earlier one
// wins (links before glossary terms before numbers: a term inside a URL
// is never matched). Codes already in c are never looked into.
func Protect(c Content, finders ...Finder) Content {
	out := c.Clone()
	id := out.maxID()
	for _, f := range finders {
		if mf, ok := f.(MarkupFinder); ok && out.HasCodes() {
			out = protectMarkup(out, mf, &id)
			continue
		}
		out = splitText(out, func(_ int, text string) []Span { return f.Find(text) }, &id)
	}
	return out
}

// splitText makes a code of each span find finds in each run of text of c
// (find is given the piece's index and its text).
func splitText(c Content, find func(i int, text string) []Span, id *int) Content {
	var out Content
	for i, p := range c {
		if p.Code != nil {
			out = append(out, p)
			continue
		}
		out = append(out, split(p.Text, find(i, p.Text), id)...)
	}
	return out
}

// protectMarkup runs a MarkupFinder on the neutral form of c and makes a
// code of each span it finds within a run of text.
func protectMarkup(c Content, f MarkupFinder, id *int) Content {
	var b strings.Builder
	starts := make([]int, len(c))
	for i, p := range c {
		starts[i] = b.Len()
		if p.Code != nil {
			b.WriteString(p.Code.neutral())
		} else {
			b.WriteString(escapeNeutral(p.Text))
		}
	}
	perPiece := make([][]Span, len(c))
	for _, s := range f.FindMarkup(b.String()) {
		for i, p := range c {
			end := b.Len()
			if i+1 < len(c) {
				end = starts[i+1]
			}
			if p.Code != nil || s.Start < starts[i] || s.End > end {
				continue
			}
			st, ok1 := textOffset(p.Text, s.Start-starts[i])
			en, ok2 := textOffset(p.Text, s.End-starts[i])
			if ok1 && ok2 {
				s.Start, s.End = st, en
				perPiece[i] = append(perPiece[i], s)
			}
			break
		}
	}
	return splitText(c, func(i int, _ string) []Span { return perPiece[i] }, id)
}

// textOffset maps an offset into the neutral form of text (escapeNeutral)
// to one into text; ok is false for an offset inside a character
// reference.
func textOffset(text string, n int) (int, bool) {
	j := 0
	for i := 0; i < len(text); i++ {
		if j == n {
			return i, true
		}
		if j > n {
			return 0, false
		}
		switch text[i] {
		case '&':
			j += len("&amp;")
		case '<', '>':
			j += len("&lt;")
		default:
			j++
		}
	}
	return len(text), j == n
}

// split cuts text at the valid spans, making each a code.
func split(text string, spans []Span, id *int) Content {
	spans = validSpans(text, spans)
	if len(spans) == 0 {
		return Content{{Text: text}}
	}
	var out Content
	last := 0
	for _, s := range spans {
		out = out.appendText(text[last:s.Start])
		*id++
		t := text[s.Start:s.End]
		target := s.Target
		if target == "" {
			target = t
		}
		out = out.appendCode(&Code{Kind: s.Kind, ID: *id, Text: t, Target: target, Ref: s.Ref})
		last = s.End
	}
	return out.appendText(text[last:])
}

// validSpans keeps the spans that are within text, non-empty, of a
// protected kind, and after the previous one.
func validSpans(text string, spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	spans = append([]Span(nil), spans...)
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:0]
	end := 0
	for _, s := range spans {
		if s.Start < end || s.End <= s.Start || s.End > len(text) || s.Kind < URL {
			continue
		}
		out = append(out, s)
		end = s.End
	}
	return out
}
