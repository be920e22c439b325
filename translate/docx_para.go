package translate

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"

	"github.com/bitext/bitext/inline"
)

// docxEntry is what an inline code of a Word paragraph stands for, by
// its data-w key: a run's formatting (the run's start tag and <w:rPr>),
// a hyperlink (its start and end tags) or XML copied as it is (a run
// holding a tab, a break, a drawing, a footnote reference; a bookmark, a
// tracked change, a field).
type docxEntry struct {
	kind             byte // 's' formatting, 'a' hyperlink, 'x' XML as is
	open, rPr, close string
}

// key names the entry in a fragment: the same XML gives the same key, in
// the French and in the English document.
func (e docxEntry) key() string {
	h := sha256.Sum256([]byte(string(e.kind) + "\x00" + e.open + "\x00" + e.rPr + "\x00" + e.close))
	return hex.EncodeToString(h[:6])
}

// docxTable holds a document's entries by key.
type docxTable map[string]docxEntry

func (t docxTable) add(e docxEntry) string {
	k := e.key()
	t[k] = e
	return k
}

// docxRun is one <w:r>: its start tag, formatting and content.
type docxRun struct {
	start, rPr string
	parts      []runPart
}

// runPart is a run's text (<w:t>) or another child kept as XML.
type runPart struct {
	text, raw, name string
}

// paraItem is one child of a paragraph.
type paraItem struct {
	run *docxRun
	// link is a hyperlink's start tag, on its opening (open) and closing
	// items.
	link string
	open bool
	// raw is XML kept as it is (a bookmark, a tracked change), name its
	// element's name.
	raw, name string
}

// docxSlot is a paragraph's content: the range replaced, the inline
// fragment of its text and the formatting its plain text takes.
type docxSlot struct {
	start, end int
	kind       BlockKind
	level      int
	frag       string
	base       docxEntry
	w          string
	// paragraph is the paragraph's number in the document, from 1.
	paragraph int
}

// paragraph reads a <w:p> whose start tag was the last token.
func (s *xmlScanner) paragraph(table docxTable) (docxSlot, error) {
	sl := docxSlot{start: s.end, w: s.w}
	if isSelfClosing(s.data[s.start:s.end]) {
		return sl, s.next() // the EndElement encoding/xml adds
	}
	var items []paraItem
	var pPr string
	for depth := s.depth; ; {
		if err := s.next(); err != nil {
			return sl, s.truncated(err)
		}
		if s.depth < depth {
			sl.end = s.start
			break
		}
		if _, ok := s.tok.(xml.StartElement); !ok {
			continue
		}
		var err error
		switch s.local() {
		case "pPr":
			pPr, err = s.skipElement()
			sl.start = s.end
		case "r":
			var r *docxRun
			if r, err = s.run(); r != nil {
				items = append(items, paraItem{run: r})
			}
		case "hyperlink":
			items, err = s.hyperlink(items)
		case "proofErr":
			_, err = s.skipElement() // a spelling mark, left out
		default:
			name := s.local()
			var raw string
			raw, err = s.skipElement()
			items = append(items, paraItem{raw: raw, name: name})
		}
		if err != nil {
			return sl, err
		}
	}
	sl.kind, sl.level = paragraphKind(pPr, s.w)
	sl.frag, sl.base = buildFragment(items, table, s.w)
	return sl, nil
}

func isSelfClosing(tag []byte) bool {
	return len(tag) >= 2 && string(tag[len(tag)-2:]) == "/>"
}

// run reads a <w:r> whose start tag was the last token; nil for an empty
// run.
func (s *xmlScanner) run() (*docxRun, error) {
	if isSelfClosing(s.data[s.start:s.end]) {
		return nil, s.next()
	}
	r := &docxRun{start: string(s.data[s.start:s.end])}
	for depth := s.depth; ; {
		if err := s.next(); err != nil {
			return nil, s.truncated(err)
		}
		if s.depth < depth {
			return r, nil
		}
		if _, ok := s.tok.(xml.StartElement); !ok {
			continue
		}
		name := s.local()
		var err error
		var raw, text string
		switch name {
		case "rPr":
			r.rPr, err = s.skipElement()
		case "t":
			text, err = s.textContent()
			r.parts = append(r.parts, runPart{text: text})
		case "lastRenderedPageBreak":
			_, err = s.skipElement() // where Word last broke the page
		default:
			raw, err = s.skipElement()
			r.parts = append(r.parts, runPart{raw: raw, name: name})
		}
		if err != nil {
			return nil, err
		}
	}
}

// hyperlink reads a <w:hyperlink> whose start tag was the last token.
func (s *xmlScanner) hyperlink(items []paraItem) ([]paraItem, error) {
	if isSelfClosing(s.data[s.start:s.end]) {
		return items, s.next()
	}
	open := string(s.data[s.start:s.end])
	items = append(items, paraItem{link: open, open: true})
	for depth := s.depth; ; {
		if err := s.next(); err != nil {
			return nil, s.truncated(err)
		}
		if s.depth < depth {
			return append(items, paraItem{link: open}), nil
		}
		if _, ok := s.tok.(xml.StartElement); !ok {
			continue
		}
		if s.local() == "r" {
			r, err := s.run()
			if err != nil {
				return nil, err
			}
			if r != nil {
				items = append(items, paraItem{run: r})
			}
			continue
		}
		name := s.local()
		raw, err := s.skipElement()
		if err != nil {
			return nil, err
		}
		items = append(items, paraItem{raw: raw, name: name})
	}
}

