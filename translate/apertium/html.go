package apertium

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/inline"
)

// HTML segments are deformatted here rather than by apertium-deshtml, which
// cannot serve a null-flush pipeline (it drops NUL bytes) and decodes
// named entities wrongly. The result is what apertium-deshtml produces:
//
//   - every tag and comment becomes a superblank, so it comes back
//     untouched and in the place the engine's word order gives it;
//   - a do-not-translate element, whole, becomes one superblank: the
//     neutral <span translate="no">…</span> of [translate.Request] (any
//     element with translate="no"), Apertium's own <apertium-notrans>, and
//     <code>, <script> and <style>. apertium-deshtml does exactly this
//     with <apertium-notrans>, so the span needs no conversion: it comes
//     back byte for byte. By default, though, translate="no" elements
//     are sent as stand-in words instead (see standin.go);
//   - character references that stand for letters or punctuation (&#39;,
//     &eacute;, &quot;) are decoded so that the engine sees the word they
//     are part of; &amp;, &lt;, &gt;, &nbsp; and other spaces stay as they
//     are, in superblanks, as does a bare & or < (and so the & of a
//     reference HTML does not know, &zzzz;).

// notransElements are left untranslated whatever their attributes.
var notransElements = map[string]bool{"apertium-notrans": true, "code": true, "script": true, "style": true}

// writeHTML writes an HTML fragment in stream format, reading its markup
// with package inline's scanner. With a hider, translate="no" elements are
// replaced by stand-in words (see hider.hide) rather than written as
// superblanks.
func writeHTML(b *bytes.Buffer, s string, h *hider) {
	toks := inline.Tokens(s)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.Kind {
		case inline.TagToken, inline.CommentToken:
			i = writeMarkup(b, s, toks, i, h)
		case inline.EntityToken:
			writeEntity(b, t.Raw)
		default:
			for _, r := range t.Raw {
				if r == '<' || r == '&' {
					writeBlank(b, string(r))
				} else {
					writeRune(b, r)
				}
			}
		}
	}
}

// writeMarkup writes the tag (or whole do-not-translate element) at
// toks[i] as a superblank, or a translate="no" element as a stand-in when
// h gives one, and returns the index of its last token.
func writeMarkup(b *bytes.Buffer, s string, toks []inline.Token, i int, h *hider) int {
	t := toks[i]
	end := i
	if t.Kind == inline.TagToken {
		tag := inline.ParseTag(t.Raw)
		if !tag.Closing && !tag.SelfClosing && !tag.Void() && (tag.NoTranslate() || notransElements[tag.Name]) {
			if end = inline.ElementEnd(toks, i); end < 0 {
				end = len(toks) - 1 // never closed: runs to the end
			}
			elem := s[t.Start : toks[end].Start+len(toks[end].Raw)]
			if tag.NoTranslate() && h != nil && h.hide(b, s, t.Start, elem) {
				return end
			}
			writeBlank(b, elem)
			return end
		}
	}
	writeBlank(b, t.Raw)
	return end
}

// writeEntity writes a character reference: decoded when it stands for a
// letter or punctuation, so that the engine sees the word it is part of;
// as a superblank when it stands for &, <, >, a space or a control
// character.
func writeEntity(b *bytes.Buffer, ref string) {
	decoded := inline.Decode(ref)
	r, size := utf8.DecodeRuneInString(decoded)
	if size != len(decoded) || unicode.IsSpace(r) || strings.ContainsRune("&<>", r) || r < 0x20 {
		writeBlank(b, ref)
		return
	}
	writeRune(b, r)
}

// tagEnd returns the index just after the tag or comment starting at s[i],
// or -1 when s[i] does not start one.
func tagEnd(s string, i int) int {
	if _, end := inline.NewScanner(s).At(i); end > 0 && s[i] == '<' {
		return end
	}
	return -1
}
