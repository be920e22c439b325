package googlev3

import (
	"context"
	"fmt"
	"net"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"cloud.google.com/go/longrunning/autogen/longrunningpb"
	"cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

const fakeProject = "bitext-test"

var (
	fakeLanguages = map[string]bool{"fr": true, "en": true, "es": true, "de": true}
	parentRE      = regexp.MustCompile(`^projects/` + fakeProject + `/locations/(global|us-central1|europe-west1)$`)
)

// fakeGlossary is a glossary the fake holds.
type fakeGlossary struct {
	g       *translatepb.Glossary
	entries []*translatepb.GlossaryEntry
	ready   bool // false until its creation operation is polled
}

// fakeService implements the parts of Cloud Translation v3 that bitext
// uses, checking every request field it reads. Set fault to fail or stall
// calls: it runs first in every RPC with the RPC's name and its number.
type fakeService struct {
	translatepb.UnimplementedTranslationServiceServer
	addr string

	mu         sync.Mutex
	calls      map[string]int
	translates []*translatepb.TranslateTextRequest
	creates    []*translatepb.CreateGlossaryRequest
	glossaries map[string]*fakeGlossary
	gcs        map[string][][2]string // fake Cloud Storage: uri → rows
	fault      func(ctx context.Context, method string, n int) error
	// answer, when set, replaces the response to TranslateText.
	answer func(*translatepb.TranslateTextResponse)
}

// fakeOperations serves the long-running operations of fakeService.
type fakeOperations struct {
	longrunningpb.UnimplementedOperationsServer
	f *fakeService
}

func newFake(t testing.TB) *fakeService {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("cannot listen on loopback: %v", err)
	}
	f := &fakeService{addr: lis.Addr().String(), calls: map[string]int{}, glossaries: map[string]*fakeGlossary{}, gcs: map[string][][2]string{}}
	srv := grpc.NewServer()
	translatepb.RegisterTranslationServiceServer(srv, f)
	longrunningpb.RegisterOperationsServer(srv, &fakeOperations{f: f})
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	return f
}

// backend returns a backend connected to the fake, without credentials.
func (f *fakeService) backend(t testing.TB, cfg Config) *Backend {
	t.Helper()
	cfg.Project, cfg.Endpoint = fakeProject, f.addr
	b, err := New(context.Background(), cfg, option.WithoutAuthentication(),
		option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func (f *fakeService) setFault(fn func(ctx context.Context, method string, n int) error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fault = fn
}

// enter counts a call and runs the fault hook.
func (f *fakeService) enter(ctx context.Context, method string) error {
	f.mu.Lock()
	f.calls[method]++
	n, fault := f.calls[method], f.fault
	f.mu.Unlock()
	if fault != nil {
		return fault(ctx, method, n)
	}
	return nil
}

// count returns how many times method was called.
func (f *fakeService) count(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[method]
}

func (f *fakeService) lastTranslate() *translatepb.TranslateTextRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.translates) == 0 {
		return nil
	}
	return f.translates[len(f.translates)-1]
}

