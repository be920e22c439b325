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
