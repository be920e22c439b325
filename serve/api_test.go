package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
)

const seoulRel = "asie/seoul.en.txt"

func TestListArticles(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	code, body := fx.do(t, "GET", "/api/articles", "")
	if code != 200 {
		t.Fatalf("GET /api/articles: %d %s", code, body)
	}
	var got struct{ Articles []Summary }
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Articles) != 2 || got.Articles[0].Path != seoulRel || got.Articles[1].Path != "moscou.en.md" {
		t.Fatalf("articles = %+v", got.Articles)
	}
	s := got.Articles[0]
	if s.Name != "asie/seoul" || s.Total != 5 || s.Pending != 5 || s.Edited != 0 || s.Approved != 0 {
		t.Errorf("seoul = %+v, want 5 units, all pending", s)
	}
	if !strings.HasPrefix(s.Title, "Séoul") {
		t.Errorf("title = %q", s.Title)
	}
}

func TestGetArticle(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	a := fx.article(t, seoulRel)
	if a.Path != seoulRel || len(a.Units) != 5 || a.Pending != 5 {
		t.Fatalf("article = %+v", a)
	}
	u := unitWith(t, a, "Les deux hommes")
	if u.Text != u.Machine || u.Status != "pending" || u.Machine == "" || !strings.Contains(u.Machine, "signed") {
		t.Errorf("unit = %+v", u)
	}
	// The JSON has exactly the fields the README documents for a unit.
	_, body := fx.do(t, "GET", "/api/articles/"+seoulRel, "")
	var raw struct{ Units []map[string]any }
	json.Unmarshal([]byte(body), &raw)
	for _, k := range []string{"id", "source", "machine", "text", "status"} {
		if _, ok := raw.Units[0][k]; !ok {
			t.Errorf("unit JSON lacks %q: %v", k, raw.Units[0])
		}
	}
	// An escaped slash names the same article.
	code, body2 := fx.do(t, "GET", "/api/articles/asie%2Fseoul.en.txt", "")
	if code != 200 || body2 != body {
		t.Errorf("escaped path: %d, same body %v", code, body2 == body)
	}
}

// TestDecisionsLandInMemoryAndWorkingCopy: approve and edit go through the
// review model: the memory has the approval, the working copy the text,
// and a rerun of translate keeps both.
func TestDecisionsLandInMemoryAndWorkingCopy(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{By: "claire"})
	a := fx.article(t, seoulRel)
	first := unitWith(t, a, "Le président")
	second := unitWith(t, a, "Les deux hommes")
	const edited = "The two men signed a €3 billion deal."
	if code, body := fx.post(t, seoulRel, first.ID, Decision{Action: "approve", Base: &first.Text}); code != 200 {
		t.Fatalf("approve: %d %s", code, body)
	}
	code, body := fx.post(t, seoulRel, second.ID, map[string]string{"action": "edit", "text": edited, "base": second.Text})
	if code != 200 {
		t.Fatalf("edit: %d %s", code, body)
	}
	var res DecisionJSON
	json.Unmarshal([]byte(body), &res)
	if res.Unit.Status != "approved" || res.Unit.Text != edited || res.Counts.Approved != 2 || res.Counts.Pending != 3 {
		t.Errorf("edit answered %+v", res)
	}
	work := filepath.Join(fx.out, "asie", "seoul.en.txt")
	if !strings.Contains(readFile(t, work), edited) {
		t.Errorf("working copy lacks the edit:\n%s", readFile(t, work))
	}
	checkApproved(t, fx.mem, second.Source, "asie/seoul", edited)
	checkApproved(t, fx.mem, first.Source, "asie/seoul", first.Text)

	translateInto(t, fx.out, defaultArticles()) // a rerun of translate
	if !strings.Contains(readFile(t, work), edited) {
		t.Errorf("the rerun lost the edit:\n%s", readFile(t, work))
	}
	a = fx.article(t, seoulRel)
	if u := unitWith(t, a, "Les deux hommes"); u.Status != "approved" || u.Text != edited {
		t.Errorf("after the rerun: %+v", u)
	}
	if a.Approved != 2 {
		t.Errorf("after the rerun %d approved, want 2", a.Approved)
	}
}

// checkApproved checks the memory's translation of source at its first
// occurrence in doc.
func checkApproved(t *testing.T, m memory.Memory, source, doc, want string) {
	t.Helper()
	k := memory.Key{From: "fr", To: "en", Source: source}
	e, ok, err := m.LookupAt(ctx, k, "", memory.Occurrence{Doc: doc, Pos: 1})
	if err != nil || !ok || e.Status != memory.Approved || e.Target != want {
		t.Errorf("memory has %+v (ok %v, %v) for %q, want approved %q", e, ok, err, source, want)
	}
}

