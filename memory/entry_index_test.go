package memory

import (
	"strings"
	"testing"
)

// TestLookupUsesIndexes guards the per-segment cost: both halves of the
// lookup must search an index, never scan the table.
func TestLookupUsesIndexes(t *testing.T) {
	s := openTest(t)
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+lookupSQL, "fr", "en", "x", false, "apertium", "")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	p := strings.Join(plan, "\n")
	for _, want := range []string{"USING INDEX segments_approved", "USING INDEX segments_machine"} {
		if !strings.Contains(p, want) {
			t.Errorf("lookup plan lacks %q:\n%s", want, p)
		}
	}
	if strings.Contains(p, "SCAN") {
		t.Errorf("lookup scans a table:\n%s", p)
	}
}
