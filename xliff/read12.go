package xliff

import (
	"fmt"

	"github.com/bitext/bitext/inline"
)

// read12 reads XLIFF 1.2 (and 1.x files without a namespace).
func read12(root *node) *Document {
	doc := &Document{Version: V12}
	for _, f := range root.elems("file") {
		if doc.SrcLang == "" {
			doc.SrcLang, doc.TrgLang = f.attr("source-language"), f.attr("target-language")
		}
		doc.Files = append(doc.Files, File{Original: f.attr("original"), Line: f.line,
			Units: units(f, "trans-unit", readUnit12)})
	}
	return doc
}

// readUnit12 reads a trans-unit: its <source> (not the segmented
// <seg-source>) and first <target>.
func readUnit12(n *node) Unit {
	u := Unit{ID: n.attr("id"), Name: n.attr("resname"), Base: n.attr("base", Namespace), Line: n.line}
	src, err1 := readContent(n.elem("source"), code12)
	tgt := n.elem("target")
	trg, err2 := readContent(tgt, code12)
	u.Source, u.Target, u.Err = src, trg, firstErr(err1, err2)
	if tgt != nil {
		u.HasTarget = true
		u.State = state12(tgt.attr("state"))
	}
	if n.attr("approved") == "yes" && u.HasTarget {
		u.State = Final
	}
	return u
}

// code12 reads XLIFF 1.2's inline elements.
func code12(r *contentReader, e *node) {
	if e.name.Space != NS12 && e.name.Space != "" {
		r.fail(fmt.Errorf("line %d: unexpected <%s> (namespace %s) in content", e.line, e.name.Local, e.name.Space))
		return
	}
	switch e.name.Local {
	case "g":
		r.paired(e, e.attr("id"))
	case "x", "ph", "it":
		r.add(e, inline.Standalone, e.attr("id"))
	case "bx", "bpt":
		r.add(e, inline.Open, ridOr(e))
	case "ex", "ept":
		r.add(e, inline.Close, ridOr(e))
	case "mrk":
		r.read(e) // a marker (a segment, a term): its content is text
	default:
		r.fail(fmt.Errorf("line %d: unexpected <%s> in content", e.line, e.name.Local))
	}
}

// ridOr returns the rid that ties a begin and an end code, else the id.
func ridOr(e *node) string {
	if rid := e.attr("rid"); rid != "" {
		return rid
	}
	return e.attr("id")
}
