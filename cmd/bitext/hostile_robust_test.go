package main

import (
	"bytes"
	"context"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hostileCase is one bad input given to "bitext translate": the file, the
// exit status and messages expected, and whether outputs must exist.
type hostileCase struct {
	name string
	// file is the input's name; data its bytes.
	file string
	data []byte
	// args are extra command-line arguments (placed before the input).
	args []string
	// code is the exit status wanted.
	code int
	// stderr are texts the error output must hold.
	stderr []string
	// translated says the input must be translated (outputs written);
	// otherwise no output at all may exist.
	translated bool
	// check, when set, runs on the output folder after the command.
	check func(t *testing.T, out string)
}

const agencyText = "Séoul accueille le sommet\n\nM. Kim est arrivé mardi à Séoul, a annoncé l'agence Yonhap. « Nous sommes prêts », a-t-il déclaré.\n"

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.New(rand.NewSource(8)).Read(b)
	return b
}

func hostileInputs() []hostileCase {
	return []hostileCase{
		{name: "empty", file: "vide.fr.txt", code: 1, stderr: []string{"vide.fr.txt", "empty"}},
		{name: "whitespace only", file: "blanc.fr.txt", data: []byte(" \n\t\r\n  \n"), code: 1, stderr: []string{"blanc.fr.txt", "empty"}},
		{name: "whitespace only markdown", file: "blanc.fr.md", data: []byte("\n\n   \n"), code: 1, stderr: []string{"blanc.fr.md", "empty"}},
		{name: "UTF-8 BOM", file: "bom.fr.txt", data: append([]byte{0xEF, 0xBB, 0xBF}, agencyText...), translated: true,
			check: outputLacks("bom.en.txt", "\uFEFF")},
		{name: "CRLF", file: "crlf.fr.txt", data: []byte(strings.ReplaceAll(agencyText, "\n", "\r\n")), translated: true,
			check: outputLacks("crlf.en.txt", "\r")},
		{name: "Windows-1252", file: "latin.fr.txt", data: []byte("Le pr\xe9sident est arriv\xe9 \xe0 S\xe9oul\n\n\xab Nous sommes pr\xeats \xbb, a d\xe9clar\xe9 M. Kim.\n"),
			translated: true, stderr: []string{"latin.fr.txt", "Windows-1252"}, check: outputHas("latin.json", "président")},
		{name: "UTF-16 with BOM", file: "seize.fr.txt", data: utf16LE(agencyText, true), code: 1, stderr: []string{"seize.fr.txt", "UTF-16"}},
		{name: "UTF-16 without BOM", file: "seize2.fr.md", data: utf16LE(agencyText, false), code: 1, stderr: []string{"seize2.fr.md", "UTF-16"}},
		{name: "binary", file: "image.fr.txt", data: append([]byte("\x89PNG\r\n\x1a\n"), randomBytes(4096)...), code: 1, stderr: []string{"image.fr.txt:2:", "binary"}},
		{name: "control character on line 3", file: "ctrl.fr.txt", data: []byte("Titre\n\nM. Kim\x1b[31m est parti.\n"), code: 1, stderr: []string{"ctrl.fr.txt:3:", "control character"}},
		{name: "over 64 MB", file: "enorme.fr.txt", data: bytes.Repeat([]byte("M. Kim est arrivé à Séoul. "), (64<<20)/27+1), code: 1,
			stderr: []string{"enorme.fr.txt", "larger than 64 MB"}},
		{name: "deep quotes", file: "profond.fr.md", data: []byte("# Titre\n\n" + strings.Repeat("> ", 10000) + "M. Kim est parti.\n"), code: 1,
			stderr: []string{"profond.fr.md:3:", "nested"}},
		{name: "deep lists", file: "listes.fr.md", data: deepList(500), code: 1, stderr: []string{"listes.fr.md:", "nested"}},
		{name: "deep emphasis and links", file: "liens.fr.md", data: []byte("# Titre\n\n" + strings.Repeat("*[", 5000) + "M. Kim" + strings.Repeat("](x)*", 5000) + "\n"),
			translated: true},
		{name: "script and attribute-breaking text", file: "piege.fr.txt", data: []byte(scriptArticle), translated: true, check: checkInertHTML("piege.bilingual.html", "document.title=")},
		{name: "script in Markdown", file: "piege.fr.md", data: []byte(scriptMarkdown), translated: true, check: checkInertHTML("piege.bilingual.html", "document.title=")},
		{name: "hostile file name", file: `l'article "spécial" <img src=x onerror=alert(1)> été 서울.fr.txt`, data: []byte(agencyText), translated: true,
			check: checkInertHTML(`l'article "spécial" <img src=x onerror=alert(1)> été 서울.bilingual.html`, "")},
		{name: "malformed glossary", file: "ok.fr.txt", data: []byte(agencyText), args: []string{"--glossary", "mauvais.csv"}, code: 1,
			stderr: []string{"mauvais.csv:4:", "quoted-field"}},
		{name: "conflicting glossary", file: "ok.fr.txt", data: []byte(agencyText), args: []string{"--glossary", "conflit.csv"}, code: 1,
			stderr: []string{"conflit.csv:3:", "conflict"}},
	}
}

