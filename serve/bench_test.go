package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// variedArticle is an agency dispatch of n sentences, n/4 paragraphs of
// four, built from a dozen sentence shapes with names, places, figures
// and dates that vary, as a long story's sentences do.
func variedArticle(n int) string {
	shapes := []string{
		"La Corée du Nord a tiré %d missiles balistiques %s matin depuis la région de %s, selon l'état-major sud-coréen.",
		"« Nous ne céderons pas à la pression », a déclaré M. %s lors d'une conférence de presse à %s le %d mars.",
		"Le budget de la défense atteindra %d milliards de wons l'an prochain, a indiqué le ministère à %s.",
		"Selon l'agence Yonhap, %s a rencontré %s pendant près de %d heures.",
		"Les manœuvres conjointes mobiliseront environ %d soldats jusqu'au %s, a précisé le porte-parole.",
		"Pyongyang a dénoncé %s une « provocation dangereuse » et menacé de riposter.",
		"M. %s, qui dirige la délégation depuis %d, doit se rendre ensuite à %s.",
		"Le Conseil de sécurité de l'ONU se réunira %s à la demande de %s.",
		"Aucune victime n'a été signalée, mais %d habitants de %s ont été évacués par précaution.",
		"Les négociations, suspendues depuis %d, pourraient reprendre à %s si %s l'accepte.",
		"Le prix du riz a augmenté de %d %% en un mois dans la province de %s, d'après %s.",
		"Interrogé par l'AFP, un diplomate européen en poste à %s a jugé la situation « préoccupante » %s.",
	}
	names := []string{"Kim", "Lee Jae-myung", "Choe Son-hui", "Yoon", "Park", "Han Duck-soo", "Blinken", "Wang Yi"}
	places := []string{"Séoul", "Pyongyang", "Wonsan", "Pékin", "Tokyo", "Genève", "Panmunjom", "Busan", "Kaesong"}
	days := []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
	var b strings.Builder
	b.WriteString("La Corée du Nord tire un missile balistique au large de la côte est\n\n")
	for i := 1; i < n; i++ {
		words := []string{names[i%len(names)], places[i*3%len(places)], days[i%len(days)], places[(i+4)%len(places)]}
		sentence := strings.ReplaceAll(shapes[i%len(shapes)], "%d", fmt.Sprint(3+i*7%97))
		for k := 0; strings.Contains(sentence, "%s"); k++ {
			sentence = strings.Replace(sentence, "%s", words[k], 1)
		}
		b.WriteString(strings.ReplaceAll(sentence, "%%", "%") + " ")
		if i%4 == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String() + "\n"
}

// repetitiveArticle is the worst case for the fuzzy matching review does
// on pending sentences: n sentences that differ only by their figures.
func repetitiveArticle(n int) string {
	var b strings.Builder
	b.WriteString("La Corée du Nord tire un missile balistique au large de la côte est\n\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "Selon l'agence Yonhap, le tir numéro %d a eu lieu mardi %d mars près de Wonsan. ", i, i%28+1)
		if i%4 == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String() + "\n"
}

// timing is one request's time to the first byte and to the last.
type timing struct{ first, total time.Duration }

// fetch GETs url with the token and times it.
func fetch(b *testing.B, url, token string) (timing, int) {
	b.Helper()
	var start, first time.Time
	trace := &httptrace.ClientTrace{GotFirstResponseByte: func() { first = time.Now() }}
	req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	start = time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		b.Fatalf("GET %s: %d", url, res.StatusCode)
	}
	return timing{first.Sub(start), time.Since(start)}, int(n)
}

func median(ds []time.Duration) float64 {
	slices.Sort(ds)
	return float64(ds[len(ds)/2]) / float64(time.Millisecond)
}

// BenchmarkArticlePage200 times the page of a 200-segment article, to
// the first byte and to the last, against the same bytes served as a
// static file (the baseline), interleaved: cold (the article opened
// afresh, as after any change to it or to the memory) and warm (nothing
// changed, as most of the page's polls find); and the API's article,
// which the page polls.
func BenchmarkArticlePage200(b *testing.B) {
	for _, c := range []struct {
		name string
		text string
	}{{"varied", variedArticle(200)}, {"repetitive", repetitiveArticle(200)}} {
		b.Run(c.name, func(b *testing.B) { benchPage(b, c.text) })
	}
}

func benchPage(b *testing.B, text string) {
	fx := newFixture(b, map[string]string{"long.fr.txt": text}, Options{})
	if n := len(fx.article(b, "long.en.txt").Units); n != 200 {
		b.Fatalf("%d units, want 200", n)
	}
	page, api := fx.ts.URL+"/articles/long.en.txt", fx.ts.URL+"/api/articles/long.en.txt"
	_, body := fx.do(b, "GET", "/articles/long.en.txt", "")
	static := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, body)
	}))
	defer static.Close()
	m := map[string][]time.Duration{}
	var size int
	b.ResetTimer()
	for b.Loop() {
		fx.srv.cache.mu.Lock()
		fx.srv.cache.entries = nil // the next view opens the article afresh
		fx.srv.cache.mu.Unlock()
		t, n := fetch(b, page, fx.token)
		m["cold-ttfb-ms"], m["cold-page-ms"], size = append(m["cold-ttfb-ms"], t.first), append(m["cold-page-ms"], t.total), n
		t, _ = fetch(b, page, fx.token)
		m["ttfb-ms"], m["page-ms"] = append(m["ttfb-ms"], t.first), append(m["page-ms"], t.total)
		t, _ = fetch(b, static.URL, "")
		m["static-ttfb-ms"], m["static-page-ms"] = append(m["static-ttfb-ms"], t.first), append(m["static-page-ms"], t.total)
		t, _ = fetch(b, api, fx.token)
		m["api-ms"] = append(m["api-ms"], t.total)
	}
	for k, v := range m {
		b.ReportMetric(median(v), k)
	}
	b.ReportMetric(float64(size)/1024, "page-KB")
}

