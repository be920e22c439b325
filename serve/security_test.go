package serve

import (
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/outdir"
)

// TestTokenRequired: every page and API request needs the token, as a
// bearer token or the cookie a page opened with ?token= sets; the API
// does not take it in the URL.
func TestTokenRequired(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	for _, p := range []string{"/", "/articles", "/articles/" + seoulRel, "/api/articles", "/api/articles/" + seoulRel} {
		if code, _ := send(t, fx.request(t, "GET", p, "")); code != 401 {
			t.Errorf("GET %s without token: %d, want 401", p, code)
		}
		req := fx.request(t, "GET", p, "")
		req.Header.Set("Authorization", "Bearer "+strings.Repeat("0", len(fx.token)))
		if code, _ := send(t, req); code != 401 {
			t.Errorf("GET %s with a wrong token: %d, want 401", p, code)
		}
		if code, _ := fx.do(t, "GET", p, ""); code != 200 {
			t.Errorf("GET %s with the token: %d", p, code)
		}
	}
	if code, _ := send(t, fx.request(t, "GET", "/api/articles?token="+fx.token, "")); code != 401 {
		t.Errorf("API with the token in the URL: %d, want 401", code)
	}
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	req := fx.request(t, "POST", "/api/articles/"+seoulRel+"/units/"+u.ID, `{"action": "approve"}`)
	if code, _ := send(t, req); code != 401 {
		t.Errorf("POST without token: %d, want 401", code)
	}
	// The asset files hold no data and need no token; nothing else is
	// reached through their prefix.
	if code, _ := send(t, fx.request(t, "GET", "/assets/app.js", "")); code != 200 {
		t.Errorf("GET /assets/app.js: %d", code)
	}
	for _, p := range []string{"/assets/../api/articles", "/assets/%2E%2E/api/articles", "/assets/..%2Fapi%2Farticles"} {
		res, err := http.Get(fx.ts.URL + p) // following redirects
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == 200 || strings.Contains(string(data), seoulRel) {
			t.Errorf("GET %s without token: %d %.200s", p, res.StatusCode, data)
		}
	}
}

// TestCookieFromURLToken: opening the page with ?token= sets an HttpOnly,
// SameSite=Strict cookie, which then serves the API.
func TestCookieFromURLToken(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	res, err := http.Get(fx.ts.URL + "/?token=" + fx.token)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cs := res.Cookies()
	if res.StatusCode != 200 || len(cs) != 1 || cs[0].Value != fx.token || !cs[0].HttpOnly || cs[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("page with ?token=: %d, cookies %v", res.StatusCode, cs)
	}
	req := fx.request(t, "GET", "/api/articles", "")
	req.AddCookie(cs[0])
	if code, _ := send(t, req); code != 200 {
		t.Errorf("API with the cookie: %d", code)
	}
	bad := *cs[0]
	bad.Value = "x" + bad.Value[1:]
	req = fx.request(t, "GET", "/api/articles", "")
	req.AddCookie(&bad)
	if code, _ := send(t, req); code != 401 {
		t.Errorf("API with a wrong cookie: %d", code)
	}
}

// TestHostHeader: a Host other than the served address is refused, even
// with the token (DNS rebinding: evil.example resolving to 127.0.0.1).
func TestHostHeader(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	_, port, _ := net.SplitHostPort(fx.ts.Listener.Addr().String())
	for host, want := range map[string]int{
		"evil.example:" + port: 403,
		"evil.example":         403,
		"127.0.0.1:1":          403,
		"localhost:" + port:    200,
		"127.0.0.1:" + port:    200,
	} {
		req := fx.request(t, "GET", "/api/articles", "")
		req.Host = host
		req.Header.Set("Authorization", "Bearer "+fx.token)
		if code, _ := send(t, req); code != want {
			t.Errorf("Host %s: %d, want %d", host, code, want)
		}
	}
}

func TestHostCheckOfAddresses(t *testing.T) {
	addr := func(s string) net.Addr { a, _ := net.ResolveTCPAddr("tcp", s); return a }
	for _, c := range []struct {
		listen, host string
		ok           bool
	}{
		{"127.0.0.1:80", "localhost", true},
		{"127.0.0.1:8750", "[::1]:8750", true},
		{"[::1]:8750", "localhost:8750", true},
		{"192.0.2.7:8750", "192.0.2.7:8750", true},
		{"192.0.2.7:8750", "localhost:8750", false},
		{"192.0.2.7:8750", "desk.example:8750", false},
		{"0.0.0.0:8750", "192.0.2.7:8750", true},
		{"0.0.0.0:8750", "rebind.example:8750", false},
	} {
		if got := newHostCheck(addr(c.listen))(c.host); got != c.ok {
			t.Errorf("listening on %s, Host %s: %v, want %v", c.listen, c.host, got, c.ok)
		}
	}
}

