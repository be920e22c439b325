package postgres_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/bitext/bitext/internal/pgtest"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/jackc/pgx/v5"
)

func execSQL(t *testing.T, url, sql string) {
	t.Helper()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatal(err)
	}
}

// TestOpenAtOnce: processes opening a new database at once migrate it
// once; every one of them gets a working memory.
func TestOpenAtOnce(t *testing.T) {
	url := pgtest.URL(t)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for range 6 {
		wg.Go(func() {
			s, err := postgres.Open(ctx, url)
			if err == nil {
				err = s.PutMachine(ctx, memory.Key{From: "fr", To: "en", Source: "Bonjour."}, "fake", "Hello.")
				s.Close()
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestNewerSchemaRefused: a database a newer bitext migrated is refused,
// untouched.
func TestNewerSchemaRefused(t *testing.T) {
	url := pgtest.URL(t)
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	execSQL(t, url, `UPDATE bitext_meta SET value = '99' WHERE key = 'schema_version'`)
	if _, err := postgres.Open(ctx, url); !errors.Is(err, memory.ErrNewerSchema) {
		t.Fatalf("a newer schema: %v", err)
	}
}

// TestAnotherProgramsTables: bitext does not write into another
// program's table named segments.
func TestAnotherProgramsTables(t *testing.T) {
	url := pgtest.URL(t)
	execSQL(t, url, `CREATE TABLE segments (id int)`)
	if _, err := postgres.Open(ctx, url); !errors.Is(err, memory.ErrCorrupt) {
		t.Fatalf("another program's segments table: %v", err)
	}
	// In a schema of its own, bitext lives beside it.
	execSQL(t, url, `CREATE SCHEMA bitext`)
	s, err := postgres.Open(ctx, url+"&search_path=bitext")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}
