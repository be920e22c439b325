package translate

import (
	"context"
	"net/http"
	"sort"
)

// Config carries the settings a backend is built from. Flags, the config
// file and the environment are merged into it by the command line; backends
// read their own secrets through Getenv so that tests can inject them.
type Config struct {
	// Endpoint overrides the backend's server address (a proxy, a regional
	// endpoint, a self-hosted server or a test fake). Empty: the default.
	Endpoint string
	// Model names the model for backends that have several (an LLM name, a
	// MarianMT model folder).
	Model string
	// Options holds backend-specific settings by name, such as "project".
	Options map[string]string
	// Getenv reads the environment (os.Getenv in the binary).
	Getenv func(string) string
	// HTTPClient is used by remote backends; nil means a default client.
	HTTPClient *http.Client
}

// Env returns the named environment variable through c.Getenv.
func (c Config) Env(name string) string {
	if c.Getenv == nil {
		return ""
	}
	return c.Getenv(name)
}

// Option returns the named backend-specific option, or "".
func (c Config) Option(name string) string { return c.Options[name] }

// Factory builds a backend from its configuration. It returns an error
// wrapping [ErrNotConfigured] when a required setting is missing.
type Factory func(ctx context.Context, cfg Config) (Backend, error)

// BackendInfo describes a registered backend for listings and help.
type BackendInfo struct {
	// Name selects the backend (--backend NAME).
	Name string
	// Description is one line for listings.
	Description string
	// Env lists the environment variables the backend reads.
	Env []string
	// Remote is true when the backend sends text over the network.
	Remote bool
	// New builds the backend.
	New Factory
}

// Registry maps backend names to their factories. Build one with
// NewRegistry and Register; it is not safe to modify concurrently.
type Registry struct {
	byName map[string]BackendInfo
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byName: map[string]BackendInfo{}} }

// Register adds a backend. It panics when the name is taken, a programming
// error.
func (r *Registry) Register(info BackendInfo) {
	if _, dup := r.byName[info.Name]; dup {
		panic("translate: backend registered twice: " + info.Name)
	}
	r.byName[info.Name] = info
}

// Lookup returns the backend registered under name.
func (r *Registry) Lookup(name string) (BackendInfo, bool) {
	info, ok := r.byName[name]
	return info, ok
}

// List returns every registered backend, sorted by name.
func (r *Registry) List() []BackendInfo {
	out := make([]BackendInfo, 0, len(r.byName))
	for _, info := range r.byName {
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