// deepList is a Markdown list nested n levels by indentation.
func deepList(n int) []byte {
	var b strings.Builder
	b.WriteString("# Titre\n\n")
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- M. Kim est parti.\n")
	}
	return []byte(b.String())
}

const scriptArticle = `Alerte <script>document.title='pwned'</script> à Séoul

M. Kim a dit " onmouseover="document.title='pwned'" x=" puis ' onfocus='document.title=1' autofocus='. </textarea></style></title><img src=x onerror="document.title='pwned'"> Fin.

<iframe srcdoc="<script>parent.document.title='pwned'</script>"></iframe> &lt;b&gt; &amp; &#0; ]]> --> <!-- x
`

const scriptMarkdown = `# Alerte <script>document.title='pwned'</script> à Séoul

M. Kim a dit [« cliquez »](javascript:document.title='pwned') et ![image](x" onerror="document.title='pwned').

<script>document.title='pwned'</script>

<div onclick="document.title='pwned'">Bloc HTML brut.</div>

` + "```html\n<script>document.title='pwned'</script>\n```\n"

// glossaries written next to the inputs for the glossary cases.
var hostileGlossaries = map[string]string{
	"mauvais.csv": "source,target\nSéoul,Seoul\n\"Kim Jong-un,Kim Jong Un\nYonhap,Yonhap\n",
	"conflit.csv": "source,target\nSéoul,Seoul\nSéoul,Soul\n",
}

func TestTranslateHostileInputs(t *testing.T) {
	for _, tc := range hostileInputs() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range hostileGlossaries {
				writeFile(t, filepath.Join(dir, name), []byte(text))
			}
			writeFile(t, filepath.Join(dir, tc.file), tc.data)
			out := filepath.Join(dir, "out")
			env, _, errb := bufferEnv(t, translatetest.NewFake())
			env.Dir = dir
			args := []string{"bitext", "translate", "--backend", "fake", "--format", "html,md,txt,json", "--out", out}
			args = append(append(args, tc.args...), filepath.Join(dir, tc.file))
			withDir(t, dir, func() {
				code := run(context.Background(), env, args)
				t.Logf("exit %d; stderr: %s", code, firstLine(errb.String()))
				if code != tc.code {
					t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, errb)
				}
			})
			for _, s := range tc.stderr {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb)
				}
			}
			checkOutputs(t, out, tc.translated)
			if tc.check != nil {
				tc.check(t, out)
			}
		})
	}
}

// checkOutputs checks that out holds the five outputs of a translated
// input, or none at all, and no temporary file either way.
func checkOutputs(t *testing.T, out string, translated bool) {
	t.Helper()
	var files []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		if strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", rel)
		}
		if d.IsDir() && rel == outdir.StateDir {
			return fs.SkipDir
		}
		if !d.IsDir() {
			files = append(files, rel)
		}
		return nil
	})
	switch {
	case translated && len(files) != 5:
		t.Errorf("want the English and 4 bilingual outputs, got %q", files)
	case !translated && len(files) != 0:
		t.Errorf("a refused input left outputs: %q", files)
	}
}

func outputLacks(name, s string) func(*testing.T, string) {
	return func(t *testing.T, out string) {
		if data := readOut(t, out, name); strings.Contains(data, s) {
			t.Errorf("%s holds %q:\n%q", name, s, data)
		}
	}
}

func outputHas(name, s string) func(*testing.T, string) {
	return func(t *testing.T, out string) {
		if data := readOut(t, out, name); !strings.Contains(data, s) {
			t.Errorf("%s lacks %q:\n%s", name, s, data)
		}
	}
}

