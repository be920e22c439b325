// Package xliff exchanges an output folder's segments with translators'
// CAT tools as XLIFF 2.1 (the default) or XLIFF 1.2, for older tools.
//
// # Files
//
// [Write] writes a [Document]: one <file> per article (original is the
// article's name in the translation memory, "asie/seoul"), one <unit>
// per reviewable piece of it (a sentence, sentences an editor merged, an
// alt text or title, a front-matter field), with the French as source,
// the English as target and the review state as the segment's state:
//
//	bitext                 XLIFF 2.1     XLIFF 1.2
//	no English yet         initial       new
//	machine draft          translated    translated
//	edited, not approved   reviewed      signed-off
//	approved               final         final
//
// Inline codes (package inline's model) become <pc> (paired) and <ph>
// (standalone) in 2.1, with their markup in <originalData>; <g> and <x/>
// in 1.2. Code ids are inline's ids. Each unit carries, in bitext's own
// namespace ([Namespace]), a hash of the English it was exported with, so
// that an import can tell a translator's change from an editor's.
//
// [Read] reads both versions back, also as OmegaT and Okapi write them
// (<mrk> segment markers, <bx/>/<ex/>, <bpt>/<ept>, <sc/>/<ec/>, several
// segments in a unit). It refuses DOCTYPE declarations (entity expansion),
// files over [MaxFileSize], nesting deeper than [MaxDepth] and attributes
// longer than [MaxAttr] with an error naming the line.
//
// # Import
//
// [Import] checks every unit against the article as it is now (the same
// French, every code of the source exactly once with the same nesting)
// and records the valid ones through package review, exactly as an
// editor approving them: the working copy and the translation memory
// both updated. Rejected units are reported by file and unit and written
// nowhere.
package xliff
