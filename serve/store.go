package serve

import (
	"context"
	"sync"

	"github.com/bitext/bitext/review"
)

// memoStore is the translation memory as one opened article sees it: it
// remembers the records it read, because opening an article reads each
// segment's record twice (to map the working copy, then for the unit).
// Decisions go through to the memory and forget what they change. It
// lives as long as the article it was opened for.
type memoStore struct {
	review.MemoryStore
	mu      sync.Mutex
	records map[review.Key]memoRecord
}

type memoRecord struct {
	rec review.Record
	ok  bool
}

var (
	_ review.Store         = (*memoStore)(nil)
	_ review.SimilarFinder = (*memoStore)(nil)
)

func newMemoStore(s review.MemoryStore) *memoStore {
	return &memoStore{MemoryStore: s, records: map[review.Key]memoRecord{}}
}

// Record implements [review.Store].
func (m *memoStore) Record(ctx context.Context, k review.Key) (review.Record, bool, error) {
	m.mu.Lock()
	got, seen := m.records[k]
	m.mu.Unlock()
	if seen {
		return got.rec, got.ok, nil
	}
	rec, ok, err := m.MemoryStore.Record(ctx, k)
	if err == nil {
		m.mu.Lock()
		m.records[k] = memoRecord{rec, ok}
		m.mu.Unlock()
	}
	return rec, ok, err
}

// Approve implements [review.Store].
func (m *memoStore) Approve(ctx context.Context, k review.Key, a review.Approval) error {
	m.forget(k)
	return m.MemoryStore.Approve(ctx, k, a)
}

// Unapprove implements [review.Store].
func (m *memoStore) Unapprove(ctx context.Context, k review.Key, mine review.Approval) error {
	m.forget(k)
	return m.MemoryStore.Unapprove(ctx, k, mine)
}

func (m *memoStore) forget(k review.Key) {
	m.mu.Lock()
	delete(m.records, k)
	m.mu.Unlock()
}
