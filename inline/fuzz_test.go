package inline

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/figures"
)

// figureFinder protects figures as the pipeline does.
var figureFinder = FinderFunc(func(text string) []Span {
	var out []Span
	for _, f := range figures.French(text) {
		out = append(out, Span{Start: f.Start, End: f.End, Kind: Number, Target: f.English})
	}
	return out
})

// FuzzRestore sends random markup through protect, an engine that
// shuffles, drops, duplicates and re-cases words and tags, and restore:
// every code must come back exactly once and properly nested, or the
// segment must carry an issue for it; no private-use character may appear
// that the input did not have; nothing may panic.
func FuzzRestore(f *testing.F) {
	for _, s := range []string{
		`Le <em>président</em> a écrit à moscou@example.ru<br>, voir <a href="https://x.org">ici</a>.`,
		`<strong>3 500</strong> soldats à 20h, 1,879 euro et https://fr.wikipedia.org/wiki/Séoul_(ville)&amp;x`,
		`<span translate="no">Kim <em>Jong</em>-un</span> <code>a &lt; b</code> #MeToo @afp`,
		`<em>a <strong>b</em> c</strong> <!-- x --> &nbsp;`,
		"\ue000 <em>\ue001</em> https://x.org/\ue002",
	} {
		f.Add(s, []byte{0, 1, 2, 3, 4, 5})
	}
	f.Fuzz(func(t *testing.T, frag string, ops []byte) {
		if !utf8.ValidString(frag) {
			t.Skip("articles are valid UTF-8 once read")
		}
		sent := Protect(Parse(frag), LinkFinder, figureFinder)
		got, issues := Restore(sent, mangle(sent.Neutral(), ops))
		checkRestored(t, frag, sent, got, issues)
		got, issues = RestorePlain(sent, mangle(sent.Plain(), ops))
		checkRestored(t, frag, sent, got, issues)
	})
}

// mangle is a bad engine: it splits s into words and tags and, driven by
// ops, keeps, drops, repeats, swaps or upper-cases each.
func mangle(s string, ops []byte) string {
	var units []string
	for _, t := range Tokens(s) {
		if t.Kind != TextToken {
			units = append(units, t.Raw)
			continue
		}
		units = append(units, strings.SplitAfter(t.Raw, " ")...)
	}
	if len(ops) == 0 {
		return strings.Join(units, "")
	}
	var out []string
	for i := 0; i < len(units); i++ {
		switch ops[i%len(ops)] % 6 {
		case 1: // drop
		case 2:
			out = append(out, units[i], units[i])
		case 3:
			if i+1 < len(units) {
				out = append(out, units[i+1], units[i])
				i++
			}
		case 4:
			out = append(out, strings.ToUpper(units[i]))
		default:
			out = append(out, units[i])
		}
	}
	return strings.Join(out, "")
}

func checkRestored(t *testing.T, frag string, sent, got Content, issues []Issue) {
	t.Helper()
	flagged := map[int]bool{}
	for _, is := range issues {
		if is.Code != nil {
			flagged[is.Code.ID] = true
		}
	}
	count := map[int]int{}
	var stack []int
	for _, c := range got.Codes() {
		switch c.Type {
		case Standalone:
			count[c.ID]++
		case Open:
			count[c.ID]++
			stack = append(stack, c.ID)
		case Close:
			if len(stack) == 0 || stack[len(stack)-1] != c.ID {
				t.Fatalf("code %d closed out of order in %q", c.ID, got.HTML())
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		t.Fatalf("codes %v left open in %q", stack, got.HTML())
	}
	for _, c := range sent.Codes() {
		switch {
		case c.Type == Standalone && count[c.ID] != 1:
			t.Fatalf("standalone code %d (%q) came back %d times in %q", c.ID, c.Data+c.Text, count[c.ID], got.HTML())
		case c.Type == Open && count[c.ID] != 1 && !flagged[c.ID]:
			t.Fatalf("pair %d (%q) came back %d times unflagged in %q", c.ID, c.Data, count[c.ID], got.HTML())
		}
	}
	for _, out := range []string{got.HTML(), got.Plain(), got.Markdown(MarkdownOptions{})} {
		for _, r := range out {
			if unicode.In(r, unicode.Co) && !strings.ContainsRune(frag, r) {
				t.Fatalf("private-use character %U appeared: %q from %q", r, out, frag)
			}
		}
	}
}