// BenchmarkBrowserPage200 loads the page of a 200-segment article in
// headless Chromium and reads the browser's navigation timing: time to the
// first byte and to the end of the load event (the page complete, with
// its style sheet and script), cold and warm as BenchmarkArticlePage200,
// against a static copy of the page served with the same assets (the
// baseline), interleaved.
func BenchmarkBrowserPage200(b *testing.B) {
	if testing.Short() {
		b.Skip("browser benchmark skipped under -short (scripts/bench-serve.sh runs it)")
	}
	chromiumPath(b)
	fx := newFixture(b, map[string]string{"long.fr.txt": variedArticle(200)}, Options{Poll: time.Hour})
	_, body := fx.do(b, "GET", "/articles/long.en.txt", "")
	mux := http.NewServeMux()
	mux.Handle("/assets/", assetHandler())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, body)
	})
	static := httptest.NewServer(mux)
	defer static.Close()
	br := newBrowser(b, 1280, 900)
	run(b, br, "token", chromedp.Navigate(fx.ts.URL+"/?token="+fx.token))
	m := map[string][]time.Duration{}
	b.ResetTimer()
	for b.Loop() {
		fx.srv.cache.mu.Lock()
		fx.srv.cache.entries = nil // the next view opens the article afresh
		fx.srv.cache.mu.Unlock()
		f, l := browserLoad(b, br, fx.ts.URL+"/articles/long.en.txt")
		m["cold-ttfb-ms"], m["cold-load-ms"] = append(m["cold-ttfb-ms"], f), append(m["cold-load-ms"], l)
		f, l = browserLoad(b, br, fx.ts.URL+"/articles/long.en.txt")
		m["ttfb-ms"], m["load-ms"] = append(m["ttfb-ms"], f), append(m["load-ms"], l)
		f, l = browserLoad(b, br, static.URL+"/articles/long.en.txt")
		m["static-ttfb-ms"], m["static-load-ms"] = append(m["static-ttfb-ms"], f), append(m["static-load-ms"], l)
	}
	for k, v := range m {
		b.ReportMetric(median(v), k)
	}
}

// browserLoad navigates to url and returns the navigation's time to the
// first byte (responseStart - requestStart) and to the end of its load
// event (loadEventEnd - startTime), as the browser measured them.
func browserLoad(b *testing.B, br context.Context, url string) (time.Duration, time.Duration) {
	b.Helper()
	run(b, br, "navigate", chromedp.Navigate(url))
	waitFor(b, br, `performance.getEntriesByType('navigation')[0].loadEventEnd > 0`)
	t := eval[[]float64](b, br, `(function () { var n = performance.getEntriesByType('navigation')[0];
		return [n.responseStart - n.requestStart, n.loadEventEnd - n.startTime]; })()`)
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	return ms(t[0]), ms(t[1])
}

// BenchmarkList1000 times GET /api/articles over 1,000 small articles:
// first (every article opened to count its units) and again (nothing
// changed).
func BenchmarkList1000(b *testing.B) {
	n := 1000
	if testing.Short() {
		n = 20
	}
	arts := map[string]string{}
	for i := range n {
		arts[fmt.Sprintf("d%02d/depeche-%04d.fr.txt", i%10, i)] = fmt.Sprintf("Dépêche numéro %d\n\n%s\n", i, variedArticle(3+i%3))
	}
	fx := newFixture(b, arts, Options{})
	m := map[string][]time.Duration{}
	b.ResetTimer()
	for b.Loop() {
		fx.srv.list.mu.Lock()
		clear(fx.srv.list.by)
		fx.srv.list.mu.Unlock()
		t, _ := fetch(b, fx.ts.URL+"/api/articles", fx.token)
		m["first-ms"] = append(m["first-ms"], t.total)
		t, _ = fetch(b, fx.ts.URL+"/api/articles", fx.token)
		m["again-ms"] = append(m["again-ms"], t.total)
	}
	for k, v := range m {
		b.ReportMetric(median(v), k)
	}
}
