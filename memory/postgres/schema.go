package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/bitext/bitext/memory"
	"github.com/jackc/pgx/v5"
)

// migrations are the schema steps in order: migrations[i] takes a
// database from version i to version i+1. Never edit a released step;
// append one. Version 1 holds what the SQLite store's version 3 holds.
var migrations = []string{
	`CREATE TABLE bitext_meta (
		key   text PRIMARY KEY,
		value text NOT NULL
	);
	CREATE TABLE segments (
		id           bigserial PRIMARY KEY,
		hash         bytea NOT NULL,
		src_lang     text NOT NULL,
		tgt_lang     text NOT NULL,
		source       text NOT NULL,
		markup       boolean NOT NULL DEFAULT false,
		status       text NOT NULL CHECK (status IN ('machine', 'approved')),
		backend      text NOT NULL DEFAULT '',
		terms        text NOT NULL DEFAULT '',
		target       text NOT NULL,
		approved_by  text NOT NULL DEFAULT '',
		approved_doc text NOT NULL DEFAULT '',
		approved_pos integer NOT NULL DEFAULT 0,
		created      bigint NOT NULL,
		updated      bigint NOT NULL
	);
	CREATE UNIQUE INDEX segments_machine ON segments (hash, backend, terms) WHERE status = 'machine';
	CREATE UNIQUE INDEX segments_approved ON segments (hash) WHERE status = 'approved';
	CREATE TABLE edits (
		id      bigserial PRIMARY KEY,
		segment bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
		backend text NOT NULL,
		draft   text NOT NULL,
		prev    text NOT NULL,
		target  text NOT NULL,
		editor  text NOT NULL,
		at      bigint NOT NULL
	);
	CREATE INDEX edits_segment ON edits (segment);
	CREATE TABLE occurrences (
		id       bigserial PRIMARY KEY,
		hash     bytea NOT NULL,
		src_lang text NOT NULL,
		tgt_lang text NOT NULL,
		source   text NOT NULL,
		markup   boolean NOT NULL DEFAULT false,
		doc      text NOT NULL,
		pos      integer NOT NULL,
		kind     text NOT NULL CHECK (kind IN ('draft', 'alternative', 'deleted', 'approved')),
		target   text NOT NULL,
		editor   text NOT NULL DEFAULT '',
		updated  bigint NOT NULL
	);
	CREATE UNIQUE INDEX occurrences_slot ON occurrences (hash, doc, pos, (kind = 'draft'));
	CREATE INDEX occurrences_doc ON occurrences (doc);`,
}

// SchemaVersion is the schema version this package writes.
const SchemaVersion = 1

// Advisory lock classes (the first key of PostgreSQL's two-key advisory
// locks): the migration, a sentence, an output folder.
const (
	lockMigrate  = 0x62747831 // "btx1"
	lockSentence = 0x62747832
	lockFolder   = 0x62747833
)

// migrate brings the database to SchemaVersion in one transaction.
func (s *Store) migrate(ctx context.Context) error {
	return s.inTx(ctx, "failed to prepare translation memory", func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, 0)`, lockMigrate); err != nil {
			return err
		}
		version, err := s.version(ctx, tx)
		if err != nil {
			return err
		}
		if version > SchemaVersion {
			return fmt.Errorf("%w: %s has schema version %d, this bitext knows up to %d; upgrade bitext",
				memory.ErrNewerSchema, s.name, version, SchemaVersion)
		}
		for v := version; v < SchemaVersion; v++ {
			if _, err := tx.Exec(ctx, migrations[v]); err != nil {
				return fmt.Errorf("failed to migrate to version %d: %w", v+1, err)
			}
		}
		_, err = tx.Exec(ctx, `INSERT INTO bitext_meta (key, value) VALUES ('schema_version', $1)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(SchemaVersion))
		return err
	})
}

// version reads the schema version: 0 for a database without bitext's
// tables. Tables named like bitext's but without its version are another
// program's.
func (s *Store) version(ctx context.Context, tx pgx.Tx) (int, error) {
	var meta, segments bool
	err := tx.QueryRow(ctx, `SELECT to_regclass('bitext_meta') IS NOT NULL, to_regclass('segments') IS NOT NULL`).Scan(&meta, &segments)
	if err != nil {
		return 0, err
	}
	if !meta {
		if segments {
			return 0, fmt.Errorf("%w: %s has a table named segments that bitext did not make; use another database or schema (?search_path=…)",
				memory.ErrCorrupt, s.name)
		}
		return 0, nil
	}
	var v string
	err = tx.QueryRow(ctx, `SELECT value FROM bitext_meta WHERE key = 'schema_version'`).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(v)
}
