package main

import (
	"context"
	"fmt"

	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
)

// reviewStores opens the translation memory of each output folder once.
type reviewStores struct {
	ctx    context.Context
	lock   bool
	open   map[string]review.Store
	closes []func() error
	// files are the files of the articles opened, in order.
	files []outdir.Article
}

// get returns the store of the output folder out.
func (rs *reviewStores) get(out string) (review.Store, error) {
	if s, ok := rs.open[out]; ok {
		return s, nil
	}
	f, err := outdir.Open(rs.ctx, out, outdir.Options{ReadOnly: !rs.lock})
	if err != nil {
		return nil, fmt.Errorf("translation memory: %w", err)
	}
	if rs.open == nil {
		rs.open = map[string]review.Store{}
	}
	rs.open[out] = review.MemoryStore{M: f.Memory}
	rs.closes = append(rs.closes, f.Close)
	return rs.open[out], nil
}

// Close closes every memory opened.
func (rs *reviewStores) Close() error {
	var first error
	for _, c := range rs.closes {
		if err := c(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
