// Package postgres is the translation memory a desk shares, on
// PostgreSQL: the same [memory.Memory] as the SQLite store of an output
// folder, for many bitext processes on many machines at once (translate
// runs, reviews, the nightly batch).
//
// # Connecting
//
// [Open] takes a PostgreSQL URL, as libpq reads it:
// postgres://editor@db.example/bitext, or through a Unix socket
// postgres:///bitext?host=/run/postgresql. The password comes from the
// URL, PGPASSWORD or ~/.pgpass (PGPASSFILE); the other PG* variables
// apply too. The password never appears in an error or in [Store.Name]:
// every error the package returns has it scrubbed. The driver is pgx
// (github.com/jackc/pgx/v5) with its connection pool.
//
// # Schema
//
// The tables are those of the SQLite store (segments, edits, occurrences)
// plus a hash of each sentence's key (SHA-256 of the languages, the markup
// flag and the source) that the unique indexes use, so that sentences of
// any length are indexed. The schema is versioned in the table
// bitext_meta and migrated by [Open] in one transaction, under an advisory
// lock so that processes opening a new database at once do not both
// migrate it. A database from a newer bitext is refused
// ([memory.ErrNewerSchema]); so is one whose tables belong to another
// program.
//
// # Concurrency
//
// Every write is one transaction. Those that change what is approved or
// recorded for a sentence (approvals, deletions, drafts, imports) take a
// transaction-level advisory lock on the sentence first, so that two
// processes approving the same sentence take turns and neither approval
// is lost or doubled; [memory.Memory.ApproveIf] then sees the other's
// approval and refuses with a [memory.ConflictError]. Machine
// translations are upserts. [Store.LockFolder] holds a session-level
// advisory lock for an output folder that several machines write.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is a translation memory in a PostgreSQL database. It is safe for
// concurrent use.
type Store struct {
	pool *pgxpool.Pool
	// name is the URL without its password, for messages.
	name string
	// secret is the password in use, scrubbed from every error.
	secret string
	// now returns the time recorded with writes.
	now   func() time.Time
	fuzzy memory.FuzzyIndex
	mu    sync.Mutex // guards closed
	// closed is set by Close.
	closed bool
}

var _ memory.Memory = (*Store)(nil)

// IsURL reports whether location names a PostgreSQL database rather than
// a file.
func IsURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// Open connects to the database at rawURL and migrates it to the current
// schema, creating the tables in an empty database.
func Open(ctx context.Context, rawURL string) (*Store, error) {
	name := Redact(rawURL)
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		// pgx's parse errors redact the password only on a best effort.
		return nil, fmt.Errorf("translation memory %s: not a valid PostgreSQL URL", name)
	}
	s := &Store{name: name, secret: cfg.ConnConfig.Password, now: time.Now}
	host, _ := os.Hostname()
	cfg.ConnConfig.RuntimeParams["application_name"] = fmt.Sprintf("bitext %d@%s", os.Getpid(), host)
	cfg.MaxConns = max(cfg.MaxConns, 8)
	s.pool, err = pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, s.fail("failed to open translation memory", err)
	}
	if err := s.migrate(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	return s, nil
}

// Name returns the database's URL without its password.
func (s *Store) Name() string { return s.name }

// Close closes every connection. Later calls do nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		s.pool.Close()
	}
	return nil
}

// Redact returns rawURL with its password, in the user part or the query,
// replaced by xxxxx; a URL that cannot be parsed gives only its scheme.
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		scheme, _, _ := strings.Cut(rawURL, "://")
		return scheme + "://(a URL that cannot be parsed)"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	for k := range q {
		if strings.Contains(strings.ToLower(k), "password") {
			q.Set(k, "xxxxx")
		}
	}
	u.RawQuery = q.Encode()
	s, _ := url.PathUnescape(u.String())
	return s
}

// fail wraps err for doing, naming the database and scrubbing the
// password.
func (s *Store) fail(doing string, err error) error {
	return s.scrub(fmt.Errorf("%s %s: %w", doing, s.name, err))
}

// scrub hides the password in err's text; the error chain is kept only
// where it does not hold the password.
func (s *Store) scrub(err error) error {
	if err == nil || s.secret == "" || !strings.Contains(err.Error(), s.secret) {
		return err
	}
	return &scrubbed{msg: strings.ReplaceAll(err.Error(), s.secret, "xxxxx"), canceled: errors.Is(err, context.Canceled)}
}

// scrubbed is an error whose text held the password.
type scrubbed struct {
	msg      string
	canceled bool
}

func (e *scrubbed) Error() string { return e.msg }

func (e *scrubbed) Unwrap() error {
	if e.canceled {
		return context.Canceled
	}
	return nil
}

// millis converts t to the stored form.
func millis(t time.Time) int64 { return t.UnixMilli() }

// fromMillis converts a stored time back.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// inTx runs f in one transaction; what failed is named by doing.
func (s *Store) inTx(ctx context.Context, doing string, f func(pgx.Tx) error) error {
	err := pgx.BeginFunc(ctx, s.pool, f)
	if err != nil {
		var ce *memory.ConflictError
		if errors.As(err, &ce) || errors.Is(err, memory.ErrNotEmpty) || errors.Is(err, memory.ErrEmptyTranslation) {
			return s.scrub(fmt.Errorf("%s: %w", doing, err))
		}
		return s.fail(doing+" in", err)
	}
	return nil
}
