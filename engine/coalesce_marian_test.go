package engine

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/bitext/bitext/internal/sharedtest"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian"
)

// counting is the seam between the coalescer and MarianMT: it records the
// size of every request the engine gets, and holds the first one until
// the gate opens.
type counting struct {
	*marian.Backend
	mu    sync.Mutex
	sizes []int
	gate  chan struct{}
}

func (c *counting) TranslateEach(ctx context.Context, req translate.Request, done func(int, string)) error {
	c.mu.Lock()
	c.sizes = append(c.sizes, len(req.Segments))
	first := len(c.sizes) == 1
	c.mu.Unlock()
	if first {
		<-c.gate
	}
	return c.Backend.TranslateEach(ctx, req, done)
}

// requests is how many requests the engine has been sent.
func (c *counting) requests() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sizes)
}

// storeAll is a translate.Memory that records what is stored.
type storeAll struct {
	mu sync.Mutex
	m  map[string]string
}

func (s *storeAll) Lookup(context.Context, translate.Occurrence, string, bool) (string, string, bool, error) {
	return "", "", false, nil
}

func (s *storeAll) Store(_ context.Context, seg translate.Segment) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[seg.Source] = seg.Target
	return nil
}

// articles cuts lines into n articles of k lines, one paragraph a line.
func articles(lines []string, n, k int) []*translate.Document {
	var docs []*translate.Document
	for a := range n {
		d := &translate.Document{Path: fmt.Sprintf("article-%d.fr.txt", a), Format: translate.FormatText}
		for i, l := range lines[a*k : (a+1)*k] {
			d.Blocks = append(d.Blocks, translate.Block{Kind: translate.Paragraph, Line: i + 1,
				Segments: []translate.Segment{{Source: l, Line: i + 1}}})
		}
		docs = append(docs, d)
	}
	return docs
}

// TestCoalesceBatchesArticlesForMarian: articles translated at once reach
// MarianMT as one request (which it sorts by length and decodes batch by
// batch), every answer is stored, and the translations are exactly those
// of each article translated on its own with the opus-mt-tiny model.
func TestCoalesceBatchesArticlesForMarian(t *testing.T) {
	dir := filepath.Dir(sharedtest.Path(t, "nmt", "opus-mt-tiny", "config.json"))
	const n, k = 5, 6
	lines := sharedtest.Lines(t, n*k, "eval", "newstest2013.fr")
	ctx := context.Background()
	m, err := marian.New(ctx, dir, marian.Options{})
	if err != nil {
		t.Fatal(err)
	}
	alone, err := NewPipeline(ctx, m, Settings{From: "fr", To: "en"})
	if err != nil {
		t.Fatal(err)
	}
	want := articles(lines, n, k)
	for _, d := range want {
		if _, err := alone.Translate(ctx, d); err != nil {
			t.Fatal(err)
		}
	}

	seam := &counting{Backend: m, gate: make(chan struct{})}
	c := Coalesce(seam, 2048).(*eachCoalescer)
	p, err := NewPipeline(ctx, c, Settings{From: "fr", To: "en"})
	if err != nil {
		t.Fatal(err)
	}
	mem := &storeAll{m: map[string]string{}}
	p.Memory = mem
	got := articles(lines, n, k)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for a, d := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[a] = p.Translate(ctx, d)
		}()
		if a == 0 { // the first article is sent alone and held
			waitFor(t, "the first request", func() bool { return seam.requests() == 1 })
		} else {
			queued(t, c.coalescer, a)
		}
	}
	close(seam.gate)
	wg.Wait()

	if fmt.Sprint(seam.sizes) != fmt.Sprint([]int{k, (n - 1) * k}) {
		t.Errorf("requests to the engine of %v segments, want %v: the articles were not gathered", seam.sizes, []int{k, (n - 1) * k})
	}
	for a := range n {
		if errs[a] != nil {
			t.Fatalf("article %d: %v", a, errs[a])
		}
		for i, b := range got[a].Blocks {
			g, w := b.Segments[0].Target, want[a].Blocks[i].Segments[0].Target
			if g != w || g == "" {
				t.Errorf("article %d line %d: gathered %q, alone %q", a, i+1, g, w)
			}
			if mem.m[b.Segments[0].Source] != g {
				t.Errorf("article %d line %d: not stored", a, i+1)
			}
		}
	}
}
