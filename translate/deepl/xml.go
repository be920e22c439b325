package deepl

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/translate/remote"
)

// xmlEntities are the entities XML knows without a DTD.
var xmlEntities = map[string]bool{"&amp;": true, "&lt;": true, "&gt;": true, "&quot;": true, "&apos;": true}

// toXML converts a neutral HTML fragment (see translate.Request) to the
// well-formed XML DeepL parses in tag_handling=xml: translate="no"
// elements become <x>…</x> (DeepL's ignored tag, keeping their id), void
// elements are closed (<br/>) and HTML's named entities become numeric.
// Markup is read with package inline's scanner.
func toXML(s string) string {
	s = remote.ReplaceSpans(s, func(_ int, sp remote.Span) string {
		open := "<x>"
		if sp.ID != "" {
			open = `<x id="` + inline.EscapeAttr(sp.ID) + `">`
		}
		return open + xmlText(sp.Content) + "</x>"
	})
	return xmlText(s)
}

// xmlText closes void elements and makes character references XML's.
func xmlText(s string) string {
	var b strings.Builder
	for _, t := range inline.Tokens(s) {
		switch t.Kind {
		case inline.TagToken:
			if tag := inline.ParseTag(t.Raw); tag.Void() && !tag.SelfClosing {
				b.WriteString(strings.TrimRight(strings.TrimSuffix(t.Raw, ">"), " ") + "/>")
				continue
			}
			b.WriteString(t.Raw)
		case inline.EntityToken:
			b.WriteString(xmlEntity(t.Raw))
		case inline.TextToken:
			b.WriteString(strings.ReplaceAll(t.Raw, "&", "&amp;"))
		default:
			b.WriteString(t.Raw)
		}
	}
	return b.String()
}

// xmlEntity returns an XML form of an HTML character reference.
func xmlEntity(e string) string {
	if e[1] == '#' || xmlEntities[e] {
		return e
	}
	var b strings.Builder
	for _, r := range inline.Decode(e) {
		fmt.Fprintf(&b, "&#%d;", r)
	}
	return b.String()
}

// fromXML converts DeepL's translation of toXML(src) back to the neutral
// form: each ignored <x>…</x> becomes the translate="no" element of src it
// stands for (by id, or by place), byte for byte, and void elements take
// their source form again. An element DeepL lost stays lost: the pipeline
// puts it back and says so.
func fromXML(src, out string) string {
	spans := remote.NoTranslateSpans(src)
	byID := map[string]remote.Span{}
	for _, sp := range spans {
		byID[sp.ID] = sp
	}
	toks := inline.Tokens(out)
	var b strings.Builder
	n := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		tag := inline.ParseTag(t.Raw)
		if t.Kind != inline.TagToken || tag.Name != "x" || tag.Closing || tag.SelfClosing {
			b.WriteString(t.Raw)
			continue
		}
		end := i + 1
		for end < len(toks) && !(toks[end].Kind == inline.TagToken && strings.EqualFold(toks[end].Raw, "</x>")) {
			end++
		}
		id, _ := tag.Attr("id")
		if sp, ok := byID[id]; ok {
			b.WriteString(sp.Text())
		} else if n < len(spans) {
			b.WriteString(spans[n].Text())
		}
		n++
		i = end
	}
	return restoreVoids(src, b.String())
}

// restoreVoids gives the void elements of out the exact form they had in
// src, in order, when the counts agree.
func restoreVoids(src, out string) string {
	orig := voidTags(src)
	got := voidTags(out)
	if len(orig) == 0 || len(got) != len(orig) {
		return out
	}
	var b strings.Builder
	k := 0
	for _, t := range inline.Tokens(out) {
		if t.Kind == inline.TagToken && inline.ParseTag(t.Raw).Void() {
			b.WriteString(orig[k])
			k++
			continue
		}
		b.WriteString(t.Raw)
	}
	return b.String()
}

func voidTags(s string) []string {
	var out []string
	for _, t := range inline.Tokens(s) {
		if t.Kind == inline.TagToken && inline.ParseTag(t.Raw).Void() {
			out = append(out, t.Raw)
		}
	}
	return out
}
