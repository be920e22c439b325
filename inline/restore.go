package inline

import (
	"strconv"
)

// Problem is what went wrong with a code in a translation.
type Problem uint8

// The problems [Restore] finds and repairs.
const (
	// Missing: the engine dropped the code. A standalone code is put back
	// at the end of the sentence; a paired one is lost.
	Missing Problem = iota + 1
	// Duplicated: the engine repeated the code; the first is kept.
	Duplicated
	// Unpaired: half of a paired code was lost, or the pair came back
	// crossed with another or in the wrong order; the pair is dropped and
	// its text kept.
	Unpaired
	// Unexpected: the engine added markup that was not sent; it is
	// dropped.
	Unexpected
)

var problemNames = [...]string{"", "missing", "duplicated", "unpaired", "unexpected"}

// String names the problem.
func (p Problem) String() string { return problemNames[p] }

// Issue is one problem found, and repaired, while restoring codes.
type Issue struct {
	Problem Problem
	// Code is the code concerned (nil for Unexpected markup).
	Code *Code
	// Raw is the unexpected markup, for Unexpected.
	Raw string
}

// Restore reads an engine's translation of sent.Neutral() back into
// content whose codes are sent's own (byte for byte, whatever the engine
// did to the tags or the text inside protected spans). The result always
// holds every standalone code of sent exactly once and every paired code
// it holds properly nested; each repair that took is an [Issue].
func Restore(sent Content, out string) (Content, []Issue) {
	r := restorer{byID: map[int]*Code{}, closes: map[int]*Code{}, toks: Tokens(out)}
	for _, code := range sent.Codes() {
		if code.Type == Close {
			r.closes[code.ID] = code
		} else {
			r.byID[code.ID] = code
		}
	}
	for r.i = 0; r.i < len(r.toks); r.i++ {
		r.token(r.toks[r.i])
	}
	r.res = r.text.flush(r.res)
	return repair(sent, r.res, r.issues)
}

// restorer holds the state of one Restore call.
type restorer struct {
	byID   map[int]*Code // standalone and open codes
	closes map[int]*Code
	toks   []Token
	i      int
	res    Content
	text   textBuffer
	open   []*Code // paired codes opened in the output, innermost last
	issues []Issue
}

func (r *restorer) token(t Token) {
	switch t.Kind {
	case TextToken:
		r.text.add(t.Raw)
	case EntityToken:
		r.text.add(Decode(t.Raw))
	case CommentToken:
		r.unexpected(t.Raw)
	case TagToken:
		r.res = r.text.flush(r.res)
		r.tag(t)
	}
}

func (r *restorer) tag(t Token) {
	tag := ParseTag(t.Raw)
	if tag.Closing {
		r.close(tag.Name, t.Raw)
		return
	}
	id, _ := tag.Attr("id")
	n, err := strconv.Atoi(id)
	code := r.byID[n]
	switch {
	case err != nil || code == nil:
		r.unexpected(t.Raw)
		if tag.NoTranslate() {
			r.skipElement() // its text was never ours to translate
		}
	case code.Type == Open:
		r.open = append(r.open, code)
		r.res = r.res.appendCode(code)
	default:
		if !tag.SelfClosing && !tag.Void() && tag.Name != "x" {
			r.skipElement()
		}
		r.res = r.res.appendCode(code)
	}
}

// close pairs an end tag with the innermost open code of its neutral
// name; an end tag closing nothing (such as </x>) is dropped.
func (r *restorer) close(name, raw string) {
	for k := len(r.open) - 1; k >= 0; k-- {
		if neutralName(r.open[k].Name) == name {
			code := r.open[k]
			r.open = append(r.open[:k], r.open[k+1:]...)
			r.res = r.res.appendCode(r.closes[code.ID])
			return
		}
	}
	if name != "x" {
		r.unexpected(raw)
	}
}

// skipElement skips the tokens up to the end tag closing the element
// whose start tag is at r.i (nothing when it is never closed).
func (r *restorer) skipElement() {
	if end := ElementEnd(r.toks, r.i); end > 0 {
		r.i = end
	}
}

func (r *restorer) unexpected(raw string) {
	r.issues = append(r.issues, Issue{Problem: Unexpected, Raw: raw})
}
