package memory

import (
	"context"
	"database/sql"
)

// statements are the queries run once per segment, prepared at Open.
type statements struct {
	lookup     *sql.Stmt
	putMachine *sql.Stmt
}

// lookupSQL finds the approved translation, else the machine translation
// by backend ?5 with terms ?6; the first column ranks them.
const lookupSQL = `
SELECT 0, terms, status, backend, target, approved_by, created, updated FROM segments
 WHERE src_lang = ?1 AND tgt_lang = ?2 AND source = ?3 AND markup = ?4 AND status = 'approved'
UNION ALL
SELECT 1, terms, status, backend, target, approved_by, created, updated FROM segments
 WHERE src_lang = ?1 AND tgt_lang = ?2 AND source = ?3 AND markup = ?4 AND status = 'machine'
   AND backend = ?5 AND terms = ?6
ORDER BY 1 LIMIT 1`

// putMachineSQL inserts or replaces a machine translation (?8 and ?9 are
// the created and updated times); an unchanged one is left alone, keeping
// its Updated time.
const putMachineSQL = `
INSERT INTO segments (src_lang, tgt_lang, source, markup, status, backend, terms, target, created, updated)
VALUES (?1, ?2, ?3, ?4, 'machine', ?5, ?6, ?7, ?8, ?9)
ON CONFLICT (src_lang, tgt_lang, source, markup, backend, terms) WHERE status = 'machine'
DO UPDATE SET target = excluded.target, updated = excluded.updated WHERE target <> excluded.target`

func (st *statements) prepare(ctx context.Context, db *sql.DB) error {
	var err error
	if st.lookup, err = db.PrepareContext(ctx, lookupSQL); err != nil {
		return err
	}
	st.putMachine, err = db.PrepareContext(ctx, putMachineSQL)
	return err
}

func (st *statements) close() {
	for _, s := range []*sql.Stmt{st.lookup, st.putMachine} {
		if s != nil {
			s.Close()
		}
	}
}
