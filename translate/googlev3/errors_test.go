package googlev3

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/api/option"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

var oneSegment = translate.Request{From: "fr", To: "en", Segments: []string{"Le président a déclaré mardi."}}

// failTranslate fails every TranslateText call with st.
func failTranslate(st *status.Status) func(context.Context, string, int) error {
	return func(_ context.Context, method string, _ int) error {
		if method == "TranslateText" {
			return st.Err()
		}
		return nil
	}
}

func TestStatusErrors(t *testing.T) {
	withRetry, _ := status.New(codes.ResourceExhausted, "Quota exceeded for characters per minute").
		WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(2 * time.Second)})
	tests := []struct {
		name      string
		st        *status.Status
		code      int
		temporary bool
		retry     time.Duration
		hint      []string
	}{
		{"quota", withRetry, 429, true, 2 * time.Second, nil},
		{"unavailable", status.New(codes.Unavailable, "backend restarting"), 503, true, 0, nil},
		{"internal", status.New(codes.Internal, "internal error"), 500, true, 0, nil},
		{"deadline", status.New(codes.DeadlineExceeded, "took too long"), 504, true, 0, nil},
		{"invalid", status.New(codes.InvalidArgument, "contents too long"), 400, false, 0, nil},
		{"unauthenticated", status.New(codes.Unauthenticated, "no token"), 401, false, 0, []string{EnvCredentials}},
		{"denied", status.New(codes.PermissionDenied, "API disabled"), 403, false, 0, []string{EnvProject, EnvCredentials}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t)
			f.setFault(failTranslate(tc.st))
			_, err := f.backend(t, Config{}).Translate(context.Background(), oneSegment)
			se := translatetest.AsStatus(t, err)
			if se.Code != tc.code || se.Temporary() != tc.temporary || se.RetryAfter != tc.retry {
				t.Errorf("code %d temporary %v retry %v, want %d %v %v", se.Code, se.Temporary(), se.RetryAfter, tc.code, tc.temporary, tc.retry)
			}
			if !strings.Contains(se.Message, tc.st.Message()) {
				t.Errorf("message %q lost %q", se.Message, tc.st.Message())
			}
			for _, h := range tc.hint {
				if !strings.Contains(se.Hint, h) {
					t.Errorf("hint %q does not name %s", se.Hint, h)
				}
			}
		})
	}
}

func TestSlowServerPastDeadline(t *testing.T) {
	f := newFake(t)
	f.setFault(func(ctx context.Context, _ string, _ int) error {
		<-ctx.Done()
		return status.FromContextError(ctx.Err()).Err()
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f.backend(t, Config{}).Translate(ctx, oneSegment)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("returned after %v", d)
	}
}

func TestWrongCountIsAnError(t *testing.T) {
	for _, glossary := range []bool{false, true} {
		f := newFake(t)
		b := f.backend(t, Config{})
		if glossary {
			if err := b.UseGlossary(context.Background(), "fr", "en", elyseeTerms); err != nil {
				t.Fatal(err)
			}
		}
		f.answer = func(r *translatepb.TranslateTextResponse) {
			r.Translations = r.Translations[:1]
			r.GlossaryTranslations = append(r.GlossaryTranslations, r.GlossaryTranslations...)
		}
		got, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"le ministre", "mardi"}})
		if !errors.Is(err, remote.ErrWrongCount) || got != nil {
			t.Errorf("glossary %v: got %q, %v; want ErrWrongCount and no result", glossary, got, err)
		}
	}
}

func TestNothingListening(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("cannot listen on loopback: %v", err)
	}
	addr := lis.Addr().String()
	lis.Close()
	b, err := New(context.Background(), Config{Project: fakeProject, Endpoint: addr}, option.WithoutAuthentication(),
		option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_, err = b.Translate(context.Background(), oneSegment)
	if se := translatetest.AsStatus(t, err); se.Code != 503 || !se.Temporary() {
		t.Errorf("got %+v, want a temporary 503", se)
	}
}
