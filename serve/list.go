package serve

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/bitext/bitext/outdir"
	"golang.org/x/sync/errgroup"
)

// Summary is one article of the list: where it is, its headline and its
// counts.
type Summary struct {
	// Path is the working copy relative to the output folder, Name the
	// article's name in the translation memory.
	Path string `json:"path"`
	Name string `json:"name"`
	// Title is the start of the article's English.
	Title string `json:"title,omitempty"`
	Counts
	// Error says why the article could not be opened ("" when it could).
	Error string `json:"error,omitempty"`
}

// listCache keeps each article's summary with the stamp it was made at
// (the working copy's and state's sizes and times, and the memory's
// stamp), so that listing 1,000 articles opens only those that changed.
type listCache struct {
	s  *Server
	mu sync.Mutex
	by map[string]cached
}

type cached struct {
	stamp string
	sum   Summary
}

func newListCache(s *Server) *listCache { return &listCache{s: s, by: map[string]cached{}} }

// summaries returns the summary of every article, in order.
func (c *listCache) summaries(ctx context.Context) ([]Summary, error) {
	arts, err := c.s.articles()
	if err != nil {
		return nil, err
	}
	out := make([]Summary, len(arts))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, a := range arts {
		g.Go(func() error {
			out[i] = c.summary(gctx, a)
			return gctx.Err()
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	c.forget(out)
	return out, nil
}

// summary returns a's summary, from the cache when nothing changed.
func (c *listCache) summary(ctx context.Context, a outdir.Article) Summary {
	stamp := c.s.stamp(a)
	c.mu.Lock()
	got, ok := c.by[a.Work()]
	c.mu.Unlock()
	if ok && got.stamp == stamp {
		return got.sum
	}
	sum := Summary{Path: c.s.relPath(a), Name: a.Name}
	art, err := c.s.open(ctx, a)
	if err != nil {
		sum.Error = err.Error()
	} else {
		sum.Counts = countUnits(art)
		sum.Title = title(art)
	}
	c.mu.Lock()
	c.by[a.Work()] = cached{stamp, sum}
	c.mu.Unlock()
	return sum
}

// forget drops the articles no longer listed.
func (c *listCache) forget(list []Summary) {
	keep := make(map[string]bool, len(list))
	for _, s := range list {
		keep[s.Name] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, v := range c.by {
		if !keep[v.sum.Name] {
			delete(c.by, k)
		}
	}
}

// fileStamp is a file's size and modification time ("" when missing).
func fileStamp(p string) string {
	fi, err := os.Stat(p)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d.%d", fi.Size(), fi.ModTime().UnixNano())
}

// memoryStamp changes whenever the memory may have changed: with every
// decision this server saves and, for a memory kept in a file (SQLite,
// which has a Path), with the file and its write-ahead log; a memory that
// is not a file (a server) is taken as changed every 10 seconds.
func (s *Server) memoryStamp() string {
	st := strconv.FormatInt(s.wrote.Load(), 10)
	p, ok := s.opts.Memory.(interface{ Path() string })
	if !ok {
		return st + "|" + strconv.FormatInt(time.Now().Unix()/10, 10)
	}
	return st + "|" + fileStamp(p.Path()) + "|" + fileStamp(p.Path()+"-wal")
}
