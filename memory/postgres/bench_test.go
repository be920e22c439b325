package postgres_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/pgtest"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
)

// benchSize is the number of machine translations of the lookup
// benchmark's memories: a million, or 10,000 in -short mode.
func benchSize() int {
	if testing.Short() {
		return 10_000
	}
	return 1_000_000
}

// benchSentence is the i-th of many distinct French news sentences.
func benchSentence(i int) string {
	subjects := []string{"M. Kim", "Mme Dubois", "Le ministre des Affaires étrangères", "La porte-parole de l'Élysée", "Le maire de Séoul"}
	verbs := []string{"a annoncé", "a démenti", "a confirmé", "a déclaré"}
	return fmt.Sprintf("%s %s la dépêche n° %d de l'AFP, selon un communiqué publié jeudi.",
		subjects[i%len(subjects)], verbs[(i/len(subjects))%len(verbs)], i)
}

// generated is a memory of n machine translations by apertium, made up
// as it is read: the source of Load.
type generated struct{ n int }

func (g generated) Entries(ctx context.Context, fn func(memory.Entry) error) error {
	at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	for i := range g.n {
		e := memory.Entry{Key: memory.Key{From: "fr", To: "en", Source: benchSentence(i)}, Status: memory.Machine,
			Backend: "apertium", Target: fmt.Sprintf("The dispatch no. %d of AFP, according to a statement.", i), Created: at, Updated: at}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (generated) Edits(context.Context, func(memory.Edit) error) error { return nil }

func (generated) EachOccurrence(context.Context, func(memory.OccurrenceRecord) error) error {
	return nil
}

// benchStores are the filled memories, built once per test binary.
var benchStores struct {
	once sync.Once
	dir  string
	url  string
	err  error
}

// filled returns a memory of benchSize() entries of the store named:
// "sqlite" or "postgres".
func filled(b *testing.B, store string) memory.Memory {
	benchStores.once.Do(func() {
		benchStores.dir, benchStores.err = makeBenchStores(b)
	})
	if benchStores.err != nil {
		b.Fatal(benchStores.err)
	}
	var m memory.Memory
	var err error
	if store == "sqlite" {
		m, err = memory.Open(ctx, filepath.Join(benchStores.dir, "memory.db"))
	} else {
		m, err = postgres.Open(ctx, benchStores.url)
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	return m
}

// makeBenchStores loads the generated memory into a new SQLite file and a
// new PostgreSQL database, reporting how long each took.
func makeBenchStores(b *testing.B) (string, error) {
	benchStores.url = pgtest.URL(b)
	dir, err := os.MkdirTemp("", "bitext-bench-")
	if err != nil {
		return "", err
	}
	lite, err := memory.Open(ctx, filepath.Join(dir, "memory.db"))
	if err != nil {
		return "", err
	}
	defer lite.Close()
	pg, err := postgres.Open(ctx, benchStores.url)
	if err != nil {
		return "", err
	}
	defer pg.Close()
	for _, m := range []memory.Memory{lite, pg} {
		start := time.Now()
		if _, err := m.Load(ctx, generated{benchSize()}); err != nil {
			return "", err
		}
		b.Logf("%T: %d entries loaded in %v", m, benchSize(), time.Since(start).Round(time.Millisecond))
	}
	return dir, nil
}

// BenchmarkLookup looks up, one at a time and from 4×GOMAXPROCS goroutines,
// sentences of a memory of a million machine translations (every lookup
// a hit, as in an unchanged rerun), SQLite against PostgreSQL on a local
// socket. It reports lookups per second.
func BenchmarkLookup(b *testing.B) {
	n := benchSize()
	for _, store := range []string{"sqlite", "postgres"} {
		b.Run(fmt.Sprintf("store=%s/entries=%d", store, n), func(b *testing.B) {
			m := filled(b, store)
			at := memory.Occurrence{Doc: "bench", Pos: 1}
			for i := 0; b.Loop(); i++ {
				lookupHit(b, m, i*7919%n, at)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
		})
		b.Run(fmt.Sprintf("store=%s/entries=%d/parallel", store, n), func(b *testing.B) {
			m := filled(b, store)
			at := memory.Occurrence{Doc: "bench", Pos: 1}
			b.SetParallelism(4)
			var next sync.Mutex
			i := 0
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					next.Lock()
					i++
					j := i * 7919 % n
					next.Unlock()
					lookupHit(b, m, j, at)
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
		})
	}
}

// BenchmarkLookupAll looks up the same sentences 30 at a time (an
// article) with one query, as translate does with a shared memory
// (memory.BatchLookuper); it reports lookups per second.
func BenchmarkLookupAll(b *testing.B) {
	n := benchSize()
	b.Run(fmt.Sprintf("store=postgres/entries=%d/batch=30", n), func(b *testing.B) {
		m := filled(b, "postgres").(memory.BatchLookuper)
		qs := make([]memory.LookupQuery, 30)
		looked := 0
		for i := 0; b.Loop(); i++ {
			for j := range qs {
				src := benchSentence((i*30 + j) * 7919 % n)
				qs[j] = memory.LookupQuery{Key: memory.Key{From: "fr", To: "en", Source: src}, Backend: "apertium",
					At: memory.Occurrence{Doc: "bench", Pos: 1}}
			}
			found, err := m.LookupAll(ctx, qs)
			if err != nil {
				b.Fatal(err)
			}
			for _, f := range found {
				if !f.OK {
					b.Fatal("a lookup missed")
				}
			}
			looked += len(qs)
		}
		b.ReportMetric(float64(looked)/b.Elapsed().Seconds(), "lookups/s")
	})
}

func lookupHit(b *testing.B, m memory.Memory, i int, at memory.Occurrence) {
	e, ok, err := m.LookupAt(ctx, memory.Key{From: "fr", To: "en", Source: benchSentence(i)}, "apertium", at)
	if err != nil || !ok || e.Status != memory.Machine {
		b.Fatalf("lookup %d: %v, %v", i, ok, err)
	}
}
