package main

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/review/tui"
	"github.com/bitext/bitext/translate"
)

// runReviewTUI runs the full-screen review on the terminal, drawn on
// standard error.
func runReviewTUI(ctx context.Context, env *Env, o *reviewOptions, backend string) error {
	gloss, err := loadGlossary(env, o.Glossaries)
	if err != nil {
		return err
	}
	articles, stores, err := openArticlesWith(ctx, o, gloss, true)
	if err != nil {
		return err
	}
	defer stores.Close()
	rt := &retranslator{env: env, from: o.From, to: o.To, gloss: gloss}
	defer rt.Close()
	n, err := tui.Run(ctx, articles, tui.Options{
		In: env.In, Out: env.Err,
		Backends:    backendNames(env, backend),
		Retranslate: rt.translate,
		Editor:      editorCommand(env),
		ParseEdit:   parseEdit,
	})
	if err != nil {
		return err
	}
	return reportPending(env, articles, n)
}

// backendNames lists the registered backends, first the one asked for
// (or the default one).
func backendNames(env *Env, first string) []string {
	if first == "" {
		first = defaultBackend(env, backendOptions{})
	}
	out := []string{first}
	for _, info := range env.Registry.List() {
		if info.Name != first {
			out = append(out, info.Name)
		}
	}
	return out
}

// retranslator translates single units for the t key, building each
// backend once.
type retranslator struct {
	env      *Env
	from, to string
	gloss    *glossary.Glossary
	mu       sync.Mutex
	backends map[string]translate.Backend
	closers  []io.Closer
}

func (r *retranslator) translate(ctx context.Context, name string, u *review.Unit) (string, error) {
	p, err := r.pipeline(ctx, name)
	if err != nil {
		return "", err
	}
	doc := &translate.Document{Blocks: []translate.Block{{
		Kind:     translate.Paragraph,
		Segments: []translate.Segment{{Source: u.Source(), Markup: u.Markup}},
	}}}
	if _, err := p.Translate(ctx, doc); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return doc.Blocks[0].Segments[0].Target, nil
}

// pipeline returns a one-document pipeline over the named backend.
func (r *retranslator) pipeline(ctx context.Context, name string) (*translate.Pipeline, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b, ok := r.backends[name]
	if !ok {
		var closer io.Closer
		var err error
		b, _, closer, err = newBackend(ctx, r.env, backendOptions{Name: name, Options: map[string]string{}})
		if err != nil {
			return nil, err
		}
		if r.backends == nil {
			r.backends = map[string]translate.Backend{}
		}
		r.backends[name] = b
		r.closers = append(r.closers, closer)
	}
	p := &translate.Pipeline{Backend: b, From: r.from, To: r.to, Jobs: 1}
	if r.gloss != nil {
		p.Protector = glossary.Shield{Glossary: r.gloss}
	}
	if r.to == "en" {
		p.Finish = translate.EnglishTypography
	}
	return p, nil
}

// Close stops the backends started.
func (r *retranslator) Close() {
	for _, c := range r.closers {
		c.Close()
	}
}
