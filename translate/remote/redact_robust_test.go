package remote

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// TestDoJSONRedactsKeysCutByTruncation echoes a key in an error message at
// every offset around the point where messages are cut short: no 8
// characters of the key may survive, whole or cut.
func TestDoJSONRedactsKeysCutByTruncation(t *testing.T) {
	const key = "dl7b1e3d90aaSentinelDeepL:fx"
	for pad := maxMessage - len(key); pad <= maxMessage; pad++ {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusForbidden)
			w.Write([]byte(`{"message":"` + strings.Repeat("x", pad) + key + ` refusée"}`))
		}))
		req, _ := http.NewRequest(http.MethodPost, srv.URL, nil)
		err := DoJSON(context.Background(), srv.Client(), req, nil, "deepl", key)
		srv.Close()
		var st *translate.StatusError
		if !errors.As(err, &st) {
			t.Fatalf("pad %d: %v is not a StatusError", pad, err)
		}
		for i := 0; i+8 <= len(key); i++ {
			if strings.Contains(err.Error(), key[i:i+8]) {
				t.Fatalf("pad %d: error holds %q of the key: %v", pad, key[i:i+8], err)
			}
		}
	}
}
