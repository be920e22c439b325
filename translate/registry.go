package translate

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/bitext/bitext/internal/suggest"
)

// Config carries the settings a backend is built from. The engine fills
// it from the flags, the configuration file and the environment, after
// checking every option against the backend's declarations; backends
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

// Kind says where a backend runs, which decides how bitext drives it.
type Kind int

const (
	// Local backends run on this machine or on a server of the desk's own
	// (apy): no charge, no rate limits; the requests of the articles
	// translated at once are gathered to keep the engine busy.
	Local Kind = iota
	// Remote backends send text to an online service: one rate limit for
	// the run, retries with backoff, checks on every answer, and a price.
	Remote
)

// String returns "local" or "remote".
func (k Kind) String() string {
	if k == Remote {
		return "remote"
	}
	return "local"
}

// BackendInfo declares a backend, once, where it registers: what it is,
// how it runs, what it costs and which settings it takes. The registry
// checks settings against it; listings, help and completion read it.
type BackendInfo struct {
	// Name selects the backend (--backend NAME, matched without regard to
	// case).
	Name string
	// Description is one line for listings.
	Description string
	// Kind is Local or Remote.
	Kind Kind
	// Env lists the environment variables holding its credentials and
	// settings, for listings.
	Env []string
	// Options are the settings it takes (see [Option]).
	Options []Option
	// NeedsEndpoint says that the backend talks to a server the desk runs
	// itself, at no address anyone could guess: it counts as configured
	// only once an endpoint is given.
	NeedsEndpoint bool
	// Price is the provider's published price; zero for free engines.
	Price Price
	// Capabilities are the backend's capabilities with its default
	// settings, known before it is built (a dry run counts with them).
	Capabilities Capabilities
	// CheckPair, when set, says cheaply, before anything is built, whether
	// the configured backend can translate from → to: an error wrapping
	// [ErrUnsupportedPair] when it cannot.
	CheckPair func(c Config, from, to string) error
	// New builds the backend.
	New Factory
}

// Option returns the declared option called name.
func (b BackendInfo) Option(name string) (Option, bool) {
	for _, o := range b.Options {
		if o.Name == name {
			return o, true
		}
	}
	return Option{}, false
}

// OptionNames lists the names of the declared options, in order.
func (b BackendInfo) OptionNames() []string {
	names := make([]string, len(b.Options))
	for i, o := range b.Options {
		names[i] = o.Name
	}
	return names
}

// Registry maps backend names to their declarations. Build one with
// NewRegistry and Register; it is not safe to modify concurrently.
type Registry struct {
	byName map[string]BackendInfo
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byName: map[string]BackendInfo{}} }

// Register adds a backend. It panics when the name is taken, a programming
// error.
func (r *Registry) Register(info BackendInfo) {
	key := strings.ToLower(info.Name)
	if _, dup := r.byName[key]; dup {
		panic("translate: backend registered twice: " + info.Name)
	}
	r.byName[key] = info
}

// Lookup returns the backend registered under name, matched without
// regard to case.
func (r *Registry) Lookup(name string) (BackendInfo, bool) {
	info, ok := r.byName[strings.ToLower(strings.TrimSpace(name))]
	return info, ok
}

// Find returns the backend called name, or an error naming the closest
// one ("did you mean") and every known name.
func (r *Registry) Find(name string) (BackendInfo, error) {
	if info, ok := r.Lookup(name); ok {
		return info, nil
	}
	return BackendInfo{}, fmt.Errorf("unknown backend %q%s (choose from %s)",
		name, suggest.DidYouMean(name, r.Names()), strings.Join(r.Names(), ", "))
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

// Names lists the backends' names, sorted.
func (r *Registry) Names() []string {
	var names []string
	for _, info := range r.List() {
		names = append(names, info.Name)
	}
	return names
}

// Options lists every backend's options, each name once.
func (r *Registry) Options() []Option {
	var out []Option
	seen := map[string]bool{}
	for _, info := range r.List() {
		for _, o := range info.Options {
			if !seen[o.Name] {
				seen[o.Name] = true
				out = append(out, o)
			}
		}
	}
	return out
}

// Owners lists the backends that declare an option called name.
func (r *Registry) Owners(name string) []string {
	var out []string
	for _, info := range r.List() {
		if _, ok := info.Option(name); ok {
			out = append(out, info.Name)
		}
	}
	return out
}

// CheckOption checks one option given to a backend: an unknown name gets
// the closest declared one ("did you mean") and the backends that have
// such an option; a value must be valid. It returns the value in its
// canonical form.
func (r *Registry) CheckOption(info BackendInfo, name, value string) (string, error) {
	o, ok := info.Option(name)
	if !ok {
		return "", r.unknownOption(info, name)
	}
	return o.Check(value)
}

// unknownOption says that the backend has no option called name.
func (r *Registry) unknownOption(info BackendInfo, name string) error {
	msg := fmt.Sprintf("%s has no option %q", info.Name, name)
	if o := r.Owners(name); len(o) > 0 {
		return fmt.Errorf("%s (%s %s)", msg, strings.Join(o, ", "), has(len(o)))
	}
	if len(info.Options) == 0 {
		return fmt.Errorf("%s: it takes none", msg)
	}
	return fmt.Errorf("%s%s (its options: %s)", msg, suggest.DidYouMean(name, info.OptionNames()), strings.Join(info.OptionNames(), ", "))
}

func has(n int) string {
	if n == 1 {
		return "has one"
	}
	return "have one"
}
