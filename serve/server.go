package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
)

// Options configure a [Server].
type Options struct {
	// Out is the output folder served. Required.
	Out string
	// Memory is the folder's translation memory. Required.
	Memory memory.Memory
	// From and To are the language pair (default "fr" and "en").
	From, To string
	// Glossary, when set, highlights its terms in both languages.
	Glossary *glossary.Glossary
	// Check lists the problems of a pending unit's English, as the
	// terminal review shows them (review.Options.Check): glossary
	// violations, fidelity warnings, each starting with its kind
	// ("glossary: …", "fidelity: …"). nil: only the fidelity warnings
	// translate recorded are listed.
	Check func(source, target string, markup bool) []string
	// By names the editor in approvals.
	By string
	// Backends are the names re-translate offers, the first the default;
	// Retranslate translates a unit's French with one of them (nil: no
	// re-translation).
	Backends    []string
	Retranslate func(ctx context.Context, backend string, u *review.Unit) (string, error)
	// Lock takes the output folder's lock for one decision, which keeps
	// a translate run from writing the folder meanwhile, and returns its
	// release (default: [outdir.Lock] on the folder, waiting up to 5 s).
	Lock func(ctx context.Context) (release func() error, err error)
	// Poll is how often the page checks for changes (default 3 s).
	Poll time.Duration
	// Token is the access token; "" makes a random one.
	Token string
	// Log receives errors that could only be reported to the client as
	// "internal error" (default: discarded). The token is never logged.
	Log io.Writer
}

// Server serves one output folder for review. Make one with [New].
type Server struct {
	opts    Options
	token   string
	outReal string // Out with symbolic links resolved
	store   review.MemoryStore
	pages   *template.Template
	// mu serialises decisions within the process; the folder's lock
	// keeps other processes out.
	mu    sync.Mutex
	list  *listCache
	cache articleCache // the articles last viewed
	wrote atomic.Int64 // decisions saved, part of the list's cache key
}

// maxBody caps a request body: a decision is a short JSON object.
const maxBody = 1 << 20

// New checks the options and prepares the server.
func New(opts Options) (*Server, error) {
	if opts.Memory == nil {
		return nil, errors.New("no translation memory to review against")
	}
	if opts.From == "" {
		opts.From = "fr"
	}
	if opts.To == "" {
		opts.To = "en"
	}
	if opts.Lock == nil {
		dir := filepath.Join(opts.Out, outdir.StateDir)
		opts.Lock = func(ctx context.Context) (func() error, error) { return outdir.Lock(ctx, dir, 5*time.Second) }
	}
	if opts.Poll == 0 {
		opts.Poll = 3 * time.Second
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	real, err := realDir(opts.Out)
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, token: opts.Token, outReal: real, store: review.MemoryStore{M: opts.Memory}}
	if s.token == "" {
		s.token = newToken()
	}
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	s.list = newListCache(s)
	s.cache.max = 8
	return s, nil
}

// realDir returns dir's absolute path with symbolic links resolved.
func realDir(dir string) (string, error) {
	if dir == "" {
		return "", errors.New("no output folder to serve")
	}
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return "", fmt.Errorf("failed to open the output folder: %w", err)
	}
	if fi, err := os.Stat(real); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%s is not a folder", dir)
	}
	return real, nil
}

// newToken returns 24 random bytes in hex, as Jupyter's tokens are.
func newToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Token returns the access token.
func (s *Server) Token() string { return s.token }

// URL returns the address to open in a browser for a server listening on
// addr: http://HOST:PORT/?token=TOKEN.
func (s *Server) URL(addr net.Addr) string {
	return "http://" + addr.String() + "/?token=" + s.token
}

// Serve serves HTTP on ln until ctx is done, then shuts down, letting
// requests in flight finish (a decision in flight is saved).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(ln.Addr()),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		// Requests outlive ctx: Shutdown lets a decision in flight finish
		// rather than cut it between the working copy and the memory.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("failed to stop the server: %w", err)
	}
	return nil
}

// Handler returns the server's routes behind its security checks, for a
// server listening on addr (its host and port are the Host headers
// accepted).
func (s *Server) Handler(addr net.Addr) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /assets/", assetHandler())
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /{$}", s.pageFirst)
	mux.HandleFunc("GET /articles", s.pageList)
	mux.HandleFunc("GET /articles/{path...}", s.pageArticle)
	mux.HandleFunc("GET /api/articles", s.apiList)
	mux.HandleFunc("GET /api/articles/{path...}", s.apiGet)
	mux.HandleFunc("POST /api/articles/{path...}", s.apiPost)
	return s.secure(newHostCheck(addr), mux)
}
