package memory_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
)

// A rerun asks the memory before the backend; a reviewer's approval wins
// over every backend.
func Example() {
	ctx := context.Background()
	out, _ := os.MkdirTemp("", "bitext-out")
	defer os.RemoveAll(out)

	m, err := memory.Open(ctx, filepath.Join(out, memory.DefaultPath))
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close()

	terms := []translate.TermPair{{Source: "Yonhap", Target: "Yonhap"}}
	k := memory.Key{From: "fr", To: "en", Source: "L'agence Yonhap a confirmé la nouvelle.", Terms: memory.TermsKey(terms)}
	if err := m.PutMachine(ctx, k, "apertium", "The agency Yonhap has confirmed the new."); err != nil {
		log.Fatal(err)
	}
	e, ok, _ := m.Lookup(ctx, k, "apertium")
	fmt.Println(ok, e.Status, e.Target)
	_, ok, _ = m.Lookup(ctx, k, "deepl")
	fmt.Println(ok)

	if err := m.Approve(ctx, k, "Yonhap news agency confirmed the news.", "claire"); err != nil {
		log.Fatal(err)
	}
	e, _, _ = m.Lookup(ctx, k, "deepl")
	fmt.Println(e.Status, e.Target, "by", e.By)
	// Output:
	// true machine The agency Yonhap has confirmed the new.
	// false
	// approved Yonhap news agency confirmed the news. by claire
}
