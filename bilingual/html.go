package bilingual

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
)

// HTMLOptions are the page-level settings of [HTML].
type HTMLOptions struct {
	// Title is the page title (the <title> element and the header). Empty:
	// the document's "title" front matter, else the English headline.
	Title string
	// Backend names the translation engine for the footer. Empty: the
	// distinct Backend values of the document's segments.
	Backend string
	// Attribution holds lines for the footer, such as the agency credit
	// or a licence notice.
	Attribution []string
	// Generated is the time the page was made, shown in the footer. The
	// zero time leaves it out, which keeps output reproducible.
	Generated time.Time
}

//go:embed page.html.tmpl
var pageSource string

// pageTemplate is parsed once; templates are safe for concurrent use and
// never modified after parsing.
var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// HTML writes doc as a self-contained bilingual web page: French on the
// left, English on the right, one grid row per block so that each French
// paragraph stays level with its translation.
//
// The page holds its CSS inline, loads nothing and contains no script; a
// Content-Security-Policy forbids scripts anyway. All article text and
// metadata is escaped; Markup segments keep only <em>, <strong>, <code>
// and <a> with http, https or mailto targets.
func HTML(w io.Writer, doc *translate.Document, opts HTMLOptions) error {
	if doc == nil {
		return fmt.Errorf("failed to write HTML: no document")
	}
	if err := pageTemplate.Execute(w, newPage(doc, opts)); err != nil {
		return fmt.Errorf("failed to write HTML: %w", err)
	}
	return nil
}

// page is what the template renders.
type page struct {
	Title       string
	Meta        []pageMeta
	Rows        []pageRow
	Backend     string
	Attribution []string
	Generated   time.Time
}

// pageMeta is one front-matter field; Target is set for translated ones.
type pageMeta struct {
	Key, Value, Target string
	// Link is Value when it is a safe http(s) URL, shown as a link.
	Link string
}

// pageRow is one block: the same element in French and English.
type pageRow struct {
	Block  int
	Kind   translate.BlockKind
	FR, EN template.HTML
}

func newPage(doc *translate.Document, opts HTMLOptions) page {
	p := page{
		Title:       pageTitle(doc, opts),
		Backend:     opts.Backend,
		Attribution: opts.Attribution,
		Generated:   opts.Generated,
	}
	if p.Backend == "" {
		p.Backend = documentBackends(doc)
	}
	for _, m := range doc.Meta {
		pm := pageMeta{Key: m.Key, Value: m.Value, Link: safeHref(m.Value)}
		if m.Translate {
			pm.Target = m.Target
		}
		p.Meta = append(p.Meta, pm)
	}
	for i, b := range doc.Blocks {
		p.Rows = append(p.Rows, pageRow{
			Block: i, Kind: b.Kind,
			FR: blockHTML(i, b, false), EN: blockHTML(i, b, true),
		})
	}
	return p
}

