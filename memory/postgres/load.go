package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/bitext/bitext/memory"
	"github.com/jackc/pgx/v5"
)

// ImportTMX adds the units of a TMX document in one transaction (see
// [memory.ReadTMX]); an approved unit replaces the approved translation of
// its sentence.
func (s *Store) ImportTMX(ctx context.Context, r io.Reader) (memory.ImportStats, error) {
	var st memory.ImportStats
	var readErr error
	err := s.inTx(ctx, "failed to import TMX", func(tx pgx.Tx) error {
		st, readErr = memory.ReadTMX(ctx, r, s.now(), func(e memory.Entry) (memory.Change, error) {
			if err := lockSentenceTx(ctx, tx, hash(e.Key)); err != nil {
				return memory.Unchanged, err
			}
			if e.Status == memory.Approved {
				return s.approve(ctx, tx, e.Key, e.Target, e.By, e.Backend, e.Created, e.Updated)
			}
			return s.putMachineTx(ctx, tx, e)
		})
		return readErr
	})
	if readErr != nil {
		return memory.ImportStats{}, s.scrub(readErr) // the reader's own words
	}
	if err != nil {
		return memory.ImportStats{}, err
	}
	return st, nil
}

// putMachineTx stores an imported machine translation with its dates and
// says what it did.
func (s *Store) putMachineTx(ctx context.Context, tx pgx.Tx, e memory.Entry) (memory.Change, error) {
	k, h := e.Key, hash(e.Key)
	var old string
	err := tx.QueryRow(ctx, `SELECT target FROM segments WHERE hash = $1 AND status = 'machine' AND backend = $2 AND terms = $3`,
		h, e.Backend, k.Terms).Scan(&old)
	ch := memory.Updated
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		ch = memory.Added
	case err != nil:
		return memory.Unchanged, err
	case old == e.Target:
		return memory.Unchanged, nil
	}
	_, err = tx.Exec(ctx, putMachineSQL, h, k.From, k.To, k.Source, k.Markup, e.Backend, k.Terms, e.Target,
		millis(e.Created), millis(e.Updated))
	if err != nil {
		return memory.Unchanged, err
	}
	return ch, nil
}

// Load copies the whole memory from into s, which must be empty, in one
// transaction, with COPY.
func (s *Store) Load(ctx context.Context, from memory.Dumper) (memory.Counts, error) {
	var n memory.Counts
	err := s.inTx(ctx, "failed to load translation memory", func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `LOCK TABLE segments, occurrences IN EXCLUSIVE MODE`); err != nil {
			return err
		}
		var count int
		if err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM segments) + (SELECT count(*) FROM occurrences)`).Scan(&count); err != nil {
			return err
		}
		if count > 0 {
			return fmt.Errorf("%w: %s holds %d entries", memory.ErrNotEmpty, s.name, count)
		}
		if err := loadEntries(ctx, tx, from, &n); err != nil {
			return err
		}
		if err := loadEdits(ctx, tx, from, &n); err != nil {
			return err
		}
		return loadOccurrences(ctx, tx, from, &n)
	})
	return n, err
}

func loadEntries(ctx context.Context, tx pgx.Tx, from memory.Dumper, n *memory.Counts) error {
	cols := []string{"hash", "src_lang", "tgt_lang", "source", "markup", "terms", "status", "backend", "target",
		"approved_by", "approved_doc", "approved_pos", "created", "updated"}
	_, err := copyRows(ctx, tx, "segments", cols, func(send func(...any) error) error {
		return from.Entries(ctx, func(e memory.Entry) error {
			if e.Status == memory.Approved {
				n.Approved++
			} else {
				n.Machine++
			}
			k := e.Key
			return send(hash(k), k.From, k.To, k.Source, k.Markup, k.Terms, string(e.Status), e.Backend, e.Target,
				e.By, e.ApprovedAt.Doc, e.ApprovedAt.Pos, millis(e.Created), millis(e.Updated))
		})
	})
	return err
}

// loadEdits copies the approvals into a temporary table, then gives each
// its approved segment.
func loadEdits(ctx context.Context, tx pgx.Tx, from memory.Dumper, n *memory.Counts) error {
	_, err := tx.Exec(ctx, `CREATE TEMPORARY TABLE load_edits (ord bigserial, hash bytea, backend text, draft text,
		prev text, target text, editor text, at bigint) ON COMMIT DROP`)
	if err != nil {
		return err
	}
	cols := []string{"hash", "backend", "draft", "prev", "target", "editor", "at"}
	copied, err := copyRows(ctx, tx, "load_edits", cols, func(send func(...any) error) error {
		return from.Edits(ctx, func(e memory.Edit) error {
			n.Edits++
			return send(hash(e.Key), e.Backend, e.Draft, e.Prev, e.Target, e.By, millis(e.At))
		})
	})
	if err != nil {
		return err
	}
	tag, err := tx.Exec(ctx, `INSERT INTO edits (segment, backend, draft, prev, target, editor, at)
		SELECT s.id, l.backend, l.draft, l.prev, l.target, l.editor, l.at FROM load_edits l
		JOIN segments s ON s.hash = l.hash AND s.status = 'approved' ORDER BY l.ord`)
	if err != nil {
		return err
	}
	if tag.RowsAffected() != copied {
		return fmt.Errorf("%d of %d approvals have no approved translation to belong to", copied-tag.RowsAffected(), copied)
	}
	return nil
}

func loadOccurrences(ctx context.Context, tx pgx.Tx, from memory.Dumper, n *memory.Counts) error {
	cols := []string{"hash", "src_lang", "tgt_lang", "source", "markup", "doc", "pos", "kind", "target", "editor", "updated"}
	_, err := copyRows(ctx, tx, "occurrences", cols, func(send func(...any) error) error {
		return from.EachOccurrence(ctx, func(r memory.OccurrenceRecord) error {
			n.Occurrences++
			k := r.Key
			return send(hash(k), k.From, k.To, k.Source, k.Markup, r.At.Doc, r.At.Pos, string(r.Kind), r.Target, r.By, millis(r.Updated))
		})
	})
	return err
}

// errStopped ends a producer whose COPY failed.
var errStopped = errors.New("copy stopped")

// copyRows copies the rows produce sends into table with COPY, produce
// running beside it, and returns how many were copied.
func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, produce func(send func(...any) error) error) (int64, error) {
	src := &chanSource{rows: make(chan []any, 256)}
	done := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		defer close(src.rows)
		errc <- produce(func(row ...any) error {
			select {
			case src.rows <- row:
				return nil
			case <-done:
				return errStopped
			}
		})
	}()
	copied, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src)
	close(done)
	for range src.rows { // let the producer end
	}
	if perr := <-errc; perr != nil && !errors.Is(perr, errStopped) {
		return copied, perr
	}
	return copied, err
}

// chanSource is a pgx.CopyFromSource reading rows from a channel.
type chanSource struct {
	rows chan []any
	cur  []any
}

func (c *chanSource) Next() bool {
	row, ok := <-c.rows
	c.cur = row
	return ok
}

func (c *chanSource) Values() ([]any, error) { return c.cur, nil }

func (c *chanSource) Err() error { return nil }
