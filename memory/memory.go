package memory

import (
	"context"
	"io"
)

// Memory is a translation memory as bitext's batch engine, review,
// publishing and the memory commands use it. [Store] (SQLite, one output
// folder) implements it, and so does the PostgreSQL memory a desk shares
// (package memory/postgres); memory/memorytest checks an implementation
// against the contract below.
//
// Every method is safe for concurrent use, by several goroutines and by
// several processes sharing the memory, and every method that writes is
// one transaction, durable when it returns: a crash never leaves half of
// a call. Keys are compared exactly (From, To, Source, Markup); Terms only
// where said.
type Memory interface {
	// LookupAt returns the translation to reuse for k at the occurrence
	// at (see [Store.LookupAt]): an alternative or a deletion approved
	// there, else the sentence's default approved translation, whatever
	// the backend and terms, else the machine translation by backend with
	// k's Terms. ok is false when there is none.
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
	// ApproveAt approves target at an occurrence, whatever was approved
	// there before: the sentence's default if it has none (or was
	// approved at this occurrence), else an alternative for this
	// occurrence; see [Store.ApproveAt].
	ApproveAt(ctx context.Context, k Key, at Occurrence, target, by string) (Kind, error)
	// ApproveIf is ApproveAt (or DeleteAt, for an empty target) for an
	// editor who saw seen at the occurrence when they began: when another
	// editor has since approved something else there, it writes nothing
	// and returns a [*ConflictError] (see [CheckSeen]).
	ApproveIf(ctx context.Context, k Key, at Occurrence, seen Seen, target, by string) (Kind, error)
	// DeleteAt approves the deletion of an occurrence's English.
	DeleteAt(ctx context.Context, k Key, at Occurrence, by string) error
	// UnapproveAt withdraws the last approval made at an occurrence.
	UnapproveAt(ctx context.Context, k Key, at Occurrence) error
	// UnapproveIf is UnapproveAt for an editor taking back their own
	// approval, mine (the text, or the deletion): when what applies at
	// the occurrence now is not that approval by by, another editor
	// approved since, and it writes nothing and returns a
	// [*ConflictError]. With nothing approved there, it does nothing.
	UnapproveIf(ctx context.Context, k Key, at Occurrence, mine Seen, by string) error
	// PutDraft and DeleteDraft keep an editor's unapproved change to an
	// occurrence.
	PutDraft(ctx context.Context, k Key, at Occurrence, text string) error // "": a deletion
	DeleteDraft(ctx context.Context, k Key, at Occurrence) error
	// Occurrences returns the drafts, alternatives, deletions and
	// approvals recorded for the article doc, in the order they were
	// stored.
	Occurrences(ctx context.Context, doc string) ([]OccurrenceRecord, error)
	// Fuzzy returns entries whose source is similar to source (see
	// [Store.Fuzzy]).
	Fuzzy(ctx context.Context, from, to, source string, threshold float64, limit int) ([]FuzzyMatch, error)
	// Stats counts the memory's entries ([Stats]).
	Stats(ctx context.Context) (Stats, error)

	Dumper

	// ImportTMX adds the units of a TMX document in one transaction (see
	// [Store.ImportTMX] and [ReadTMX]).
	ImportTMX(ctx context.Context, r io.Reader) (ImportStats, error)
	// Load copies every entry, approval and occurrence record of from into
	// this memory, which must be empty, in one transaction ([ErrNotEmpty]
	// otherwise), and counts what it copied. Entries keep their dates,
	// editors and order.
	Load(ctx context.Context, from Dumper) (Counts, error)
	// Close releases the memory.
	Close() error
}

// Dumper reads a whole memory, for export and migration. Each method
// calls fn once per item until fn returns an error, which it returns.
type Dumper interface {
	// Entries reads every entry, in the order they were stored.
	Entries(ctx context.Context, fn func(Entry) error) error
	// Edits reads every approval in the history, oldest first (see
	// [Store.Edits]).
	Edits(ctx context.Context, fn func(Edit) error) error
	// EachOccurrence reads every occurrence record, in the order they were
	// stored.
	EachOccurrence(ctx context.Context, fn func(OccurrenceRecord) error) error
}

var _ Memory = (*Store)(nil)