// TestCSRF: a POST needs a JSON body and no foreign origin, even with the
// cookie (which a browser would send from another site's form); nothing
// is saved.
func TestCSRF(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	path := "/api/articles/" + seoulRel + "/units/" + u.ID
	cookie := &http.Cookie{Name: cookieName(fx.ts.Listener.Addr().String()), Value: fx.token}
	cases := []struct {
		name, ctype string
		headers     map[string]string
		want        int
	}{
		{"form", "application/x-www-form-urlencoded", nil, 415},
		{"text/plain", "text/plain", nil, 415},
		{"no type", "", nil, 415},
		{"foreign origin", "application/json", map[string]string{"Origin": "http://evil.example"}, 403},
		{"cross-site fetch", "application/json", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"same-site fetch", "application/json", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
	}
	for _, c := range cases {
		req := fx.request(t, "POST", path, `{"action": "approve"}`)
		req.Header.Set("Content-Type", c.ctype)
		for k, v := range c.headers {
			req.Header.Set(k, v)
		}
		req.AddCookie(cookie)
		if code, body := send(t, req); code != c.want {
			t.Errorf("%s: %d %s, want %d", c.name, code, body, c.want)
		}
	}
	if a := fx.article(t, seoulRel); a.Approved != 0 {
		t.Fatalf("a refused request approved %d units", a.Approved)
	}
	req := fx.request(t, "POST", path, `{"action": "approve"}`)
	req.Header.Set("Origin", fx.ts.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.AddCookie(cookie)
	if code, body := send(t, req); code != 200 {
		t.Errorf("same-origin POST with the cookie: %d %s", code, body)
	}
}

// TestSecurityHeaders: every response, errors and assets included, has a
// Content-Security-Policy without inline script, and the pages hold no
// inline script or event handler.
func TestSecurityHeaders(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	for _, p := range []string{"/", "/articles", "/api/articles", "/assets/app.css", "/nowhere", "/api/articles/x.en.txt"} {
		req := fx.request(t, "GET", p, "")
		req.Header.Set("Authorization", "Bearer "+fx.token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		got := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(got, "script-src 'self'") || !strings.Contains(got, "default-src 'none'") || strings.Contains(got, "unsafe") {
			t.Errorf("%s: CSP %q", p, got)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", p, res.Header)
		}
	}
	for _, p := range []string{"/", "/articles"} {
		_, body := fx.do(t, "GET", p, "")
		checkNoInlineScript(t, p, body)
	}
}

// TestBodyCap: a body over the cap is refused before it is read whole.
func TestBodyCap(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	big := `{"action": "edit", "text": "` + strings.Repeat("a", maxBody) + `"}`
	code, body := fx.do(t, "POST", "/api/articles/"+seoulRel+"/units/"+u.ID, big)
	if code != 413 {
		t.Errorf("%d-byte body: %d %.200s, want 413", len(big), code, body)
	}
}

// TestNothingOutsideServed: paths that leave the folder (.., encoded
// slashes and dots, absolute paths), name its state or a file that is
// not a working copy, or lead out through symbolic links are refused, and
// no byte of the files outside is ever sent.
func TestNothingOutsideServed(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	secretDir := filepath.Join(t.TempDir(), "secret")
	translateInto(t, secretDir, map[string]string{"fuite.fr.txt": "Le SECRET est à Pyongyang.\n"})
	if !strings.Contains(readFile(t, filepath.Join(secretDir, "fuite.en.txt")), "SECRET") {
		t.Fatal("fixture: no secret")
	}
	// A folder link and a working-copy link leading out of OUT, with the
	// state the link needs copied in.
	if err := os.Symlink(secretDir, filepath.Join(fx.out, "lien")); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(secretDir, "fuite.en.txt"), filepath.Join(fx.out, "fuite.en.txt"))
	state := outdir.Article{Out: fx.out, Name: "fuite", To: "en", Ext: "txt"}.StatePath()
	writeFile(t, state, readFile(t, outdir.Article{Out: secretDir, Name: "fuite", To: "en", Ext: "txt"}.StatePath()))
	// A state file linked out of OUT, for an article inside.
	writeFile(t, filepath.Join(fx.out, "autre.en.txt"), "x\n")
	os.Symlink(outdir.Article{Out: secretDir, Name: "fuite", To: "en", Ext: "txt"}.StatePath(),
		outdir.Article{Out: fx.out, Name: "autre", To: "en", Ext: "txt"}.StatePath())

	paths := []string{
		"../secret/fuite.en.txt", "..%2Fsecret%2Ffuite.en.txt", "%2E%2E%2Fsecret%2Ffuite.en.txt", "asie/../../secret/fuite.en.txt",
		"%2F" + strings.TrimPrefix(filepath.Join(secretDir, "fuite.en.txt"), "/"), "lien/fuite.en.txt", "lien%2Ffuite.en.txt",
		"fuite.en.txt", "autre.en.txt", ".bitext/docs/asie/seoul.json", ".bitext%2Fmemory.db", "asie/seoul.bilingual.html",
		"asie%5Cseoul.en.txt", "asie/seoul.en.txt%00", "asie//seoul.en.txt", "./asie/seoul.en.txt",
	}
	for _, p := range paths {
		for _, prefix := range []string{"/api/articles/", "/articles/"} {
			code, body := fx.do(t, "GET", prefix+p, "")
			if code == 200 || strings.Contains(body, "SECRET") || strings.Contains(body, "SQLite") {
				t.Errorf("GET %s%s: %d %.300s", prefix, p, code, body)
			}
		}
		code, body := fx.do(t, "POST", "/api/articles/"+p+"/units/1.1~000000", `{"action": "approve"}`)
		if code == 200 || strings.Contains(body, "SECRET") {
			t.Errorf("POST %s: %d %.300s", p, code, body)
		}
	}
	for _, p := range []string{"/api/articles", "/articles"} {
		if _, body := fx.do(t, "GET", p, ""); strings.Contains(body, "SECRET") || strings.Contains(body, "fuite") || strings.Contains(body, "autre") {
			t.Errorf("%s lists an article outside OUT: %.500s", p, body)
		}
	}
	for _, p := range []string{"/assets/../serve.go", "/assets/%2E%2E/doc.go", "/assets/../../go.mod"} {
		if code, body := fx.do(t, "GET", p, ""); code == 200 && strings.Contains(body, "package") {
			t.Errorf("GET %s served a source file", p)
		}
	}
}

// TestNestedOutputFolder: an output folder inside the served one has its
// own memory; its articles are not this server's.
func TestNestedOutputFolder(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	translateInto(t, filepath.Join(fx.out, "autre-sortie"), map[string]string{"fuite.fr.txt": "La réunion doit reprendre jeudi.\n"})
	if code, _ := fx.do(t, "GET", "/api/articles/autre-sortie/fuite.en.txt", ""); code != 404 {
		t.Errorf("article of a nested output folder: %d, want 404", code)
	}
}

func TestMethods(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	for _, m := range []string{"PUT", "DELETE", "PATCH"} {
		if code, _ := fx.do(t, m, "/api/articles/"+seoulRel, `{}`); code != 405 {
			t.Errorf("%s: %d, want 405", m, code)
		}
	}
}

func TestListen(t *testing.T) {
	for _, c := range []struct {
		addr          string
		allow, remote bool
		err           error
	}{
		{"127.0.0.1:0", false, false, nil},
		{"localhost:0", false, false, nil},
		{"0.0.0.0:0", false, true, ErrNotLoopback},
		{":0", false, true, ErrNotLoopback},
		{"0.0.0.0:0", true, true, nil},
	} {
		ln, remote, err := Listen(c.addr, c.allow)
		if !errors.Is(err, c.err) || remote != c.remote {
			t.Errorf("Listen(%s, %v) = remote %v, %v", c.addr, c.allow, remote, err)
		}
		if ln != nil {
			if c.addr == "localhost:0" && !ln.Addr().(*net.TCPAddr).IP.IsLoopback() {
				t.Errorf("localhost listens on %s", ln.Addr())
			}
			ln.Close()
		}
	}
	ln, _, err := Listen("127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if _, _, err := Listen(ln.Addr().String(), false); !errors.Is(err, ErrAddrInUse) {
		t.Errorf("a taken port: %v", err)
	}
}

func TestValidRel(t *testing.T) {
	for rel, ok := range map[string]bool{
		"asie/seoul.en.txt": true, "seoul.en.txt": true,
		"": false, "/etc/x.en.txt": false, "../x.en.txt": false, "asie/../x.en.txt": false, "./x.en.txt": false,
		"asie//x.en.txt": false, ".bitext/docs/x.json": false, "asie/.cache/x.en.txt": false, `asie\x.en.txt`: false,
		"x.en.txt\x00": false, "\xff.en.txt": false,
	} {
		if validRel(rel) != ok {
			t.Errorf("validRel(%q) = %v", rel, !ok)
		}
	}
}
