package glossary

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// TBX files come in two shapes, both read:
//
//	TBX-Basic (TBX 2008):  martif > text > body > termEntry > langSet > tig > term, termNote
//	TBX v3 (ISO 30042:2019): tbx > text > body > conceptEntry > langSec > termSec > term, termNote
//
// The first French term of an entry is its source, the others its
// variants; the first English term is its target. termNote
// type="partOfSpeech" gives the part of speech; note, descrip and
// definition elements make the note.

// tbxTerm is one term of a language section.
type tbxTerm struct {
	text, pos      string
	cs, inflect    string
	hasCS, hasInfl bool
}

// tbxConcept collects one termEntry or conceptEntry.
type tbxConcept struct {
	line  int
	notes []string
	terms map[string][]tbxTerm
}

// tbxReader walks the XML tokens of a TBX file.
type tbxReader struct {
	name    string
	dec     *xml.Decoder
	cur     *tbxConcept
	lang    string
	text    strings.Builder
	entries []Entry
	probs   []Problem
}

// parseTBX reads a TBX-Basic or TBX v3 glossary.
func parseTBX(name string, data []byte) ([]Entry, []Problem) {
	r := &tbxReader{name: name, dec: xml.NewDecoder(bytes.NewReader(data))}
	r.dec.Entity = xml.HTMLEntity
	for {
		tok, err := r.dec.Token()
		if errors.Is(err, io.EOF) {
			return r.entries, r.probs
		}
		if err != nil {
			return r.entries, append(r.probs, xmlProblem(name, err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t)
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			r.text.Write(t)
		}
	}
}

func xmlProblem(name string, err error) Problem {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return Problem{Path: name, Line: se.Line, Msg: se.Msg}
	}
	return Problem{Path: name, Msg: err.Error()}
}

