package engine

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian"
	"github.com/bitext/bitext/translate/remote"
)

// Env is what the engine reads from the outside world.
type Env struct {
	// Getenv reads an environment variable (API keys, endpoints).
	Getenv func(string) string
	// Registry lists the backends.
	Registry *translate.Registry
}

// BackendOptions select and configure a backend: the command line's
// settings, with the configuration file's for the chosen backend where a
// flag was not given (see For).
type BackendOptions struct {
	Name     string
	Endpoint string
	Model    string
	Options  map[string]string
	// Price is per million characters; below 0, the published price.
	Price  float64
	Remote remote.Options
	// Set records which settings the command line gave ("endpoint",
	// "model", "price", "rps", "cps", "concurrency", "timeout", "retries",
	// "max-wait"); File is the configuration file.
	Set  map[string]bool
	File *FileConfig
}

// For returns o for the named backend, with the configuration file's
// settings for it where the command line gave none.
func (o BackendOptions) For(name string) BackendOptions {
	o.Name = name
	if o.File == nil {
		return o
	}
	f, ok := o.File.Backends[name]
	if !ok {
		return o
	}
	if !o.Set["endpoint"] && f.Endpoint != "" {
		o.Endpoint = f.Endpoint
	}
	if !o.Set["model"] && f.Model != "" {
		o.Model = f.Model
	}
	opts := map[string]string{}
	for k, v := range f.Options {
		opts[k] = v
	}
	for k, v := range o.Options {
		opts[k] = v
	}
	o.Options = opts
	if !o.Set["price"] && f.Price != nil {
		o.Price = *f.Price
	}
	o.Remote = mergeRemote(o.Remote, f, o.Set)
	return o
}

// mergeRemote fills the remote settings no flag gave from the file.
func mergeRemote(r remote.Options, f BackendFileConfig, set map[string]bool) remote.Options {
	if !set["rps"] && f.RPS != 0 {
		r.RequestsPerSecond = f.RPS
	}
	if !set["cps"] && f.CPS != 0 {
		r.CharsPerSecond = f.CPS
	}
	if !set["concurrency"] && f.Concurrency != 0 {
		r.Concurrency = f.Concurrency
	}
	if !set["timeout"] && f.Timeout != 0 {
		r.Timeout = f.Timeout
	}
	if !set["retries"] && f.Retries != 0 {
		r.MaxRetries = f.Retries
	}
	if !set["max-wait"] && f.MaxWait != 0 {
		r.MaxWait = f.MaxWait
	}
	return r
}

// Config is the translate.Config the backend is built from.
func (o BackendOptions) Config(env Env) translate.Config {
	return translate.Config{Endpoint: o.Endpoint, Model: o.Model, Options: o.Options, Getenv: env.Getenv}
}

// DefaultBackend picks the backend when none is named, on the command
// line or in the configuration file: a MarianMT model once one is
// installed ('bitext models pull fr-en'), else Apertium.
func DefaultBackend(env Env, o BackendOptions) string {
	if o.Name != "" {
		return o.Name
	}
	if o.File != nil && o.File.Backend != "" {
		return o.File.Backend
	}
	if marian.Installed(o.For("marian").Config(env)) {
		return "marian"
	}
	return "apertium"
}

// Lookup returns the registered backend called name, or an error listing
// the known ones.
func Lookup(env Env, name string) (translate.BackendInfo, error) {
	if name == "" {
		name = "apertium"
	}
	info, ok := env.Registry.Lookup(name)
	if !ok {
		var names []string
		for _, i := range env.Registry.List() {
			names = append(names, i.Name)
		}
		return info, fmt.Errorf("unknown backend %q (choose from %s)", name, strings.Join(names, ", "))
	}
	return info, nil
}

// NewBackend builds the selected backend. Remote backends are wrapped so
// that the whole run shares one rate limit, retries failed requests and
// refused answers, and stops on credentials and quota errors; local ones
// so that the requests of the articles translated at once are gathered
// ([Coalesce]). The closer stops what the backend holds (processes,
// connections).
func NewBackend(ctx context.Context, env Env, o BackendOptions) (translate.Backend, translate.BackendInfo, io.Closer, error) {
	o = o.For(DefaultBackend(env, o))
	info, err := Lookup(env, o.Name)
	if err != nil {
		return nil, info, nil, err
	}
	b, err := info.New(ctx, o.Config(env))
	if err != nil {
		return nil, info, nil, fmt.Errorf("backend %s: %w", o.Name, err)
	}
	closer, _ := b.(io.Closer)
	if closer == nil {
		closer = nopCloser{}
	}
	if info.Remote {
		b = remote.Wrap(b, o.Remote)
	} else {
		b = Coalesce(b, gatherMax(b))
	}
	return b, info, closer, nil
}

// gatherMax is the most segments Coalesce gathers for a local backend:
// its own limit, else 2,048.
func gatherMax(b translate.Backend) int {
	if m := b.Capabilities().MaxSegments; m > 0 {
		return m
	}
	return 2048
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }
