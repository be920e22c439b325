package xliff

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool skips the test when the Debian tool name is missing.
func needTool(t *testing.T, name, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (Debian package %s; scripts/install-deps.sh --tests installs it)", name, pkg)
	}
}

// mixedFolder is the test folder with a unit approved, one edited and
// text XML must escape.
func mixedFolder(t *testing.T) *testFolder {
	f := newTestFolder(t)
	arts := f.open(t)
	a, ctx := arts[0].Review, context.Background()
	for i, id := range UnitIDs(a) {
		u := a.Units[i]
		switch id {
		case "p1s1":
			if err := a.Group(func() error {
				if err := a.Edit(ctx, u, "Kim Jong-un inspects a factory"); err != nil {
					return err
				}
				return a.Approve(ctx, u)
			}); err != nil {
				t.Fatal(err)
			}
		case "p2s2":
			if err := a.Edit(ctx, u, "He praised the workers’ “efforts” & <courage>."); err != nil {
				t.Fatal(err)
			}
		}
	}
	return f
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func xmllint(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("xmllint", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// The 2.1 output validates against the XLIFF 2.1 core (the part bitext
// writes: testdata/xliff-core-2.1-bitext.xsd); both versions are
// well-formed and in their namespace.
func TestXmllint(t *testing.T) {
	needTool(t, "xmllint", "libxml2-utils")
	f := mixedFolder(t)
	for _, v := range []Version{V21, V12} {
		path := writeTemp(t, "usine.xlf", f.export(t, v))
		xmllint(t, "--noout", path)
		ns := map[Version]string{V21: NS2, V12: NS12}[v]
		if got := xmllint(t, "--xpath", "namespace-uri(/*)", path); strings.TrimSpace(got) != ns {
			t.Errorf("%s: root namespace %q, want %q", v, got, ns)
		}
		if got := xmllint(t, "--xpath", "count(//*[namespace-uri() != '"+ns+"'])", path); strings.TrimSpace(got) != "0" {
			t.Errorf("%s: %s elements outside the XLIFF namespace", v, got)
		}
		if v == V21 {
			xmllint(t, "--noout", "--schema", "testdata/xliff-core-2.1-bitext.xsd", path)
		}
	}
}

// The schema catches what bitext must not write, or the test above
// proves nothing.
func TestXmllintSchemaFails(t *testing.T) {
	needTool(t, "xmllint", "libxml2-utils")
	good := string(mixedFolder(t).export(t, V21))
	for _, bad := range []string{
		strings.Replace(good, `dataRef="d1"`, `dataRef="d9"`, 1),
		strings.Replace(good, `state="final"`, `state="approved"`, 1),
		strings.Replace(good, NS2, "urn:oasis:names:tc:xliff:document:2.1", 1),
		strings.Replace(good, `<unit id="p2s2"`, `<unit id="p2s1"`, 1),
	} {
		path := writeTemp(t, "bad.xlf", []byte(bad))
		if out, err := exec.Command("xmllint", "--noout", "--schema", "testdata/xliff-core-2.1-bitext.xsd", path).CombinedOutput(); err == nil {
			t.Errorf("schema accepted a broken file:\n%s", out)
		}
	}
}

// Debian's translate-toolkit reads the 1.2 output: every unit with its
// French and English, the approved one not fuzzy.
func TestXliff2po(t *testing.T) {
	needTool(t, "xliff2po", "translate-toolkit")
	f := mixedFolder(t)
	in := writeTemp(t, "usine.xlf", f.export(t, V12))
	po := filepath.Join(filepath.Dir(in), "usine.po")
	if out, err := exec.Command("xliff2po", "--progress=none", in, po).CombinedOutput(); err != nil {
		t.Fatalf("xliff2po: %v\n%s", err, out)
	}
	data, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	for _, want := range []string{
		"#: p1s1\nmsgid \"Kim Jong-un inspecte une usine\"\nmsgstr \"Kim Jong-un inspects a factory\"",
		"#: p2s2\n#, fuzzy\nmsgid \"Il a salué « les efforts » des ouvriers.\"\nmsgstr \"He praised the workers’ “efforts” & <courage>.\"",
		"#: p3s1a1\n#, fuzzy\nmsgid \"Une photo de l’usine\"\nmsgstr \"A photo of the factory\"",
		"msgid \"Le coût de la R&D reste secret (< 5 %).\"",
		"msgid \"Selon l’agence KCNA, M. Kim a visité mardi une usine de Pyongyang.\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("xliff2po output lacks\n%s\nin\n%s", want, got)
		}
	}
}
