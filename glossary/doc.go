// Package glossary keeps names and terms consistent across translations:
// it reads glossaries, finds their terms in French text, protects them
// from translation engines, puts the English targets in their place, and
// checks translations against them.
//
// # Files
//
// [Load] reads CSV and TSV files (source,target[,note], with or without a
// header: the files Google's and DeepL's glossaries take; a header may add
// pos, case_sensitive, inflect and variants columns), YAML files for rich
// entries, and TBX files (TBX-Basic and TBX v3):
//
//	terms:
//	  - source: Kim Jong-un
//	    dnt: true              # do not translate: target = source
//	    pos: name              # name, noun, adj or free text
//	  - source: nord-coréen    # also matches nord-coréens, -coréenne(s)
//	    target: North Korean
//	  - source: Yonhap
//	    dnt: true
//	    case_sensitive: true   # acronyms (KCNA) are by default
//	  - source: mai
//	    target: May
//	    inflect: false         # else "mais" would match
//	    variants: [Mai]        # more French forms
//
// [FindDefault] finds the glossary.* file of a folder. [Lint]
// reports duplicates, conflicts, empty fields and bad encoding with file
// and line. [Glossary.Write] writes any format back.
//
// # Matching
//
// [Glossary.Find] reads a text once, whatever the number of terms, with an
// Aho-Corasick automaton over the folded forms of every entry. Matching is
// case-insensitive except for case-sensitive entries (acronyms such as
// KCNA), whole words only, and blind to how words are separated (spaces,
// non-breaking spaces, hyphens) and to the apostrophe used (’ or '), so
// "l’ONU" and "d'Ukraine" match ONU and Ukraine. Lower-case entries also
// match their regular feminine and plural forms (nord-coréen,
// nord-coréens, nord-coréenne, nord-coréennes) and every entry its listed
// variants. Where terms overlap the longest wins.
//
// # Translating
//
// [Glossary.Protect] puts each term's English target in place, inside
// <span translate="no">…</span>, the neutral form every backend turns into
// its own (Apertium's <apertium-notrans>, DeepL's ignore_tags); the
// Protect doc says why the span holds the target and not the French term.
// [Glossary.Restore] unwraps the spans after translation and fixes the
// grammar around them ("a"/"an", a capital at the start of a sentence, a
// stray "the" before a name). [Glossary.Pairs] gives the terms to backends
// with native glossaries. [Glossary.Check] lists the terms whose target is
// missing from a translation.
//
// # Example
//
//	g, err := glossary.Load("glossary.csv")
//	if err != nil { … }
//	p := g.Protect(seg.Source, seg.Markup)
//	out, err := backend.Translate(ctx, translate.Request{From: "fr", To: "en",
//		Segments: []string{p.Text}, HTML: p.HTML})
//	seg.Target = g.Restore(p, out[0], seg.Markup)
//	for _, v := range g.Check(seg.Source, seg.Target, seg.Markup) { … }
package glossary
