package translate

import "os"

// readFile reads the article at path as the command line does: the bytes,
// then [Read].
func readFile(path string) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}
