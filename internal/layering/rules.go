package layering

// Rules is bitext's layering, the one place where it is written. Each
// rule says which packages may not depend on which others, and why.
//
// To add a package, add a rule for it here (and, where it sits below
// existing packages, add it to their Forbid lists), with the reason a
// reviewer would give. The test fails on a rule whose Packages match no
// package, so a rule is added with the package it is about, and a rename
// cannot leave a rule silently checking nothing.
func Rules() []Rule {
	return []Rule{
		{
			Packages: "inline",
			Forbid:   []string{"..."},
			Reason: "the one model of a segment's content sits at the bottom: translate, every " +
				"backend, the glossary, the bilingual outputs and the memory's TMX code read " +
				"inline markup through it, so it imports nothing of bitext (not even translate, " +
				"which builds on it: the pipeline hands it text and spans, never documents)",
		},
		{
			Packages: "figures",
			Forbid:   []string{"..."},
			Reason: "French figures and their English house style are plain text in, plain text " +
				"out: the pipeline, the fidelity check and the Apertium stand-ins use them, and " +
				"they know nothing of segments, markup (inline) or documents (translate)",
		},
		{
			Packages: "translate/...",
			Forbid:   []string{"review/...", "memory/...", "bilingual/...", "cmd/..."},
			Reason: "the document model and the engines sit at the bottom: a backend is built, " +
				"tested and benchmarked without the review workflow, the translation memory, " +
				"the output formats or the command line, which all build on translate",
		},
		{
			Packages: "memory/...",
			Forbid:   []string{"review/..."},
			Reason: "the memory stores what review decides, for any workflow (the command line, " +
				"a batch run, a web review); review calls the memory, never the reverse",
		},
		{
			Packages: "glossary/...",
			Forbid:   []string{"translate/..."},
			Allow:    []string{"translate"},
			Reason: "terms are engine-agnostic: the glossary may use the document model " +
				"(translate) but no backend, nor translate/all or translate/remote; a backend " +
				"with native glossaries adapts the glossary, the glossary never knows a backend",
		},
		{
			Packages: "bilingual/...",
			Forbid:   []string{"review/...", "memory/...", "cmd/..."},
			Reason: "the bilingual outputs render a translate.Document and nothing else, so " +
				"translate, review and publish all write them the same way",
		},
		{
			Packages: "engine/...",
			Forbid:   []string{"review/...", "batch/...", "outdir/...", "bilingual/...", "cmd/..."},
			Reason: "the engine builds backends and the one pipeline that translate, eval and " +
				"review's re-translate share; it must not know who calls it, or review would " +
				"import itself through it",
		},
		{
			Packages: "outdir/...",
			Forbid:   []string{"review/...", "engine/...", "batch/...", "cmd/..."},
			Reason: "the output folder's layout is the one owner every command goes through; " +
				"it holds paths, state and the lock, never a workflow",
		},
		{
			Packages: "review/...",
			Forbid:   []string{"batch/...", "outdir/...", "cmd/..."},
			Reason: "review decides on segments it is handed; finding articles in a folder and " +
				"running files are the output folder's and the batch runner's business",
		},
		{
			Packages: "xliff/...",
			Forbid:   []string{"batch/...", "outdir/...", "engine/...", "translate/...", "cmd/..."},
			Allow:    []string{"translate"},
			Reason: "XLIFF exchange works on the articles review opens and approves through " +
				"review, as an editor does (the memory only through review); it never finds " +
				"folders (outdir, the command line) and never knows a backend",
		},
		{
			Packages: "serve/...",
			Forbid:   []string{"engine/...", "batch/...", "cmd/..."},
			Reason: "the browser review is the terminal review's twin: it decides through review and " +
				"finds articles through outdir; re-translation comes in as a function, so the server " +
				"never builds backends or runs files, and the command line only wires it",
		},
		{
			Packages: "...",
			Except:   []string{"cmd/...", "serve/..."},
			Forbid:   []string{"serve/..."},
			Reason: "nothing below the command line depends on the web server: every library works " +
				"the same without it",
		},
		{
			Packages: "internal/suggest",
			Forbid:   []string{"..."},
			Allow:    []string{"internal/suggest"},
			Reason: "the did-you-mean of usage errors serves the registry and the command line " +
				"alike: a leaf that knows no bitext package",
		},
		{
			Packages: "internal/table",
			Forbid:   []string{"..."},
			Allow:    []string{"internal/table", "github.com/mattn/go-runewidth"},
			Reason:   "the command line's tables lay out text within a width, knowing nothing of what it says",
		},
		{
			Packages: "internal/wordfixture",
			Forbid:   []string{"..."},
			Allow:    []string{"internal/wordfixture"},
			Reason: "the Word documents of tests and benchmarks are written from XML alone, " +
				"never with the reader they test (translate)",
		},
		{
			Packages: "internal/formatcheck",
			Forbid:   []string{"..."},
			Allow:    []string{"internal/formatcheck", "golang.org/x/net/html"},
			Reason: "the structure check of English pages and documents must not use the " +
				"readers and writers it checks (translate): it parses both files on its own",
		},
		{
			Packages: "...",
			Except:   []string{"cmd/..."},
			Forbid:   []string{"github.com/urfave/cli/v2/..."},
			Reason: "libraries return errors and never parse flags or print: the command line " +
				"owns flags, messages and exit codes",
		},
	}
}