func TestRevertUnapproveAndDraft(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	work := filepath.Join(fx.out, "asie", "seoul.en.txt")
	steps := []struct {
		decision map[string]string
		status   string
		text     string
	}{
		{map[string]string{"action": "draft", "text": "The meeting resumes on Thursday 12 March."}, "edited", "The meeting resumes on Thursday 12 March."},
		{map[string]string{"action": "revert"}, "pending", u.Machine},
		{map[string]string{"action": "edit", "text": "The talks resume on Thursday."}, "approved", "The talks resume on Thursday."},
		{map[string]string{"action": "unapprove"}, "edited", "The talks resume on Thursday."},
	}
	for _, s := range steps {
		code, body := fx.post(t, seoulRel, u.ID, s.decision)
		var res DecisionJSON
		json.Unmarshal([]byte(body), &res)
		if code != 200 || res.Unit.Status != s.status || res.Unit.Text != s.text {
			t.Fatalf("%v: %d %s", s.decision, code, body)
		}
		if !strings.Contains(readFile(t, work), s.text) {
			t.Errorf("%v: working copy lacks %q", s.decision, s.text)
		}
	}
	if code, body := fx.post(t, seoulRel, u.ID, map[string]string{"action": "unapprove"}); code != 422 {
		t.Errorf("unapprove without approval: %d %s", code, body)
	}
}

// TestEditConflict: two editors edit the same segment from the same
// text; the second gets 409 with the first's text, and the first's text
// stays.
func TestEditConflict(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	const mine, theirs = "The meeting resumes on Thursday.", "Talks resume on Thursday 12 March."
	if code, body := fx.post(t, seoulRel, u.ID, map[string]string{"action": "edit", "text": theirs, "base": u.Text}); code != 200 {
		t.Fatalf("first edit: %d %s", code, body)
	}
	code, body := fx.post(t, seoulRel, u.ID, map[string]string{"action": "edit", "text": mine, "base": u.Text})
	if code != 409 {
		t.Fatalf("second edit: %d %s, want 409", code, body)
	}
	var c struct {
		Error string
		Unit  UnitJSON
	}
	json.Unmarshal([]byte(body), &c)
	if c.Unit.Text != theirs || c.Unit.Status != "approved" || c.Error == "" {
		t.Errorf("conflict answer %+v does not show the first edit", c)
	}
	if w := readFile(t, filepath.Join(fx.out, "asie", "seoul.en.txt")); !strings.Contains(w, theirs) || strings.Contains(w, mine) {
		t.Errorf("working copy:\n%s", w)
	}
	// An approval of a text its editor did not see is a conflict too.
	if code, _ := fx.post(t, seoulRel, u.ID, map[string]string{"action": "approve", "base": u.Text}); code != 409 {
		t.Errorf("approve on a stale base: %d, want 409", code)
	}
	// The same edit made twice is not one, and deciding again on the
	// current text replaces it.
	if code, _ := fx.post(t, seoulRel, u.ID, map[string]string{"action": "edit", "text": theirs, "base": u.Text}); code != 200 {
		t.Errorf("the same edit again: %d, want 200", code)
	}
	if code, _ := fx.post(t, seoulRel, u.ID, map[string]string{"action": "edit", "text": mine, "base": theirs}); code != 200 {
		t.Errorf("edit on the current text: %d", code)
	}
}

// TestConcurrentApprovals: approvals of every segment at once, from as
// many clients, all land.
func TestConcurrentApprovals(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	a := fx.article(t, seoulRel)
	var wg sync.WaitGroup
	codes := make([]int, len(a.Units))
	for i, u := range a.Units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			text := u.Text
			d := map[string]string{"action": "approve", "base": text}
			if i%2 == 1 {
				d = map[string]string{"action": "edit", "text": "Edited: " + text, "base": text}
			}
			codes[i], _ = fx.post(t, seoulRel, u.ID, d)
		}()
	}
	wg.Wait()
	a2 := fx.article(t, seoulRel)
	if a2.Approved != len(a.Units) {
		t.Fatalf("%d of %d approved (codes %v)", a2.Approved, len(a.Units), codes)
	}
	work := readFile(t, filepath.Join(fx.out, "asie", "seoul.en.txt"))
	for i, u := range a.Units {
		want := u.Text
		if i%2 == 1 {
			want = "Edited: " + want
		}
		checkApproved(t, fx.mem, u.Source, "asie/seoul", want)
		if !strings.Contains(work, want) {
			t.Errorf("working copy lacks %q", want)
		}
	}
}

