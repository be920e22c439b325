package bilingual

import (
	"html"
	"net/url"
	"strings"

	xhtml "golang.org/x/net/html"
)

// inlineKind says what an inline token is.
type inlineKind int

const (
	inlineText  inlineKind = iota // literal text, already unescaped
	inlineOpen                    // an allowed start tag
	inlineClose                   // the end tag matching an inlineOpen
)

// inline is one token of a sanitized inline fragment. The token list a
// fragment parses into is always balanced: every open has its close.
type inline struct {
	kind inlineKind
	// tag is "em", "strong", "code" or "a" for opens and closes.
	tag string
	// href is the link target of an "a" open; it is always an http, https
	// or mailto URL.
	href string
	// text is the literal text of an inlineText token.
	text string
}

// allowedTags are the inline elements a Markup segment may carry. <b> and
// <i> are read as their semantic twins.
var allowedTags = map[string]string{
	"em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code", "a": "a",
}

// parseInline reads a segment into tokens. A plain segment is one text
// token. A Markup segment is tokenized as HTML: the allowed inline tags
// are kept (links only with a safe href), and everything else (other tags,
// comments, stray end tags) becomes literal text, so that it is shown, and
// escaped, rather than interpreted.
func parseInline(s string, markup bool) []inline {
	if !markup {
		return []inline{{kind: inlineText, text: s}}
	}
	p := inlineParser{z: xhtml.NewTokenizerFragment(strings.NewReader(s), "p")}
	p.run()
	return p.out
}

// inlineParser balances the allowed tags of one fragment.
type inlineParser struct {
	z     *xhtml.Tokenizer
	out   []inline
	stack []string // open allowed tags, innermost last
}

func (p *inlineParser) run() {
	for {
		tt := p.z.Next()
		switch tt {
		case xhtml.ErrorToken:
			p.closeAll(0)
			return
		case xhtml.TextToken:
			p.text(string(p.z.Text()))
		case xhtml.StartTagToken:
			p.start(p.z.Token(), string(p.z.Raw()))
		case xhtml.EndTagToken:
			p.end(p.z.Token(), string(p.z.Raw()))
		default: // comments, doctypes, self-closing tags: shown as text
			p.text(string(p.z.Raw()))
		}
	}
}

// text appends literal text, merging it with a preceding text token.
func (p *inlineParser) text(s string) {
	if s == "" {
		return
	}
	if n := len(p.out); n > 0 && p.out[n-1].kind == inlineText {
		p.out[n-1].text += s
		return
	}
	p.out = append(p.out, inline{kind: inlineText, text: s})
}

func (p *inlineParser) start(tok xhtml.Token, raw string) {
	tag, ok := allowedTags[tok.Data]
	if !ok {
		p.text(raw)
		return
	}
	open := inline{kind: inlineOpen, tag: tag}
	if tag == "a" {
		open.href = safeHref(attr(tok, "href"))
		if open.href == "" {
			// A link without a usable target keeps its text only; the
			// empty tag on the stack swallows its end tag.
			p.stack = append(p.stack, "")
			return
		}
	}
	p.stack = append(p.stack, tag)
	p.out = append(p.out, open)
}

func (p *inlineParser) end(tok xhtml.Token, raw string) {
	tag, ok := allowedTags[tok.Data]
	if !ok {
		p.text(raw)
		return
	}
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i] == tag || (tag == "a" && p.stack[i] == "") {
			p.closeAll(i)
			return
		}
	}
	p.text(raw) // an end tag with nothing to close
}

// closeAll closes every open tag from the innermost down to stack[from].
func (p *inlineParser) closeAll(from int) {
	for i := len(p.stack) - 1; i >= from; i-- {
		if p.stack[i] != "" {
			p.out = append(p.out, inline{kind: inlineClose, tag: p.stack[i]})
		}
	}
	p.stack = p.stack[:from]
}

func attr(tok xhtml.Token, name string) string {
	for _, a := range tok.Attr {
		if a.Key == name && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// safeHref returns href when it is an absolute http, https or mailto URL,
// and "" otherwise (javascript:, data:, relative and malformed URLs).
func safeHref(href string) string {
	href = strings.TrimSpace(href)
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
		return href
	case "mailto":
		return href
	}
	return ""
}

// inlineHTML renders tokens as safe HTML: text escaped, tags rebuilt.
func inlineHTML(toks []inline) string {
	var b strings.Builder
	for _, t := range toks {
		switch t.kind {
		case inlineText:
			b.WriteString(html.EscapeString(t.text))
		case inlineOpen:
			if t.tag == "a" {
				b.WriteString(`<a href="` + html.EscapeString(t.href) + `" rel="noopener noreferrer">`)
			} else {
				b.WriteString("<" + t.tag + ">")
			}
		case inlineClose:
			b.WriteString("</" + t.tag + ">")
		}
	}
	return b.String()
}

// plainText returns the text of a segment with its markup removed.
func plainText(s string, markup bool) string {
	if !markup {
		return s
	}
	var b strings.Builder
	for _, t := range parseInline(s, true) {
		if t.kind == inlineText {
			b.WriteString(t.text)
		}
	}
	return b.String()
}
