package translate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"

	"github.com/bitext/bitext/inline"
)

// docxDoc is a Word document read: its archive, its text parts and the
// paragraphs with text in them, in reading order.
type docxDoc struct {
	zr    *zip.Reader
	parts []docxPart
	// slots are the paragraphs with text, part by part.
	slots [][]docxSlot
	table docxTable
}

// scanDocx reads a Word document's paragraphs.
func scanDocx(name string, data []byte) (*docxDoc, error) {
	zr, parts, err := openDocx(name, data)
	if err != nil {
		return nil, err
	}
	d := &docxDoc{zr: zr, parts: parts, table: docxTable{}}
	n := 0
	for _, p := range parts {
		slots, err := scanDocxPart(name, p, d.table, &n)
		if err != nil {
			return nil, err
		}
		d.slots = append(d.slots, slots)
	}
	return d, nil
}

// scanDocxPart returns the paragraphs of one part that hold words; n
// counts the paragraphs read so far.
func scanDocxPart(name string, p docxPart, table docxTable, n *int) ([]docxSlot, error) {
	s := newXMLScanner(name, p.file.Name, p.data)
	var out []docxSlot
	for {
		err := s.next()
		if errors.Is(err, errPartEnd) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if s.isW("p", false) {
			*n++
			sl, err := s.paragraph(table)
			if err != nil {
				return nil, err
			}
			sl.paragraph = *n
			if hasWords(sl.frag) {
				out = append(out, sl)
			}
		}
	}
}

// readDocx reads a Word document: a block for each paragraph with words
// (in the body, its tables, headers, footers, footnotes and endnotes),
// its runs' formatting, hyperlinks and everything else in it as inline
// codes. A block's Line is the paragraph's number in the document.
func readDocx(path string, data []byte) (*Document, error) {
	d, err := scanDocx(path, data)
	if err != nil {
		return nil, err
	}
	doc := &Document{Skeleton: data}
	slot := 0
	for _, part := range d.slots {
		for _, sl := range part {
			slot++
			b := Block{Kind: sl.kind, Level: sl.level, Line: sl.paragraph, Slot: slot}
			b.Segments = slotSegments(normalizeFragment(sl.frag), true, sl.paragraph)
			doc.Blocks = append(doc.Blocks, b)
		}
	}
	if len(doc.Blocks) == 0 {
		return nil, inputErrorf(path, 0, "no text to translate in this Word document")
	}
	return doc, nil
}

// writeDocx writes a Word document: the French document's archive with
// each paragraph's runs rebuilt from its English.
func writeDocx(buf *bytes.Buffer, doc *Document, side Side) error {
	if doc.Skeleton == nil {
		return inputErrorf(doc.Path, 0, "no Word document to write the translation into")
	}
	d, err := scanDocx(doc.Path, doc.Skeleton)
	if err != nil {
		return err
	}
	var markup []bool
	for _, part := range d.slots {
		for range part {
			markup = append(markup, true)
		}
	}
	texts, err := slotTexts(doc, markup, side)
	if err != nil {
		return err
	}
	repl := map[string][]byte{}
	i := 0
	for k, p := range d.parts {
		if len(d.slots[k]) == 0 {
			continue
		}
		var out bytes.Buffer
		pos := 0
		for _, sl := range d.slots[k] {
			out.Write(p.data[pos:sl.start])
			writeRuns(&out, texts[i], sl, d.table)
			pos, i = sl.end, i+1
		}
		out.Write(p.data[pos:])
		repl[p.file.Name] = out.Bytes()
	}
	return rewriteZip(buf, d.zr, repl)
}

// writeRuns writes a paragraph's content from an inline fragment: text
// in runs with the formatting of the codes around it (the paragraph's
// base formatting outside them), hyperlinks and kept XML where their
// codes are. Codes the document does not know (an engine's invention)
// are left out, their text kept.
func writeRuns(out *bytes.Buffer, frag string, sl docxSlot, table docxTable) {
	var stack []*docxEntry
	for _, p := range inline.Parse(frag) {
		switch {
		case p.Code == nil:
			writeTextRun(out, p.Text, formatOf(stack, sl.base), sl.w)
		case p.Code.Type == inline.Open:
			e := entryOf(p.Code, table)
			if e != nil && e.kind == 'a' {
				out.WriteString(e.open)
			}
			stack = append(stack, e)
		case p.Code.Type == inline.Close:
			if len(stack) == 0 {
				continue
			}
			if e := stack[len(stack)-1]; e != nil && e.kind == 'a' {
				out.WriteString(e.close)
			}
			stack = stack[:len(stack)-1]
		default:
			writeStandalone(out, entryOf(p.Code, table), sl.w)
		}
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if e := stack[i]; e != nil && e.kind == 'a' {
			out.WriteString(e.close)
		}
	}
}

// entryOf returns the entry a code's data-w names, nil for none.
func entryOf(c *inline.Code, table docxTable) *docxEntry {
	k, ok := c.Tag().Attr("data-w")
	if !ok {
		return nil
	}
	e, ok := table[k]
	if !ok {
		return nil
	}
	return &e
}

// formatOf returns the formatting of the innermost formatting code open.
func formatOf(stack []*docxEntry, base docxEntry) docxEntry {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] != nil && stack[i].kind == 's' {
			return *stack[i]
		}
	}
	return base
}

// writeTextRun writes text as one run with the formatting f.
func writeTextRun(out *bytes.Buffer, text string, f docxEntry, w string) {
	if text == "" {
		return
	}
	open := f.open
	if open == "" {
		open = "<" + w + ":r>"
	}
	out.WriteString(open)
	out.WriteString(f.rPr)
	out.WriteString("<" + w + `:t xml:space="preserve">`)
	_ = xml.EscapeText(out, []byte(text))
	out.WriteString("</" + w + ":t></" + w + ":r>")
}

// writeStandalone writes the XML a standalone code keeps.
func writeStandalone(out *bytes.Buffer, e *docxEntry, w string) {
	switch {
	case e == nil || e.kind != 'x':
		return
	case e.rPr == "" && e.close == "":
		out.WriteString(e.open) // paragraph-level XML
	default:
		out.WriteString(e.open + e.rPr + e.close + "</" + w + ":r>")
	}
}
