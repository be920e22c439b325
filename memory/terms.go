package memory

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/bitext/bitext/translate"
)

// TermsKey returns the Terms of a [Key]: a short hash of the glossary
// entries that match a sentence, or "" when none does. The order of terms
// and duplicates do not matter; any change to a source or target does.
// Pass only the entries that occur in the sentence, so that editing
// another entry of the glossary keeps the key.
func TermsKey(terms []translate.TermPair) string {
	if len(terms) == 0 {
		return ""
	}
	lines := make([]string, len(terms))
	for i, t := range terms {
		lines[i] = t.Source + "\x00" + t.Target
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:8])
}