func TestBadDecisions(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	unitPath := "/api/articles/" + seoulRel + "/units/" + u.ID
	for _, c := range []struct {
		path, body string
		code       int
	}{
		{unitPath, `{"action": "publish"}`, 400},
		{unitPath, `{"action": "edit"}`, 400},
		{unitPath, `{"action": "approve", "txt": "typo"}`, 400},
		{unitPath, `{"action": "edit", "text": "bell\u0007"}`, 400},
		{unitPath, `{"action": "approve"} {"action": "revert"}`, 400},
		{unitPath, `not json`, 400},
		{unitPath, `{"action": "retranslate", "backend": "fake"}`, 422},
		{"/api/articles/" + seoulRel + "/units/9.9~000000", `{"action": "approve"}`, 404},
		{"/api/articles/" + seoulRel + "/units/" + strings.Replace(u.ID, "~", "~f", 1), `{"action": "approve"}`, 404},
		{"/api/articles/nowhere.en.txt/units/1.1", `{"action": "approve"}`, 404},
		{"/api/articles/" + seoulRel, `{"action": "approve"}`, 404},
	} {
		if code, body := fx.do(t, "POST", c.path, c.body); code != c.code {
			t.Errorf("POST %s %s: %d %s, want %d", c.path, c.body, code, body, c.code)
		}
	}
	if a := fx.article(t, seoulRel); a.Approved != 0 {
		t.Errorf("a refused decision was saved: %d approved", a.Approved)
	}
}

// TestAddedParagraph: a paragraph the editor added has no French: it is
// listed as added, cannot be approved, and revert removes it.
func TestAddedParagraph(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	work := filepath.Join(fx.out, "asie", "seoul.en.txt")
	const note = "Editor's note: this dispatch was updated."
	writeFile(t, work, readFile(t, work)+"\n"+note+"\n")
	var added UnitJSON
	for _, u := range fx.article(t, seoulRel).Units {
		if u.Status == "added" {
			added = u
		}
	}
	if added.Text != note || added.ID != "added-4.1" {
		t.Fatalf("added unit = %+v", added)
	}
	if code, _ := fx.post(t, seoulRel, added.ID, map[string]string{"action": "approve"}); code != 422 {
		t.Errorf("approving an added paragraph: %d, want 422", code)
	}
	if code, body := fx.post(t, seoulRel, added.ID, map[string]string{"action": "revert"}); code != 200 {
		t.Fatalf("revert: %d %s", code, body)
	}
	if strings.Contains(readFile(t, work), note) {
		t.Error("revert left the added paragraph")
	}
}

// TestRetranslate: the new machine translation goes into the memory (a
// paid answer is kept) and the working copy, and the unit stays pending.
func TestRetranslate(t *testing.T) {
	calls := 0
	opts := Options{Backends: []string{"fake", "other"}, Retranslate: func(_ context.Context, b string, u *review.Unit) (string, error) {
		calls++
		return "[" + b + "] " + u.PlainText(), nil
	}}
	fx := newFixture(t, defaultArticles(), opts)
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	code, body := fx.post(t, seoulRel, u.ID, map[string]string{"action": "retranslate", "backend": "other", "base": u.Text})
	var res DecisionJSON
	json.Unmarshal([]byte(body), &res)
	want := "[other] " + u.Text
	if code != 200 || res.Unit.Text != want || res.Unit.Machine != want || res.Unit.Status != "pending" || res.Unit.Backend != "other" {
		t.Fatalf("retranslate: %d %s", code, body)
	}
	es, _ := fx.mem.Get(ctx, memory.Key{From: "fr", To: "en", Source: u.Source})
	if len(es) == 0 || es[0].Backend != "other" || es[0].Target != want {
		t.Errorf("memory: %+v", es)
	}
	if code, _ := fx.post(t, seoulRel, u.ID, map[string]string{"action": "retranslate", "backend": "nope"}); code != 400 || calls != 1 {
		t.Errorf("unknown backend: %d (calls %d)", code, calls)
	}
}

func TestHistory(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{By: "claire"})
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	fx.post(t, seoulRel, u.ID, map[string]string{"action": "edit", "text": "First try."})
	fx.post(t, seoulRel, u.ID, map[string]string{"action": "edit", "text": "Second try."})
	code, body := fx.do(t, "GET", "/api/articles/"+seoulRel+"/units/"+u.ID+"/history", "")
	var h HistoryJSON
	json.Unmarshal([]byte(body), &h)
	if code != 200 || len(h.Approvals) != 2 || h.Approvals[1].Text != "Second try." || h.Approvals[1].Previous != "First try." ||
		h.Approvals[0].Draft != u.Machine || h.Approvals[0].By != "claire" {
		t.Fatalf("history: %d %s", code, body)
	}
	if len(h.Translations) < 2 || h.Translations[0].Status != "approved" {
		t.Errorf("translations: %+v", h.Translations)
	}
}

