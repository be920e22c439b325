package apy

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

const modesDir = "/usr/share/apertium/modes"

// startAPY runs apertium-apy on a free loopback port for the test and
// returns its endpoint; it skips when apertium-apy or the French and
// Spanish pairs are not installed.
func startAPY(t *testing.T) string {
	t.Helper()
	const hint = "apt-get install apertium-apy apertium-fr-es apertium-eng-spa"
	bin, err := exec.LookPath("apertium-apy")
	if err != nil {
		t.Skip("apertium-apy is not installed; " + hint)
	}
	for _, m := range []string{"fr-es", "spa-eng"} {
		if _, err := os.Stat(modesDir + "/" + m + ".mode"); err != nil {
			t.Skipf("Apertium mode %s is not installed; %s", m, hint)
		}
	}
	port := freePort(t)
	cmd := exec.Command(bin, "-p", strconv.Itoa(port), "-j", "1", modesDir)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	cmd.Dir = t.TempDir()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	endpoint := "http://127.0.0.1:" + strconv.Itoa(port)
	waitReady(t, endpoint)
	return endpoint
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitReady(t *testing.T, endpoint string) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(endpoint + "/listPairs")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("apertium-apy did not answer at %s within 30s", endpoint)
}

func TestRealServer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts apertium-apy")
	}
	be := New(Config{Endpoint: startAPY(t), Workers: 4})
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	segs := []string{
		"Il pleut à Paris.",
		"M. Kim a déclaré « 3 000 » voitures.",
		"La croissance a atteint 1,5 % au premier trimestre, selon l'Insee.",
	}
	got, err := be.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != "It rains in Paris." || got[1] != "M. Kim has declared « 3 000 » cars." {
		t.Errorf("translations %q", got)
	}
	for i, out := range got {
		if out == segs[i] || strings.ContainsAny(out, "*\x00") {
			t.Errorf("segment %d: %q", i, out)
		}
	}
	span := `<span translate="no">Kim Jong-un</span>`
	html, err := be.Translate(ctx, translate.Request{From: "fr", To: "en", HTML: true,
		Segments: []string{"Le dirigeant " + span + " a reçu le <em>ministre</em> chinois à Pyongyang."}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html[0], span) || !strings.Contains(html[0], "<em>") || !strings.Contains(html[0], "</em>") {
		t.Errorf("HTML translation %q lost markup", html[0])
	}
	direct, err := be.Translate(ctx, translate.Request{From: "fr", To: "es", Segments: []string{"Il pleut à Paris."}})
	if err != nil || direct[0] != "Llueve en París." {
		t.Errorf("direct pair: %q %v", direct, err)
	}
}
