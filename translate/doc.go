// Package translate holds bitext's document model, the reading and sentence
// segmentation of French articles, the [Backend] interface every engine
// implements, and the pipeline that runs a document through a backend.
//
// # Flow
//
// A file is read into a [Document] (blocks of [Segment]s, one per sentence);
// segments are protected by the glossary, translated in batches by a
// [Backend], restored and given English typography; the bilingual package
// then writes the outputs.
//
// # Backends
//
// Each engine lives in its own package below translate (translate/apertium,
// translate/deepl, …) and is registered in one place, translate/all. The
// contract every backend must keep is documented on [Backend] and checked by
// translate/translatetest.
package translate
