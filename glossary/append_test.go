package glossary

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAddNames(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "g.csv")
	os.WriteFile(csvPath, []byte("source,target\nCorée du Nord,North Korea"), 0o644)
	n, err := AddNames(csvPath, []string{"Kim Jong-un", "corée du nord", "", "Kim Jong-un", "Choe Son-hui"})
	if err != nil || n != 2 {
		t.Fatalf("AddNames: %d, %v", n, err)
	}
	data, _ := os.ReadFile(csvPath)
	if want := "source,target\nCorée du Nord,North Korea\nKim Jong-un,Kim Jong-un\nChoe Son-hui,Choe Son-hui\n"; string(data) != want {
		t.Errorf("csv:\n%s", data)
	}
	yamlPath := filepath.Join(dir, "new.yaml")
	if n, err := AddNames(yamlPath, []string{"Pyongyang"}); err != nil || n != 1 {
		t.Fatalf("yaml: %d, %v", n, err)
	}
	g, err := Load(yamlPath)
	if err != nil || g.Len() != 1 || g.Entries()[0].Target != "Pyongyang" {
		t.Errorf("yaml glossary: %v, %v", g, err)
	}
}
