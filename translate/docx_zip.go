package translate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// Word document limits: what a news article's .docx never comes near, so
// that a hostile file (a zip bomb, a million entries) is refused with a
// clear error instead of filling memory.
const (
	// MaxDocxPart is the largest uncompressed XML part read.
	MaxDocxPart = 64 << 20
	// MaxDocxText is the most uncompressed XML read from one document.
	MaxDocxText = 256 << 20
	// MaxDocxEntries is the most files a document's zip may hold.
	MaxDocxEntries = 10000
)

// docxPart is one XML part of a Word document that holds text.
type docxPart struct {
	file *zip.File
	data []byte
}

// openDocx opens a Word document and reads its text parts: the main
// document (found through the package relationships, or at
// word/document.xml in a minimal document), then headers, footers,
// footnotes and endnotes.
func openDocx(name string, data []byte) (*zip.Reader, []docxPart, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, inputErrorf(name, 0, "not a Word document (.docx is a zip archive): %v", err)
	}
	if len(zr.File) > MaxDocxEntries {
		return nil, nil, inputErrorf(name, 0, "the archive holds %d files, over the %d a Word document may have", len(zr.File), MaxDocxEntries)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	main := mainPart(name, files)
	if files[main] == nil {
		return nil, nil, inputErrorf(name, 0, "no main document part (word/document.xml): not a Word document")
	}
	var parts []docxPart
	budget := int64(MaxDocxText)
	for _, n := range textPartNames(main, files) {
		data, err := readZipPart(name, files[n], &budget)
		if err != nil {
			return nil, nil, err
		}
		parts = append(parts, docxPart{file: files[n], data: data})
	}
	return zr, parts, nil
}

// mainPart returns the name of the main document part: the target of
// the package's officeDocument relationship, else word/document.xml.
func mainPart(name string, files map[string]*zip.File) string {
	f := files["_rels/.rels"]
	if f == nil || f.UncompressedSize64 > 1<<20 {
		return "word/document.xml"
	}
	budget := int64(1 << 20)
	data, err := readZipPart(name, f, &budget)
	if err != nil {
		return "word/document.xml"
	}
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &rels) != nil {
		return "word/document.xml"
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		}
	}
	return "word/document.xml"
}

// textPartNames lists the parts with text in reading order: the main
// part, then the headers, footers, footnotes and endnotes beside it.
func textPartNames(main string, files map[string]*zip.File) []string {
	dir := path.Dir(main) + "/"
	var extra []string
	for n := range files {
		base := strings.TrimPrefix(n, dir)
		if base == n || strings.Contains(base, "/") || !strings.HasSuffix(base, ".xml") {
			continue
		}
		if strings.HasPrefix(base, "header") || strings.HasPrefix(base, "footer") || base == "footnotes.xml" || base == "endnotes.xml" {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	return append([]string{main}, extra...)
}

// readZipPart reads one part, refusing it when it expands past
// MaxDocxPart or past what is left of budget (whatever its header
// claims: a zip bomb lies there).
func readZipPart(name string, f *zip.File, budget *int64) ([]byte, error) {
	limit := min(int64(MaxDocxPart), *budget)
	if f.UncompressedSize64 > uint64(limit) {
		return nil, inputErrorf(name, 0, "%s expands to %d MB, over the %d MB bitext reads (a zip bomb?)", f.Name, f.UncompressedSize64>>20, limit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, inputErrorf(name, 0, "%s: %v", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, inputErrorf(name, 0, "%s: damaged archive: %v", f.Name, err)
	}
	if int64(len(data)) > limit {
		return nil, inputErrorf(name, 0, "%s expands past %d MB, over what bitext reads (a zip bomb?)", f.Name, limit>>20)
	}
	*budget -= int64(len(data))
	return data, nil
}

// rewriteZip writes the archive zr to w with the parts in repl (by name)
// replaced; every other entry is copied as it is, compressed bytes and
// all, in its place.
func rewriteZip(w io.Writer, zr *zip.Reader, repl map[string][]byte) error {
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		if err := copyZipEntry(zw, f, repl); err != nil {
			return fmt.Errorf("failed to write %s: %w", f.Name, err)
		}
	}
	return zw.Close()
}

func copyZipEntry(zw *zip.Writer, f *zip.File, repl map[string][]byte) error {
	data, ok := repl[f.Name]
	if !ok {
		r, err := f.OpenRaw()
		if err != nil {
			return err
		}
		out, err := zw.CreateRaw(&f.FileHeader)
		if err != nil {
			return err
		}
		_, err = io.Copy(out, r)
		return err
	}
	fh := &zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified, Comment: f.Comment}
	out, err := zw.CreateHeader(fh)
	if err != nil {
		return err
	}
	_, err = out.Write(data)
	return err
}
