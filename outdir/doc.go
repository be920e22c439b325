// Package outdir owns bitext's output folder: where every file of an
// article goes, the lock that keeps two bitext processes apart, the sweep
// of temporary files a crash left, the translation memory inside it, and
// finding an article again from its working copy.
//
// # Layout
//
// An input NAME.fr.EXT found at REL/ below its input folder (or named on
// the command line, REL empty) gives, under the output folder OUT:
//
//	OUT/REL/NAME.en.EXT              the working copy, the editor's
//	OUT/REL/NAME.bilingual.html      bilingual outputs, as --format asks
//	OUT/REL/NAME.bilingual.md
//	OUT/REL/NAME.bilingual.txt
//	OUT/REL/NAME.json
//	OUT/.bitext/lock                 held while a bitext writes in OUT
//	OUT/.bitext/memory.db            the translation memory, unless shared
//	OUT/.bitext/id                   the folder's identity (FolderID)
//	OUT/.bitext/docs/REL/NAME.json   the article's state: what bitext last wrote
//
// "REL/NAME" is the article's [Article.Name]: with the article's position
// it identifies an occurrence of a sentence in the translation memory, so
// that it never depends on where the output folder is.
//
// # State
//
// The state file ([State]) holds the bilingual document bitext last wrote
// and the SHA-256 of the working copy it wrote from it, so that an editor's
// changes to the working copy are noticed before it is written again.
//
// # Lock and sweep
//
// [Open] takes OUT/.bitext/lock (see [Lock]), then removes the temporary
// files that writes cut short by a crash left beside bitext's outputs
// ([Sweep]), then opens the memory. Hidden folders other than .bitext are
// never entered, and only bitext's own temporary files are removed.
//
// # Shared memory
//
// With [Options.Memory], the URL of a memory a desk shares on PostgreSQL,
// the folder keeps no memory of its own, and [Open] also locks the folder
// in the shared memory ([SharedLocker]) by its identity ([FolderID]), so
// that bitext processes on other machines writing the same folder over a
// network share, whose flock may not reach this one, keep apart too.
package outdir
