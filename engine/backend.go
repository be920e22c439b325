package engine

import (
	"context"
	"io"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

// Env is what the engine reads from the outside world.
type Env struct {
	// Getenv reads an environment variable (API keys, endpoints).
	Getenv func(string) string
	// Registry lists the backends.
	Registry *translate.Registry
}

// NewBackend builds the selected backend. Remote backends are wrapped so
// that the whole run shares one rate limit, retries failed requests and
// refused answers, and stops on credentials and quota errors; local ones
// so that the requests of the articles translated at once are gathered
// ([Coalesce]). The closer stops what the backend holds (processes,
// connections).
func NewBackend(ctx context.Context, sel *Selection) (translate.Backend, io.Closer, error) {
	b, err := sel.Info.New(ctx, sel.Config)
	if err != nil {
		return nil, nil, err
	}
	closer, _ := b.(io.Closer)
	if closer == nil {
		closer = nopCloser{}
	}
	if sel.Info.Kind == translate.Remote {
		b = remote.Wrap(b, sel.Remote)
	} else {
		b = Coalesce(b, gatherMax(b))
	}
	return b, closer, nil
}

// batchSize is how many segments one pipeline request carries: 64 for
// remote backends, so that each answer is stored soon, 512 for local
// ones, whose pipelines stall between requests.
func batchSize(k translate.Kind) int {
	if k == translate.Remote {
		return 64
	}
	return 512
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
