package memory_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/memorytest"
)

func TestConformance(t *testing.T) {
	memorytest.Run(t, func(t *testing.T) memory.Memory {
		s, err := memory.Open(context.Background(), filepath.Join(t.TempDir(), "memory.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
