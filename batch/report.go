package batch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// ReportWriter writes a run's machine-readable report: each file's result is streamed to a
// temporary file beside the report as soon as it is known, so that memory
// stays flat however many files a run has, and the totals are added at the
// end before the file is renamed into place. The report is one JSON
// object: "files_detail" (one object per file, in the order they finished)
// and the run's totals.
type ReportWriter struct {
	path string
	f    *os.File
	n    int
	err  error
}

// NewReportWriter starts the report at path.
func NewReportWriter(path string) (*ReportWriter, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	w := &ReportWriter{path: path, f: f}
	w.write([]byte("{\n  \"files_detail\": ["))
	return w, w.err
}

func (w *ReportWriter) write(b []byte) {
	if w.err == nil {
		_, w.err = w.f.Write(b)
	}
}

// Add appends one file's result.
func (w *ReportWriter) Add(r Result) {
	data, err := json.MarshalIndent(r, "    ", "  ")
	if err != nil && w.err == nil {
		w.err = err
	}
	if w.n > 0 {
		w.write([]byte(","))
	}
	w.write([]byte("\n    "))
	w.write(data)
	w.n++
}

// Finish adds the totals and puts the report in place.
func (w *ReportWriter) Finish(s *Summary) error {
	totals, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		w.abort()
		return err
	}
	w.write([]byte("\n  ],\n"))
	w.write(bytes.TrimPrefix(totals, []byte("{\n")))
	w.write([]byte("\n"))
	if w.err == nil {
		w.err = w.f.Sync()
	}
	if cerr := w.f.Close(); w.err == nil {
		w.err = cerr
	}
	if w.err == nil {
		w.err = os.Rename(w.f.Name(), w.path)
	}
	if w.err != nil {
		os.Remove(w.f.Name())
		return fmt.Errorf("report %s: %w", w.path, w.err)
	}
	return nil
}

// abort removes the temporary file.
func (w *ReportWriter) abort() {
	w.f.Close()
	os.Remove(w.f.Name())
}
