package main

import (
	"context"

	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
)

// reviewStores opens the translation memory of each output folder once.
type reviewStores struct {
	ctx     context.Context
	folders outdir.Folders
	// files are the files of the articles opened, in order.
	files []outdir.Article
}

// get returns the store of the output folder out.
func (rs *reviewStores) get(out string) (review.Store, error) {
	f, err := rs.folders.Get(rs.ctx, out)
	if err != nil {
		return nil, err
	}
	return review.MemoryStore{M: f.Memory}, nil
}

// Close closes every memory opened.
func (rs *reviewStores) Close() error { return rs.folders.Close() }
