package inline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// repair makes restored content hold each standalone code of sent exactly
// once and its paired codes properly nested: duplicates go, broken pairs
// go (their text stays), and missing standalone codes are put back at the
// end of the sentence. It returns the content and every issue.
func repair(sent, res Content, issues []Issue) (Content, []Issue) {
	v := validator{drop: make([]bool, len(res)), seen: map[int]bool{}, paired: map[int]bool{}, reported: map[int]bool{}}
	for i, p := range res {
		if p.Code != nil {
			v.code(i, p.Code)
		}
	}
	for _, o := range v.stack {
		v.broken(o.i, o.code)
	}
	out := make(Content, 0, len(res))
	for i, p := range res {
		if v.drop[i] {
			continue
		}
		if p.Code == nil {
			out = out.appendText(p.Text)
		} else {
			out = out.appendCode(p.Code)
		}
	}
	issues = append(issues, v.issues...)
	return putBackMissing(sent, out, issues, v.reported)
}

// validator walks the codes of restored content once.
type validator struct {
	drop     []bool
	seen     map[int]bool // standalone codes and opens met
	paired   map[int]bool
	reported map[int]bool
	stack    []openAt
	issues   []Issue
}

type openAt struct {
	i    int
	code *Code
}

func (v *validator) code(i int, c *Code) {
	switch c.Type {
	case Standalone:
		if v.seen[c.ID] {
			v.drop[i] = true
			v.report(Duplicated, c)
		}
		v.seen[c.ID] = true
	case Open:
		if v.seen[c.ID] {
			v.drop[i] = true
			v.report(Duplicated, c)
			return
		}
		v.seen[c.ID] = true
		v.stack = append(v.stack, openAt{i, c})
	case Close:
		v.close(i, c)
	}
}

// close pairs a close with its open: opens left inside it cross it and
// are broken; a close whose open is not open is dropped.
func (v *validator) close(i int, c *Code) {
	k := len(v.stack) - 1
	for k >= 0 && v.stack[k].code.ID != c.ID {
		k--
	}
	if k < 0 {
		v.drop[i] = true
		if !v.paired[c.ID] {
			v.report(Unpaired, c)
		}
		return
	}
	for _, o := range v.stack[k+1:] {
		v.broken(o.i, o.code)
	}
	v.stack = v.stack[:k]
	v.paired[c.ID] = true
}

// broken drops the open of a pair that cannot be kept; its close, when it
// comes, finds nothing open and is dropped too.
func (v *validator) broken(i int, c *Code) {
	v.drop[i] = true
	v.paired[c.ID] = false
	v.report(Unpaired, c)
}

func (v *validator) report(p Problem, c *Code) {
	if v.reported[c.ID] {
		return
	}
	v.reported[c.ID] = true
	v.issues = append(v.issues, Issue{Problem: p, Code: c})
}

// putBackMissing adds the standalone codes of sent missing from out at
// the end of the sentence, and reports the paired ones lost.
func putBackMissing(sent, out Content, issues []Issue, reported map[int]bool) (Content, []Issue) {
	have := map[int]bool{}
	for _, c := range out.Codes() {
		have[c.ID] = true
	}
	var missing []*Code
	for _, c := range sent.Codes() {
		if have[c.ID] || c.Type == Close {
			continue
		}
		if c.Type == Standalone {
			missing = append(missing, c)
		}
		if !reported[c.ID] {
			issues = append(issues, Issue{Problem: Missing, Code: c})
		}
	}
	if len(missing) == 0 {
		return out, issues
	}
	return insertAtEnd(out, missing), issues
}

// insertAtEnd puts codes before the closing punctuation and white space
// that end the content, separated from the words before by a space.
func insertAtEnd(c Content, codes []*Code) Content {
	head, tail := c, ""
	if n := len(c); n > 0 && c[n-1].Code == nil {
		text := c[n-1].Text
		cut := len(strings.TrimRightFunc(text, isSentenceEnd))
		head = append(c[:n-1:n-1], Piece{Text: text[:cut]})
		tail = text[cut:]
		if head[n-1].Text == "" {
			head = head[:n-1]
		}
	}
	out := head
	for _, code := range codes {
		if needsSpace(out) {
			out = out.appendText(" ")
		}
		out = out.appendCode(code)
	}
	return out.appendText(tail)
}

func isSentenceEnd(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(".!?…»”\"')]", r)
}

// needsSpace reports whether content ends in a word a code must not be
// glued to.
func needsSpace(c Content) bool {
	if len(c) == 0 || c[len(c)-1].Code != nil {
		return len(c) > 0
	}
	r, _ := utf8.DecodeLastRuneInString(c[len(c)-1].Text)
	return !unicode.IsSpace(r) && r != '(' && r != '«' && r != '“'
}
