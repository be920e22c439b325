// Package batch is bitext's file runner: it translates a set of articles
// through one [engine.Engine], several at a time, and writes each
// article's outputs into the output folder ([outdir]) so that nothing an
// editor wrote or a backend answered is lost.
//
// # The working copy
//
// OUT/NAME.en.EXT belongs to the editor. Before writing it, the runner
// compares it with what it last wrote (the article's [outdir.State]); the
// editor's changes are mapped to segments (as bitext diff does, with
// [review.Map]) and stored as drafts in the translation memory, then the
// new working copy is composed from the translation, the drafts and the
// approvals of each occurrence, so that edits are carried over, never
// overwritten. Where the French changed under an edited sentence the
// editor's English is kept and the article is flagged for review; where
// an edit cannot be kept the article fails with an error naming the file
// and nothing of it is written.
//
// # Failures
//
// A failing article is reported and the others go on, except after an
// error that stops the run ([translate.StopsRun]: bad credentials, a
// used-up quota): then no new article is started, the requests in flight
// finish and are stored, and Run returns that error.
//
// # Batches across articles
//
// Every article goes through the engine's one [translate.Pipeline], which
// sends each batch as one backend request. A local backend sits behind
// [engine.Coalesce], which gathers the requests of the articles translated
// at once into one: MarianMT sorts a gathered request's sentences by
// length and decodes them batch by batch across the articles, and hands
// each batch's translations back as it is decoded, so that each is stored
// in the memory at once (see [translate.EachTranslator]). The pipeline's
// contract (answers checked and stored as they arrive, a failure stopping
// new requests) holds for any Backend.
package batch
