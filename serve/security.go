package serve

import (
	"crypto/subtle"
	"mime"
	"net"
	"net/http"
	"os"
	"strings"
)

// csp allows the page its own script, style and API and nothing else: no
// inline script or style, no other origin, no framing, no form posts.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// secure wraps h with the checks every request goes through, in order:
// the Host header, the token (assets excepted: they are the same for
// everyone and hold no data), and for POSTs the CSRF checks and the body
// cap. Every response gets the security headers.
func (s *Server) secure(hostOK func(string) bool, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		hdr.Set("Content-Security-Policy", csp)
		hdr.Set("X-Content-Type-Options", "nosniff")
		hdr.Set("X-Frame-Options", "DENY")
		hdr.Set("Referrer-Policy", "no-referrer")
		hdr.Set("Cache-Control", "no-store")
		if !hostOK(r.Host) {
			s.refuse(w, r, http.StatusForbidden, "this server answers only to the address it printed (Host "+r.Host+" refused)")
			return
		}
		if !strings.HasPrefix(r.URL.Path, "/assets/") && !s.authorized(w, r) {
			s.refuse(w, r, http.StatusUnauthorized, "missing or wrong access token: open the URL 'bitext serve' printed, or send Authorization: Bearer TOKEN")
			return
		}
		if r.Method == http.MethodPost {
			if status, msg := postProblem(r); status != 0 {
				s.refuse(w, r, status, msg)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		}
		h.ServeHTTP(w, r)
	})
}

// authorized reports whether r carries the token: as a bearer token or
// the cookie for any request, or in the query for a page, which then
// gets the cookie.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return s.isToken(strings.TrimSpace(auth))
	}
	name := cookieName(r.Host)
	if c, err := r.Cookie(name); err == nil && s.isToken(c.Value) {
		return true
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead || strings.HasPrefix(r.URL.Path, "/api/") {
		return false
	}
	if !s.isToken(r.URL.Query().Get("token")) {
		return false
	}
	http.SetCookie(w, &http.Cookie{Name: name, Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return true
}

func (s *Server) isToken(t string) bool {
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// cookieName is the token cookie's name for a server at host: cookies do
// not tell ports apart, so two servers on one machine need two names.
func cookieName(host string) string {
	_, port, _ := net.SplitHostPort(host)
	return "bitext_token_" + port
}

// postProblem returns why a POST is refused as a possible cross-site
// request (status and message), or 0: it must be JSON (which a form on
// another site cannot send without the browser asking first) and must not
// come from another origin.
func postProblem(r *http.Request) (int, string) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return http.StatusUnsupportedMediaType, "a POST must have a JSON body (Content-Type: application/json)"
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return http.StatusForbidden, "request from another site (Origin " + o + ") refused"
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return http.StatusForbidden, "request from another site (Sec-Fetch-Site: " + site + ") refused"
	}
	return 0, ""
}

// newHostCheck returns the test of Host headers for a server listening on
// addr: the port must be the server's; the name must be the address
// listened on, or for loopback "localhost" and any loopback address, or
// for an unspecified address (all interfaces) any IP address and the
// machine's name. A name that resolves elsewhere (DNS rebinding) fails.
func newHostCheck(addr net.Addr) func(string) bool {
	lhost, lport, _ := net.SplitHostPort(addr.String())
	lip := net.ParseIP(lhost)
	machine, _ := os.Hostname()
	return func(h string) bool {
		host, port, err := net.SplitHostPort(h)
		if err != nil {
			host, port = h, "80"
		}
		if port != lport || host == "" {
			return false
		}
		host = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
		ip := net.ParseIP(host)
		switch {
		case lip == nil:
			return false
		case lip.IsUnspecified():
			return ip != nil || host == "localhost" || machine != "" && strings.EqualFold(host, machine)
		case lip.IsLoopback():
			return host == "localhost" || ip != nil && ip.IsLoopback()
		}
		return ip != nil && ip.Equal(lip)
	}
}
