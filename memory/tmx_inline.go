package memory

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/bitext/bitext/inline"
)

// An HTML fragment (a Markup segment) goes into a TMX <seg> as text and
// inline codes: paired tags as <bpt>/<ept>, other tags as <ph>, so that
// other tools show and protect them as tags. Text is unescaped, so they
// see « l'Élysée » rather than entities. The fragment's escaping is the
// one bitext's reader writes (&amp; &lt; &gt; &quot;, apostrophes as
// is); anything written otherwise (&nbsp;, a raw ") travels as a <ph> of
// type x-entity or x-raw, so that every fragment comes back byte for byte.

// htmlEscaper is the escaping of text in bitext's HTML fragments.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// token is a piece of a fragment: text, or a tag or entity kept as code.
type token struct {
	text string
	code bool
	kind string // for codes: "tag", "x-entity", "x-raw"
}

// tokenize splits an HTML fragment into text and codes, reading its markup
// with package inline's scanner.
func tokenize(frag string) []token {
	var out []token
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, token{text: text.String()})
			text.Reset()
		}
	}
	code := func(s, kind string) {
		flush()
		out = append(out, token{text: s, code: true, kind: kind})
	}
	for _, t := range inline.Tokens(frag) {
		switch t.Kind {
		case inline.TagToken, inline.CommentToken:
			code(t.Raw, "tag")
		case inline.EntityToken:
			if dec := inline.Decode(t.Raw); htmlEscaper.Replace(dec) == t.Raw {
				text.WriteString(dec)
			} else {
				code(t.Raw, "x-entity")
			}
		default:
			for i := 0; i < len(t.Raw); i++ {
				if c := t.Raw[i]; strings.IndexByte(`<>&"`, c) >= 0 {
					code(t.Raw[i:i+1], "x-raw") // written raw: kept as it was
				} else {
					text.WriteByte(c)
				}
			}
		}
	}
	flush()
	return out
}

// markupToSeg writes an HTML fragment as the content of a TMX <seg>.
func markupToSeg(b *strings.Builder, frag string) {
	toks := tokenize(frag)
	ids := pairTags(toks)
	for i, t := range toks {
		switch {
		case !t.code:
			escapeXML(b, t.text)
		case ids[i] > 0 && !strings.HasPrefix(t.text, "</"):
			b.WriteString(`<bpt i="` + strconv.Itoa(ids[i]) + `">`)
			escapeXML(b, t.text)
			b.WriteString("</bpt>")
		case ids[i] > 0:
			b.WriteString(`<ept i="` + strconv.Itoa(ids[i]) + `">`)
			escapeXML(b, t.text)
			b.WriteString("</ept>")
		default:
			b.WriteString("<ph")
			if t.kind != "tag" {
				b.WriteString(` type="` + t.kind + `"`)
			}
			b.WriteString(">")
			escapeXML(b, t.text)
			b.WriteString("</ph>")
		}
	}
}

// pairTags numbers matching opening and closing tags 1, 2, … in the
// order they open; other tokens get 0.
func pairTags(toks []token) []int {
	partner := make([]int, len(toks))
	var open []int // indexes of unmatched opening tags
	for i, t := range toks {
		if !t.code || t.kind != "tag" || strings.HasPrefix(t.text, "<!") {
			continue
		}
		tag := inline.ParseTag(t.text)
		if tag.SelfClosing || tag.Void() {
			continue
		}
		if !tag.Closing {
			open = append(open, i)
			continue
		}
		if k := len(open) - 1; k >= 0 && inline.ParseTag(toks[open[k]].text).Name == tag.Name {
			partner[open[k]] = i + 1
			open = open[:k]
		}
	}
	ids := make([]int, len(toks))
	next := 1
	for i, p := range partner {
		if p > 0 {
			ids[i], ids[p-1] = next, next
			next++
		}
	}
	return ids
}

// escapeXML writes s escaped for XML text or a double-quoted attribute.
func escapeXML(b *strings.Builder, s string) {
	xml.EscapeText(b, []byte(s))
}

// segPart is a piece of a <seg> read from TMX.
type segPart struct {
	text string
	code bool
}

// segString joins a <seg>'s parts: for an HTML segment, text is escaped
// and codes are kept as they are; for plain text, both are kept.
func segString(parts []segPart, markup bool) string {
	var b strings.Builder
	for _, p := range parts {
		if markup && !p.code {
			b.WriteString(htmlEscaper.Replace(p.text))
		} else {
			b.WriteString(p.text)
		}
	}
	return b.String()
}