func readOut(t *testing.T, out, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// withDir runs f in dir: the glossary cases name their file relative to it.
func withDir(t *testing.T, dir string, f func()) {
	t.Helper()
	t.Chdir(dir)
	f()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// checkInertHTML parses the bilingual HTML page name and fails on anything
// that could run: script-bearing elements, event-handler attributes and
// javascript: URLs. It then loads the page in headless Chromium when there
// is one, and checks that no script ran there either.
// When escaped is set, the page must show it as text (the hostile text was
// escaped, not dropped).
func checkInertHTML(name, escaped string) func(*testing.T, string) {
	return func(t *testing.T, out string) {
		page := readOut(t, out, name)
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatalf("%s does not parse: %v", name, err)
		}
		for n := range doc.Descendants() {
			if problem := activeContent(n); problem != "" {
				t.Errorf("%s: %s", name, problem)
			}
		}
		if !strings.Contains(page, escaped) {
			t.Errorf("%s: the hostile text was dropped instead of escaped", name)
		}
		checkInertInChromium(t, page)
	}
}

// activeContent describes what in n could run script, or returns "".
func activeContent(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	switch n.DataAtom {
	case atom.Script, atom.Iframe, atom.Object, atom.Embed, atom.Img, atom.Frame, atom.Base, atom.Form:
		return "element <" + n.Data + ">"
	}
	for _, a := range n.Attr {
		v := strings.ToLower(strings.TrimSpace(a.Val))
		switch {
		case strings.HasPrefix(strings.ToLower(a.Key), "on"):
			return "event attribute " + a.Key + " on <" + n.Data + ">"
		case a.Key == "srcdoc", strings.HasPrefix(v, "javascript:"), strings.HasPrefix(v, "data:text/html"):
			return "attribute " + a.Key + "=" + a.Val + " on <" + n.Data + ">"
		}
	}
	return ""
}

// TestTranslateHostileFolder translates a batch folder holding a symbolic
// link loop, a link to the folder itself, a named pipe, an unreadable file
// and names with "..", spaces, quotes and non-ASCII letters: the bad files
// are reported by name, the good ones translated, and every output lands
// inside the output folder.
func TestTranslateHostileFolder(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "depeches")
	sub := filepath.Join(in, "sous dossier")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	good := []string{"a..b.fr.txt", "avec espace.fr.md", `guillemets 'simples' "doubles".fr.txt`, "sous dossier/été 서울.fr.txt"}
	for _, name := range good {
		writeFile(t, filepath.Join(in, name), []byte(agencyText))
	}
	mustDo(t, os.Symlink("boucle2.fr.txt", filepath.Join(in, "boucle1.fr.txt")))
	mustDo(t, os.Symlink("boucle1.fr.txt", filepath.Join(in, "boucle2.fr.txt")))
	mustDo(t, os.Symlink("..", filepath.Join(sub, "parent")))
	mustDo(t, syscall.Mkfifo(filepath.Join(in, "tube.fr.txt"), 0o644))
	writeFile(t, filepath.Join(in, "secret.fr.txt"), []byte(agencyText))
	mustDo(t, os.Chmod(filepath.Join(in, "secret.fr.txt"), 0))
	out := filepath.Join(root, "out")
	env, _, errb := bufferEnv(t, translatetest.NewFake())
	code := runWithin(t, 60*time.Second, env, "bitext", "translate", "--backend", "fake", "--format", "html", "--out", out, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errb)
	}
	for _, want := range []string{"boucle1.fr.txt: too many levels of symbolic links", "boucle2.fr.txt: too many levels of symbolic links", "tube.fr.txt: not a regular file"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb)
		}
	}
	if os.Geteuid() != 0 && !strings.Contains(errb.String(), "secret.fr.txt: permission denied") {
		t.Errorf("stderr lacks the unreadable file:\n%s", errb)
	}
	for _, name := range good {
		base := strings.TrimSuffix(strings.TrimSuffix(name, ".txt"), ".md")
		base = strings.TrimSuffix(base, ".fr")
		ext := filepath.Ext(name)
		for _, f := range []string{base + ".en" + ext, base + ".bilingual.html"} {
			if _, err := os.Stat(filepath.Join(out, f)); err != nil {
				t.Errorf("output of %s: %v", name, err)
			}
		}
	}
	checkNothingOutside(t, root, in, out)
}

