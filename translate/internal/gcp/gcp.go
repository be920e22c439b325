// Package gcp holds what bitext's two Google Cloud Translation backends
// share: translate/google (Basic, v2 over REST) and translate/googlev3
// (Advanced, v3 over gRPC) send one request per batch under the same rules.
//
// # Requests
//
// [Limits.Translate] refuses a batch over the engine's limits without
// calling it, sends only the segments that are not blank, in one call, and
// puts the translations back in place, blank segments coming back as they
// are. The backend supplies the call itself.
package gcp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
)

// ErrTooLarge is wrapped by the error for a request over [Limits]; the
// backends export it as their own ErrTooLarge.
var ErrTooLarge = errors.New("request too large")

// Limits are the bounds of one request to a backend.
type Limits struct {
	// Backend names the backend in error messages ("google").
	Backend string
	// MaxSegments is the most segments one request may carry.
	MaxSegments int
	// MaxChars is the most runes one request may carry, over all segments.
	MaxChars int
}

// Send sends the non-blank texts of req in one request and returns exactly
// one translation per text, in order.
type Send func(ctx context.Context, req translate.Request, texts []string) ([]string, error)

// Translate translates req through send, as [translate.Backend] requires:
// an empty request returns an empty result, a request over l is refused
// with an error wrapping [ErrTooLarge], and a request of blank segments
// only returns them without calling send.
func (l Limits) Translate(ctx context.Context, req translate.Request, send Send) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	if err := l.Check(req.Segments); err != nil {
		return nil, err
	}
	out := append([]string(nil), req.Segments...)
	idx, texts := nonBlank(req.Segments)
	if len(texts) == 0 {
		return out, nil
	}
	got, err := send(ctx, req, texts)
	if err != nil {
		return nil, err
	}
	for i, t := range got {
		out[idx[i]] = t
	}
	return out, nil
}

// Check returns an error wrapping [ErrTooLarge] when segs hold more
// segments or runes than l allows.
func (l Limits) Check(segs []string) error {
	if len(segs) > l.MaxSegments {
		return fmt.Errorf("%s: %w: %d segments (at most %d)", l.Backend, ErrTooLarge, len(segs), l.MaxSegments)
	}
	n := 0
	for _, s := range segs {
		n += utf8.RuneCountInString(s)
	}
	if n > l.MaxChars {
		return fmt.Errorf("%s: %w: %d characters (at most %d)", l.Backend, ErrTooLarge, n, l.MaxChars)
	}
	return nil
}

// nonBlank returns the segments worth sending and their positions.
func nonBlank(segs []string) (idx []int, texts []string) {
	for i, s := range segs {
		if strings.TrimSpace(s) != "" {
			idx = append(idx, i)
			texts = append(texts, s)
		}
	}
	return idx, texts
}
