// Package glossary keeps names and terms consistent across translations:
// it reads glossaries, finds their terms in French text, protects them
// from translation engines, puts the English targets in their place with
// the grammar around them right, and checks translations against them.
//
// # Files
//
// [Load] reads CSV and TSV files: the plain two columns Google's and
// DeepL's glossaries take (source,target, no header), a third column for
// a note, or a header naming the columns (ours: source, target, note,
// pos, case_sensitive, inflect, variants; Google's language codes fr, en,
// en-GB… with pos and description; a spreadsheet's Français, Anglais,
// Commentaire). The separator is detected: comma, semicolon (French
// Excel and LibreOffice) or tab. A record that does not fit its columns
// is an error naming the file and line. Load also reads YAML files for
// rich entries, and TBX files (TBX-Basic and TBX v3):
//
//	terms:
//	  - source: Kim Jong-un
//	    dnt: true              # do not translate: target = source
//	    pos: name              # name, noun, adj, nationality or free text
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
// [FindDefault] finds the glossary.* file of a folder. [Lint] reports
// problems and warnings with file and line. [Glossary.Write] writes any
// format back.
//
// # What an entry is
//
// Each entry is handled as a part of speech ([Entry.Kind]): the pos the
// file gives, else the one [Entry.Infer] reads from the entry and from
// French usage. A [Name] (Corée du Nord → North Korea, RPDC → North
// Korea) never inflects, and loses the "the" an engine gives it from a
// French article unless English says it with one (the United States, the
// Asan Institute, the UN). A [Noun] (missile balistique → ballistic
// missile) inflects and takes an English plural. An [Adjective] (régional
// → regional) inflects and goes before its noun. A [Nationality]
// (nord-coréen, Nord-Coréen → North Korean) is an adjective ("les soldats
// nord-coréens" → "North Korean soldiers") or, capitalised or after a
// determiner, a noun ("les Nord-Coréens" → "North Koreans").
//
// # Matching
//
// [Glossary.Find] reads a text once, whatever the number of terms, with an
// Aho-Corasick automaton over the folded forms of every entry. Matching is
// case-insensitive except for case-sensitive entries (acronyms such as
// KCNA), whole words only, and blind to how words are separated (spaces,
// non-breaking spaces, hyphens) and to the apostrophe used (’ or '), so
// "l’ONU" and "d'Ukraine" match ONU and Ukraine. Entries that inflect also
// match their regular feminine and plural forms (nord-coréen,
// nord-coréens, nord-coréenne, nord-coréennes; Nord-Coréens) and every
// entry its listed variants. Where terms overlap the longest wins. Inside
// a hyphenated compound a term matches only next to another term or after
// a known first part, which the match covers ("américano-sud-coréennes" →
// "US-South Korean"); "Saint-Pétersbourg" never matches "Pétersbourg".
// Entries that differ only in case and share a target are merged, and the
// merged entry keeps every inflection. Each [Match] says how the French
// uses the term: its kind, the article before it, its number, whether it
// follows a noun.
//
// # Translating
//
// [Glossary.Protect] puts each term's English target in place, inside
// <span translate="no">…</span>, the neutral form every backend turns into
// its own (Apertium's stand-ins, DeepL's ignore_tags); the Protect doc
// says why the span holds the target and not the French term. A noun term
// followed by an adjective term goes as one span in English order
// ([Glossary.Spans]: "le Premier ministre nord-coréen" → "North Korean
// Prime Minister"). [Glossary.Restore] unwraps the spans after
// translation and fixes the grammar around them: "a"/"an", a capital at
// the start of a sentence, a "the" before a name the French gave an
// article, an adjective the engine left after its noun; tags between a
// word and the term (emphasis, links) stay where they are.
// [Glossary.Pairs] gives the terms to backends with native glossaries.
// [Glossary.Check] lists the terms whose target is missing from a
// translation.
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
