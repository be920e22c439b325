package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixedNow is the time tests record, a whole second so that TMX keeps it.
var fixedNow = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

// openTest opens a fresh memory in a temporary folder.
func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), ".bitext", "memory.db"))
}

func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return fixedNow }
	t.Cleanup(func() { s.Close() })
	return s
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestOpenCreatesCurrentSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out", ".bitext", "memory.db")
	s := openAt(t, path)
	if got := userVersion(t, path); got != SchemaVersion {
		t.Fatalf("user_version = %d, want %d", got, SchemaVersion)
	}
	if len(migrations) != SchemaVersion {
		t.Fatalf("%d migrations for schema version %d", len(migrations), SchemaVersion)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	var timeout, fk int
	if err := s.db.QueryRow("PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout != int(busyTimeout.Milliseconds()) {
		t.Fatalf("busy_timeout = %d, %v", timeout, err)
	}
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys = %d, %v", fk, err)
	}
	s.Close()
	// Opening again is a no-op migration and keeps the data.
	openAt(t, path).Close()
	if got := userVersion(t, path); got != SchemaVersion {
		t.Fatalf("user_version after reopen = %d", got)
	}
}

func TestOpenOddPaths(t *testing.T) {
	for _, name := range []string{"dépêches #3", "a?b", "100% AFP"} {
		path := filepath.Join(t.TempDir(), name, "memory.db")
		s := openAt(t, path)
		must(t, s.PutMachine(ctx, Key{From: "fr", To: "en", Source: "Bonjour."}, "apertium", "Hello."))
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("memory not at %s: %v", path, err)
		}
	}
}

// v1 is the database a bitext of schema version 1 wrote, with one
// machine translation.
func writeV1(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{
		migrations[0],
		"PRAGMA user_version = 1",
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		`INSERT INTO segments (src_lang, tgt_lang, source, markup, status, backend, terms, target, created, updated)
		 VALUES ('fr', 'en', 'M. Kim a quitté Séoul mardi.', 0, 'machine', 'apertium', '', 'Mr Kim left Seoul on Tuesday.', 1700000000000, 1700000000000)`,
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

func TestMigrateFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memory.db")
	writeV1(t, path)
	s := openAt(t, path)
	if got := userVersion(t, path); got != SchemaVersion {
		t.Fatalf("user_version = %d, want %d", got, SchemaVersion)
	}
	k := Key{From: "fr", To: "en", Source: "M. Kim a quitté Séoul mardi."}
	e, ok, err := s.Lookup(context.Background(), k, "apertium")
	if err != nil || !ok || e.Target != "Mr Kim left Seoul on Tuesday." {
		t.Fatalf("Lookup after migration = %+v, %v, %v", e, ok, err)
	}
	// The version 2 tables work on the migrated file.
	if err := s.Approve(context.Background(), k, "Mr Kim left Seoul on Tuesday.", "claire"); err != nil {
		t.Fatal(err)
	}
	h, err := s.History(context.Background(), k)
	if err != nil || len(h) != 1 || h[0].Backend != "apertium" || h[0].Edited() {
		t.Fatalf("History = %+v, %v", h, err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memory.db")
	openAt(t, path).Close()
	db, _ := sql.Open("sqlite", path)
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(context.Background(), path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v, want ErrNewerSchema", err)
	}
	for _, want := range []string{path, "version 99", "upgrade bitext"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestOpenRefusesDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	text := strings.Repeat("Selon l'agence Yonhap, M. Kim est arrivé à Séoul. ", 200)
	if err := os.WriteFile(garbage, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "truncated.db")
	s := openAt(t, truncated)
	fill(t, s, 3000)
	s.Close()
	fi, _ := os.Stat(truncated)
	if err := os.Truncate(truncated, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite", foreign)
	if _, err := db.Exec("CREATE TABLE clients (nom TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, path := range []string{garbage, truncated, foreign} {
		_, err := Open(context.Background(), path)
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("Open(%s) = %v, want ErrCorrupt", filepath.Base(path), err)
			continue
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "move it aside") {
			t.Errorf("error %q does not name the file and the way out", err)
		}
	}
}

// fill stores n machine translations.
func fill(t testing.TB, s *Store, n int) {
	t.Helper()
	ts := make([]Translation, n)
	for i := range ts {
		ts[i] = Translation{Key: Key{From: "fr", To: "en", Source: sentence(i)}, Target: "The sentence " + itoa(i)}
	}
	if err := s.PutMachineBatch(context.Background(), "apertium", ts); err != nil {
		t.Fatal(err)
	}
}
