package memory

import "context"

// Memory is a translation memory as bitext's batch engine, review and
// publishing use it. [Store] (SQLite, one output folder) implements it; a
// store shared by a team (PostgreSQL) can implement it too, and
// memory/memorytest checks an implementation against the contract below.
//
// Every method is safe for concurrent use, and every method that writes
// is one transaction, durable when it returns: a crash never leaves half
// of a call. Keys are compared exactly (From, To, Source, Markup); Terms
// only where said.
type Memory interface {
	// Lookup returns the translation to reuse for k at the occurrence at
	// (see [Store.LookupAt]): an alternative or a deletion approved there,
	// else the sentence's default approved translation, whatever the
	// backend and terms, else the machine translation by backend with k's
	// Terms. ok is false when there is none.
	LookupAt(ctx context.Context, k Key, backend string, at Occurrence) (e Entry, ok bool, err error)
	// PutMachine records backend's translation of k (with k's Terms),
	// replacing the one the same backend made with the same Terms. An
	// empty target for a sentence with text is refused
	// ([ErrEmptyTranslation]).
	PutMachine(ctx context.Context, k Key, backend, target string) error
	// Get returns every translation of k's sentence: the default approved
	// one first, then machine translations, most recent first.
	Get(ctx context.Context, k Key) ([]Entry, error)
	// History returns the approvals of k's default translation, oldest
	// first.
	History(ctx context.Context, k Key) ([]Edit, error)
	// ApproveAt approves target at an occurrence: the sentence's default
	// if it has none (or was approved at this occurrence), else an
	// alternative for this occurrence; see [Store.ApproveAt].
	ApproveAt(ctx context.Context, k Key, at Occurrence, target, by string) (Kind, error)
	// DeleteAt approves the deletion of an occurrence's English.
	DeleteAt(ctx context.Context, k Key, at Occurrence, by string) error
	// UnapproveAt withdraws the last approval made at an occurrence.
	UnapproveAt(ctx context.Context, k Key, at Occurrence) error
	// PutDraft and DeleteDraft keep an editor's unapproved change to an
	// occurrence.
	PutDraft(ctx context.Context, k Key, at Occurrence, text string) error // "": a deletion
	DeleteDraft(ctx context.Context, k Key, at Occurrence) error
	// Occurrences returns the drafts, alternatives, deletions and
	// approvals recorded for the article doc.
	Occurrences(ctx context.Context, doc string) ([]OccurrenceRecord, error)
	// Fuzzy returns entries whose source is similar to source (see
	// [Store.Fuzzy]).
	Fuzzy(ctx context.Context, from, to, source string, threshold float64, limit int) ([]FuzzyMatch, error)
	// Close releases the memory.
	Close() error
}

var _ Memory = (*Store)(nil)
