package engine

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/bitext/bitext/translate"
)

// Probe is what `bitext backends` learns of a backend.
type Probe struct {
	// Configured says that the settings it needs are present; Err says
	// what is missing when they are not (or, with a test sentence, why it
	// did not answer).
	Configured bool
	Err        error
	// Answer is the translation of the test sentence.
	Answer string
}

// ProbeBackend says whether the backend's settings are present (o's,
// with the configuration file's, applied leniently) and, with send,
// translates a test sentence with it (within 20 seconds). A backend that
// talks to a server the desk runs (NeedsEndpoint) is configured only once
// an endpoint is given.
func ProbeBackend(ctx context.Context, env Env, o BackendOptions, info translate.BackendInfo, send bool) Probe {
	o.Name, o.Lenient = info.Name, true
	sel, err := Select(env, o)
	if err != nil {
		return Probe{Err: err}
	}
	if info.NeedsEndpoint && sel.Config.Endpoint == "" {
		return Probe{Err: errNoEndpoint}
	}
	b, err := info.New(ctx, sel.Config)
	if err != nil {
		return Probe{Configured: !errors.Is(err, translate.ErrNotConfigured), Err: err}
	}
	if c, ok := b.(io.Closer); ok {
		defer c.Close()
	}
	if !send {
		return Probe{Configured: true}
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	req := translate.Request{From: "fr", To: "en", Segments: []string{"Bonjour."}}
	out, err := b.Translate(ctx, req)
	if err == nil {
		err = translate.CheckAnswers(info.Name, req, out)
	}
	if err != nil {
		return Probe{Configured: true, Err: err}
	}
	return Probe{Configured: true, Answer: out[0]}
}

// errNoEndpoint is the probe's error for a server nobody named.
var errNoEndpoint = errors.New("no server given: set --endpoint, or endpoint: in the configuration file")
