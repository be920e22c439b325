package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// ErrFolderLocked is wrapped by the error of [Store.LockFolder] when
// another bitext holds the folder's lock.
var ErrFolderLocked = errors.New("output folder is in use by another bitext sharing the memory")

// lockPoll is how often a waiting LockFolder tries again.
const lockPoll = 100 * time.Millisecond

// LockFolder takes the advisory lock of the output folder whose identity
// is id (see package outdir), which keeps bitext processes on other
// machines, writing the same folder over a network share, from working in
// it at once. It waits up to wait for another holder, then fails with an
// error wrapping [ErrFolderLocked] that names the holder (process and
// machine). The lock belongs to a connection held until release: the
// server lets it go if the process dies or its connection drops.
func (s *Store) LockFolder(ctx context.Context, id string, wait time.Duration) (release func() error, err error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, s.fail("failed to lock the output folder in", err)
	}
	key := folderKey(id)
	deadline := time.Now().Add(wait)
	for {
		var ok bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1, $2)`, lockFolder, key).Scan(&ok); err != nil {
			conn.Release()
			return nil, s.fail("failed to lock the output folder in", err)
		}
		if ok {
			break
		}
		if !time.Now().Before(deadline) {
			holder := s.folderHolder(ctx, key)
			conn.Release()
			return nil, fmt.Errorf("%w: %s holds it; wait for it to finish", ErrFolderLocked, holder)
		}
		select {
		case <-ctx.Done():
			conn.Release()
			return nil, ctx.Err()
		case <-time.After(min(lockPoll, time.Until(deadline))):
		}
	}
	return func() error {
		defer conn.Release()
		_, err := conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1, $2)`, lockFolder, key)
		return s.scrub(err)
	}, nil
}

// folderHolder names the session that holds the folder's lock, from its
// application name ("bitext PID@HOST") and address.
func (s *Store) folderHolder(ctx context.Context, key int32) string {
	var app, addr string
	err := s.pool.QueryRow(ctx, `SELECT a.application_name, coalesce(host(a.client_addr), 'local socket')
		FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2 AND l.granted`,
		uint32(lockFolder), uint32(key)).Scan(&app, &addr)
	if err != nil || app == "" {
		return "another bitext"
	}
	return fmt.Sprintf("%s (from %s)", app, addr)
}

// folderKey is the lock key of a folder identity.
func folderKey(id string) int32 {
	sum := sha256.Sum256([]byte(id))
	return int32(binary.BigEndian.Uint32(sum[:]))
}