func (r *tbxReader) start(t xml.StartElement) {
	r.text.Reset()
	switch t.Name.Local {
	case "termEntry", "conceptEntry":
		line, _ := r.dec.InputPos()
		r.cur = &tbxConcept{line: line, terms: map[string][]tbxTerm{}}
	case "langSet", "langSec":
		r.lang = ""
		for _, a := range t.Attr {
			if a.Name.Local == "lang" {
				r.lang = strings.ToLower(a.Value)
			}
		}
	case "termNote":
		r.text.WriteString(attr(t, "type") + "\x00")
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (r *tbxReader) end(t xml.EndElement) {
	if r.cur == nil {
		return
	}
	text := r.text.String()
	r.text.Reset()
	switch t.Name.Local {
	case "term":
		r.cur.terms[r.lang] = append(r.cur.terms[r.lang], tbxTerm{text: text})
	case "termNote":
		r.termNote(text)
	case "note", "descrip", "definition":
		if s := strings.TrimSpace(text); s != "" {
			r.cur.notes = append(r.cur.notes, s)
		}
	case "termEntry", "conceptEntry":
		r.finish()
	}
}

// termNote applies a termNote to the last term of the current language.
func (r *tbxReader) termNote(text string) {
	typ, val, _ := strings.Cut(text, "\x00")
	ts := r.cur.terms[r.lang]
	if len(ts) == 0 {
		return
	}
	last := &ts[len(ts)-1]
	switch typ {
	case "partOfSpeech":
		last.pos = strings.TrimSpace(val)
	case "x-caseSensitive":
		last.cs, last.hasCS = val, true
	case "x-inflect":
		last.inflect, last.hasInfl = val, true
	}
}

// finish turns the collected concept into an entry.
func (r *tbxReader) finish() {
	c := r.cur
	r.cur = nil
	src, tgt := c.lang(SourceLang), c.lang(TargetLang)
	switch {
	case len(src) == 0:
		r.probs = append(r.probs, Problem{Path: r.name, Line: c.line, Msg: "entry has no French term"})
		return
	case len(tgt) == 0:
		r.probs = append(r.probs, Problem{Path: r.name, Line: c.line, Msg: "entry has no English term"})
		return
	}
	e := Entry{Source: src[0].text, Target: tgt[0].text, POS: src[0].pos, Note: strings.Join(c.notes, "; "),
		File: r.name, Line: c.line}
	for _, v := range src[1:] {
		e.Variants = append(e.Variants, v.text)
	}
	if e.POS == "" {
		e.POS = tgt[0].pos
	}
	var err error
	if e.CaseSensitive, err = parseFlag(src[0].cs, autoCaseSensitive(e.Source)); err != nil {
		r.probs = append(r.probs, Problem{Path: r.name, Line: c.line, Msg: "x-caseSensitive: " + err.Error()})
	}
	inflect, err := parseFlag(src[0].inflect, true)
	if err != nil {
		r.probs = append(r.probs, Problem{Path: r.name, Line: c.line, Msg: "x-inflect: " + err.Error()})
	}
	e.NoInflect = !inflect
	r.entries = append(r.entries, e)
}

// lang returns the terms of the first language section for a language
// ("fr" takes "fr", "fr-FR", "fr_CA").
func (c *tbxConcept) lang(code string) []tbxTerm {
	var out []tbxTerm
	for l, ts := range c.terms {
		if l == code || strings.HasPrefix(l, code+"-") || strings.HasPrefix(l, code+"_") {
			if len(out) == 0 || l == code {
				out = ts
			}
		}
	}
	return out
}

// writeTBX writes entries as a TBX v3 file (TBX-Basic dialect).
func writeTBX(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<tbx type="TBX-Basic" style="dca" xml:lang="fr" xmlns="urn:iso:std:iso:30042:ed-2">` + "\n")
	bw.WriteString("  <tbxHeader><fileDesc><sourceDesc><p>bitext glossary</p></sourceDesc></fileDesc></tbxHeader>\n")
	bw.WriteString("  <text>\n    <body>\n")
	for i, e := range entries {
		writeConcept(bw, i+1, e)
	}
	bw.WriteString("    </body>\n  </text>\n</tbx>\n")
	return bw.Flush()
}

func writeConcept(w *bufio.Writer, id int, e Entry) {
	fmt.Fprintf(w, "      <conceptEntry id=\"c%d\">\n", id)
	if e.Note != "" {
		fmt.Fprintf(w, "        <note>%s</note>\n", xmlEscape(e.Note))
	}
	w.WriteString("        <langSec xml:lang=\"fr\">\n")
	var notes []string
	if e.POS != "" {
		notes = append(notes, "partOfSpeech", tbxPOS(e.POS))
	}
	if e.CaseSensitive != autoCaseSensitive(e.Source) {
		notes = append(notes, "x-caseSensitive", yesNo(e.CaseSensitive))
	}
	if e.NoInflect {
		notes = append(notes, "x-inflect", "no")
	}
	writeTermSec(w, e.Source, notes...)
	for _, v := range e.Variants {
		writeTermSec(w, v)
	}
	w.WriteString("        </langSec>\n        <langSec xml:lang=\"en\">\n")
	writeTermSec(w, e.Target)
	w.WriteString("        </langSec>\n      </conceptEntry>\n")
}

// writeTermSec writes a term and its termNotes, given as type, value pairs.
func writeTermSec(w *bufio.Writer, term string, notes ...string) {
	fmt.Fprintf(w, "          <termSec>\n            <term>%s</term>\n", xmlEscape(term))
	for i := 0; i+1 < len(notes); i += 2 {
		fmt.Fprintf(w, "            <termNote type=\"%s\">%s</termNote>\n", notes[i], xmlEscape(notes[i+1]))
	}
	w.WriteString("          </termSec>\n")
}

// tbxPOS spells a part of speech the way TBX-Basic does.
func tbxPOS(pos string) string {
	switch pos {
	case Name:
		return "properNoun"
	case Adjective:
		return "adjective"
	}
	return pos
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
