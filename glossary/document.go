package glossary

import (
	"fmt"

	"github.com/bitext/bitext/translate"
)

// BlockViolation is a violation found in one block of an English article,
// with the block's line in the English file.
type BlockViolation struct {
	Violation
	Line int
}

// CheckDocument checks an English article (perhaps edited by hand) against
// its French source block by block: every glossary term of a French block
// must have its target in the English block at the same place. The two
// must have as many blocks; the error says so otherwise.
func (g *Glossary) CheckDocument(fr, en *translate.Document) ([]BlockViolation, error) {
	if len(fr.Blocks) != len(en.Blocks) {
		return nil, fmt.Errorf("%d paragraphs where its French has %d: they cannot be lined up", len(en.Blocks), len(fr.Blocks))
	}
	var out []BlockViolation
	for i, b := range fr.Blocks {
		if !b.Translatable() {
			continue
		}
		target := en.Blocks[i]
		for _, v := range g.Check(b.SourceText(), target.SourceText(), anyMarkup(b) || anyMarkup(target)) {
			out = append(out, BlockViolation{Violation: v, Line: target.Line})
		}
	}
	return out, nil
}

func anyMarkup(b translate.Block) bool {
	for _, s := range b.Segments {
		if s.Markup {
			return true
		}
	}
	return false
}
