package translatetest

import (
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/bitext/bitext/translate"
)

// recorder is a testing.TB that records failures without failing the test;
// its Fatalf ends the goroutine, as the real one does.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// matchFails runs MatchFake in its own goroutine and reports whether it
// failed, and why.
func matchFails(t *testing.T, req translate.Request, got []string) (bool, string) {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		MatchFake(r, req, got)
	}()
	<-done
	return r.failed, r.msg
}

func TestMatchFake(t *testing.T) {
	req := translate.Request{From: "fr", To: "en", Segments: []string{"Le président a annoncé jeudi un accord.", "Selon l'AFP"}}
	right := []string{"The president has announced Thursday a agreement.", "According to the AFP"}
	cases := []struct {
		got  []string
		fail bool
	}{
		{right, false},
		{[]string{right[0], "Selon l'AFP"}, true},
		{[]string{right[1], right[0]}, true},
		{right[:1], true},
		{append(right, right[1]), true},
		{nil, true},
	}
	for _, c := range cases {
		if failed, msg := matchFails(t, req, c.got); failed != c.fail {
			t.Errorf("MatchFake(%q): failed = %v (%s), want %v", c.got, failed, msg, c.fail)
		}
	}
}

func TestAsStatus(t *testing.T) {
	se := &translate.StatusError{Backend: "deepl", Code: 456, Message: "quota exceeded"}
	if got := AsStatus(t, fmt.Errorf("batch 2: %w", se)); got != se {
		t.Errorf("AsStatus = %v, want %v", got, se)
	}
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		AsStatus(r, errors.New("connection reset by peer"))
		r.msg = "went on after Fatalf"
	}()
	<-done
	if !r.failed || r.msg == "went on after Fatalf" {
		t.Errorf("AsStatus on a plain error: failed = %v (%s)", r.failed, r.msg)
	}
}
