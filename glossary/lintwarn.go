package glossary

import (
	"fmt"
	"strings"
)

// commonWords warns about an entry whose source, a variant or an
// inflected form is a common French word (the first such).
func commonWords(e Entry) []Problem {
	for _, f := range e.forms() {
		w := strings.ToLower(strings.ReplaceAll(f.text, "’", "'"))
		if !commonFrench[w] {
			continue
		}
		msg := fmt.Sprintf("%q is a common French word: it would be replaced in nearly every sentence", f.text)
		if f.generated {
			msg = fmt.Sprintf("%q, an inflected form of %q, is a common French word: set inflect to no, or list the forms you mean as variants", f.text, e.Source)
		}
		return []Problem{{Path: e.File, Line: e.Line, Warning: true, Msg: msg}}
	}
	return nil
}

// unsure warns about an entry without a part of speech whose inference is
// unsure, with the pos to write down.
func unsure(e Entry) []Problem {
	in := e.Infer()
	if in.Explicit || in.Sure || e.Source == "" || e.Target == "" {
		return nil
	}
	return []Problem{{Path: e.File, Line: e.Line, Warning: true, Msg: fmt.Sprintf(
		"%q → %q is taken as %s (%s); if it is %s, say so: pos %s", e.Source, e.Target, posPhrase(in.POS), in.Why, posPhrase(in.Alt), in.Alt)}}
}

// posPhrase names a part of speech with its article.
func posPhrase(pos string) string {
	switch pos {
	case Adjective:
		return "an adjective (adj)"
	case Nationality:
		return "a nationality"
	}
	return "a " + pos
}

// hidden warns about spellings of an entry that another entry
// translates otherwise: a source or variant that an entry of another case
// rule takes, an inflected form that another entry spells out. The glossary is
// compiled as Load would (invalid entries left out) and each spelling,
// and its capitalised form, looked up.
func hidden(entries []Entry) []Problem {
	var valid []Entry
	for _, e := range entries {
		c := e
		c.clean()
		if len(c.validate()) == 0 {
			valid = append(valid, c)
		}
	}
	g, err := New(valid)
	if err != nil {
		return nil
	}
	index := map[string]int{}
	for i, e := range g.entries {
		index[entryKey(e)] = i
	}
	var probs []Problem
	for _, e := range valid {
		own := index[entryKey(e)]
		for _, f := range e.forms() {
			if other, ok := takenBy(g, f.text, own); ok && !strings.EqualFold(g.entries[other].Target, targetFor(e, f.plural)) {
				probs = append(probs, hiddenProblem(e, f, g.entries[other]))
			}
		}
	}
	return probs
}

// takenBy returns the entry, other than own, that translates a spelling
// written as is, capitalised or in capitals.
func takenBy(g *Glossary, spelling string, own int) (int, bool) {
	for _, s := range []string{spelling, upperFirst(spelling), strings.ToUpper(spelling)} {
		ms := g.Find(s, false)
		if len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(s) && ms[0].Entry != own {
			return ms[0].Entry, true
		}
	}
	return 0, false
}

func hiddenProblem(e Entry, f form, by Entry) Problem {
	what := "it"
	if f.text != e.Source {
		what = fmt.Sprintf("its form %q", f.text)
	}
	return Problem{Path: e.File, Line: e.Line, Warning: true, Msg: fmt.Sprintf(
		"hidden: %s is translated %q by the entry %q at %s", what, by.Target, by.Source, by.Where())}
}

// commonFrench are frequent French words that, as glossary terms, would
// be replaced in nearly every sentence: function words, auxiliaries and
// the commonest nouns and adjectives of news copy.
var commonFrench = wordSet(`le la les l' un une des du de d' et ou à au aux en dans par pour sur sous avec
sans contre entre vers chez selon après avant depuis pendant il elle ils elles on nous vous je tu me te
se lui leur leurs son sa ses mon ma mes ton ta tes notre nos votre vos ce cet cette ces qui que quoi dont
où ne pas plus moins très bien mais si comme aussi tout tous toute toutes autre autres même est sont a
ont été être avoir fait faire dit peut doit sera seront était étaient avait avaient y an ans année jour
fois pays monde temps homme femme gens deux trois premier première dernier dernière grand grande petit
petite nouveau nouvelle fin mois point part place cas non oui ni car donc or puis alors encore déjà
toujours jamais rien personne chaque plusieurs quelques lors`)
