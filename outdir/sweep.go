package outdir

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/internal/atomicfile"
)

// Sweep removes, under the output folder out, the temporary files that
// writes cut short (by kill -9, a power cut) left beside bitext's outputs,
// and returns how many it removed. Call it only while holding out's lock:
// no other bitext writes there then, so every such file is stale.
//
// Only files named as internal/atomicfile names them, for a file bitext
// writes ([IsOutputName]), are removed; hidden folders other than
// .bitext are not entered and symbolic links are not followed, so that
// another program's files (.git, an editor's drafts) are never touched.
// Failures are ignored: a file left behind is harmless.
func Sweep(out string) int {
	n := 0
	filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path != out && strings.HasPrefix(d.Name(), ".") && d.Name() != StateDir {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && isStaleTemp(d.Name()) && os.Remove(path) == nil {
			n++
		}
		return nil
	})
	return n
}

// isStaleTemp reports whether name is a temporary file of one of bitext's
// outputs.
func isStaleTemp(name string) bool {
	target, ok := atomicfile.TempTarget(name)
	return ok && IsOutputName(target)
}

// outputSuffixes end the names of the files bitext writes in an output
// folder (working copies end in ".LANG.txt" or ".LANG.md").
var outputSuffixes = []string{".bilingual.html", ".bilingual.md", ".bilingual.txt", ".json", ".txt", ".md", ".markdown", ".db", ".tmx"}

// IsOutputName reports whether a file named name may be one bitext writes
// in an output folder: a working copy, a bilingual output, a state file,
// the memory or an exported TMX file.
func IsOutputName(name string) bool {
	for _, s := range outputSuffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s) {
			return true
		}
	}
	return false
}
