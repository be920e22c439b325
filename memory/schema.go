package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// applicationID marks a SQLite file as a bitext memory ("btxt").
const applicationID = 0x62747874

// migrations are the schema steps in order: migrations[i] takes a memory
// from version i to version i+1. Never edit a released step; append one.
var migrations = []string{
	// 1: machine translations and approved ones, one table.
	`CREATE TABLE segments (
		id       INTEGER PRIMARY KEY,
		src_lang TEXT NOT NULL,
		tgt_lang TEXT NOT NULL,
		source   TEXT NOT NULL,
		markup   INTEGER NOT NULL DEFAULT 0,
		status   TEXT NOT NULL CHECK (status IN ('machine', 'approved')),
		backend  TEXT NOT NULL DEFAULT '',
		terms    TEXT NOT NULL DEFAULT '',
		target   TEXT NOT NULL,
		created  INTEGER NOT NULL,
		updated  INTEGER NOT NULL
	);
	CREATE UNIQUE INDEX segments_machine
		ON segments (src_lang, tgt_lang, source, markup, backend, terms) WHERE status = 'machine';
	CREATE UNIQUE INDEX segments_approved
		ON segments (src_lang, tgt_lang, source, markup) WHERE status = 'approved';`,

	// 2: who approved, and the history of every approval for review
	// statistics and glossary suggestions.
	`ALTER TABLE segments ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';
	CREATE TABLE edits (
		id      INTEGER PRIMARY KEY,
		segment INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
		backend TEXT NOT NULL,
		draft   TEXT NOT NULL,
		prev    TEXT NOT NULL,
		target  TEXT NOT NULL,
		editor  TEXT NOT NULL,
		at      INTEGER NOT NULL
	);
	CREATE INDEX edits_segment ON edits (segment);`,

	// 3: what belongs to one occurrence of a sentence: editors' drafts,
	// approvals that differ from the sentence's default (alternatives),
	// deletions; and where the default approval was made.
	`ALTER TABLE segments ADD COLUMN approved_doc TEXT NOT NULL DEFAULT '';
	ALTER TABLE segments ADD COLUMN approved_pos INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE occurrences (
		id       INTEGER PRIMARY KEY,
		src_lang TEXT NOT NULL,
		tgt_lang TEXT NOT NULL,
		source   TEXT NOT NULL,
		markup   INTEGER NOT NULL DEFAULT 0,
		doc      TEXT NOT NULL,
		pos      INTEGER NOT NULL,
		kind     TEXT NOT NULL CHECK (kind IN ('draft', 'alternative', 'deleted', 'approved')),
		target   TEXT NOT NULL,
		editor   TEXT NOT NULL DEFAULT '',
		updated  INTEGER NOT NULL
	);
	CREATE UNIQUE INDEX occurrences_slot
		ON occurrences (src_lang, tgt_lang, source, markup, doc, pos, kind = 'draft');
	CREATE INDEX occurrences_doc ON occurrences (doc);`,
}

// SchemaVersion is the schema version this package writes: the number of
// migrations.
const SchemaVersion = 3

// migrate brings the file to SchemaVersion in one transaction, so that two
// processes opening a new memory at once do not both migrate it.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("failed to open translation memory %s: %w", s.path, err)
	}
	defer conn.Close()
	version, err := s.checkHeader(ctx, conn)
	if err != nil || version == SchemaVersion {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("failed to migrate translation memory %s: %w", s.path, err)
	}
	defer tx.Rollback()
	if err := s.applyMigrations(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("failed to migrate translation memory %s: %w", s.path, err)
	}
	return nil
}

// checkHeader reads the schema version and refuses foreign and newer
// files.
func (s *Store) checkHeader(ctx context.Context, conn *sql.Conn) (int, error) {
	var app, version int
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return 0, fmt.Errorf("failed to read translation memory %s: %w", s.path, err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, fmt.Errorf("failed to read translation memory %s: %w", s.path, err)
	}
	if app != 0 && app != applicationID {
		return 0, s.corrupt(fmt.Errorf("application id %#x", app))
	}
	if app == 0 && version != 0 {
		return 0, s.corrupt(errors.New("an SQLite database of another program"))
	}
	if version > SchemaVersion {
		return 0, &fileError{path: s.path, err: ErrNewerSchema,
			cause:  fmt.Errorf("schema version %d, this bitext knows up to %d", version, SchemaVersion),
			advice: "upgrade bitext, or move the file aside to start a new memory"}
	}
	return version, nil
}

// applyMigrations runs the missing steps inside tx, reading the version
// again now that the write lock is held.
func (s *Store) applyMigrations(ctx context.Context, tx *sql.Tx) error {
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("failed to read translation memory %s: %w", s.path, err)
	}
	if version == 0 {
		if err := s.checkEmpty(ctx, tx); err != nil {
			return err
		}
	}
	for v := version; v < SchemaVersion; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("failed to migrate translation memory %s to version %d: %w", s.path, v+1, err)
		}
	}
	stmt := fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", SchemaVersion, applicationID)
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("failed to migrate translation memory %s: %w", s.path, err)
	}
	return nil
}

// checkEmpty refuses to add bitext's tables to another program's
// database.
func (s *Store) checkEmpty(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return fmt.Errorf("failed to read translation memory %s: %w", s.path, err)
	}
	if n > 0 {
		return s.corrupt(errors.New("an SQLite database of another program"))
	}
	return nil
}
