package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// shared is the test binary's cluster, started at the first [URL].
var shared struct {
	once    sync.Once
	mu      sync.Mutex
	cluster *Cluster
	err     error
}

// Main runs the tests of m, then stops the cluster if a test started one.
func Main(m *testing.M) int {
	code := m.Run()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.cluster != nil {
		shared.cluster.Stop()
	}
	return code
}

// Get returns the test binary's cluster, starting it at the first call,
// or the reason there is none.
func Get() (*Cluster, error) {
	shared.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		var c *Cluster
		var err error
		if u := os.Getenv("BITEXT_TEST_POSTGRES"); u != "" {
			c = &Cluster{Admin: u}
		} else {
			c, err = Start(ctx)
		}
		shared.mu.Lock()
		shared.cluster, shared.err = c, err
		shared.mu.Unlock()
	})
	return shared.cluster, shared.err
}

// URL returns the URL of a new, empty database on the test binary's
// cluster, or skips tb with the reason no server could be started
// ([Skip]: a failure where $BITEXT_TEST_POSTGRES_REQUIRED is set).
func URL(tb testing.TB) string {
	tb.Helper()
	c, err := Get()
	if err != nil {
		Skip(tb, "this test", err)
		return ""
	}
	u, err := c.NewDatabase(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

// RequiredEnv names the variable that makes a missing server a failure
// instead of a skip. CI (.ci/run) sets it, having installed PostgreSQL, so
// that the shared memory's tests cannot pass there by skipping.
const RequiredEnv = "BITEXT_TEST_POSTGRES_REQUIRED"

// Skip skips tb, saying that what needs a server (a test, the scripts)
// has none and why (err), or fails it when $BITEXT_TEST_POSTGRES_REQUIRED
// is set.
func Skip(tb testing.TB, what string, err error) {
	tb.Helper()
	if os.Getenv(RequiredEnv) != "" {
		tb.Fatalf("no PostgreSQL server for %s, and $%s is set: %v", what, RequiredEnv, err)
		return
	}
	tb.Skipf("skipping: no PostgreSQL server for %s (install Debian's postgresql, or set $BITEXT_TEST_POSTGRES): %v", what, err)
}

// NewDatabase creates an empty database and returns its URL, as the
// superuser.
func (c *Cluster) NewDatabase(ctx context.Context) (string, error) {
	shared.mu.Lock()
	c.serial++
	name := fmt.Sprintf("t%d_%d", os.Getpid(), c.serial)
	shared.mu.Unlock()
	if err := c.exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	return c.withDatabase(name), nil
}

// CreatePasswordUser creates a login role that must give password, with
// every right on the databases it is granted, and returns its name.
func (c *Cluster) CreatePasswordUser(ctx context.Context, name, password string) error {
	q := fmt.Sprintf("CREATE ROLE %s LOGIN CREATEDB PASSWORD '%s' IN ROLE password_users", name, password)
	return c.exec(ctx, q)
}

// GrantDatabase makes user the owner of the database of dbURL.
func (c *Cluster) GrantDatabase(ctx context.Context, dbURL, user string) error {
	u, err := url.Parse(dbURL)
	if err != nil {
		return err
	}
	return c.exec(ctx, fmt.Sprintf("ALTER DATABASE %s OWNER TO %s", u.Path[1:], user))
}

func (c *Cluster) exec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, c.Admin)
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		return fmt.Errorf("pgtest: %s: %w", sql, err)
	}
	return nil
}

// withDatabase is the admin URL with another database.
func (c *Cluster) withDatabase(name string) string {
	u, err := url.Parse(c.Admin)
	if err != nil {
		return c.Admin
	}
	u.Path = "/" + name
	return u.String()
}

// URLFor returns the URL of the database of dbURL for user, without a
// password and on the same socket.
func URLFor(dbURL, user string) string {
	u, err := url.Parse(dbURL)
	if err != nil {
		return dbURL
	}
	u.User = nil
	q := u.Query()
	q.Set("user", user)
	u.RawQuery = q.Encode()
	return u.String()
}
