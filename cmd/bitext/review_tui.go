package main

import (
	"context"
	"fmt"
	"sync"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/review/tui"
)

// runReviewTUI runs the full-screen review on the terminal, drawn on
// standard error. Re-translation (t) builds its engine from the same
// backend flags and --config as translate.
func runReviewTUI(ctx context.Context, env *Env, o *reviewOptions, bo engine.BackendOptions, sel *engine.Selection) error {
	gloss, err := loadGlossary(env, o.Glossaries)
	if err != nil {
		return err
	}
	articles, stores, err := openArticlesWith(ctx, o, gloss, true)
	if err != nil {
		return err
	}
	defer stores.Close()
	rt := &retranslator{env: env, opts: bo, first: sel, settings: engine.Settings{From: o.From, To: o.To, Glossary: gloss, Jobs: 1}}
	defer rt.Close()
	n, err := tui.Run(ctx, articles, tui.Options{
		In: env.In, Out: env.Err,
		Backends:    backendNames(env, sel.Info.Name),
		Retranslate: rt.translate,
		Editor:      editorCommand(env),
		ParseEdit:   review.ParseEdit,
	})
	if err != nil {
		return err
	}
	return reportPending(env, articles, n)
}

// backendNames lists the registered backends, first the one asked for
// (or the default one).
func backendNames(env *Env, first string) []string {
	out := []string{first}
	for _, info := range env.Registry.List() {
		if info.Name != first {
			out = append(out, info.Name)
		}
	}
	return out
}

// retranslator translates single units for the t key, building each
// backend's engine once: the selected one with the settings given, the
// others with those that apply to them.
type retranslator struct {
	env      *Env
	opts     engine.BackendOptions
	first    *engine.Selection
	settings engine.Settings
	mu       sync.Mutex
	engines  map[string]*engine.Engine
}

func (r *retranslator) translate(ctx context.Context, name string, u *review.Unit) (string, error) {
	e, err := r.engine(ctx, name)
	if err != nil {
		return "", err
	}
	out, err := e.TranslateSegment(ctx, u.Source(), u.Markup)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// engine returns the engine of the named backend, built on first use.
func (r *retranslator) engine(ctx context.Context, name string) (*engine.Engine, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.engines[name]; ok {
		return e, nil
	}
	sel := r.first
	if name != sel.Info.Name {
		o := r.opts
		o.Name, o.Lenient = name, true
		var err error
		if sel, err = engine.Select(engineEnv(r.env), o); err != nil {
			return nil, err
		}
	}
	e, err := engine.New(ctx, sel, r.settings)
	if err != nil {
		return nil, err
	}
	if r.engines == nil {
		r.engines = map[string]*engine.Engine{}
	}
	r.engines[name] = e
	return e, nil
}

// Close stops the engines started.
func (r *retranslator) Close() {
	for _, e := range r.engines {
		e.Close()
	}
}
