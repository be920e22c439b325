// Package memory is bitext's translation memory: every segment it has
// translated or a reviewer has approved, kept in an embedded SQLite database
// (OUT/.bitext/memory.db) so that a rerun sends only new or changed
// segments to a backend and never loses finished work.
//
// [Memory] is the contract every store meets: [Store] here, and the
// memory a desk shares on PostgreSQL (package memory/postgres); the
// conformance suite memory/memorytest runs against both. What the stores
// share lives here: the TMX mapping ([WriteTMX], [ReadTMX]), the fuzzy
// index ([FuzzyIndex]), the review figures of [Stats], and the rule that
// refuses an approval over another editor's made meanwhile ([CheckSeen],
// [ConflictError]).
//
// # Entries
//
// An entry is identified by a [Key]: the language pair, the source
// sentence, whether it is an HTML fragment, and a hash of the glossary
// entries that match the sentence ([TermsKey]). An entry is either a
// machine translation, kept per backend, or the one approved translation
// of the sentence, kept with the machine draft it started from and the
// history of its edits.
//
// [Store.Lookup] answers a rerun: an approved translation always wins,
// whatever the backend and glossary; otherwise only a machine translation
// by the same backend with the same glossary terms is reused. Changing an
// unrelated glossary entry therefore keeps every key, and changing one
// entry re-translates only the sentences that contain it.
//
// [Store.Fuzzy] finds similar sentences (85% or more by default) for the
// reviewer; they are offered, never applied.
//
// # Durability and concurrency
//
// The database runs in WAL mode with synchronous=NORMAL: every call that
// writes is one transaction, so a process stopped by Ctrl-C or kill -9
// leaves every finished segment in the memory and the file consistent (a
// power cut may lose the last few commits, never the file). Several
// stores, in one process or several, may share a file: writers wait for
// each other (busy timeout). To keep two bitext runs from interleaving
// their work on one output folder, hold the output folder's lock for the
// run (package outdir).
//
// # Schema
//
// The schema is versioned with PRAGMA user_version and migrated by [Open];
// a file from a newer bitext, a file that is not a bitext memory and a
// damaged file are refused with an error that names the file and says
// what to do ([ErrNewerSchema], [ErrCorrupt]).
//
// # Exchange
//
// [Store.ExportTMX] and [Store.ImportTMX] read and write TMX 1.4b, the
// format OmegaT, Trados and memoQ share memories in. See tmx.go for the
// mapping.
package memory