// pageTitle picks the title: the option, the translated title field, the
// English headline, the French one.
func pageTitle(doc *translate.Document, opts HTMLOptions) string {
	if opts.Title != "" {
		return opts.Title
	}
	for _, m := range doc.Meta {
		if m.Key == "title" && m.Translate && m.Target != "" {
			return m.Target
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind == translate.Headline {
			if t := plainBlock(b, true); t != "" {
				return t
			}
			return plainBlock(b, false)
		}
	}
	return "bitext"
}

// documentBackends lists the engines that produced the segments.
func documentBackends(doc *translate.Document) string {
	seen := map[string]bool{}
	var names []string
	for _, b := range doc.Blocks {
		for _, s := range b.Segments {
			if s.Backend != "" && !seen[s.Backend] {
				seen[s.Backend] = true
				names = append(names, s.Backend)
			}
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// blockHTML renders one side of a block as its HTML element.
func blockHTML(i int, b translate.Block, target bool) template.HTML {
	var s string
	body := ""
	if b.Kind != translate.Verbatim && b.Kind != translate.Table {
		body = segmentsHTML(i, b, target)
	}
	switch b.Kind {
	case translate.Table:
		s = tableHTML(i, b, target)
	case translate.Footnote:
		s = `<p class="footnote">`
		if b.Marker != "" {
			s += `<sup class="fnref">` + html.EscapeString(b.Marker) + "</sup> "
		}
		s += body + "</p>"
	case translate.Headline:
		s = "<h1>" + body + "</h1>"
	case translate.Heading:
		s = headingHTML(b.Level, body)
	case translate.Quote:
		s = "<blockquote><p>" + body + "</p></blockquote>"
	case translate.ListItem:
		s = listHTML(b.Marker, body)
	case translate.Verbatim:
		s = verbatimHTML(i, b, target)
	default:
		s = "<p>" + body + "</p>"
	}
	return template.HTML(s) // built from escaped text and fixed tags only
}

// verbatimHTML shows a verbatim block as preformatted text (the code of a
// fenced block without its fences), or a rule for a thematic break.
func verbatimHTML(i int, b translate.Block, target bool) string {
	raw := verbatimSource(b)
	if isThematicBreak(raw) {
		return "<hr>"
	}
	return fmt.Sprintf(`<pre><span class="seg" id="%s-%d.0" data-seg="%d.0">%s</span></pre>`,
		side(target), i, i, html.EscapeString(verbatimBody(raw)))
}

func headingHTML(level int, body string) string {
	if level <= 2 {
		return "<h2>" + body + "</h2>"
	}
	return "<h3>" + body + "</h3>"
}

// listHTML wraps one item in its own list; ordered items keep their number.
func listHTML(marker, body string) string {
	num := strings.TrimRight(marker, ".)")
	if n, err := strconv.Atoi(num); err == nil && num != "" {
		return fmt.Sprintf(`<ol start="%d"><li>%s</li></ol>`, n, body)
	}
	return "<ul><li>" + body + "</li></ul>"
}

// tableHTML renders one side of a table: a header row of <th> and rows of
// <td>, aligned as the source's columns, each cell a sentence span.
func tableHTML(i int, b translate.Block, target bool) string {
	t := b.Table
	var sb strings.Builder
	sb.WriteString(`<table>`)
	for r := 0; r < b.Rows(); r++ {
		cell := "td"
		if r == 0 {
			cell = "th"
			sb.WriteString("<thead>")
		} else if r == 1 {
			sb.WriteString("<tbody>")
		}
		sb.WriteString("<tr>")
		for c := 0; c < t.Columns && r*t.Columns+c < len(b.Segments); c++ {
			j := r*t.Columns + c
			align := ""
			if c < len(t.Align) && t.Align[c] != "" {
				align = ` class="` + t.Align[c] + `"`
			}
			fmt.Fprintf(&sb, "<%s%s>%s</%s>", cell, align, segmentHTML(i, j, b.Segments[j], target), cell)
		}
		sb.WriteString("</tr>")
		if r == 0 {
			sb.WriteString("</thead>")
		}
	}
	if b.Rows() > 1 {
		sb.WriteString("</tbody>")
	}
	sb.WriteString("</table>")
	return sb.String()
}

// segmentsHTML renders a block's sentences, each in a span whose data-seg
// is "block.segment" and whose id is "fr-" or "en-" and the same, so that
// review tools can select a sentence or link to it (page.html#en-3.1).
func segmentsHTML(i int, b translate.Block, target bool) string {
	var sb strings.Builder
	for j, s := range b.Segments {
		if j > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(segmentHTML(i, j, s, target))
	}
	return sb.String()
}

// segmentHTML renders one sentence in its span.
func segmentHTML(i, j int, s translate.Segment, target bool) string {
	text := s.Source
	if target {
		text = s.Target
	}
	class := "seg"
	if text == "" && s.Source != "" {
		class = "seg missing"
	}
	if s.Fidelity.HasWarnings() && target {
		class += " warn"
	}
	return fmt.Sprintf(`<span class="%s" id="%s-%d.%d" data-seg="%d.%d"%s>`, class, side(target), i, j, i, j, warnTitle(s, target)) +
		inlineHTML(sanitize(text, s.Markup)) + "</span>"
}

// warnTitle is the title attribute of an English sentence with fidelity
// warnings: the warnings, so that a reader sees them on hovering.
func warnTitle(s translate.Segment, target bool) string {
	if !target || !s.Fidelity.HasWarnings() {
		return ""
	}
	return ` title="` + html.EscapeString(strings.Join(s.Fidelity.Warnings, "\n")) + `"`
}

func side(target bool) string {
	if target {
		return "en"
	}
	return "fr"
}

// plainBlock returns one side of a block as plain text.
func plainBlock(b translate.Block, target bool) string {
	parts := make([]string, 0, len(b.Segments))
	for _, s := range b.Segments {
		text := s.Source
		if target && b.Kind != translate.Verbatim {
			text = s.Target
		}
		parts = append(parts, plainText(text, s.Markup && b.Kind != translate.Verbatim))
	}
	return strings.Join(parts, " ")
}
