package serve

import (
	"html/template"
	"regexp"
	"sort"
	"strings"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/review"
)

// mark is a span of plain text to highlight, with its tooltip.
type mark struct {
	start, end int
	title      string
}

// plain returns a unit text without markup, as the terminal review and
// its word diffs read it.
func plain(text string, markup bool) string {
	return inline.ParseSegment(text, markup).Plain()
}

// terms finds the glossary terms of a unit: marks on its French, and on
// its English where the term's English occurs.
func terms(g *glossary.Glossary, fr, en string) (frMarks, enMarks []mark) {
	if g == nil {
		return nil, nil
	}
	for _, m := range g.Find(fr, false) {
		frMarks = append(frMarks, mark{m.Start, m.End, "glossary: " + m.Target})
		for _, loc := range findWord(en, m.Target) {
			enMarks = append(enMarks, mark{loc[0], loc[1], "glossary: " + m.Text})
		}
	}
	sort.Slice(enMarks, func(i, j int) bool { return enMarks[i].start < enMarks[j].start })
	return frMarks, enMarks
}

// findWord returns where term occurs in text as whole words, ignoring
// case.
func findWord(text, term string) [][]int {
	if strings.TrimSpace(term) == "" {
		return nil
	}
	re, err := regexp.Compile(`(?i)(?:^|[^\pL\pN])(` + regexp.QuoteMeta(term) + `)(?:$|[^\pL\pN])`)
	if err != nil {
		return nil
	}
	var out [][]int
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, m[2:4])
	}
	return out
}

// diffHTML renders a word diff: deletions in <del>, insertions in <ins>.
func diffHTML(chunks []review.Chunk) template.HTML {
	var b strings.Builder
	for _, c := range chunks {
		t := template.HTMLEscapeString(c.Text)
		switch c.Op {
		case review.Delete:
			b.WriteString("<del>" + t + "</del>")
		case review.Insert:
			b.WriteString("<ins>" + t + "</ins>")
		default:
			b.WriteString(t)
		}
	}
	return template.HTML(b.String())
}

// unitDiff is the word diff the page shows under a unit's English, and
// what it compares with: the approved text when the working copy changed
// since the approval, else the machine draft. nil when nothing changed.
func unitDiff(u *review.Unit) ([]review.Chunk, string) {
	var chunks []review.Chunk
	note := "changes to the machine draft"
	switch {
	case u.Orphan():
		return nil, ""
	case u.Text == "" && u.Draft != "":
		return []review.Chunk{{Op: review.Delete, Text: plain(u.Draft, u.Markup)}}, "deleted from the working copy"
	case u.State() == review.Changed:
		chunks, note = review.WordDiff(plain(u.Record.Text, u.Markup), u.PlainText()), "changes since the approval"
	default:
		chunks = review.WordDiff(plain(u.Draft, u.Markup), u.PlainText())
	}
	if !review.HasChanges(chunks) {
		return nil, ""
	}
	return chunks, note
}

// editForm is the unit's English as the editor types it: plain text, or
// for a unit with markup its Markdown (emphasis in asterisks, links as
// [text](address)), which the edit action turns back into the unit's form
// (review.ParseEdit).
func editForm(u *review.Unit) string {
	if !u.Markup {
		return u.Text
	}
	return inline.Parse(u.Text).Markdown(inline.MarkdownOptions{})
}

// title is the start of an article's English, for the list.
func title(art *review.Article) string {
	for _, u := range art.Units {
		if t := strings.TrimSpace(u.PlainText()); t != "" {
			return shorten(t, 90)
		}
	}
	return ""
}

// shorten cuts s to at most n runes, with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
