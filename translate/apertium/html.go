package apertium

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
//     are, in superblanks, as does a bare & or <.

// notransElements are left untranslated whatever their attributes.
var notransElements = map[string]bool{"apertium-notrans": true, "code": true, "script": true, "style": true}

// translateNo finds translate="no" in a start tag.
var translateNo = regexp.MustCompile(`(?i)\stranslate\s*=\s*(?:"no"|'no'|no[\s/>])`)

// entity matches a character reference at the start of a string.
var entity = regexp.MustCompile(`^&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

// writeHTML writes an HTML fragment in stream format. With a hider,
// translate="no" elements are replaced by stand-in words (see hider.hide)
// rather than written as superblanks.
func writeHTML(b *bytes.Buffer, s string, h *hider) {
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			i = writeMarkup(b, s, i, h)
		case '&':
			i = writeEntity(b, s, i)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			writeRune(b, r)
			i += size
		}
	}
}

// writeMarkup writes the tag (or whole do-not-translate element) starting
// at s[i] as a superblank, or a translate="no" element as a stand-in when
// h gives one, and returns the index after it. A '<' that starts no tag is
// a blank of its own.
func writeMarkup(b *bytes.Buffer, s string, i int, h *hider) int {
	end := tagEnd(s, i)
	if end < 0 {
		writeBlank(b, "<")
		return i + 1
	}
	tag := s[i:end]
	if name := startTagName(tag); name != "" && !strings.HasSuffix(tag, "/>") {
		switch {
		case translateNo.MatchString(tag):
			end = elementEnd(s, end, name)
			if h != nil && h.hide(b, s, i, s[i:end]) {
				return end
			}
		case notransElements[name]:
			end = elementEnd(s, end, name)
		}
	}
	writeBlank(b, s[i:end])
	return end
}

// writeEntity writes the character reference at s[i] and returns the index
// after it.
func writeEntity(b *bytes.Buffer, s string, i int) int {
	ref := entity.FindString(s[i:])
	if ref == "" {
		writeBlank(b, "&")
		return i + 1
	}
	decoded := html.UnescapeString(ref)
	r, size := utf8.DecodeRuneInString(decoded)
	if decoded == ref || size != len(decoded) || unicode.IsSpace(r) || strings.ContainsRune("&<>", r) || r < 0x20 {
		writeBlank(b, ref)
	} else {
		writeRune(b, r)
	}
	return i + len(ref)
}

// tagEnd returns the index just after the tag or comment starting at s[i],
// or -1 when s[i] does not start one.
func tagEnd(s string, i int) int {
	rest := s[i:]
	if strings.HasPrefix(rest, "<!--") {
		if end := strings.Index(rest[4:], "-->"); end >= 0 {
			return i + 4 + end + 3
		}
		return -1
	}
	if len(rest) < 2 || !(isLetter(rest[1]) || rest[1] == '/' || rest[1] == '!' || rest[1] == '?') {
		return -1
	}
	var quote byte
	for j := 1; j < len(rest); j++ {
		switch c := rest[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + j + 1
		case c == '<':
			return -1
		}
	}
	return -1
}

// startTagName returns the lowercased element name of a start tag, or ""
// for end tags, comments and declarations.
func startTagName(tag string) string {
	if len(tag) < 2 || !isLetter(tag[1]) {
		return ""
	}
	end := 1
	for end < len(tag) && (isLetter(tag[end]) || tag[end] == '-' || tag[end] == ':' || (tag[end] >= '0' && tag[end] <= '9')) {
		end++
	}
	return strings.ToLower(tag[1:end])
}

// endTagName returns the lowercased element name of an end tag, or "".
func endTagName(tag string) string {
	if !strings.HasPrefix(tag, "</") {
		return ""
	}
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(tag[2:len(tag)-1]), " \t\n"))
}

// elementEnd returns the index just after the end tag that closes the
// element name whose start tag ends at s[from], counting nested elements of
// the same name; len(s) when it is never closed.
func elementEnd(s string, from int, name string) int {
	depth := 1
	for i := from; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		end := tagEnd(s, i)
		if end < 0 {
			continue
		}
		tag := s[i:end]
		switch {
		case endTagName(tag) == name:
			depth--
		case startTagName(tag) == name && !strings.HasSuffix(tag, "/>"):
			depth++
		}
		if depth == 0 {
			return end
		}
		i = end - 1
	}
	return len(s)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
