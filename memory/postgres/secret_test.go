package postgres_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/pgtest"
	"github.com/bitext/bitext/memory/postgres"
)

const secret = "Kimchi-s3cret-42"

// passwordDB returns a new database owned by a user who must give the
// password secret, and the URL of it for that user, without password.
func passwordDB(t *testing.T) string {
	t.Helper()
	db := pgtest.URL(t)
	c, err := pgtest.Get()
	if err != nil {
		pgtest.Skip(t, "the password tests", err)
	}
	if c.Socket == "" {
		t.Skip("skipping: needs a cluster of the tests' own, whose authentication they set ($BITEXT_TEST_POSTGRES is another server)")
	}
	user := fmt.Sprintf("pw_%d", os.Getpid())
	if err := c.CreatePasswordUser(ctx, user, secret); err != nil {
		t.Fatal(err)
	}
	if err := c.GrantDatabase(ctx, db, user); err != nil {
		t.Fatal(err)
	}
	return pgtest.URLFor(db, user)
}

// withPassword puts pw in the URL's user part.
func withPassword(u, pw string) string {
	user := u[strings.Index(u, "user=")+len("user="):]
	return strings.Replace(u, "postgres:///", "postgres://"+user+":"+pw+"@/", 1)
}

func noSecret(t *testing.T, what, s string) {
	t.Helper()
	if strings.Contains(s, secret) || strings.Contains(s, "WRONG-"+secret) {
		t.Errorf("the password appears in %s: %s", what, s)
	}
}

// TestPasswordNeverShown: the password given in the URL, PGPASSWORD or
// ~/.pgpass opens the memory, and appears neither in its name, its
// statistics, nor any error, right or wrong.
func TestPasswordNeverShown(t *testing.T) {
	u := passwordDB(t)
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	if _, err := postgres.Open(ctx, u); err == nil {
		t.Fatal("opened without a password")
	}
	for _, c := range []struct{ name, url, env, file string }{
		{"url", withPassword(u, secret), "", ""},
		{"url query", u + "&password=" + secret, "", ""},
		{"PGPASSWORD", u, secret, ""},
		{"pgpass", u, "", "*:*:*:*:" + secret + "\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("PGPASSWORD", c.env)
			if c.file != "" {
				f := filepath.Join(t.TempDir(), "pgpass")
				if err := os.WriteFile(f, []byte(c.file), 0o600); err != nil {
					t.Fatal(err)
				}
				t.Setenv("PGPASSFILE", f)
			}
			s, err := postgres.Open(ctx, c.url)
			if err != nil {
				noSecret(t, "the error", err.Error())
				t.Fatal(err)
			}
			defer s.Close()
			noSecret(t, "the name", s.Name())
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			noSecret(t, "the statistics", st.Path)
			// The same with the wrong password, wherever it was given.
			wrong := strings.ReplaceAll(c.url, secret, "WRONG-"+secret)
			if c.env != "" {
				t.Setenv("PGPASSWORD", "WRONG-"+secret)
			}
			if c.file != "" {
				f := filepath.Join(t.TempDir(), "pgpass")
				os.WriteFile(f, []byte(strings.ReplaceAll(c.file, secret, "WRONG-"+secret)), 0o600)
				t.Setenv("PGPASSFILE", f)
			}
			bad, err := postgres.Open(ctx, wrong)
			if err == nil {
				bad.Close()
				t.Fatal("a wrong password was accepted")
			}
			noSecret(t, "the error for a wrong password", err.Error())
		})
	}
}

// TestBrokenURLHidesPassword: a URL pgx cannot parse is reported without
// the password it holds.
func TestBrokenURLHidesPassword(t *testing.T) {
	for _, u := range []string{
		"postgres://claire:" + secret + "@db.example:notaport/bitext",
		"postgres://claire:" + secret + "@[::1/bitext",
		"postgres://db.example/bitext?password=" + secret + "&sslmode=nonsense",
	} {
		_, err := postgres.Open(context.Background(), u)
		if err == nil {
			t.Fatalf("%s was accepted", postgres.Redact(u))
		}
		noSecret(t, "the error", err.Error())
		noSecret(t, "the redacted URL", postgres.Redact(u))
	}
}
