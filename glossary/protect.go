package glossary

import (
	"strings"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/translate"
)

// Protected is a segment ready for a backend: every glossary term replaced
// by its English target inside <span translate="no">…</span>.
type Protected struct {
	// Text is what to send to the backend: an HTML fragment when any term
	// matched (or the segment already was one), else the input unchanged.
	Text string
	// Matches are the terms found in the segment.
	Matches []Match
	// HTML says that Text is an HTML fragment, so the request must set
	// translate.Request.HTML.
	HTML bool
}

// Protect replaces every glossary term of a segment with its target,
// wrapped so that engines leave it alone:
//
//	Le dirigeant nord-coréen Kim Jong-un
//	Le dirigeant <span translate="no">North Korean</span> <span translate="no">Kim Jong-un</span>
//
// The span holds the English target rather than the French term. Engines
// then see the sentence with the term already in place, and the output is
// right wherever the engine moves the span (English puts adjectives before
// the noun), and even when it drops the tags but keeps their content:
// Restore only has to unwrap and fix the grammar around it. A span holding
// the French term would need every span back, tags included, to be
// replaced. A plain-text segment (markup false) is HTML-escaped when any
// term matched. Terms are never matched inside an address (URL, e-mail,
// handle, hashtag).
//
// translate.Pipeline does not call Protect: it protects terms through
// [Shield], with addresses and figures, in bitext's inline model.
func (g *Glossary) Protect(segment string, markup bool) Protected {
	ms := g.spansOutsideLinks(segment, markup)
	if len(ms) == 0 {
		return Protected{Text: segment, HTML: markup}
	}
	esc := func(s string) string { return s }
	if !markup {
		esc = escapeText
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(esc(segment[last:m.Start]))
		b.WriteString(spanOpen)
		b.WriteString(escapeText(m.Target))
		b.WriteString(spanClose)
		last = m.End
	}
	b.WriteString(esc(segment[last:]))
	return Protected{Text: b.String(), Matches: ms, HTML: true}
}

// spansOutsideLinks is Spans without the matches inside an address.
func (g *Glossary) spansOutsideLinks(text string, markup bool) []Match {
	return outsideLinks(text, markup, g.Spans(text, markup))
}

// findOutsideLinks is Find without the matches inside an address.
func (g *Glossary) findOutsideLinks(text string, markup bool) []Match {
	return outsideLinks(text, markup, g.Find(text, markup))
}

// outsideLinks drops the matches of text that lie inside an address.
func outsideLinks(text string, markup bool, ms []Match) []Match {
	if len(ms) == 0 {
		return nil
	}
	links := inline.LinkRanges(text, markup)
	out := ms[:0]
	for _, m := range ms {
		inside := false
		for _, l := range links {
			inside = inside || m.Start < l[1] && m.End > l[0]
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// Restore turns a backend's translation of p.Text back into the segment's
// own form: plain text when markup is false (tags gone, entities decoded),
// an HTML fragment when it is true. translated must be the engine's output
// for p.Text, an HTML fragment when p.HTML is set.
//
// The protected spans are unwrapped wherever the engine put them, and the
// small grammar around each target is fixed: "a"/"an" before it, a capital
// when it starts a sentence, and a "the" the engine put before a name
// ("the North Korea"). A span the engine dropped entirely cannot be put
// back; Check reports it.
func (g *Glossary) Restore(p Protected, translated string, markup bool) string {
	if !p.HTML {
		return translated
	}
	out := unwrap(translated, p.Matches)
	out = g.fixGrammar(out, p.Matches)
	if !markup {
		out = plainOf(out)
	}
	return out
}

// unwrap removes the translate="no" spans holding one of the matches'
// targets, keeping their content; other spans (the caller's own) stay.
// Everything else is kept byte for byte.
func unwrap(s string, ms []Match) string {
	if len(ms) == 0 {
		return s
	}
	targets := make(map[string]string, len(ms))
	for _, m := range ms {
		t := escapeText(m.Target)
		targets[foldString(t, true)] = t
	}
	toks := inline.Tokens(s)
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		if end := spanEnd(toks, i); end > i {
			var inner strings.Builder
			for _, t := range toks[i+1 : end] {
				inner.WriteString(t.Raw)
			}
			if t, ok := targets[foldString(inner.String(), true)]; ok {
				b.WriteString(t)
				i = end
				continue
			}
		}
		b.WriteString(toks[i].Raw)
	}
	return b.String()
}

// spanEnd returns the index of the token closing the translate="no" span
// that toks[i] opens, or -1.
func spanEnd(toks []inline.Token, i int) int {
	if toks[i].Kind != inline.TagToken {
		return -1
	}
	if t := inline.ParseTag(toks[i].Raw); t.Name != "span" || t.Closing || !t.NoTranslate() {
		return -1
	}
	return inline.ElementEnd(toks, i)
}

// plainOf turns a fragment whose only tags are stray spans into plain
// text: span tags dropped, character references decoded.
func plainOf(s string) string {
	var b strings.Builder
	for _, t := range inline.Tokens(s) {
		switch {
		case t.Kind == inline.EntityToken:
			b.WriteString(inline.Decode(t.Raw))
		case t.Kind == inline.TagToken && inline.ParseTag(t.Raw).Name == "span":
		default:
			b.WriteString(t.Raw)
		}
	}
	return b.String()
}

// Shield adapts a glossary to translate.Pipeline's Protector:
//
//	p := &translate.Pipeline{Backend: b, Protector: glossary.Shield{Glossary: g}}
type Shield struct {
	Glossary *Glossary
}

var (
	_ translate.Protector = Shield{}
	_ inline.MarkupFinder = Shield{}
)

// Find returns the terms of text (plain text between two codes of a
// segment) as spans holding their English targets, as [Glossary.Spans]
// finds them (a noun and its adjective joined in English order); Ref is
// the [Match], which Fix reads back.
func (s Shield) Find(text string) []inline.Span {
	return termSpans(s.Glossary.Spans(text, false))
}

// termSpans makes term spans of matches, each carrying its Match.
func termSpans(ms []Match) []inline.Span {
	out := make([]inline.Span, len(ms))
	for i, m := range ms {
		out[i] = inline.Span{Start: m.Start, End: m.End, Kind: inline.Term, Target: m.Target, Ref: m}
	}
	return out
}

// FindMarkup is Find on a whole segment in the neutral form (see
// [inline.MarkupFinder]), so that the French around each run of text
// counts: the article before a term in emphasis ("la <em>Corée du
// Nord</em>" → "North Korea"), the noun before an adjective in bold.
func (s Shield) FindMarkup(fragment string) []inline.Span {
	return termSpans(s.Glossary.Spans(fragment, true))
}

// Fix fixes the grammar around the restored terms of a translation (see
// Restore).
func (s Shield) Fix(target string, terms []*inline.Code, markup bool) string {
	ms := make([]Match, len(terms))
	for i, c := range terms {
		m, _ := c.Ref.(Match)
		m.Text, m.Target = c.Text, c.Target
		ms[i] = m
	}
	if markup {
		return s.Glossary.fixGrammar(target, ms)
	}
	return plainOf(s.Glossary.fixGrammar(escapeText(target), ms))
}
