package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"modernc.org/sqlite"
)

// DefaultPath is where a memory lives inside an output folder.
const DefaultPath = ".bitext/memory.db"

// ErrCorrupt is wrapped by errors for a memory file that is damaged or is
// not a bitext memory.
var ErrCorrupt = errors.New("translation memory is damaged")

// ErrNewerSchema is wrapped by the error Open returns for a memory written
// by a newer version of bitext.
var ErrNewerSchema = errors.New("translation memory is from a newer bitext")

// busyTimeout is how long a writer waits for another one to finish.
const busyTimeout = 30 * time.Second

// Store is an open translation memory. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// now returns the time recorded with writes (time.Now; tests fix it).
	now   func() time.Time
	stmts statements
	fuzzy FuzzyIndex
	// wmu serialises this Store's writes, which SQLite would otherwise
	// make wait for each other by sleeping and polling.
	wmu sync.Mutex
	mu  sync.Mutex // guards closed
	// closed is set by Close.
	closed bool
}

// Open opens the memory at path, creating it and its folder if needed,
// and migrates it to the current schema. It refuses a file written by a
// newer bitext ([ErrNewerSchema]) and a damaged file or one that is not a
// bitext memory ([ErrCorrupt]); both errors name the file and say what to
// do.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("failed to create folder for translation memory: %w", err)
	}
	name, err := dsn(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return nil, fmt.Errorf("failed to open translation memory %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: time.Now}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// dsn is the driver's name for path (a file: URI, so that any character
// may occur in it) with the settings every connection needs: WAL, a busy
// timeout, foreign keys, and write transactions that take the write lock
// when they begin (so that waiting writers use the busy timeout instead of
// failing on a lock upgrade).
func dsn(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("translation memory %s: %w", path, err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: fmt.Sprintf(
		"_busy_timeout=%d&_journal_mode=WAL&_synchronous=NORMAL&_foreign_keys=1&_txlock=immediate",
		busyTimeout.Milliseconds())}
	return u.String(), nil
}

func (s *Store) init(ctx context.Context) error {
	if err := s.migrate(ctx); err != nil {
		return s.wrap(err)
	}
	if err := s.quickCheck(ctx); err != nil {
		return err
	}
	if err := s.stmts.prepare(ctx, s.db); err != nil {
		return s.wrap(fmt.Errorf("failed to prepare translation memory queries: %w", err))
	}
	return nil
}

// quickCheck verifies the file's structure, which catches truncated and
// overwritten files before they give wrong answers. It reads the whole
// file once (about 0.1 s for 100,000 entries).
func (s *Store) quickCheck(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		return s.wrap(fmt.Errorf("failed to check translation memory: %w", err))
	}
	if res != "ok" {
		return s.corrupt(errors.New(res))
	}
	return nil
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the database. Later calls return an error.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.stmts.close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("failed to close translation memory %s: %w", s.path, err)
	}
	return nil
}

// SQLite result codes that mean the file is damaged or not a database.
const (
	sqliteCorrupt = 11
	sqliteNotADB  = 26
)

// wrap turns SQLite's damage reports into an error wrapping ErrCorrupt.
func (s *Store) wrap(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqliteCorrupt, sqliteNotADB:
			return s.corrupt(err)
		}
	}
	return err
}

// corrupt is the error for a damaged memory file, with the way out.
func (s *Store) corrupt(cause error) error {
	return &fileError{path: s.path, err: ErrCorrupt, cause: cause,
		advice: "move it aside (and its -wal and -shm files); bitext will start a new memory"}
}

// fileError is a problem with the memory file as a whole.
type fileError struct {
	path   string
	err    error // the sentinel
	cause  error
	advice string
}

func (e *fileError) Error() string {
	return fmt.Sprintf("%s: %s (%v); %s", e.path, e.err, e.cause, e.advice)
}

func (e *fileError) Unwrap() []error { return []error{e.err, e.cause} }

// millis converts t to the stored form.
func millis(t time.Time) int64 { return t.UnixMilli() }

// fromMillis converts a stored time back.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }
