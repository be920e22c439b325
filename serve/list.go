package serve

import (
	"context"
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"sync"
	"syscall"
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

// listCache keeps each article's summary with the stamps it was made at
// (its working copy's and state's, and the memory's), so that listing
// 1,000 articles opens only those that changed.
type listCache struct {
	s  *Server
	mu sync.Mutex
	by map[string]cached
}

type cached struct {
	files, mem string
	sum        Summary
	// keys are the hashes of the article's units' French (keyHash): a
	// change to the memory under other keys leaves its summary as it is.
	keys map[uint64]bool
}

func newListCache(s *Server) *listCache { return &listCache{s: s, by: map[string]cached{}} }

// summaries returns the summary of every article, in order.
func (c *listCache) summaries(ctx context.Context) ([]Summary, error) {
	arts, err := c.s.articles()
	if err != nil {
		return nil, err
	}
	mem := c.s.memoryStamp()
	out := make([]Summary, len(arts))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, a := range arts {
		g.Go(func() error {
			out[i] = c.summary(gctx, a, mem)
			return gctx.Err()
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	c.forget(out)
	return out, nil
}

// summary returns a's summary, from the cache when nothing changed since
// the memory's stamp was mem.
func (c *listCache) summary(ctx context.Context, a outdir.Article, mem string) Summary {
	files := fileStamp(a.Work()) + "|" + fileStamp(a.StatePath())
	c.mu.Lock()
	got, ok := c.by[a.Work()]
	c.mu.Unlock()
	if ok && got.files == files && got.mem == mem {
		return got.sum
	}
	sum := Summary{Path: c.s.relPath(a), Name: a.Name}
	keys := map[uint64]bool{}
	art, err := c.s.count(ctx, a)
	if err != nil {
		sum.Error = err.Error()
	} else {
		sum.Counts = countUnits(art)
		sum.Title = title(art)
		for _, u := range art.Units {
			keys[keyHash(u.Key.Source, u.Key.Markup)] = true
		}
	}
	c.mu.Lock()
	c.by[a.Work()] = cached{files, mem, sum, keys}
	c.mu.Unlock()
	return sum
}

// carry moves the summaries made at memory stamp old to stamp new when
// the only change between the two was a decision on the French key in
// the article whose working copy is work: the summaries of the articles
// without that French stay valid.
func (c *listCache) carry(old, new string, key uint64, work string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, v := range c.by {
		if v.mem == old && k != work && !v.keys[key] {
			v.mem = new
			c.by[k] = v
		}
	}
}

// keyHash is the hash of a unit's French in the memory.
func keyHash(source string, markup bool) uint64 {
	h := fnv.New64a()
	h.Write([]byte(source))
	if markup {
		h.Write([]byte{0})
	}
	return h.Sum64()
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

// fileStamp is a file's size, modification time and inode ("" when
// missing): bitext replaces files by renaming new ones over them, so two
// writes in one tick of the clock still differ by inode.
func fileStamp(p string) string {
	fi, err := os.Stat(p)
	if err != nil {
		return ""
	}
	var ino uint64
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		ino = st.Ino
	}
	return fmt.Sprintf("%d.%d.%d", fi.Size(), fi.ModTime().UnixNano(), ino)
}

// memoryStamp changes whenever the memory may have changed: with every
// decision this server saves and, for a memory kept in a file (SQLite,
// which has a Path), with the file and its write-ahead log; a memory that
// is not a file (a server) is taken as changed every 10 seconds.
func (s *Server) memoryStamp() string {
	st := strconv.FormatInt(s.wrote.Load(), 10)
	p, ok := s.memoryFile()
	if !ok {
		return st + "|" + strconv.FormatInt(time.Now().Unix()/10, 10)
	}
	return st + "|" + fileStamp(p) + "|" + fileStamp(p+"-wal")
}

// memoryFile returns the memory's file, if it is kept in one.
func (s *Server) memoryFile() (string, bool) {
	p, ok := s.opts.Memory.(interface{ Path() string })
	if !ok {
		return "", false
	}
	return p.Path(), true
}
