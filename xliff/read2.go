package xliff

import (
	"fmt"
	"strconv"

	"github.com/bitext/bitext/inline"
)

// read2 reads XLIFF 2.x.
func read2(root *node) *Document {
	doc := &Document{Version: Version(root.attr("version")), SrcLang: root.attr("srcLang"), TrgLang: root.attr("trgLang")}
	for _, f := range root.elems("file") {
		doc.Files = append(doc.Files, File{ID: f.attr("id"), Original: f.attr("original"), Line: f.line,
			Units: units(f, "unit", readUnit2)})
	}
	return doc
}

// stateRank orders the states, to give a unit of several segments the
// least advanced one.
var stateRank = map[State]int{Initial: 1, Translated: 2, Reviewed: 3, Final: 4}

// readUnit2 reads a unit: its segments and ignorables joined in order.
func readUnit2(n *node) Unit {
	u := Unit{ID: n.attr("id"), Name: n.attr("name"), Base: n.attr("base", Namespace), Line: n.line}
	for _, c := range n.children {
		e, ok := c.(*node)
		if !ok || e.name.Space != n.name.Space || e.name.Local != "segment" && e.name.Local != "ignorable" {
			continue
		}
		src, err1 := readContent(e.elem("source"), code2)
		tgt := e.elem("target")
		if tgt == nil && e.name.Local == "ignorable" {
			tgt = e.elem("source") // an ignorable's target defaults to its source
		}
		trg, err2 := readContent(tgt, code2)
		u.Err = firstErr(u.Err, err1, err2)
		u.Source, u.Target = append(u.Source, src...), append(u.Target, trg...)
		u.HasTarget = u.HasTarget || tgt != nil && e.name.Local == "segment"
		if e.name.Local == "segment" {
			u.mergeState(State(e.attr("state")), e.attr("subState"))
		}
	}
	u.Source, u.Target = merged(u.Source), merged(u.Target)
	return u
}

// mergeState keeps the least advanced state of a unit's segments.
func (u *Unit) mergeState(s State, sub string) {
	if s == "" {
		s = Initial // XLIFF 2's default
	}
	if u.State == "" || stateRank[s] < stateRank[u.State] {
		u.State, u.SubState = s, sub
	}
}

// code2 reads XLIFF 2's inline elements.
func code2(r *contentReader, e *node) {
	if e.name.Space != NS2 {
		r.fail(fmt.Errorf("line %d: unexpected <%s> (namespace %s) in content", e.line, e.name.Local, e.name.Space))
		return
	}
	switch e.name.Local {
	case "pc":
		r.paired(e, e.attr("id"))
	case "ph":
		r.add(e, inline.Standalone, e.attr("id"))
	case "sc":
		r.add(e, inline.Open, e.attr("id"))
	case "ec":
		id := e.attr("startRef")
		if id == "" {
			id = e.attr("id")
		}
		r.add(e, inline.Close, id)
	case "mrk":
		r.read(e) // an annotation: its content is text
	case "sm", "em":
		// annotation markers hold nothing
	case "cp":
		v, err := strconv.ParseUint(e.attr("hex"), 16, 32)
		if err != nil {
			r.fail(fmt.Errorf("line %d: <cp> has hex %q", e.line, e.attr("hex")))
			return
		}
		r.text(string(rune(v)))
	default:
		r.fail(fmt.Errorf("line %d: unexpected <%s> in content", e.line, e.name.Local))
	}
}

// merged joins adjacent text pieces (segments read one after another).
func merged(c inline.Content) inline.Content {
	var out inline.Content
	for _, p := range c {
		if n := len(out); p.Code == nil && n > 0 && out[n-1].Code == nil {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}
