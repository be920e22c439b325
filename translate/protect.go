package translate

import (
	"strings"

	"github.com/bitext/bitext/figures"
	"github.com/bitext/bitext/inline"
)

// Protector protects the terms of a glossary (or any list of terms) in
// the segments a [Pipeline] sends. The pipeline itself protects
// addresses (URLs, e-mail addresses, handles, hashtags), inline code,
// do-not-translate elements and figures; a Protector adds terms.
// A Protector that is also an [inline.MarkupFinder] is given a segment
// with markup whole, so that it sees the French around each run of text.
type Protector interface {
	// Find returns the terms of text, plain text between two codes of a
	// segment (never inside an address or inline code). Each span's Target
	// is the English the engine is given in its place and the translation
	// must hold; its Ref is the Protector's own.
	Find(text string) []inline.Span
	// Fix fixes the words around the terms once the translation is back
	// (an article before a name, a capital at the start). target is an
	// HTML fragment when markup is set; terms are the term codes sent.
	Fix(target string, terms []*inline.Code, markup bool) string
}

// finders returns, in priority order, what the pipeline protects; cv is
// how the document writes its numbers.
func (p *Pipeline) finders(cv figures.Convention) []inline.Finder {
	fs := []inline.Finder{inline.LinkFinder}
	switch pr := p.Protector.(type) {
	case nil:
	case inline.MarkupFinder:
		fs = append(fs, pr)
	default:
		fs = append(fs, inline.FinderFunc(pr.Find))
	}
	return append(fs, inline.FinderFunc(func(text string) []inline.Span { return figureSpans(cv, text) }))
}

// figureSpans protects the figures of French text, each given to the
// engine, and kept, in its English form.
func figureSpans(cv figures.Convention, text string) []inline.Span {
	fs := cv.French(text)
	out := make([]inline.Span, len(fs))
	for i, f := range fs {
		out[i] = inline.Span{Start: f.Start, End: f.End, Kind: inline.Number, Target: f.English}
	}
	return out
}

// protect reads a segment into its protected content.
func (p *Pipeline) protect(source string, markup bool, cv figures.Convention) inline.Content {
	return inline.Protect(inline.ParseSegment(source, markup), p.finders(cv)...)
}

// convention returns how a document writes its numbers, from all its
// text, and notes on the document when it reads commas as thousands.
func convention(doc *Document) figures.Convention {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if bl.Translatable() {
			b.WriteString(blockPlain(bl, false) + "\n")
		}
	}
	for _, m := range doc.Meta {
		if m.Translate {
			b.WriteString(m.Value + "\n")
		}
	}
	cv := figures.DetectConvention(b.String())
	if cv.CommaThousands {
		doc.Warnings = append(doc.Warnings, "the article writes thousands with commas (such as 80,000), so numbers such as 1,879 were read as thousands, not as French decimals")
	}
	return cv
}

// prepare makes the job of one segment: its protected content, sent as
// the neutral HTML form to backends that take HTML (when it holds any
// code) and as plain text to the others.
func (p *Pipeline) prepare(seg *Segment, cv figures.Convention) job {
	prot := p.protect(seg.Source, seg.Markup, cv)
	j := job{seg: seg, prot: prot}
	if p.Backend.Capabilities().HTML && prot.HasCodes() {
		j.send, j.html = prot.Neutral(), true
	} else {
		j.send = prot.Plain()
	}
	return j
}

// finish turns a backend's answer for j into the segment's translation:
// codes restored (and repaired), terms fixed, typography applied, and
// the fidelity record made.
func (p *Pipeline) finish(j job, out string) string {
	var got inline.Content
	var issues []inline.Issue
	if j.html {
		got, issues = inline.Restore(j.prot, out)
	} else {
		got, issues = inline.RestorePlain(j.prot, out)
	}
	got = withAttributes(got, j.attrs)
	markup := j.seg.Markup
	t := render(noDoubleStop(got), markup)
	if p.Protector != nil {
		if terms := termCodes(j.prot); len(terms) > 0 {
			t = p.Protector.Fix(t, terms, markup)
		}
	}
	if p.Finish != nil {
		t = p.Finish(t)
	}
	j.seg.Fidelity = withAttrWarnings(checkFidelity(j.prot, t, markup, issues), j.attrs)
	return t
}

// recheck makes the fidelity record of a translation that came from the
// memory.
func (p *Pipeline) recheck(seg *Segment, cv figures.Convention) {
	seg.Fidelity = checkFidelity(p.protect(seg.Source, seg.Markup, cv), seg.Target, seg.Markup, nil)
}

func render(c inline.Content, markup bool) string {
	if markup {
		return c.HTML()
	}
	return c.Plain()
}

// termCodes returns the glossary terms of protected content.
func termCodes(c inline.Content) []*inline.Code {
	var out []*inline.Code
	for _, code := range c.Codes() {
		if code.Kind == inline.Term {
			out = append(out, code)
		}
	}
	return out
}

// noDoubleStop drops the full stop after a code whose text ends with one
// (8 p.m. at the end of a sentence).
func noDoubleStop(c inline.Content) inline.Content {
	for i := 0; i+1 < len(c); i++ {
		code, next := c[i].Code, c[i+1]
		if code != nil && code.Protected() && strings.HasSuffix(code.Target, ".") && next.Code == nil &&
			strings.HasPrefix(next.Text, ".") && !strings.HasPrefix(next.Text, "..") {
			c[i+1].Text = next.Text[1:]
		}
	}
	return c
}
