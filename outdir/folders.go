package outdir

import (
	"context"
	"fmt"
)

// Folders opens output folders once each, for commands that work on the
// articles of several folders (diff, review, publish): all locked, or all
// read-only.
type Folders struct {
	Options Options
	open    map[string]*Folder
	order   []*Folder
}

// Get returns the output folder dir, opened on first use.
func (fs *Folders) Get(ctx context.Context, dir string) (*Folder, error) {
	if f, ok := fs.open[dir]; ok {
		return f, nil
	}
	f, err := Open(ctx, dir, fs.Options)
	if err != nil {
		return nil, fmt.Errorf("translation memory: %w", err)
	}
	if fs.open == nil {
		fs.open = map[string]*Folder{}
	}
	fs.open[dir] = f
	fs.order = append(fs.order, f)
	return f, nil
}

// Close closes every folder opened, returning the first error.
func (fs *Folders) Close() error {
	var first error
	for _, f := range fs.order {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
	}
	fs.open, fs.order = nil, nil
	return first
}
