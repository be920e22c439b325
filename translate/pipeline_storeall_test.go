package translate_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// batchMemory records each StoreAll call; it fails when failAll is set.
type batchMemory struct {
	mapMemory
	calls   [][]translate.Segment
	failAll error
}

func (m *batchMemory) StoreAll(_ context.Context, segs []translate.Segment) error {
	if m.failAll != nil {
		return m.failAll
	}
	m.calls = append(m.calls, segs)
	return nil
}

// TestPipelineStoresARequestAtOnce: a memory that stores in batches gets
// the answers of each request in one call, restored and with the
// backend's name, and is not called one by one; when that fails, the
// article fails.
func TestPipelineStoresARequestAtOnce(t *testing.T) {
	b := &upper{caps: translate.Capabilities{MaxSegments: 3}}
	mem := &batchMemory{mapMemory: mapMemory{known: map[string]string{"connu": "known"}}}
	p := &translate.Pipeline{Backend: b, Memory: mem}
	d := doc("un", "connu", "deux", "trois", "quatre", "cinq")
	if _, err := p.Translate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(mem.stored) != 0 {
		t.Errorf("stored one by one: %q", mem.stored)
	}
	var sizes []int
	stored := map[string]translate.Segment{}
	for _, call := range mem.calls {
		sizes = append(sizes, len(call))
		for _, s := range call {
			stored[s.Source] = s
		}
	}
	if len(sizes) != 2 || sizes[0]+sizes[1] != 5 || len(b.reqs) != 2 {
		t.Errorf("StoreAll calls of %v segments for %d requests, want one call per request, 5 segments", sizes, len(b.reqs))
	}
	for _, src := range []string{"un", "deux", "trois", "quatre", "cinq"} {
		if s := stored[src]; s.Target != strings.ToUpper(src) || s.Backend != "upper" {
			t.Errorf("%q stored as %+v", src, s)
		}
	}
	if _, ok := stored["connu"]; ok {
		t.Error("a sentence from the memory was stored again")
	}

	mem = &batchMemory{failAll: errors.New("disk full")}
	p = &translate.Pipeline{Backend: &upper{}, Memory: mem}
	if _, err := p.Translate(context.Background(), doc("un", "deux")); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("a failed store: %v", err)
	}
}