// TestListFollowsOtherWriters: the list's counts change when another
// process approves in the memory or edits a working copy, not only when
// this server decides.
func TestListFollowsOtherWriters(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	list := func() Summary {
		_, body := fx.do(t, "GET", "/api/articles", "")
		var got struct{ Articles []Summary }
		json.Unmarshal([]byte(body), &got)
		return got.Articles[0]
	}
	if s := list(); s.Pending != 5 {
		t.Fatalf("before: %+v", s)
	}
	other, err := outdir.Open(ctx, fx.out, outdir.Options{ReadOnly: true}) // another process's memory handle
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	if _, err := other.Memory.ApproveAt(ctx, memory.Key{From: "fr", To: "en", Source: u.Source}, memory.Occurrence{Doc: "asie/seoul", Pos: 1}, u.Text, "paul"); err != nil {
		t.Fatal(err)
	}
	if s := list(); s.Pending != 4 || s.Approved != 1 {
		t.Errorf("after an approval elsewhere: %+v", s)
	}
	work := filepath.Join(fx.out, "asie", "seoul.en.txt")
	writeFile(t, work, strings.Replace(readFile(t, work), "Thursday", "Thursday afternoon", 1))
	if s := list(); s.Edited != 1 {
		t.Errorf("after an edit of the working copy: %+v", s)
	}
}

// TestUnitIDs: ids are URL-safe and tell units apart.
func TestUnitIDs(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	for _, rel := range []string{seoulRel, "moscou.en.md"} {
		seen := map[string]bool{}
		for _, u := range fx.article(t, rel).Units {
			if seen[u.ID] || strings.Trim(u.ID, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_~") != "" {
				t.Errorf("%s: id %q repeated or not URL-safe", rel, u.ID)
			}
			seen[u.ID] = true
		}
	}
	if got := fmt.Sprint(len(fx.article(t, "moscou.en.md").Units)); got != "4" {
		t.Errorf("moscou has %s units, want 4 (title, heading, 2 sentences)", got)
	}
}

// TestListAfterDecision: a decision changes the counts of every article
// holding its French (the first approval of a sentence is its translation
// everywhere), and leaves the others' summaries as they were, unopened.
func TestListAfterDecision(t *testing.T) {
	const shared = "La réunion doit reprendre jeudi 12 mars."
	arts := map[string]string{"a.fr.txt": seoulFR, "b.fr.txt": "Autre dépêche\n\n" + shared + "\n", "c.fr.md": moscouFR}
	fx := newFixture(t, arts, Options{})
	list := func() map[string]Summary {
		_, body := fx.do(t, "GET", "/api/articles", "")
		var got struct{ Articles []Summary }
		json.Unmarshal([]byte(body), &got)
		out := map[string]Summary{}
		for _, s := range got.Articles {
			out[s.Name] = s
		}
		return out
	}
	before := list()
	u := unitWith(t, fx.article(t, "a.en.txt"), "La réunion")
	if code, body := fx.post(t, "a.en.txt", u.ID, map[string]string{"action": "edit", "text": "The meeting resumes on Thursday 12 March."}); code != 200 {
		t.Fatal(body)
	}
	mem := fx.srv.memoryStamp()
	fx.srv.list.mu.Lock()
	carried := fx.srv.list.by[filepath.Join(fx.out, "c.en.md")].mem == mem && fx.srv.list.by[filepath.Join(fx.out, "b.en.txt")].mem != mem
	fx.srv.list.mu.Unlock()
	if !carried {
		t.Error("the summary of c (without the sentence) was not kept, or b's (with it) was")
	}
	after := list()
	if after["a"].Approved != 1 || after["b"].Pending != before["b"].Pending-1 || after["c"] != before["c"] {
		t.Errorf("before %+v\nafter %+v", before, after)
	}
}

// TestPathsWithSpacesAndAccents: a working copy's path is escaped in the
// page's links and read back from the API's address.
func TestPathsWithSpacesAndAccents(t *testing.T) {
	fx := newFixture(t, map[string]string{"dépêches/mon article.fr.txt": seoulFR}, Options{})
	const rel = "dépêches/mon article.en.txt"
	if a := fx.article(t, rel); a.Path != rel || len(a.Units) != 5 {
		t.Fatalf("article %+v", a)
	}
	_, page := fx.do(t, "GET", "/articles", "")
	if !strings.Contains(page, `href="/articles/d%C3%A9p%C3%AAches/mon%20article.en.txt"`) {
		t.Errorf("list link not escaped:\n%s", page)
	}
	if code, _ := fx.do(t, "GET", "/articles/d%C3%A9p%C3%AAches/mon%20article.en.txt", ""); code != 200 {
		t.Errorf("page of an escaped path: %d", code)
	}
}
