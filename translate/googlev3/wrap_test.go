package googlev3

import (
	"context"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

// wrapped returns the fake's backend behind remote.Wrap, recording the
// waits it asks for instead of sleeping.
func wrapped(t *testing.T, f *fakeService, opts remote.Options) (translate.Backend, *translatetest.Sleeps) {
	t.Helper()
	waits := &translatetest.Sleeps{}
	opts.Sleep = waits.Sleep
	return remote.Wrap(f.backend(t, Config{}), opts), waits
}

// failFirst fails the first n TranslateText calls with st.
func failFirst(n int, st *status.Status) func(context.Context, string, int) error {
	return func(_ context.Context, method string, call int) error {
		if method == "TranslateText" && call <= n {
			return st.Err()
		}
		return nil
	}
}

func TestWrapRetriesQuotaWithRetryInfo(t *testing.T) {
	f := newFake(t)
	st, _ := status.New(codes.ResourceExhausted, "quota").WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(4 * time.Second)})
	f.setFault(failFirst(1, st))
	b, waits := wrapped(t, f, remote.Options{})
	got, err := b.Translate(context.Background(), oneSegment)
	if err != nil || got[0] != "The president has said Tuesday." {
		t.Fatalf("got %q, %v", got, err)
	}
	if f.count("TranslateText") != 2 {
		t.Errorf("%d calls, want 2", f.count("TranslateText"))
	}
	if waits.Max() < 4*time.Second {
		t.Errorf("waits %v, want one of at least the 4s RetryInfo", waits.Waits())
	}
}

func TestWrapRetriesUnavailableAndInternal(t *testing.T) {
	f := newFake(t)
	f.setFault(func(_ context.Context, method string, call int) error {
		switch {
		case method != "TranslateText":
		case call == 1:
			return status.Error(codes.Unavailable, "try again")
		case call == 2:
			return status.Error(codes.Internal, "oops")
		}
		return nil
	})
	b, _ := wrapped(t, f, remote.Options{})
	if _, err := b.Translate(context.Background(), oneSegment); err != nil {
		t.Fatal(err)
	}
	if f.count("TranslateText") != 3 {
		t.Errorf("%d calls, want 3", f.count("TranslateText"))
	}
}

func TestWrapDoesNotRetryCredentialErrors(t *testing.T) {
	for _, c := range []codes.Code{codes.Unauthenticated, codes.PermissionDenied} {
		f := newFake(t)
		f.setFault(failFirst(100, status.New(c, "denied")))
		b, _ := wrapped(t, f, remote.Options{})
		_, err := b.Translate(context.Background(), oneSegment)
		se := translatetest.AsStatus(t, err)
		if se.Temporary() || se.Hint == "" || f.count("TranslateText") != 1 {
			t.Errorf("%v: %+v after %d calls, want one call and a hint", c, se, f.count("TranslateText"))
		}
	}
}

func TestWrapRetriesSlowCall(t *testing.T) {
	f := newFake(t)
	f.setFault(func(ctx context.Context, method string, call int) error {
		if method == "TranslateText" && call == 1 {
			<-ctx.Done()
			return status.FromContextError(ctx.Err()).Err()
		}
		return nil
	})
	b, _ := wrapped(t, f, remote.Options{Timeout: 2 * time.Second})
	got, err := b.Translate(context.Background(), oneSegment)
	if err != nil || got[0] != "The president has said Tuesday." || f.count("TranslateText") != 2 {
		t.Errorf("got %q, %v after %d calls", got, err, f.count("TranslateText"))
	}
}

func TestWrapPassesGlossary(t *testing.T) {
	f := newFake(t)
	b, _ := wrapped(t, f, remote.Options{})
	g, ok := b.(translate.GlossaryUser)
	if !ok {
		t.Fatal("wrapped backend lost UseGlossary")
	}
	if err := g.UseGlossary(context.Background(), "fr", "en", elyseeTerms); err != nil {
		t.Fatal(err)
	}
	got, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"M. Kim à l'Élysée"}})
	if err != nil || got[0] != "Mr Kim à l'Elysee Palace" {
		t.Errorf("got %q, %v", got, err)
	}
}