// checkNothingOutside checks that root holds only the input and output
// folders: no output escaped the output folder.
func checkNothingOutside(t *testing.T, root string, keep ...string) {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		p := filepath.Join(root, e.Name())
		if !slices.Contains(keep, p) {
			t.Errorf("file written outside the output folder: %s", p)
		}
	}
}

// TestTranslateDotDotPath names an input through "..", from a folder
// below the output's: the output lands in the output folder, named after
// the file alone.
func TestTranslateDotDotPath(t *testing.T) {
	root := t.TempDir()
	mustDo(t, os.MkdirAll(filepath.Join(root, "a", "b"), 0o755))
	writeFile(t, filepath.Join(root, "a", "depeche.fr.txt"), []byte(agencyText))
	env, _, errb := bufferEnv(t, translatetest.NewFake())
	t.Chdir(filepath.Join(root, "a", "b"))
	code := run(context.Background(), env, []string{"bitext", "translate", "--backend", "fake", "--format", "txt", "--out", "../../out", "../../a/b/../depeche.fr.txt"})
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errb)
	}
	for _, f := range []string{"depeche.en.txt", "depeche.bilingual.txt"} {
		if _, err := os.Stat(filepath.Join(root, "out", f)); err != nil {
			t.Error(err)
		}
	}
	checkNothingOutside(t, root, filepath.Join(root, "a"), filepath.Join(root, "out"))
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// runWithin runs the command line, failing the test if it has not ended
// after limit (a read blocked on a named pipe, say).
func runWithin(t *testing.T, limit time.Duration, env *Env, args ...string) int {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- run(ctx, env, args) }()
	select {
	case code := <-done:
		return code
	case <-time.After(limit):
		t.Fatalf("bitext %s has not ended after %v", strings.Join(args[1:], " "), limit)
	}
	return 0
}

// TestTranslateCorruptMemory puts garbage where the translation memory
// belongs: translate must stop with an error naming the file, and write
// nothing.
func TestTranslateCorruptMemory(t *testing.T) {
	for name, data := range map[string][]byte{
		"garbage":   randomBytes(8192),
		"truncated": append([]byte("SQLite format 3\x00"), make([]byte, 100)...),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			mustDo(t, os.MkdirAll(filepath.Join(out, outdir.StateDir), 0o755))
			writeFile(t, outdir.MemoryPath(out), data)
			writeFile(t, filepath.Join(dir, "depeche.fr.txt"), []byte(agencyText))
			env, _, errb := bufferEnv(t, translatetest.NewFake())
			code := run(context.Background(), env, []string{"bitext", "translate", "--backend", "fake", "--out", out, filepath.Join(dir, "depeche.fr.txt")})
			t.Logf("exit %d: %s", code, firstLine(errb.String()))
			if code != 1 || !strings.Contains(errb.String(), "memory.db") {
				t.Errorf("exit %d, want 1 and an error naming memory.db:\n%s", code, errb)
			}
			checkOutputs(t, out, false)
		})
	}
}

// TestTranslateOneLine50MB feeds a 50 MB article written on one line
// (sentences without a line break). A line that long is no article: it is
// refused at once with an error naming the file and line, and nothing is
// written.
func TestTranslateOneLine50MB(t *testing.T) {
	dir := t.TempDir()
	sentence := "M. Kim est arrivé mardi à Séoul. "
	data := []byte("Titre\n\n" + strings.Repeat(sentence, (50<<20)/len(sentence)))
	writeFile(t, filepath.Join(dir, "ligne.fr.txt"), data)
	out := filepath.Join(dir, "out")
	fake := translatetest.NewFake()
	env, _, errb := bufferEnv(t, fake)
	code := run(context.Background(), env, []string{"bitext", "translate", "--backend", "fake", "--format", "txt", "--out", out, filepath.Join(dir, "ligne.fr.txt")})
	if code != 1 || !strings.Contains(errb.String(), "ligne.fr.txt:3: line is 50.0 MB long") {
		t.Fatalf("exit %d, want 1 and an error naming ligne.fr.txt:3:\n%s", code, errb)
	}
	if fake.Segments() != 0 {
		t.Errorf("%d segments sent", fake.Segments())
	}
	checkOutputs(t, out, false)
}