var (
	headingStyle = regexp.MustCompile(`(?i)^(heading|titre|berschrift|titolo|ttulo)\s*([1-6])$`)
	styleVal     = regexp.MustCompile(`:pStyle\s[^>]*val="([^"]*)"`)
	ilvlVal      = regexp.MustCompile(`:ilvl\s[^>]*val="([0-9]+)"`)
)

// paragraphKind reads a paragraph's kind from its properties: a heading
// style, the title style, list numbering.
func paragraphKind(pPr, w string) (BlockKind, int) {
	style := ""
	if m := styleVal.FindStringSubmatch(pPr); m != nil {
		style = m[1]
	}
	switch m := headingStyle.FindStringSubmatch(style); {
	case m != nil:
		return Heading, int(m[2][0] - '0')
	case strings.EqualFold(style, "title") || strings.EqualFold(style, "titre"):
		return Headline, 0
	case strings.Contains(pPr, "<"+w+":numPr"):
		level := 1
		if m := ilvlVal.FindStringSubmatch(pPr); m != nil {
			n, _ := strconv.Atoi(m[1])
			level = min(n, 8) + 1
		}
		return ListItem, level
	}
	return Paragraph, 0
}

// fragmentBuilder writes a paragraph's inline fragment.
type fragmentBuilder struct {
	b     strings.Builder
	table docxTable
	span  string // key of the open formatting code, "" for none
	name  string
}

// buildFragment turns a paragraph's items into an inline fragment: the
// formatting most of the text has is the paragraph's base (plain text);
// runs formatted otherwise are paired codes (named b, i, u, sup, sub, s
// or span after their formatting), hyperlinks <a> codes, and everything
// else standalone codes, each with its entry's key in data-w.
func buildFragment(items []paraItem, table docxTable, w string) (string, docxEntry) {
	base := baseFormat(items)
	f := &fragmentBuilder{table: table}
	for _, it := range items {
		switch {
		case it.run != nil:
			f.run(it.run, base, w)
		case it.link != "" && it.open:
			f.closeSpan()
			k := table.add(docxEntry{kind: 'a', open: it.link, close: "</" + w + ":hyperlink>"})
			f.b.WriteString(`<a data-w="` + k + `">`)
		case it.link != "":
			f.closeSpan()
			f.b.WriteString("</a>")
		default:
			f.closeSpan()
			f.standalone(it.name, docxEntry{kind: 'x', open: it.raw})
		}
	}
	f.closeSpan()
	return f.b.String(), base
}

// baseFormat returns the formatting (run start tag and properties) of
// most of the paragraph's text.
func baseFormat(items []paraItem) docxEntry {
	count := map[string]int{}
	first := map[string]string{}
	best := ""
	for _, it := range items {
		if it.run == nil {
			continue
		}
		if _, ok := first[it.run.rPr]; !ok {
			first[it.run.rPr] = it.run.start
		}
		for _, p := range it.run.parts {
			count[it.run.rPr] += len(p.text)
		}
		if count[it.run.rPr] > count[best] {
			best = it.run.rPr
		}
	}
	start, ok := first[best]
	if !ok {
		start = ""
	}
	return docxEntry{kind: 's', open: start, rPr: best}
}

func (f *fragmentBuilder) run(r *docxRun, base docxEntry, w string) {
	for _, p := range r.parts {
		if p.raw != "" {
			f.standalone(p.name, docxEntry{kind: 'x', open: r.start, rPr: r.rPr, close: p.raw})
			continue
		}
		if r.rPr == base.rPr {
			f.closeSpan()
		} else if k := f.table.add(docxEntry{kind: 's', open: r.start, rPr: r.rPr}); k != f.span {
			f.closeSpan()
			f.span, f.name = k, spanName(r.rPr, w)
			f.b.WriteString("<" + f.name + ` data-w="` + k + `">`)
		}
		f.b.WriteString(inline.EscapeText(p.text))
	}
}

func (f *fragmentBuilder) closeSpan() {
	if f.span != "" {
		f.b.WriteString("</" + f.name + ">")
		f.span = ""
	}
}

// standalone writes a standalone code for XML kept as it is.
func (f *fragmentBuilder) standalone(name string, e docxEntry) {
	k := f.table.add(e)
	tag := "w-" + strings.ToLower(strings.ReplaceAll(name, ":", "-"))
	if name == "br" || name == "cr" {
		tag = "br"
	}
	f.b.WriteString("<" + tag + ` data-w="` + k + `"/>`)
}

// spanName names a formatting code after what it does, so that engines
// and the bilingual page know it: b, i, u, sup, sub, s, else span.
func spanName(rPr, w string) string {
	has := func(el string) bool {
		return strings.Contains(rPr, "<"+w+":"+el+"/>") || strings.Contains(rPr, "<"+w+":"+el+" ")
	}
	switch {
	case has("b"):
		return "b"
	case has("i"):
		return "i"
	case has("u"):
		return "u"
	case strings.Contains(rPr, `val="superscript"`):
		return "sup"
	case strings.Contains(rPr, `val="subscript"`):
		return "sub"
	case has("strike"):
		return "s"
	}
	return "span"
}
