package outdir

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/translate"
)

// State is what bitext remembers of an article between runs.
type State struct {
	// Doc is the bilingual document bitext last wrote the working copy
	// from: the French as read, and each segment's English as written.
	Doc *translate.Document
	// Work is the SHA-256 (hex) of the working copy written from Doc, and
	// Prev that of the working copy it replaced, which the run had taken
	// into account. A working copy with either hash holds no edit Doc
	// lacks. Both are "" in state files of older bitext versions.
	Work, Prev string
}

// stateFile is the state file's JSON.
type stateFile struct {
	Version  int             `json:"version"`
	Work     string          `json:"work_sha256"`
	Prev     string          `json:"previous_sha256,omitempty"`
	Document json.RawMessage `json:"document"`
	// Skeleton is the source file of an HTML or Word article, which the
	// English is written into (translate.Document.Skeleton).
	Skeleton []byte `json:"skeleton,omitempty"`
}

// stateVersion is the version of the state file's format.
const stateVersion = 1

// Hash returns the SHA-256 of data in hex, as State records it.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Unedited reports whether the working copy content work holds no change
// that the state's document lacks: it is what bitext wrote. For a state
// of an older bitext, which kept no hash, the document's English is
// written out and compared.
func (s *State) Unedited(work []byte) bool {
	h := Hash(work)
	if s.Work != "" {
		return h == s.Work || h == s.Prev
	}
	var buf bytes.Buffer
	return translate.Write(&buf, s.Doc, translate.TargetSide) == nil && bytes.Equal(buf.Bytes(), work)
}

// ReadState reads the state file at path. An older bitext's state file (the
// bilingual JSON alone) is read too, without hashes.
func ReadState(path string) (*State, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read the article's state: %w", err)
	}
	var f stateFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: damaged state file (%v): delete it and translate the article again", path, err)
	}
	if f.Version > stateVersion {
		return nil, fmt.Errorf("%s: written by a newer bitext (state version %d)", path, f.Version)
	}
	docJSON := []byte(f.Document)
	if f.Document == nil {
		docJSON = data // an older bitext: the bilingual JSON itself
	}
	doc, err := bilingual.ReadJSON(bytes.NewReader(docJSON))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	doc.Skeleton = f.Skeleton
	return &State{Doc: doc, Work: f.Work, Prev: f.Prev}, nil
}

// EncodeState returns the state file's content for s.
func EncodeState(s *State) ([]byte, error) {
	var doc bytes.Buffer
	if err := bilingual.JSON(&doc, s.Doc); err != nil {
		return nil, err
	}
	f := stateFile{Version: stateVersion, Work: s.Work, Prev: s.Prev, Document: doc.Bytes(), Skeleton: s.Doc.Skeleton}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("failed to encode the article's state: %w", err)
	}
	return append(data, '\n'), nil
}

// WriteState writes s to path atomically.
func WriteState(path string, s *State) error {
	data, err := EncodeState(s)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, data, 0o644)
}
