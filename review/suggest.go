package review

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Suggestion is a correction editors made again and again, offered as a
// glossary entry.
type Suggestion struct {
	// Wrong is the machine's English and Right the editors' fix.
	Wrong, Right string
	// Source is the French term the entry would match: the fix itself
	// (with up to two words around it) when it appears in the French, as
	// names do; "" when no French term was found.
	Source string
	// Count is the number of units the correction was made in.
	Count int
}

// maxPhrase bounds the words of a correction worth a glossary entry.
const maxPhrase = 4

// Suggest finds the corrections made in at least min approved units of
// the articles, most frequent first.
func Suggest(articles []*Article, min int) []Suggestion {
	byKey := map[[2]string]*Suggestion{}
	var order [][2]string
	for _, a := range articles {
		for _, u := range a.Units {
			for _, s := range corrections(u) {
				k := [2]string{s.Wrong, s.Right}
				if byKey[k] == nil {
					byKey[k] = &Suggestion{Wrong: s.Wrong, Right: s.Right}
					order = append(order, k)
				}
				merge(byKey[k], s)
			}
		}
	}
	var out []Suggestion
	for _, k := range order {
		if s := byKey[k]; s.Count >= min {
			out = append(out, *s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// merge counts one more occurrence, keeping the longest French term found
// (with the context that found it).
func merge(into *Suggestion, s Suggestion) {
	into.Count++
	if len(s.Source) > len(into.Source) {
		into.Source = s.Source
	}
}

// corrections lists the short replacements in an approved unit's text,
// each once. Wrong and Right are the bare replacement; Source is the
// French term found for it with context.
func corrections(u *Unit) []Suggestion {
	if u.Orphan() || !u.Record.Approved {
		return nil
	}
	draft := u.Record.Machine
	if draft == "" {
		draft = u.Draft
	}
	fixed := plainOf(u.Record.Text, u.Markup)
	chunks := WordDiff(plainOf(draft, u.Markup), fixed)
	src := plainOf(u.Source(), u.Markup)
	seen := map[[2]string]bool{}
	var out []Suggestion
	for i := 0; i+1 < len(chunks); i++ {
		if chunks[i].Op != Delete || chunks[i+1].Op != Insert {
			continue
		}
		del, ins := strings.TrimSpace(chunks[i].Text), strings.TrimSpace(chunks[i+1].Text)
		if del == "" || ins == "" || countWords(del) > maxPhrase || countWords(ins) > maxPhrase || seen[[2]string{del, ins}] {
			continue
		}
		seen[[2]string{del, ins}] = true
		left, right := equalText(chunks, i-1), equalText(chunks, i+2)
		out = append(out, Suggestion{Wrong: del, Right: ins, Source: frenchTerm(src, left, ins, right)})
	}
	return out
}

func equalText(chunks []Chunk, i int) string {
	if i < 0 || i >= len(chunks) || chunks[i].Op != Equal {
		return ""
	}
	return chunks[i].Text
}

// frenchTerm returns the longest phrase made of ins with up to two words
// of context on each side that appears as whole words in src.
func frenchTerm(src, left, ins, right string) string {
	best := ""
	for l := 0; l <= 2; l++ {
		for r := 0; r <= 2; r++ {
			phrase := strings.TrimSpace(lastWords(left, l) + ins + firstWords(right, r))
			if len(phrase) > len(best) && containsWord(src, phrase) {
				best = phrase
			}
		}
	}
	return best
}

// lastWords returns the end of s holding its last n words; "" when s has
// fewer or a punctuation mark comes first.
func lastWords(s string, n int) string {
	if n == 0 {
		return ""
	}
	toks := tokenize(s)
	got := 0
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		if strings.TrimSpace(t) == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t); !isWordRune(r) {
			return ""
		}
		if got++; got == n {
			return strings.Join(toks[i:], "")
		}
	}
	return ""
}

// firstWords is lastWords from the start of s.
func firstWords(s string, n int) string {
	if n == 0 {
		return ""
	}
	toks := tokenize(s)
	got := 0
	for i, t := range toks {
		if strings.TrimSpace(t) == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t); !isWordRune(r) {
			return ""
		}
		if got++; got == n {
			return strings.Join(toks[:i+1], "")
		}
	}
	return ""
}

// containsWord reports whether phrase occurs in s, ignoring case, not as
// part of a longer word.
func containsWord(s, phrase string) bool {
	ls, lp := strings.ToLower(s), strings.ToLower(phrase)
	for from := 0; ; {
		i := strings.Index(ls[from:], lp)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(ls[:i])
		after, _ := utf8.DecodeRuneInString(ls[i+len(lp):])
		if (i == 0 || !isWordRune(before)) && (i+len(lp) == len(ls) || !isWordRune(after)) {
			return true
		}
		from = i + 1
	}
}
