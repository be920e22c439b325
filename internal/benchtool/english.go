package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/bitext/bitext/glossary"
)

// cmdEnglish scores the English around glossary terms in bitext's JSON
// outputs (translate --format json): term accuracy, as glossary.Check
// counts it, and the broken-English forms of issue 14, counted by
// category with examples.
//
//	benchtool english [-examples 3] GLOSSARY OUTDIR...
func cmdEnglish(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("english", flag.ContinueOnError)
	examples := fs.Int("examples", 3, "examples to show per category")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return errors.New("usage: english [-examples N] GLOSSARY OUTDIR…")
	}
	g, err := glossary.Load(fs.Arg(0))
	if err != nil {
		return err
	}
	var segs []jsonSegment
	for _, dir := range fs.Args()[1:] {
		s, err := readOutputs(dir)
		if err != nil {
			return err
		}
		segs = append(segs, s...)
	}
	r := scoreEnglish(g, segs)
	r.write(stdout, *examples)
	return nil
}

// jsonSegment is the part of a segment of bitext's JSON output scored here.
type jsonSegment struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// readOutputs reads the segments of every NAME.json in a folder.
func readOutputs(dir string) ([]jsonSegment, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%s: no JSON output (run bitext translate --format json)", dir)
	}
	sort.Strings(files)
	var out []jsonSegment
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Segments []jsonSegment `json:"segments"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, doc.Segments...)
	}
	return out, nil
}

// englishReport is the score of a set of translated segments.
type englishReport struct {
	segments, terms, right int
	broken                 map[string][]string
}

// brokenForm is one kind of broken English around a term: its name and a
// pattern over the segment's text (tags removed). A pattern may need the
// French (src) to tell a mistake from good English.
type brokenForm struct {
	name string
	find func(src, en string) []string
}

// goldNames are the proper names among the targets of the test
// glossaries (names that take no article in English); goldDemonyms their
// nationality adjectives. They are written here, not inferred, so that
// the score does not depend on the code it measures.
var (
	goldNames = `North Korea|South Korea|Kim Jong-un|Kim Yo-jong|Pak Thae-song|Koo Byoung-sam|Lee Sang-min|` +
		`Seoul|Pyongyang|Moscow|Beijing|Tokyo|Japan|Russia|China|Ukraine|Vladivostok|Khasan|Rajin|` +
		`Agence France-Presse|KCNA|Yonhap|Hokkaido|Gangnam|Alexander Novak`
	goldDemonyms = `North Korean|South Korean|American|Russian|US-South Korean|Chinese`
	pluralVerbs  = `have|are|were|had|do|did|vote|voted|work|live|fight|say|said`
	notNounWords = `the|a|an|of|and|or|to|by|in|on|at|for|with|from|into|than|as|that|which|who|` +
		`is|are|was|were|be|been|being|has|have|had|its|their|his|her|our|these|those|this|all|both|` +
		`two|three|several|many|some|other|new|former|top|senior|said|says|two|about|against|between`
)

var brokenForms = []brokenForm{
	{"article before a name (the North Korea)", regexFinder(`\b(?:the|The|THE) (?:` + goldNames + `)\b`)},
	{"target in capitals (NORTH KOREA)", capitalsFinder},
	{"singular nationality as a plural noun (North Korean have)", regexFinder(`\b(?:` + goldDemonyms + `) (?:` + pluralVerbs + `)\b`)},
	{"adjective after its noun (missiles North Korean)", postposedFinder},
	{"French compound left (américano-South Korean)", regexFinder(`\b\p{Ll}+o-\p{Lu}[\p{L}-]*(?: \p{Lu}\p{L}*)?`)},
	{"Spanish or French left for a term (norcoreanos)", regexFinder(`(?i)\b(?:nor|sur)corean\w*|\b(?:nord|sud)-coréen\w*`)},
}

var postposedRE = regexp.MustCompile(`\b(\p{L}+) (` + goldDemonyms + `)\b(?:-\p{L}+)?`)
var notNounRE = regexp.MustCompile(`^(?i:` + notNounWords + `)$`)

// postposedFinder finds a nationality adjective right after a noun: a
// lower-case word that is no function word, or a capitalised title.
func postposedFinder(_, en string) []string {
	var out []string
	for _, m := range postposedRE.FindAllStringSubmatch(en, -1) {
		w := m[1]
		if notNounRE.MatchString(w) || strings.HasSuffix(w, "ly") {
			continue
		}
		if w[0] >= 'A' && w[0] <= 'Z' && w != "Premier" && w != "Minister" {
			continue
		}
		out = append(out, m[0])
	}
	return out
}

var capsRE = regexp.MustCompile(`\b(?:` + strings.ToUpper(goldNames+"|"+goldDemonyms) + `)\b`)

// capitalsFinder finds targets written in capitals (NORTH KOREA) when the
// French segment is not a headline in capitals; targets that are
// acronyms themselves (KCNA) do not count.
func capitalsFinder(src, en string) []string {
	if strings.ToUpper(src) == src {
		return nil
	}
	var out []string
	for _, m := range capsRE.FindAllString(en, -1) {
		if m != "KCNA" {
			out = append(out, m)
		}
	}
	return out
}

func regexFinder(expr string) func(src, en string) []string {
	re := regexp.MustCompile(expr)
	return func(_, en string) []string { return re.FindAllString(en, -1) }
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plain returns the text of a segment: tags removed, entities decoded.
func plain(s string) string { return html.UnescapeString(tagRE.ReplaceAllString(s, "")) }

func scoreEnglish(g *glossary.Glossary, segs []jsonSegment) englishReport {
	r := englishReport{segments: len(segs), broken: map[string][]string{}}
	for _, s := range segs {
		markup := strings.Contains(s.Source, "<") || strings.Contains(s.Target, "<")
		n := len(g.Find(s.Source, markup))
		r.terms += n
		r.right += n - len(g.Check(s.Source, s.Target, markup))
		src, en := plain(s.Source), plain(s.Target)
		for _, f := range brokenForms {
			r.broken[f.name] = append(r.broken[f.name], f.find(src, en)...)
		}
	}
	return r
}

func (r englishReport) write(w io.Writer, examples int) {
	total := 0
	for _, f := range brokenForms {
		total += len(r.broken[f.name])
	}
	fmt.Fprintf(w, "segments: %d; terms: %d of %d right (%.1f%%); broken forms: %d\n",
		r.segments, r.right, r.terms, percent(r.right, r.terms), total)
	for _, f := range brokenForms {
		ms := r.broken[f.name]
		ex := ms[:min(len(ms), examples)]
		fmt.Fprintf(w, "- %s: %d", f.name, len(ms))
		if len(ex) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(quoteAll(ex), ", "))
		}
		fmt.Fprintln(w)
	}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
