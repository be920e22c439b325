package review

import (
	"context"

	"sort"
	"strings"
	"sync"

	"github.com/bitext/bitext/memory"
)

// Key identifies a French segment in the translation memory: the language
// pair, the source sentence and whether it is an inline HTML fragment, and
// the occurrence under review (the article and the sentence's rank in it).
type Key struct {
	From, To string
	Source   string
	Markup   bool
	At       memory.Occurrence
}

// Record is what a [Store] knows of one segment.
type Record struct {
	// Machine is the machine draft ("" when unknown) and Backend the
	// engine that made it.
	Machine, Backend string
	// Approved is set when an editor approved Text.
	Approved bool
	// Text is the approved English when Approved is set.
	Text string
	// Deleted is set when the approval is the deletion of the
	// occurrence's English (Text is then "").
	Deleted bool
	// By names who approved it.
	By string
}

// Approval is one editor's decision on a segment.
type Approval struct {
	// Text is the approved English; "" approves the deletion of the
	// occurrence's English, which translate, publish and the bilingual
	// outputs then leave out.
	Text string
	// Machine and Backend are the machine draft the decision was made on,
	// kept beside the approval (edit statistics and glossary suggestions
	// compare the two).
	Machine, Backend string
	// By names the editor.
	By string
	// Seen is what applied to the segment when the editor began (the
	// unit's Record): a store shared by several editors refuses the
	// approval when another editor approved something else since
	// (memory.ErrConflict).
	Seen Record
}

// Store is the part of the translation memory review uses. Every method
// must be safe to call again after a crash: each call is one transaction,
// durable when it returns.
type Store interface {
	// Record returns what is known of k; ok is false when nothing is.
	Record(ctx context.Context, k Key) (rec Record, ok bool, err error)
	// Approve records a.Text as the human-approved English of k. The
	// machine draft is kept (and recorded if the store lacked it), and an
	// earlier approval goes into the history.
	Approve(ctx context.Context, k Key, a Approval) error
	// Unapprove withdraws k's approval mine (its Text and By, as Approve
	// recorded them), restoring the approval before it if there was one
	// (it undoes the last Approve). The draft stays. A store shared by
	// several editors withdraws nothing when another editor has approved
	// over mine since (memory.ErrConflict).
	Unapprove(ctx context.Context, k Key, mine Approval) error
}

// SimilarFinder is implemented by stores that can find the segment whose
// source is nearest to a new one (fuzzy matching). Review uses it to show
// how the French changed since a sentence was last approved.
type SimilarFinder interface {
	// Similar returns the most similar known source to k.Source that has an
	// approval, with its record; ok is false when none is close enough.
	Similar(ctx context.Context, k Key) (source string, rec Record, ok bool, err error)
}

// MemStore is a [Store] held in memory, for tests and for callers without
// a translation memory. It is safe for concurrent use.
type MemStore struct {
	mu      sync.Mutex
	records map[Key]Record
	history map[Key][]Record
}

var (
	_ Store         = (*MemStore)(nil)
	_ SimilarFinder = (*MemStore)(nil)
)

// NewMemStore returns an empty store.
func NewMemStore() *MemStore {
	return &MemStore{records: map[Key]Record{}, history: map[Key][]Record{}}
}

// Record implements [Store].
func (m *MemStore) Record(_ context.Context, k Key) (Record, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.records[k]
	return r, ok, nil
}

// PutMachine records a machine draft for k, as translate does.
func (m *MemStore) PutMachine(k Key, machine, backend string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.records[k]
	r.Machine, r.Backend = machine, backend
	m.records[k] = r
}

// Approve implements [Store].
func (m *MemStore) Approve(_ context.Context, k Key, a Approval) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.records[k]
	if ok {
		m.history[k] = append(m.history[k], r)
	}
	if r.Machine == "" && a.Machine != "" {
		r.Machine, r.Backend = a.Machine, a.Backend
	}
	r.Approved, r.Text, r.By, r.Deleted = true, a.Text, a.By, a.Text == ""
	m.records[k] = r
	return nil
}

// Unapprove implements [Store].
func (m *MemStore) Unapprove(_ context.Context, k Key, _ Approval) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	h := m.history[k]
	if len(h) == 0 {
		r := m.records[k]
		r.Approved, r.Text, r.By = false, "", ""
		m.records[k] = r
		return nil
	}
	m.records[k] = h[len(h)-1]
	m.history[k] = h[:len(h)-1]
	return nil
}

// Similar implements [SimilarFinder] by word overlap: the approved source
// sharing the most words with k.Source, if it shares at least 60% of them.
func (m *MemStore) Similar(_ context.Context, k Key) (string, Record, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var keys []Key
	for other, r := range m.records {
		if r.Approved && other.From == k.From && other.To == k.To && other.Source != k.Source {
			keys = append(keys, other)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Source < keys[j].Source })
	best, bestSim := -1, 0.6
	for i, other := range keys {
		if s := similarity(strings.ToLower(k.Source), strings.ToLower(other.Source)); s >= bestSim {
			best, bestSim = i, s
		}
	}
	if best < 0 {
		return "", Record{}, false, nil
	}
	return keys[best].Source, m.records[keys[best]], true, nil
}
