package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// removeStaleTemps deletes the temporary files that atomic writes leave in
// the output folder out when a bitext is killed between creating and
// renaming them (".NAME.tmp-123"). Call it only while holding out's lock:
// no other bitext is writing there then, so every such file is stale.
// Failures are ignored; a file left behind is harmless.
func removeStaleTemps(out string) {
	filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && isAtomicTemp(d.Name()) {
			os.Remove(path)
		}
		return nil
	})
}

// isAtomicTemp reports whether name is one of internal/atomicfile's
// temporary files.
func isAtomicTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp-")
}
