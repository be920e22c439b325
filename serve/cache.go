package serve

import (
	"context"
	"sync"

	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
)

// articleCache keeps the articles last opened for reading, each with the
// stamp of the files and memory it was opened from, so that the page's
// polling and reloads reopen an article only when something changed. The
// articles in it are only ever read: a decision opens its own.
type articleCache struct {
	mu      sync.Mutex
	max     int
	entries []cachedArticle // most recently used last
}

type cachedArticle struct {
	work, stamp string
	art         *review.Article
}

// get returns the article cached for work at stamp, or nil.
func (c *articleCache) get(work, stamp string) *review.Article {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range c.entries {
		if e.work == work {
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			if e.stamp == stamp {
				return e.art
			}
			return nil
		}
	}
	return nil
}

// put caches art, dropping the least recently used article beyond max.
func (c *articleCache) put(work, stamp string, art *review.Article) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range c.entries {
		if e.work == work {
			c.entries = append(c.entries[:i:i], c.entries[i+1:]...)
			break
		}
	}
	c.entries = append(c.entries, cachedArticle{work, stamp, art})
	if len(c.entries) > c.max {
		c.entries = c.entries[len(c.entries)-c.max:]
	}
}

// stamp changes whenever a's working copy, its state or the memory may
// have changed.
func (s *Server) stamp(a outdir.Article) string {
	return fileStamp(a.Work()) + "|" + fileStamp(a.StatePath()) + "|" + s.memoryStamp()
}

// view returns a for reading: from the cache when nothing changed since
// it was opened. The caller must not change it.
func (s *Server) view(ctx context.Context, a outdir.Article) (*review.Article, error) {
	stamp := s.stamp(a)
	if art := s.cache.get(a.Work(), stamp); art != nil {
		return art, nil
	}
	art, err := s.open(ctx, a)
	if err != nil {
		return nil, err
	}
	s.cache.put(a.Work(), stamp, art)
	return art, nil
}
