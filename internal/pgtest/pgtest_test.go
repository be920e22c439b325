package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestDatabases gets two databases on the shared cluster: each is empty
// and they are distinct.
func TestDatabases(t *testing.T) {
	ctx := context.Background()
	a, b := URL(t), URL(t)
	if a == b {
		t.Fatalf("two tests got the same database %s", a)
	}
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE TABLE x (n int)"); err != nil {
		t.Fatal(err)
	}
	conn2, err := pgx.Connect(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	defer conn2.Close(ctx)
	var n int
	if err := conn2.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE tablename = 'x'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("the second database is not empty: %d, %v", n, err)
	}
}

// TestPasswordUser: a user of the role password_users cannot connect
// without its password, and can with it.
func TestPasswordUser(t *testing.T) {
	ctx := context.Background()
	db := URL(t)
	c, _ := Get()
	if c.Socket == "" {
		t.Skip("an existing server: its authentication is its own")
	}
	if err := c.CreatePasswordUser(ctx, "pw_alice", "s3cret-Pa55"); err != nil {
		t.Fatal(err)
	}
	u := URLFor(db, "pw_alice")
	if conn, err := pgx.Connect(ctx, u); err == nil {
		conn.Close(ctx)
		t.Fatal("connected without a password")
	}
	conn, err := pgx.Connect(ctx, u+"&password=s3cret-Pa55")
	if err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
}

// recorder is a testing.TB that records Skipf and Fatalf instead of
// stopping the test.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                      {}
func (r *recorder) Skipf(f string, args ...any)  { r.skipped = fmt.Sprintf(f, args...) }
func (r *recorder) Fatalf(f string, args ...any) { r.failed = fmt.Sprintf(f, args...) }

// TestSkip: without a server a test skips with the reason, except where
// $BITEXT_TEST_POSTGRES_REQUIRED says one must be there (CI): it fails.
func TestSkip(t *testing.T) {
	why := errors.New("initdb not found")
	t.Setenv(RequiredEnv, "")
	r := &recorder{TB: t}
	Skip(r, "this test", why)
	if r.failed != "" || !strings.Contains(r.skipped, "initdb not found") {
		t.Errorf("not required: skipped %q, failed %q", r.skipped, r.failed)
	}
	t.Setenv(RequiredEnv, "1")
	r = &recorder{TB: t}
	Skip(r, "this test", why)
	if r.skipped != "" || !strings.Contains(r.failed, "initdb not found") || !strings.Contains(r.failed, RequiredEnv) {
		t.Errorf("required: skipped %q, failed %q", r.skipped, r.failed)
	}
}
