// Package pgtest starts a throw-away PostgreSQL cluster for tests and
// benchmarks: initdb into a temporary folder, then the server on a Unix
// socket in that folder, with no TCP port. One cluster serves a whole test
// binary; every test gets an empty database of its own.
//
// # Use
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
//	func TestSomething(t *testing.T) {
//		url := pgtest.URL(t) // a new database; skips t when no server can be started
//		...
//	}
//
// # Finding and running the server
//
// The server's programs are found in $BITEXT_PG_BIN, else in the newest
// /usr/lib/postgresql/N/bin (Debian's postgresql package), else on PATH.
// PostgreSQL refuses to run as root, so a test run as root runs initdb and
// the server as the user postgres (which Debian's package creates), else
// as nobody. The server gets SIGQUIT when the test binary dies, so no
// cluster outlives its tests, even after kill -9.
//
// $BITEXT_TEST_POSTGRES, a URL of an existing server whose user may create
// databases, is used instead of starting one. Where no server can be had,
// [URL] skips the test with the reason.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// Superuser is the cluster's superuser, which every test connects as.
const Superuser = "bitext_test"

// Cluster is a running PostgreSQL server: one started by [Start], or an
// existing one.
type Cluster struct {
	// Admin is the URL of the maintenance database, as the superuser.
	Admin string
	// Socket is the folder holding the server's Unix socket ("" for an
	// existing server).
	Socket string
	dir    string
	server *exec.Cmd
	exited chan error
	serial int
}

// Start runs initdb into a new temporary folder and starts the server
// there. Stop it with [Cluster.Stop].
func Start(ctx context.Context) (*Cluster, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	cred, err := serverUser()
	if err != nil {
		return nil, err
	}
	dir, err := makeDir(cred)
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, Socket: dir, exited: make(chan error, 1),
		Admin: fmt.Sprintf("postgres:///postgres?host=%s&user=%s&sslmode=disable", dir, Superuser)}
	if err := c.initdb(ctx, bin, cred); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := c.start(ctx, bin, cred); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

// findBin returns the folder holding initdb and postgres.
func findBin() (string, error) {
	if dir := os.Getenv("BITEXT_PG_BIN"); dir != "" {
		return dir, nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(found, func(i, j int) bool { return version(found[i]) > version(found[j]) })
	if len(found) > 0 {
		return filepath.Dir(found[0]), nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("PostgreSQL is not installed (apt-get install postgresql, or set BITEXT_PG_BIN)")
}

// version is N in /usr/lib/postgresql/N/bin/initdb.
func version(initdb string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(initdb))))
	return n
}

// makeDir creates the cluster's folder, owned by the server's user. When
// the server runs as another user, the folder goes into /tmp, which that
// user can reach whatever $TMPDIR is.
func makeDir(cred *syscall.Credential) (string, error) {
	base := ""
	if fi, err := os.Stat("/tmp"); cred != nil && err == nil && fi.IsDir() {
		base = "/tmp"
	}
	removeStale(base)
	dir, err := os.MkdirTemp(base, "bitext-pg-")
	if err != nil {
		return "", fmt.Errorf("failed to create the cluster's folder: %w", err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", err
	}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("failed to give the cluster's folder to uid %d: %w", cred.Uid, err)
		}
	}
	return dir, nil
}

// removeStale removes the clusters' folders that test binaries killed
// with -9 left (their servers died with them): those over ten minutes old
// whose server no longer runs.
func removeStale(base string) {
	if base == "" {
		base = os.TempDir()
	}
	dirs, _ := filepath.Glob(filepath.Join(base, "bitext-pg-*"))
	for _, dir := range dirs {
		fi, err := os.Stat(dir)
		if err != nil || time.Since(fi.ModTime()) < 10*time.Minute {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(dir, "data", "postmaster.pid"))
		pid, _ := strconv.Atoi(strings.SplitN(string(data), "\n", 2)[0])
		if pid > 0 && syscall.Kill(pid, 0) == nil {
			continue
		}
		os.RemoveAll(dir)
	}
}

func (c *Cluster) initdb(ctx context.Context, bin string, cred *syscall.Credential) error {
	cmd := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "--no-sync", "-D", filepath.Join(c.dir, "data"),
		"-E", "UTF8", "--locale=C", "--auth=trust", "-U", Superuser)
	cmd.Dir, cmd.Env = c.dir, serverEnv()
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb failed: %v: %s", err, lastLines(string(out), 5))
	}
	// Users in the role password_users must give their password.
	hba := "local all +password_users scram-sha-256\nlocal all all trust\n"
	return os.WriteFile(filepath.Join(c.dir, "data", "pg_hba.conf"), []byte(hba), 0o600)
}

// start runs the server as a child that dies with the test binary, and
// waits until it accepts connections.
func (c *Cluster) start(ctx context.Context, bin string, cred *syscall.Credential) error {
	logf, err := os.Create(filepath.Join(c.dir, "server.log"))
	if err != nil {
		return err
	}
	defer logf.Close()
	c.server = exec.Command(filepath.Join(bin, "postgres"), "-D", filepath.Join(c.dir, "data"), "-k", c.dir,
		"-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
		"-c", "full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=64MB")
	c.server.Dir, c.server.Env = c.dir, serverEnv()
	c.server.Stdout, c.server.Stderr = logf, logf
	c.server.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT}
	if err := c.server.Start(); err != nil {
		return fmt.Errorf("failed to start postgres: %w", err)
	}
	go func() { c.exited <- c.server.Wait() }()
	return c.waitReady(ctx)
}

func (c *Cluster) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(60 * time.Second)
	for {
		conn, err := pgx.Connect(ctx, c.Admin)
		if err == nil {
			defer conn.Close(ctx)
			_, err = conn.Exec(ctx, "CREATE ROLE password_users NOLOGIN")
			return err
		}
		select {
		case werr := <-c.exited:
			c.exited <- werr
			return fmt.Errorf("postgres exited (%v): %s", werr, c.log())
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not accept connections within a minute (%v): %s", err, c.log())
		}
	}
}

func (c *Cluster) log() string {
	data, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
	return lastLines(string(data), 5)
}

// Stop shuts the server down (fast shutdown, then SIGKILL) and removes the
// cluster's folder. It does nothing to an existing server.
func (c *Cluster) Stop() {
	if c.server != nil && c.server.Process != nil {
		c.server.Process.Signal(syscall.SIGINT)
		select {
		case <-c.exited:
		case <-time.After(10 * time.Second):
			c.server.Process.Kill()
			<-c.exited
		}
	}
	if c.dir != "" {
		os.RemoveAll(c.dir)
	}
}

// serverUser is who runs the server: nil (the current user) unless the
// tests run as root, whom PostgreSQL refuses.
func serverUser() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		if cred, ok := lookupUser(name); ok {
			return cred, nil
		}
	}
	return nil, errors.New("running as root and neither user postgres nor nobody exists to run PostgreSQL")
}

// lookupUser reads name's ids from /etc/passwd (os/user needs cgo or
// reads the same file).
func lookupUser(name string) (*syscall.Credential, bool) {
	data, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return nil, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) < 4 || f[0] != name {
			continue
		}
		uid, err1 := strconv.Atoi(f[2])
		gid, err2 := strconv.Atoi(f[3])
		if err1 == nil && err2 == nil {
			return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}, true
		}
	}
	return nil, false
}

// serverEnv is the server's environment: nothing of the test's but PATH.
func serverEnv() []string {
	return []string{"PATH=" + os.Getenv("PATH"), "LANG=C", "LC_ALL=C", "TZ=UTC"}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
