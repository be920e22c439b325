package inline

import "strings"

// Parse reads an HTML fragment (the Source or Target of a Markup segment)
// into content: character references are decoded into the text, and every
// tag becomes a code, numbered from 1 in order.
//
//   - A start tag and the end tag that closes it are an Open and a Close
//     code with one ID; tags left unpaired (an end tag with nothing to
//     close, an element never closed, crossed elements) are Standalone.
//   - Void elements (<br>, <img>), self-closing tags and comments are
//     Standalone.
//   - Elements whose content is not translation text are one Standalone
//     code with their whole markup as Data and their text as Text: inline
//     code (<code>, <kbd>, <samp>, <pre>; Kind InlineCode), do-not-translate
//     elements (translate="no", class="notranslate", <apertium-notrans>;
//     Kind NoTranslate), scripts and styles.
//
// Parse never fails: anything that is not markup is text. Rendering the
// result with [Content.HTML] gives back every fragment bitext writes byte
// for byte (text escaped as [EscapeText] does, tags as they were).
func Parse(fragment string) Content {
	p := parser{toks: Tokens(fragment)}
	for p.i = 0; p.i < len(p.toks); p.i++ {
		p.token(p.toks[p.i])
	}
	p.out = p.text.flush(p.out)
	for _, k := range p.stack {
		p.out[k].Code.Type = Standalone
	}
	return p.out
}

// parser holds the state of one Parse call.
type parser struct {
	toks  []Token
	i     int
	out   Content
	text  textBuffer
	stack []int // indexes in out of open codes, innermost last
	id    int
	// pairs maps, per element name, the index of each start tag to that
	// of its end tag.
	pairs map[string]map[int]int
}

func (p *parser) token(t Token) {
	switch t.Kind {
	case TextToken:
		p.text.add(t.Raw)
	case EntityToken:
		p.text.add(Decode(t.Raw))
	case CommentToken:
		p.standalone(&Code{Kind: Element, Name: "!", Data: t.Raw})
	case TagToken:
		p.tag(t)
	}
}

func (p *parser) tag(t Token) {
	p.out = p.text.flush(p.out)
	tag := ParseTag(t.Raw)
	if kind, ok := tag.whole(); ok {
		if end := p.closeOf(tag.Name); end > p.i {
			p.standalone(&Code{Kind: kind, Name: tag.Name, Data: p.raw(p.i, end), Text: p.textOf(p.i+1, end)})
			p.i = end
			return
		}
	}
	switch {
	case tag.Closing:
		p.close(tag.Name, t.Raw)
	case tag.SelfClosing || tag.Void():
		p.standalone(&Code{Kind: Element, Name: tag.Name, Data: t.Raw})
	default:
		p.id++
		p.stack = append(p.stack, len(p.out))
		p.out = p.out.appendCode(&Code{Type: Open, Kind: Element, ID: p.id, Name: tag.Name, Data: t.Raw})
	}
}

func (p *parser) standalone(c *Code) {
	p.out = p.text.flush(p.out)
	p.id++
	c.ID = p.id
	p.out = p.out.appendCode(c)
}

// close pairs an end tag with the innermost open element of its name;
// the elements opened inside it and left open become standalone.
func (p *parser) close(name, raw string) {
	for k := len(p.stack) - 1; k >= 0; k-- {
		open := p.out[p.stack[k]].Code
		if open.Name != name {
			continue
		}
		for _, inner := range p.stack[k+1:] {
			p.out[inner].Code.Type = Standalone
		}
		p.stack = p.stack[:k]
		p.out = p.out.appendCode(&Code{Type: Close, Kind: Element, ID: open.ID, Name: name, Data: raw})
		return
	}
	p.standalone(&Code{Kind: Element, Name: name, Data: raw})
}

// closeOf returns the index of the token closing the element name opened
// at p.i, counting nested elements of the same name, or -1. The pairs of
// each name are found in one pass, so that Parse stays linear.
func (p *parser) closeOf(name string) int {
	if p.pairs == nil {
		p.pairs = map[string]map[int]int{}
	}
	m, ok := p.pairs[name]
	if !ok {
		m = map[int]int{}
		var open []int
		for j, t := range p.toks {
			if t.Kind != TagToken {
				continue
			}
			switch tag := ParseTag(t.Raw); {
			case tag.Name != name || tag.SelfClosing:
			case !tag.Closing:
				open = append(open, j)
			case len(open) > 0:
				m[open[len(open)-1]] = j
				open = open[:len(open)-1]
			}
		}
		p.pairs[name] = m
	}
	if end, ok := m[p.i]; ok {
		return end
	}
	return -1
}

// raw joins the tokens from..to as written.
func (p *parser) raw(from, to int) string {
	var b strings.Builder
	for _, t := range p.toks[from : to+1] {
		b.WriteString(t.Raw)
	}
	return b.String()
}

// textOf joins the text of the tokens from..to-1, references decoded.
func (p *parser) textOf(from, to int) string {
	var b strings.Builder
	for _, t := range p.toks[from:to] {
		switch t.Kind {
		case TextToken:
			b.WriteString(t.Raw)
		case EntityToken:
			b.WriteString(Decode(t.Raw))
		}
	}
	return b.String()
}

// ParseSegment reads a segment: an HTML fragment when markup is set, else
// plain text.
func ParseSegment(s string, markup bool) Content {
	if markup {
		return Parse(s)
	}
	return FromText(s)
}
