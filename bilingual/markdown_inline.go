package bilingual

import (
	"strings"
)

// markdownEscaper backslash-escapes the ASCII punctuation that could start
// Markdown syntax anywhere in a line (emphasis, code, links, raw HTML,
// entities, tables, strikethrough, heading closers), and turns line breaks
// into spaces so that no text starts a line of its own.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `&`, `\&`, `|`, `\|`, `~`, `\~`, `#`, `\#`,
	"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
)

// escapeMarkdown returns text that Markdown renders as exactly s.
func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }

// lineStart escapes what only means something at the start of a line: a
// list marker ("-", "+", "1."), a setext underline ("=").
func lineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=':
		return `\` + s
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// inlineMarkdown renders sanitized inline tokens as Markdown.
func inlineMarkdown(toks []inline) string {
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == inlineText:
			b.WriteString(escapeMarkdown(t.text))
		case t.kind == inlineOpen && t.tag == "code":
			end := matchingClose(toks, i)
			b.WriteString(codeSpan(tokensText(toks[i+1 : end])))
			i = end
		case t.kind == inlineOpen:
			end := matchingClose(toks, i)
			b.WriteString(wrapMarkdown(t, inlineMarkdown(toks[i+1:end])))
			i = end
		}
	}
	return b.String()
}

// matchingClose returns the index of the close token of the open at i.
func matchingClose(toks []inline, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].kind {
		case inlineOpen:
			depth++
		case inlineClose:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return len(toks) - 1 // unreachable: parseInline balances its output
}

// wrapMarkdown puts emphasis or link syntax around rendered content,
// keeping surrounding spaces outside the delimiters (CommonMark does not
// see "* word*" as emphasis).
func wrapMarkdown(open inline, content string) string {
	trimmed := strings.TrimSpace(content)
	if trimmed == "" {
		return content
	}
	lead := content[:strings.Index(content, trimmed)]
	trail := content[len(lead)+len(trimmed):]
	switch open.tag {
	case "em":
		trimmed = "*" + trimmed + "*"
	case "strong":
		trimmed = "**" + trimmed + "**"
	case "a":
		trimmed = "[" + trimmed + "](" + markdownURL(open.href) + ")"
	}
	return lead + trimmed + trail
}

// markdownURL percent-encodes the characters that would end or break a
// link destination.
func markdownURL(href string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E",
		`\`, "%5C", "\n", "", "\r", "", "\t", "").Replace(href)
}

// codeSpan returns s as a code span, with a backtick fence longer than any
// backtick run inside and padding where s starts or ends with one.
func codeSpan(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	if s == "" {
		return ""
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if s[0] == '`' || s[len(s)-1] == '`' || (s[0] == ' ' && s[len(s)-1] == ' ') {
		s = " " + s + " "
	}
	return fence + s + fence
}

// tokensText returns the literal text of tokens, tags dropped.
func tokensText(toks []inline) string {
	var b strings.Builder
	for _, t := range toks {
		if t.kind == inlineText {
			b.WriteString(t.text)
		}
	}
	return b.String()
}
