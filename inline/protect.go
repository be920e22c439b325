package inline

import "sort"

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
	Ref int
}

// Finder finds spans to protect in text: plain text, decoded, holding no
// code. Spans must be in order and must not overlap; those that do not
// hold are ignored.
type Finder interface {
	Find(text string) []Span
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
		var next Content
		for _, p := range out {
			if p.Code != nil {
				next = append(next, p)
				continue
			}
			next = append(next, split(p.Text, f.Find(p.Text), &id)...)
		}
		out = next
	}
	return out
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
