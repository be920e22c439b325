package postgres_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/internal/pgtest"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/memorytest"
	"github.com/bitext/bitext/memory/postgres"
)

var ctx = context.Background()

func TestMain(m *testing.M) {
	if code, ok := childMain(); ok {
		os.Exit(code)
	}
	code := pgtest.Main(m)
	if benchStores.dir != "" {
		os.RemoveAll(benchStores.dir)
	}
	os.Exit(code)
}

// open opens a store on a new database.
func open(t testing.TB) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	memorytest.Run(t, func(t *testing.T) memory.Memory { return open(t) })
}

// TestMigrateBothWays moves a memory from SQLite to PostgreSQL and back:
// every entry, approval and occurrence record arrives, in order.
func TestMigrateBothWays(t *testing.T) {
	lite, err := memory.Open(ctx, filepath.Join(t.TempDir(), "memory.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	memorytest.Fill(t, lite)
	pg := open(t)
	defer pg.Close()
	if _, err := pg.Load(ctx, lite); err != nil {
		t.Fatal(err)
	}
	memorytest.Same(t, lite, pg)
	back, err := memory.Open(ctx, filepath.Join(t.TempDir(), "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	n, err := back.Load(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	if n != (memory.Counts{Machine: 4, Approved: 1, Edits: 2, Occurrences: 5}) {
		t.Errorf("counts = %+v", n)
	}
	memorytest.Same(t, lite, back)
}
