package glossary

import (
	"html"
	"regexp"
	"strings"

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
// term matched.
func (g *Glossary) Protect(segment string, markup bool) Protected {
	ms := g.Spans(segment, markup)
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

// spanRE finds translate="no" spans in a backend's output, however the
// engine spelled the attribute.
var spanRE = regexp.MustCompile(`(?is)<span\s+translate\s*=\s*["']?no["']?\s*>(.*?)</span\s*>`)

// strayRE finds span tags left unpaired by an engine, removed from plain
// text.
var strayRE = regexp.MustCompile(`(?i)</?span(\s[^>]*)?>`)

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
		out = html.UnescapeString(strayRE.ReplaceAllString(out, ""))
	}
	return out
}

// unwrap removes the spans holding one of the matches' targets, keeping
// their content; other translate="no" spans (the caller's own) stay.
func unwrap(s string, ms []Match) string {
	if len(ms) == 0 {
		return s
	}
	targets := make(map[string]string, len(ms))
	for _, m := range ms {
		t := escapeText(m.Target)
		targets[foldString(t, true)] = t
	}
	return spanRE.ReplaceAllStringFunc(s, func(span string) string {
		inner := spanRE.FindStringSubmatch(span)[1]
		if t, ok := targets[foldString(inner, true)]; ok {
			return t
		}
		return span
	})
}

// Shield adapts a glossary to translate.Pipeline's Protector:
//
//	p := &translate.Pipeline{Backend: b, Protector: glossary.Shield{Glossary: g}}
type Shield struct {
	Glossary *Glossary
}

var _ translate.Protector = Shield{}

// Protect protects a segment and returns what to send, whether it is HTML,
// and the function that restores the backend's translation of it.
func (s Shield) Protect(segment string, markup bool) (string, bool, func(string) string) {
	p := s.Glossary.Protect(segment, markup)
	return p.Text, p.HTML, func(translated string) string { return s.Glossary.Restore(p, translated, markup) }
}
