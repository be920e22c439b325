// Package translate holds bitext's document model, the reading and sentence
// segmentation of French articles, the [Backend] interface every engine
// implements, and the pipeline that runs a document through a backend.
//
// # Flow
//
// A file is read into a [Document] (blocks of [Segment]s, one per sentence;
// GFM tables one per cell); each segment's content is read into package
// inline's model, its addresses, inline code, glossary terms and figures
// (package figures) protected, translated in batches by a [Backend] in the
// neutral form ([Request]) the backend converts to its own, restored code
// by code and given English typography; every segment gets a [Fidelity]
// record; the bilingual package then writes the outputs.
//
// # Backends
//
// Each engine lives in its own package below translate (translate/apertium,
// translate/deepl, …) and is registered in one place, translate/all. The
// contract every backend must keep is documented on [Backend] and checked by
// translate/translatetest.
package translate
