package xliff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bitext/bitext/inline"
)

// SameSource reports how the source read from a file differs from the
// article's: the same text, and the same codes (id and type) in the same
// places. nil when they are the same.
func SameSource(read, want inline.Content) error {
	if len(read) != len(want) {
		return fmt.Errorf("source differs from the French: %q, not %q", preview(read), preview(want))
	}
	for i, p := range read {
		w := want[i]
		switch {
		case (p.Code == nil) != (w.Code == nil), p.Code == nil && p.Text != w.Text:
			return fmt.Errorf("source differs from the French: %q, not %q", preview(read), preview(want))
		case p.Code != nil && (p.Code.ID != w.Code.ID || p.Code.Type != w.Code.Type):
			return fmt.Errorf("source differs from the French: its codes changed")
		}
	}
	return nil
}

// Target checks a target read from a file against the source it
// translates (the article's, with its markup) and returns it with the
// source's codes in place of the ones read: every code of the source
// exactly once, with its type (paired or standalone) and inside the same
// paired code as in the source. Text may move around the codes, and codes
// may move within their parent.
func Target(read, source inline.Content) (inline.Content, error) {
	want, have := parents(source), parents(read)
	for _, key := range keys(read) {
		got := have[key]
		p, ok := want[key]
		switch {
		case !ok:
			return nil, fmt.Errorf("the target has %s, which the source does not", key)
		case got.count > 1:
			return nil, fmt.Errorf("the target has %s %d times", key, got.count)
		case got.parent != p.parent:
			return nil, fmt.Errorf("%s moved: it is %s in the target, %s in the source", key, inside(got.parent), inside(p.parent))
		}
	}
	for _, key := range keys(source) {
		if _, ok := have[key]; !ok {
			return nil, fmt.Errorf("%s is missing from the target", key)
		}
	}
	if err := checkPairs(read); err != nil {
		return nil, fmt.Errorf("the target's codes %w", err)
	}
	return withCodes(read, source), nil
}

// codeKey names one code of a content: its id and type.
type codeKey struct {
	id int
	t  inline.Type
}

func (k codeKey) String() string {
	switch k.t {
	case inline.Open:
		return "the start of code " + strconv.Itoa(k.id)
	case inline.Close:
		return "the end of code " + strconv.Itoa(k.id)
	}
	return "code " + strconv.Itoa(k.id)
}

// placed is where a code is: the paired code around it (0 for none), and
// how many times it occurs.
type placed struct{ parent, count int }

func inside(parent int) string {
	if parent == 0 {
		return "outside any paired code"
	}
	return "inside code " + strconv.Itoa(parent)
}

// parents maps each code of c to its place.
func parents(c inline.Content) map[codeKey]placed {
	out := map[codeKey]placed{}
	var stack []int
	for _, p := range c {
		if p.Code == nil {
			continue
		}
		if p.Code.Type == inline.Close && len(stack) > 0 && stack[len(stack)-1] == p.Code.ID {
			stack = stack[:len(stack)-1]
		}
		parent := 0
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		k := codeKey{p.Code.ID, p.Code.Type}
		out[k] = placed{parent: parent, count: out[k].count + 1}
		if p.Code.Type == inline.Open {
			stack = append(stack, p.Code.ID)
		}
	}
	return out
}

// keys lists the codes of c in order.
func keys(c inline.Content) []codeKey {
	var out []codeKey
	for _, code := range c.Codes() {
		out = append(out, codeKey{code.ID, code.Type})
	}
	return out
}

// withCodes returns read with each code replaced by the source's.
func withCodes(read, source inline.Content) inline.Content {
	src := map[codeKey]*inline.Code{}
	for _, code := range source.Codes() {
		src[codeKey{code.ID, code.Type}] = code
	}
	out := make(inline.Content, 0, len(read))
	for _, p := range read {
		if p.Code != nil {
			c := *src[codeKey{p.Code.ID, p.Code.Type}]
			p = inline.Piece{Code: &c}
		}
		out = append(out, p)
	}
	return out
}

// preview is the start of a content's text, for messages.
func preview(c inline.Content) string {
	var b strings.Builder
	for _, p := range c {
		if p.Code == nil {
			b.WriteString(p.Text)
		} else {
			b.WriteString("{" + strconv.Itoa(p.Code.ID) + "}")
		}
	}
	s := []rune(b.String())
	if len(s) > 60 {
		return string(s[:57]) + "…"
	}
	return string(s)
}
