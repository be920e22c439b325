package xliff

import (
	"fmt"

	"github.com/bitext/bitext/inline"
)

// write2 writes XLIFF 2.1: codes as <pc> and <ph> referring to their
// markup in the unit's <originalData>.
func write2(x *xmlWriter, doc *Document) {
	x.raw(`<xliff xmlns="` + NS2 + `" xmlns:bitext="` + Namespace + `" version="2.1"`)
	x.attr("srcLang", doc.SrcLang)
	x.attr("trgLang", doc.TrgLang)
	x.raw(` xml:space="preserve">` + "\n")
	for _, f := range doc.Files {
		x.raw(" <file")
		x.attr("id", f.ID)
		x.attr("original", f.Original)
		x.raw(">\n")
		for i := range f.Units {
			writeUnit2(x, &f.Units[i])
		}
		x.raw(" </file>\n")
	}
	x.raw("</xliff>\n")
}

func writeUnit2(x *xmlWriter, u *Unit) {
	if err := checkPairs(u.Source); err != nil {
		x.fail(fmt.Errorf("unit %s: %w", u.ID, err))
		return
	}
	x.raw("  <unit")
	x.attr("id", u.ID)
	x.attr("name", u.Name)
	x.raw(` canResegment="no"`)
	x.attr("bitext:base", u.Base)
	x.raw(">\n")
	writeOriginalData(x, u.Source, u.Target)
	x.raw("   <segment")
	x.attr("state", string(u.State))
	if u.State != "" {
		x.attr("subState", u.SubState)
	}
	x.raw(">\n    <source>")
	writeContent2(x, u.Source)
	x.raw("</source>\n")
	if u.HasTarget {
		x.raw("    <target>")
		writeContent2(x, u.Target)
		x.raw("</target>\n")
	}
	x.raw("   </segment>\n  </unit>\n")
}

// writeOriginalData writes the markup of the source's codes, and of
// codes only the target has.
func writeOriginalData(x *xmlWriter, src, tgt inline.Content) {
	codes, seen := src.Codes(), map[string]bool{}
	for _, c := range codes {
		seen[dataRef(c)] = true
	}
	for _, c := range tgt.Codes() {
		if !seen[dataRef(c)] {
			codes, seen[dataRef(c)] = append(codes, c), true
		}
	}
	if len(codes) == 0 {
		return
	}
	x.raw("   <originalData>\n")
	for _, code := range codes {
		x.raw("    <data")
		x.attr("id", dataRef(code))
		x.raw(">")
		x.text(codeData(code), x.cp)
		x.raw("</data>\n")
	}
	x.raw("   </originalData>\n")
}

// dataRef names a code's <data>: d1 for code 1 (its start, when paired),
// d1e for the end of pair 1.
func dataRef(c *inline.Code) string {
	if c.Type == inline.Close {
		return "d" + codeID(c) + "e"
	}
	return "d" + codeID(c)
}

// writeContent2 writes text and codes; the content's pairs nest (checked
// by checkPairs on the source, by Import on targets).
func writeContent2(x *xmlWriter, c inline.Content) {
	for _, p := range c {
		switch {
		case p.Code == nil:
			x.text(p.Text, x.cp)
		case p.Code.Type == inline.Open:
			x.raw("<pc")
			x.attr("id", codeID(p.Code))
			x.attr("dataRefStart", dataRef(p.Code))
			x.attr("dataRefEnd", dataRef(p.Code)+"e")
			x.raw(` canCopy="no" canDelete="no">`)
		case p.Code.Type == inline.Close:
			x.raw("</pc>")
		default:
			x.raw("<ph")
			x.attr("id", codeID(p.Code))
			x.attr("dataRef", dataRef(p.Code))
			x.attr("disp", p.Code.Text)
			x.raw(` canCopy="no" canDelete="no"/>`)
		}
	}
}

// cp writes a character XML cannot hold as XLIFF 2's <cp/>.
func (x *xmlWriter) cp(r rune) { x.raw(fmt.Sprintf(`<cp hex="%04X"/>`, r)) }
