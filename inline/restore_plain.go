package inline

import "strings"

// RestorePlain reads back the translation, by an engine that takes plain
// text only, of sent.Plain(): each protected span, inline code and
// do-not-translate element went as its text, and is found again by that
// text, in order, and made its code again. Markup cannot cross such an
// engine: a pair around nothing but one such span (an autolink) is put
// back around it, a standalone element at the end of the sentence, and
// every other pair is lost; each of these is an [Issue], as is a span
// whose text did not come back (it is put back at the end).
func RestorePlain(sent Content, out string) (Content, []Issue) {
	var res Content
	var issues []Issue
	var missing []*Code
	found := map[int]bool{}
	cursor := 0
	for _, code := range sent.Codes() {
		if code.Type != Standalone || code.Kind == Element {
			continue
		}
		at := locate(out, code.out(), cursor)
		if at < 0 {
			missing = append(missing, code)
			issues = append(issues, Issue{Problem: Missing, Code: code})
			continue
		}
		res = res.appendText(out[cursor:at])
		res = res.appendCode(code)
		found[code.ID] = true
		cursor = at + len(code.out())
	}
	res = res.appendText(out[cursor:])
	res, issues = rewrap(sent, res, found, issues)
	for _, code := range sent.Codes() {
		if code.Type == Standalone && code.Kind == Element {
			missing = append(missing, code)
			issues = append(issues, Issue{Problem: Missing, Code: code})
		}
	}
	if len(missing) > 0 {
		res = insertAtEnd(res, missing)
	}
	return res, issues
}

// locate finds text in out at or after from, or anywhere before, or -1.
func locate(out, text string, from int) int {
	if text == "" {
		return -1
	}
	if k := strings.Index(out[from:], text); k >= 0 {
		return from + k
	}
	return -1
}

// rewrap puts back the pairs of sent that held nothing but one found span,
// and reports the others as lost.
func rewrap(sent, res Content, found map[int]bool, issues []Issue) (Content, []Issue) {
	wrap := map[int][2]*Code{} // span ID → its open and close
	for i, p := range sent {
		if p.Code == nil || p.Code.Type != Open {
			continue
		}
		if i+2 < len(sent) && sent[i+1].Code != nil && found[sent[i+1].Code.ID] &&
			sent[i+2].Code != nil && sent[i+2].Code.Type == Close && sent[i+2].Code.ID == p.Code.ID {
			wrap[sent[i+1].Code.ID] = [2]*Code{p.Code, sent[i+2].Code}
			continue
		}
		issues = append(issues, Issue{Problem: Missing, Code: p.Code})
	}
	if len(wrap) == 0 {
		return res, issues
	}
	var out Content
	for _, p := range res {
		w, ok := [2]*Code{}, false
		if p.Code != nil {
			w, ok = wrap[p.Code.ID]
		}
		switch {
		case ok:
			out = append(out, Piece{Code: w[0]}, p, Piece{Code: w[1]})
		case p.Code == nil:
			out = out.appendText(p.Text)
		default:
			out = append(out, p)
		}
	}
	return out, issues
}
