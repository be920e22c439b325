package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Key identifies a sentence to translate.
type Key struct {
	// From and To are the language codes ("fr", "en").
	From, To string
	// Source is the sentence, an HTML fragment when Markup is set.
	Source string
	Markup bool
	// Terms identifies the glossary entries that match Source
	// ([TermsKey]; "" with none). A machine translation is reused only
	// with the same Terms, so that changing an unrelated glossary entry
	// keeps it and changing a matching one does not.
	Terms string
}

// Status says where a translation came from.
type Status string

// The statuses of an entry.
const (
	Machine  Status = "machine"
	Approved Status = "approved"
)

// Entry is one stored translation.
type Entry struct {
	// Key is the sentence; its Terms are the glossary terms the
	// translation was made (or approved) with.
	Key    Key
	Status Status
	// Backend is the engine of a machine translation; for an approved
	// one, the engine of the draft the reviewer started from ("" when
	// there was none, as for imported entries).
	Backend string
	Target  string
	// By is who approved the translation (approved entries only).
	By string
	// ApprovedAt is the occurrence where an approved translation was
	// approved (zero when unknown, as for imported entries). [Memory.Get]
	// and [Dumper.Entries] fill it in.
	ApprovedAt Occurrence
	// Created is when the entry was first stored; Updated when its
	// Target last changed.
	Created, Updated time.Time
}

// Translation is a target for one key, as PutMachineBatch takes them.
type Translation struct {
	Key    Key
	Target string
}

// columns are the entry columns every query selects, in scanEntry's
// order.
const columns = `src_lang, tgt_lang, source, markup, terms, status, backend, target, approved_by, approved_doc, approved_pos, created, updated`

// scanEntry reads one row of columns.
func scanEntry(row interface{ Scan(...any) error }) (Entry, error) {
	var e Entry
	var created, updated int64
	err := row.Scan(&e.Key.From, &e.Key.To, &e.Key.Source, &e.Key.Markup, &e.Key.Terms,
		&e.Status, &e.Backend, &e.Target, &e.By, &e.ApprovedAt.Doc, &e.ApprovedAt.Pos, &created, &updated)
	e.Created, e.Updated = fromMillis(created), fromMillis(updated)
	return e, err
}

// Lookup returns the translation to reuse for k: the approved one if the
// sentence has one, whatever its backend and terms; otherwise the machine
// translation made by backend with the same Terms. ok is false when there
// is neither.
func (s *Store) Lookup(ctx context.Context, k Key, backend string) (e Entry, ok bool, err error) {
	row := s.stmts.lookup.QueryRowContext(ctx, k.From, k.To, k.Source, k.Markup, backend, k.Terms)
	var rank int
	var created, updated int64
	err = row.Scan(&rank, &e.Key.Terms, &e.Status, &e.Backend, &e.Target, &e.By, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, s.wrap(fmt.Errorf("failed to look up translation memory: %w", err))
	}
	e.Key.From, e.Key.To, e.Key.Source, e.Key.Markup = k.From, k.To, k.Source, k.Markup
	e.Created, e.Updated = fromMillis(created), fromMillis(updated)
	return e, true, nil
}

// PutMachine records backend's translation of k, replacing the one the
// same backend made with the same Terms. It is one transaction: once it
// returns, the entry survives a crash.
func (s *Store) PutMachine(ctx context.Context, k Key, backend, target string) error {
	if err := CheckTarget(k, target); err != nil {
		return err
	}
	now := millis(s.now())
	s.wmu.Lock()
	defer s.wmu.Unlock()
	_, err := s.stmts.putMachine.ExecContext(ctx, k.From, k.To, k.Source, k.Markup, backend, k.Terms, target, now, now)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to store translation: %w", err))
	}
	return nil
}

// PutMachineBatch records several of backend's translations in one
// transaction: all of them or, on error, none.
func (s *Store) PutMachineBatch(ctx context.Context, backend string, ts []Translation) error {
	if len(ts) == 0 {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to store translations: %w", err))
	}
	defer tx.Rollback()
	stmt := tx.StmtContext(ctx, s.stmts.putMachine)
	now := millis(s.now())
	for _, t := range ts {
		k := t.Key
		if err := CheckTarget(k, t.Target); err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, k.From, k.To, k.Source, k.Markup, backend, k.Terms, t.Target, now, now); err != nil {
			return s.wrap(fmt.Errorf("failed to store translations: %w", err))
		}
	}
	if err := tx.Commit(); err != nil {
		return s.wrap(fmt.Errorf("failed to store translations: %w", err))
	}
	return nil
}

// Get returns every translation of k's sentence, whatever their backend
// and terms: the approved one first, then machine translations, most
// recent first. k.Terms is ignored.
func (s *Store) Get(ctx context.Context, k Key) ([]Entry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM segments
		WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ?
		ORDER BY status = 'approved' DESC, updated DESC, id DESC`, k.From, k.To, k.Source, k.Markup)
	if err != nil {
		return nil, s.wrap(fmt.Errorf("failed to read translation memory: %w", err))
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, s.wrap(fmt.Errorf("failed to read translation memory: %w", err))
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(fmt.Errorf("failed to read translation memory: %w", err))
	}
	return out, nil
}

// statements are the queries run for every segment or article, prepared
// at Open.
type statements struct {
	lookup     *sql.Stmt
	occurrence *sql.Stmt
	putMachine *sql.Stmt
	lookupAll  *sql.Stmt
}

// lookupSQL finds the approved translation, else the machine translation
// by backend ?5 with terms ?6; the first column ranks them.
const lookupSQL = `
SELECT 0, terms, status, backend, target, approved_by, created, updated FROM segments
 WHERE src_lang = ?1 AND tgt_lang = ?2 AND source = ?3 AND markup = ?4 AND status = 'approved'
UNION ALL
SELECT 1, terms, status, backend, target, approved_by, created, updated FROM segments
 WHERE src_lang = ?1 AND tgt_lang = ?2 AND source = ?3 AND markup = ?4 AND status = 'machine'
   AND backend = ?5 AND terms = ?6
ORDER BY 1 LIMIT 1`

// putMachineSQL inserts or replaces a machine translation (?8 and ?9 are
// the created and updated times); an unchanged one is left alone, keeping
// its Updated time.
const putMachineSQL = `
INSERT INTO segments (src_lang, tgt_lang, source, markup, status, backend, terms, target, created, updated)
VALUES (?1, ?2, ?3, ?4, 'machine', ?5, ?6, ?7, ?8, ?9)
ON CONFLICT (src_lang, tgt_lang, source, markup, backend, terms) WHERE status = 'machine'
DO UPDATE SET target = excluded.target, updated = excluded.updated WHERE target <> excluded.target`

func (st *statements) prepare(ctx context.Context, db *sql.DB) error {
	var err error
	if st.lookup, err = db.PrepareContext(ctx, lookupSQL); err != nil {
		return err
	}
	if st.occurrence, err = db.PrepareContext(ctx, occurrenceSQL); err != nil {
		return err
	}
	if st.putMachine, err = db.PrepareContext(ctx, putMachineSQL); err != nil {
		return err
	}
	st.lookupAll, err = db.PrepareContext(ctx, lookupAllSQL)
	return err
}

func (st *statements) close() {
	for _, s := range []*sql.Stmt{st.lookup, st.occurrence, st.putMachine, st.lookupAll} {
		if s != nil {
			s.Close()
		}
	}
}
