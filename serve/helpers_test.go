package serve

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/batch"
	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// Articles written for these tests, in the agency style bitext serves.
const (
	seoulFR = `Séoul accueille un sommet sur l'énergie

Le président sud-coréen a reçu mardi M. Kim à Séoul. Les deux hommes ont signé un accord de 3 milliards d'euros.

« C'est une journée historique », a déclaré le porte-parole, selon l'agence Yonhap.

La réunion doit reprendre jeudi 12 mars.
`
	moscouFR = `---
title: Une délégation nord-coréenne à Moscou
---

# Une délégation nord-coréenne reçue à Moscou

La délégation a été reçue par le *ministre* russe, selon [l'agence KCNA](https://kcna.example/dispatch?id=42&lang=fr).

Les entretiens porteront sur **le commerce** et l'énergie.
`
)

var ctx = context.Background()

// translateInto translates the articles (name → French text) into out as
// bitext translate does, with the test backend, and returns the backend.
func translateInto(t testing.TB, out string, articles map[string]string) {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in")
	for name, text := range articles {
		writeFile(t, filepath.Join(in, name), text)
	}
	f, err := outdir.Open(ctx, out, outdir.Options{Wait: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := engine.Settings{From: "fr", To: "en"}
	fake := translatetest.NewFake()
	p, err := engine.NewPipeline(ctx, fake, s)
	if err != nil {
		t.Fatal(err)
	}
	eng := &engine.Engine{Backend: fake, Info: translate.BackendInfo{Name: "fake"}, Pipeline: p, Settings: s}
	eng.UseMemory(f.Memory, engine.MemoryOptions{})
	inputs, err := batch.Find([]string{in}, batch.FindOptions{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	r := &batch.Runner{Engine: eng, Folder: f, Out: out, Formats: []bilingual.Format{bilingual.FormatHTML}, Jobs: 2, Now: time.Now}
	sum, err := r.Run(ctx, inputs)
	if err != nil || sum.Failed > 0 {
		t.Fatalf("translate: %v (%+v)", err, sum)
	}
}

func writeFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fixture is a served output folder.
type fixture struct {
	out   string
	mem   memory.Memory
	srv   *Server
	ts    *httptest.Server
	token string
}

// newFixture translates the articles into a new output folder and serves
// it on a test server.
func newFixture(t testing.TB, articles map[string]string, opts Options) *fixture {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	translateInto(t, out, articles)
	f, err := outdir.Open(ctx, out, outdir.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	opts.Out, opts.Memory = out, f.Memory
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	fx := &fixture{out: out, mem: f.Memory, srv: srv, token: srv.Token()}
	fx.ts = httptest.NewUnstartedServer(nil)
	fx.ts.Config.Handler = srv.Handler(fx.ts.Listener.Addr())
	fx.ts.Start()
	t.Cleanup(fx.ts.Close)
	return fx
}

// reviewCheck lists a unit's problems as bitext review does (the
// command line's checkFunc): the glossary's violations and the fidelity
// warnings of the English.
func reviewCheck(g *glossary.Glossary) func(source, target string, markup bool) []string {
	return func(source, target string, markup bool) []string {
		var out []string
		if g != nil {
			for _, v := range g.Check(source, target, markup) {
				out = append(out, "glossary: "+v.String())
			}
		}
		if f := translate.CheckFidelity(source, target, markup); f != nil {
			for _, w := range f.Warnings {
				out = append(out, "fidelity: "+w)
			}
		}
		return out
	}
}

// defaultArticles are the two test articles, one in a sub-folder.
func defaultArticles() map[string]string {
	return map[string]string{"asie/seoul.fr.txt": seoulFR, "moscou.fr.md": moscouFR}
}

// do sends a request with the token as a bearer token; body, when not
// empty, is sent as JSON.
func (fx *fixture) do(t testing.TB, method, path, body string) (int, string) {
	t.Helper()
	req := fx.request(t, method, path, body)
	req.Header.Set("Authorization", "Bearer "+fx.token)
	return send(t, req)
}

func (fx *fixture) request(t testing.TB, method, path, body string) *http.Request {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, fx.ts.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

func send(t testing.TB, req *http.Request) (int, string) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(data)
}

// article fetches an article through the API.
func (fx *fixture) article(t testing.TB, rel string) ArticleJSON {
	t.Helper()
	code, body := fx.do(t, "GET", "/api/articles/"+escapePath(rel), "")
	if code != 200 {
		t.Fatalf("GET %s: %d %s", rel, code, body)
	}
	var a ArticleJSON
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// post posts a decision on a unit and returns the status and body.
func (fx *fixture) post(t testing.TB, rel, id string, decision any) (int, string) {
	t.Helper()
	data, err := json.Marshal(decision)
	if err != nil {
		t.Fatal(err)
	}
	return fx.do(t, "POST", "/api/articles/"+escapePath(rel)+"/units/"+url.PathEscape(id), string(data))
}

// unitWith returns the unit of a whose French contains fr.
func unitWith(t testing.TB, a ArticleJSON, fr string) UnitJSON {
	t.Helper()
	for _, u := range a.Units {
		if strings.Contains(u.Source, fr) {
			return u
		}
	}
	t.Fatalf("no unit with %q in %s", fr, a.Path)
	return UnitJSON{}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