func (f *fakeService) TranslateText(ctx context.Context, req *translatepb.TranslateTextRequest) (*translatepb.TranslateTextResponse, error) {
	if err := f.enter(ctx, "TranslateText"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.translates = append(f.translates, proto.Clone(req).(*translatepb.TranslateTextRequest))
	if err := checkTranslate(req); err != nil {
		return nil, err
	}
	var terms []*translatepb.GlossaryEntry
	if gc := req.GetGlossaryConfig(); gc != nil {
		g, err := f.glossaryFor(req)
		if err != nil {
			return nil, err
		}
		terms = g.entries
	}
	resp := &translatepb.TranslateTextResponse{}
	isHTML := req.GetMimeType() == "text/html"
	for _, c := range req.GetContents() {
		resp.Translations = append(resp.Translations, &translatepb.Translation{TranslatedText: fakeTranslate(c, isHTML, nil)})
		if terms != nil {
			resp.GlossaryTranslations = append(resp.GlossaryTranslations, &translatepb.Translation{
				TranslatedText: fakeTranslate(c, isHTML, terms), GlossaryConfig: req.GetGlossaryConfig(),
			})
		}
	}
	if f.answer != nil {
		f.answer(resp)
	}
	return resp, nil
}

// checkTranslate checks the fields every TranslateText request must have.
func checkTranslate(req *translatepb.TranslateTextRequest) error {
	switch {
	case !parentRE.MatchString(req.GetParent()):
		return status.Errorf(codes.InvalidArgument, "invalid parent %q", req.GetParent())
	case req.GetMimeType() != "text/plain" && req.GetMimeType() != "text/html":
		return status.Errorf(codes.InvalidArgument, "unsupported mime type %q", req.GetMimeType())
	case !fakeLanguages[req.GetTargetLanguageCode()] || !fakeLanguages[req.GetSourceLanguageCode()]:
		return status.Errorf(codes.InvalidArgument, "Unsupported language pair: %s to %s",
			req.GetSourceLanguageCode(), req.GetTargetLanguageCode())
	case len(req.GetContents()) == 0 || len(req.GetContents()) > MaxSegments:
		return status.Errorf(codes.InvalidArgument, "%d contents", len(req.GetContents()))
	case req.GetModel() != "" && !strings.HasPrefix(req.GetModel(), req.GetParent()+"/models/"):
		return status.Errorf(codes.InvalidArgument, "model %q is not under %q", req.GetModel(), req.GetParent())
	}
	return nil
}

// readyGlossary returns the glossary called name once its creation is
// done, else a NotFound error. f.mu is held.
func (f *fakeService) readyGlossary(name string) (*fakeGlossary, error) {
	g := f.glossaries[name]
	if g == nil || !g.ready {
		return nil, status.Errorf(codes.NotFound, "glossary %q not found", name)
	}
	return g, nil
}

// glossaryFor returns the ready glossary of req, in req's location and for
// its language pair. f.mu is held.
func (f *fakeService) glossaryFor(req *translatepb.TranslateTextRequest) (*fakeGlossary, error) {
	name := req.GetGlossaryConfig().GetGlossary()
	g, err := f.readyGlossary(name)
	switch {
	case err != nil:
		return nil, err
	case !strings.HasPrefix(name, req.GetParent()+"/glossaries/"):
		return nil, status.Errorf(codes.InvalidArgument, "glossary %q is not in the location of %q", name, req.GetParent())
	case g.g.GetLanguagePair().GetSourceLanguageCode() != req.GetSourceLanguageCode() ||
		g.g.GetLanguagePair().GetTargetLanguageCode() != req.GetTargetLanguageCode():
		return nil, status.Errorf(codes.InvalidArgument, "glossary %q does not translate %s to %s", name,
			req.GetSourceLanguageCode(), req.GetTargetLanguageCode())
	}
	return g, nil
}

func (f *fakeService) GetGlossary(ctx context.Context, req *translatepb.GetGlossaryRequest) (*translatepb.Glossary, error) {
	if err := f.enter(ctx, "GetGlossary"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	g, err := f.readyGlossary(req.GetName())
	if err != nil {
		return nil, err
	}
	out := proto.Clone(g.g).(*translatepb.Glossary)
	out.EntryCount = int32(len(g.entries))
	return out, nil
}

func (f *fakeService) CreateGlossary(ctx context.Context, req *translatepb.CreateGlossaryRequest) (*longrunningpb.Operation, error) {
	if err := f.enter(ctx, "CreateGlossary"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.creates = append(f.creates, proto.Clone(req).(*translatepb.CreateGlossaryRequest))
	g := req.GetGlossary()
	if err := checkCreate(req); err != nil {
		return nil, err
	}
	if f.glossaries[g.GetName()] != nil {
		return nil, status.Errorf(codes.AlreadyExists, "glossary %q exists", g.GetName())
	}
	fg := &fakeGlossary{g: proto.Clone(g).(*translatepb.Glossary)}
	if uri := g.GetInputConfig().GetGcsSource().GetInputUri(); uri != "" {
		rows, ok := f.gcs[uri]
		if !ok {
			return nil, status.Errorf(codes.InvalidArgument, "cannot read %s", uri)
		}
		for _, r := range rows {
			fg.entries = append(fg.entries, newEntry(g.GetLanguagePair().GetSourceLanguageCode(), g.GetLanguagePair().GetTargetLanguageCode(),
				termPair(r[0], r[1])))
		}
	}
	f.glossaries[g.GetName()] = fg
	meta, _ := anypb.New(&translatepb.CreateGlossaryMetadata{Name: g.GetName(), State: translatepb.CreateGlossaryMetadata_RUNNING})
	return &longrunningpb.Operation{Name: req.GetParent() + "/operations/create-" + g.GetName()[strings.LastIndex(g.GetName(), "/")+1:], Metadata: meta}, nil
}

func checkCreate(req *translatepb.CreateGlossaryRequest) error {
	g := req.GetGlossary()
	pair := g.GetLanguagePair()
	switch {
	case !parentRE.MatchString(req.GetParent()) || strings.HasSuffix(req.GetParent(), "/global"):
		return status.Errorf(codes.InvalidArgument, "glossaries cannot be created in %q", req.GetParent())
	case !regexp.MustCompile(`^` + regexp.QuoteMeta(req.GetParent()) + `/glossaries/[a-z0-9_-]{1,63}$`).MatchString(g.GetName()):
		return status.Errorf(codes.InvalidArgument, "invalid glossary name %q", g.GetName())
	case !fakeLanguages[pair.GetSourceLanguageCode()] || !fakeLanguages[pair.GetTargetLanguageCode()]:
		return status.Errorf(codes.InvalidArgument, "glossary needs a supported language pair")
	case g.GetInputConfig() != nil && !strings.HasPrefix(g.GetInputConfig().GetGcsSource().GetInputUri(), "gs://"):
		return status.Errorf(codes.InvalidArgument, "input config needs a gs:// URI")
	}
	return nil
}

func (o *fakeOperations) GetOperation(ctx context.Context, req *longrunningpb.GetOperationRequest) (*longrunningpb.Operation, error) {
	f := o.f
	if err := f.enter(ctx, "GetOperation"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	parent, id, ok := strings.Cut(req.GetName(), "/operations/create-")
	g := f.glossaries[parent+"/glossaries/"+id]
	if !ok || g == nil {
		return nil, status.Errorf(codes.NotFound, "operation %q not found", req.GetName())
	}
	g.ready = true
	resp, _ := anypb.New(g.g)
	return &longrunningpb.Operation{Name: req.GetName(), Done: true, Result: &longrunningpb.Operation_Response{Response: resp}}, nil
}

func (f *fakeService) ListGlossaryEntries(ctx context.Context, req *translatepb.ListGlossaryEntriesRequest) (*translatepb.ListGlossaryEntriesResponse, error) {
	if err := f.enter(ctx, "ListGlossaryEntries"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	g, err := f.readyGlossary(req.GetParent())
	if err != nil {
		return nil, err
	}
	const pageSize = 3 // small, so that paging is exercised
	start := 0
	if tok := req.GetPageToken(); tok != "" {
		fmt.Sscanf(tok, "page-%d", &start)
	}
	end := min(start+pageSize, len(g.entries))
	resp := &translatepb.ListGlossaryEntriesResponse{GlossaryEntries: g.entries[start:end]}
	if end < len(g.entries) {
		resp.NextPageToken = fmt.Sprintf("page-%d", end)
	}
	return resp, nil
}

func (f *fakeService) CreateGlossaryEntry(ctx context.Context, req *translatepb.CreateGlossaryEntryRequest) (*translatepb.GlossaryEntry, error) {
	if err := f.enter(ctx, "CreateGlossaryEntry"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	g, err := f.readyGlossary(req.GetParent())
	if err != nil {
		return nil, err
	}
	p := req.GetGlossaryEntry().GetTermsPair()
	pair := g.g.GetLanguagePair()
	if p.GetSourceTerm().GetLanguageCode() != pair.GetSourceLanguageCode() || p.GetTargetTerm().GetLanguageCode() != pair.GetTargetLanguageCode() ||
		p.GetSourceTerm().GetText() == "" || p.GetTargetTerm().GetText() == "" {
		return nil, status.Errorf(codes.InvalidArgument, "entry does not match the glossary's language pair")
	}
	e := proto.Clone(req.GetGlossaryEntry()).(*translatepb.GlossaryEntry)
	e.Name = fmt.Sprintf("%s/glossaryEntries/%d", req.GetParent(), len(g.entries)+1)
	g.entries = append(g.entries, e)
	return e, nil
}

// sortedEntries returns a glossary's term pairs, sorted, for comparisons.
func (f *fakeService) sortedEntries(name string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	if g := f.glossaries[name]; g != nil {
		for _, e := range g.entries {
			out = append(out, e.GetTermsPair().GetSourceTerm().GetText()+"="+e.GetTermsPair().GetTargetTerm().GetText())
		}
	}
	sort.Strings(out)
	return out
}
