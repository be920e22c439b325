package glossary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reorderAdjectives moves each restored adjective term that the engine
// left after its noun, as the French has it, before that noun: "the
// soldiers North Korean" → "the North Korean soldiers", "the ballistic
// missiles North Korean" → "the North Korean ballistic missiles". Only
// occurrences the French had after a noun (Match.AfterNoun) move, and
// only past one or two lower-case words that are no function words, verbs
// or adverbs; engines that put the adjective first already are left
// alone. The text is read once for each distinct target and written once.
func (g *Glossary) reorderAdjectives(out string, ms []Match) string {
	if !slices.ContainsFunc(ms, func(m Match) bool { return m.AfterNoun }) {
		return out
	}
	var b strings.Builder
	last := 0
	for _, o := range occurrences(out, ms) {
		if !o.m.AfterNoun {
			continue
		}
		start, s, e, ok := nounBefore(out, o.s, o.e)
		if !ok || start < last {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(out))
		}
		b.WriteString(out[last:start])
		b.WriteString(out[s:e] + " " + out[start:s-1])
		last = e
	}
	if last == 0 {
		return out
	}
	b.WriteString(out[last:])
	return b.String()
}

// nounBefore returns where the noun phrase right before out[s:e] starts,
// and the bounds of out[s:e] with the tags that wrap it; ok is false when
// there is no such phrase (one or two content words, separated by single
// spaces).
func nounBefore(out string, s, e int) (start, ws, we int, ok bool) {
	s, e = wrapped(out, s, e)
	if s == 0 || out[s-1] != ' ' {
		return 0, 0, 0, false
	}
	start, n := s-1, 0
	for n < 2 {
		w := wordStart(out, start)
		if !contentWord(out[w:start]) {
			break
		}
		start, n = w, n+1
		if w == 0 || out[w-1] != ' ' || !contentWord(out[wordStart(out, w-1):w-1]) {
			break
		}
		// Two words (ballistic missiles) only when a determiner or a
		// preposition opens them, not a verb (have sent workers).
		pw := wordStart(out, w-1)
		if pw == 0 || out[pw-1] != ' ' || !phraseOpeners[strings.ToLower(out[wordStart(out, pw-1):pw-1])] {
			break
		}
		start = w - 1
	}
	if n == 0 {
		return 0, 0, 0, false
	}
	if out[start] == ' ' {
		start++
	}
	return start, s, e, true
}

// wrapped extends out[s:e] over the opening tags right before it and as
// many closing tags right after it.
func wrapped(out string, s, e int) (int, int) {
	ws, we := s, e
	for ws > 0 && out[ws-1] == '>' {
		j := strings.LastIndexByte(out[:ws], '<')
		if j < 0 || tagEnd(out, j) != ws || strings.HasPrefix(out[j:], "</") {
			break
		}
		k := tagEnd(out, we)
		if !strings.HasPrefix(out[we:], "</") || k < 0 {
			break
		}
		ws, we = j, k
	}
	return ws, we
}

// wordStart returns where the word (letters and inner hyphens) that ends
// at i starts.
func wordStart(s string, i int) int {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !isWordRune(r) && !(r == '-' && j < i) {
			break
		}
		j -= n
	}
	return j
}

// contentWord reports whether an English word may be part of the noun
// phrase an adjective goes before: lower case, letters only, and no
// function word, auxiliary, reporting verb or adverb.
func contentWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 || strings.HasSuffix(w, "ly") || englishFunctionWords[w] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && !strings.ContainsFunc(w, unicode.IsDigit)
}

// phraseOpeners are the English words a noun phrase starts after.
var phraseOpeners = wordSet(`the a an some any his her its their our my your this these those several many
few all both each every no other such two three four five six seven eight nine ten of to in on at by for
with from into against between among about without`)

var englishFunctionWords = wordSet(`the a an of to in on at by for with from into onto about against between
among through during without within and or but nor so yet as than that which who whom whose what when where
while if because his her its their our my your this these those some any no every each all both either
neither several many few more most other such own same two three four five six seven eight nine ten
hundred thousand million billion is are was were be been being has have had do does did will would shall
should can could may might must not said says say told also only very just even still already there here
it they he she we you them him us me according`)
