package main

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sentinelKeys are fake API keys, one per backend that takes one.
var sentinelKeys = map[string]string{
	"GOOGLE_API_KEY":         "AIzaGoogSentinel4f2a9c71e0b3",
	"DEEPL_AUTH_KEY":         "dl7b1e3d90aaSentinelDeepL:fx",
	"LIBRETRANSLATE_API_KEY": "lt90c4aa11bbSentinelLibre",
	"OPENAI_API_KEY":         "sk-d2f6183344SentinelOpenAI",
}

// keyEcho is a hostile server: it answers every request with an error
// whose body and headers repeat whatever credentials the request carried
// (query, headers and body), or, in reset mode, drops the connection.
func keyEcho(reset bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if reset {
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				conn.Close()
			}
			return
		}
		var body strings.Builder
		buf := make([]byte, 1<<16)
		n, _ := r.Body.Read(buf)
		body.Write(buf[:n])
		echo := r.URL.RawQuery + " " + r.Header.Get("Authorization") + " " + body.String()
		w.Header().Set("X-Echo", strings.ReplaceAll(echo, "\n", " "))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte(`{"error":{"message":"invalid key: ` + strings.ReplaceAll(echo, `"`, `'`) + `"},"message":"bad key ` + strings.ReplaceAll(echo, `"`, `'`) + `"}`))
	})
}

// TestSecretsStayOut runs translate with sentinel keys for every backend
// against servers that echo the keys back or reset the connection, and
// checks that no key appears in standard output, standard error, the
// report or any file written.
func TestSecretsStayOut(t *testing.T) {
	for _, backend := range []string{"google", "deepl", "libretranslate", "openai"} {
		for _, reset := range []bool{false, true} {
			name := backend + "/echo"
			if reset {
				name = backend + "/reset"
			}
			t.Run(name, func(t *testing.T) {
				srv := httptest.NewServer(keyEcho(reset))
				defer srv.Close()
				dir := t.TempDir()
				writeFile(t, filepath.Join(dir, "depeche.fr.txt"), []byte(agencyText))
				env, out, errb := bufferEnv(t, nil)
				env.Getenv = func(k string) string { return sentinelKeys[k] }
				report := filepath.Join(dir, "rapport.json")
				code := run(context.Background(), env, []string{"bitext", "translate", "--backend", backend,
					"--endpoint", srv.URL, "--retries", "1", "--model", "gpt-test",
					"--report", report, "--out", filepath.Join(dir, "out"), filepath.Join(dir, "depeche.fr.txt")})
				if code == 0 {
					t.Fatalf("translate through a refusing server succeeded; stderr:\n%s", errb)
				}
				t.Logf("exit %d: %s", code, firstLine(errb.String()))
				checkNoKey(t, "stdout", out.String())
				checkNoKey(t, "stderr", errb.String())
				filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
					if err == nil && !d.IsDir() {
						data, _ := os.ReadFile(p)
						checkNoKey(t, p, string(data))
					}
					return nil
				})
			})
		}
	}
}

func checkNoKey(t *testing.T, where, text string) {
	t.Helper()
	for env, key := range sentinelKeys {
		// Any 8 characters of a key: a key cut short is a leak too.
		for i := 0; i+8 <= len(key); i++ {
			if strings.Contains(text, key[i:i+8]) {
				t.Errorf("%s holds part of %s's key (%q):\n%s", where, env, key[i:i+8], text)
				break
			}
		}
	}
}
