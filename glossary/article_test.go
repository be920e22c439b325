package glossary_test

import (
	"os"

	"github.com/bitext/bitext/translate"
)

// readArticle reads the article at path as the command line does: the
// bytes, then [translate.Read].
func readArticle(path string) (*translate.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return translate.Read(path, data)
}
