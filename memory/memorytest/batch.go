package memorytest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/bitext/bitext/memory"
)

// batch checks PutMachineBatch where the memory has it: every translation
// of the batch is stored as PutMachine would store it (a sentence twice in
// one batch keeps the last), and a batch with one bad translation stores
// none.
func batch(t *testing.T, m memory.Memory) {
	bp, ok := m.(memory.BatchPutter)
	if !ok {
		t.Skip("this memory stores translations one by one")
	}
	key := func(i int) memory.Key {
		return memory.Key{From: "fr", To: "en", Source: fmt.Sprintf("M. Kim a parlé %d fois à Pyongyang.", i)}
	}
	var ts []memory.Translation
	for i := range 40 {
		ts = append(ts, memory.Translation{Key: key(i), Target: fmt.Sprintf("Mr Kim spoke %d times in Pyongyang.", i)})
	}
	ts = append(ts, memory.Translation{Key: key(7), Target: "Mr Kim spoke seven times in Pyongyang."})
	if err := bp.PutMachineBatch(ctx, "apertium", ts); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 7, 39} {
		want := fmt.Sprintf("Mr Kim spoke %d times in Pyongyang.", i)
		if i == 7 {
			want = "Mr Kim spoke seven times in Pyongyang."
		}
		e, ok, err := m.LookupAt(ctx, key(i), "apertium", memory.Occurrence{Doc: "a.txt", Pos: 1})
		if err != nil || !ok || e.Target != want || e.Status != memory.Machine {
			t.Errorf("sentence %d: %+v, %v, %v", i, e, ok, err)
		}
	}
	bad := []memory.Translation{
		{Key: key(100), Target: "Mr Kim spoke a hundred times."},
		{Key: key(101), Target: "  "},
	}
	if err := bp.PutMachineBatch(ctx, "apertium", bad); !errors.Is(err, memory.ErrEmptyTranslation) {
		t.Errorf("a batch with a blank translation: %v", err)
	}
	if _, ok, err := m.LookupAt(ctx, key(100), "apertium", memory.Occurrence{Doc: "a.txt", Pos: 1}); ok || err != nil {
		t.Errorf("a batch that failed stored its first translation (%v, %v)", ok, err)
	}
}
