package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bitext/bitext/figures"
	"github.com/bitext/bitext/inline"
)

// Memory supplies translations known before the backend is asked (a
// translation memory) and records the backend's new ones.
type Memory interface {
	// Lookup returns the stored translation of source at the occurrence
	// at, if any, and what made it (a backend's name, "approved" for a
	// reviewed one, or Deleted for an occurrence whose English an editor
	// deleted: target is then "").
	Lookup(ctx context.Context, at Occurrence, source string, markup bool) (target, by string, ok bool, err error)
	// Store records a new machine translation.
	Store(ctx context.Context, seg Segment) error
}

// BatchStorer is a [Memory] that records the machine translations of one
// request at once (one transaction): all of them or, on error, none.
type BatchStorer interface {
	StoreAll(ctx context.Context, segs []Segment) error
}

// Deleted is what Memory.Lookup says made the (empty) English of an
// occurrence whose deletion an editor approved.
const Deleted = "deleted"

// Occurrence is one place where a sentence occurs: the article
// ([Document.Name]) and which occurrence of the sentence in it this is (1
// for the first).
type Occurrence struct {
	Doc string
	Pos int
}

// Pipeline runs documents through a backend: protect, translate in batches,
// restore, fix typography, check.
//
// Every segment is read into [inline.Content] and protected: addresses,
// inline code, do-not-translate elements, the Protector's terms and the
// figures (in their English form, see package figures) become codes. A
// backend that takes HTML gets the neutral form ([inline.Content.Neutral]);
// one that does not gets plain text. The answer is restored code by code
// (repaired where the engine lost or repeated one), and every segment gets
// a [Fidelity] record. The alt texts and titles of the markup are
// segments of their own ([Attr]): looked up in the memory at their own
// occurrence, translated first when it does not know them, and put into
// the sentence that holds them. A Pipeline is safe for concurrent use by
// several documents once set up, and all of them share its backend.
type Pipeline struct {
	// Backend translates the segments. Required.
	Backend Backend
	// From and To are the language codes.
	From, To string
	// Protector, when set, protects glossary terms.
	Protector Protector
	// Memory, when set, is consulted before the backend and told after.
	Memory Memory
	// Finish, when set, is applied to every translated segment (English
	// typography, say), after its codes are restored and before it is
	// checked. It must keep HTML tags intact.
	Finish func(string) string
	// BatchSize is the most segments one Translate call carries (default
	// 512; less when the backend says so). The engine gives remote
	// backends 64, so that each answer is stored soon.
	BatchSize int
	// Jobs is how many batches of one document are in flight at once
	// (default 1).
	Jobs int
	// Progress, when set, is called after each batch with the number of
	// segments it finished. It may be called from several goroutines.
	Progress func(segments, chars int)

	// halt holds the error that stopped the run (see Halted).
	halt atomic.Pointer[error]
}

// Stats counts where a document's translations came from.
type Stats struct {
	Segments   int `json:"segments"`    // translatable segments in the document
	FromMemory int `json:"from_memory"` // segments answered by the memory
	Sent       int `json:"sent"`        // segments sent to the backend
	Chars      int `json:"characters"`  // characters sent to the backend
}

// job is one segment waiting for translation.
type job struct {
	seg *Segment
	// prot is the segment's protected content; send is what goes to the
	// backend, the neutral HTML form when html is set.
	prot inline.Content
	send string
	html bool
	// restore turns the backend's answer into the segment's Target.
	restore func(string) string
	// attrs are the translatable attributes of the segment's markup,
	// translated by jobs of their own before this one is restored.
	attrs []*attrSlot
}

// Translate fills in the Target of every translatable segment of doc and
// the translated front-matter fields. On error, segments already translated
// keep their targets (and are in the memory) and the rest stay empty.
func (p *Pipeline) Translate(ctx context.Context, doc *Document) (Stats, error) {
	var st Stats
	pl, err := p.collect(ctx, doc, &st)
	if err != nil {
		return st, err
	}
	if err := p.runJobs(ctx, pl.attrs, &st); err != nil {
		return st, err
	}
	for _, f := range pl.fills {
		f.fill()
	}
	if err := p.runJobs(ctx, pl.jobs, &st); err != nil {
		return st, err
	}
	for i := range doc.Meta {
		if f := &doc.Meta[i]; f.Translate && f.Target == "" && f.Value != "" {
			f.Target = p.metaTarget(doc, *f)
		}
	}
	return st, nil
}

// runJobs translates jobs: plain-text ones, then HTML ones.
func (p *Pipeline) runJobs(ctx context.Context, jobs []job, st *Stats) error {
	var plain, marked []job
	for _, j := range jobs {
		if j.html {
			marked = append(marked, j)
		} else {
			plain = append(plain, j)
		}
	}
	if err := p.run(ctx, plain, false, st); err != nil {
		return err
	}
	return p.run(ctx, marked, true, st)
}

// metaTarget reuses the headline's translation for a title that repeats it,
// which is the common case, so that it is never translated twice.
func (p *Pipeline) metaTarget(doc *Document, f MetaField) string {
	if b := titleBlock(doc, f); b != nil {
		return blockPlain(*b, true)
	}
	return f.Target
}

// titleBlock returns the headline or heading whose text is f's value.
func titleBlock(doc *Document, f MetaField) *Block {
	for i, b := range doc.Blocks {
		if (b.Kind == Headline || b.Kind == Heading) && blockPlain(b, false) == f.Value {
			return &doc.Blocks[i]
		}
	}
	return nil
}

// blockPlain returns one side of a block as plain text.
func blockPlain(b Block, target bool) string {
	parts := make([]string, len(b.Segments))
	for i, s := range b.Segments {
		t := s.Source
		if target {
			t = s.Target
		}
		parts[i] = inline.ParseSegment(t, s.Markup).Plain()
	}
	return strings.Join(parts, " ")
}

// plan is what a document needs from the backend.
type plan struct {
	// jobs are the sentences and front-matter fields to translate; attrs
	// the attributes of their markup (alt text, titles), to run first.
	jobs, attrs []job
	// fills are the sentences the memory gave, whose attributes are put
	// in place once attrs have run.
	fills []attrFill
}

// collect prepares a job for every segment that needs the backend, filling
// the rest from the memory, and a job for every translatable attribute of
// their markup the memory does not know (see [Attr]).
func (p *Pipeline) collect(ctx context.Context, doc *Document, st *Stats) (plan, error) {
	var pl plan
	cv := convention(doc)
	fields := fieldsBySegment(doc)
	rank := map[string]int{}
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if !b.Translatable() {
			continue
		}
		for si := range b.Segments {
			seg := &b.Segments[si]
			if strings.TrimSpace(seg.Source) == "" {
				continue // an empty table cell
			}
			st.Segments++
			rank[seg.Source]++
			if err := p.collectSegment(ctx, doc, seg, rank[seg.Source], fields[[2]int{bi, si}], cv, st, &pl); err != nil {
				return pl, err
			}
		}
	}
	metaJobs, err := p.collectMeta(ctx, doc, st, cv)
	pl.jobs = append(pl.jobs, metaJobs...)
	return pl, err
}

// collectSegment fills seg from the memory or adds its job to pl, with
// its attributes' (fields).
func (p *Pipeline) collectSegment(ctx context.Context, doc *Document, seg *Segment, pos int, fields []AttrField, cv figures.Convention, st *Stats, pl *plan) error {
	if p.Memory != nil {
		t, by, ok, err := p.Memory.Lookup(ctx, Occurrence{Doc: doc.Name, Pos: pos}, seg.Source, seg.Markup)
		if err != nil {
			return fmt.Errorf("translation memory: %w", err)
		}
		if ok {
			seg.Target, seg.Backend = t, by
			st.FromMemory++
			if by == Deleted {
				return nil
			}
			p.recheck(seg, cv)
			slots, jobs, err := p.attrSlots(ctx, doc, seg, inline.ParseSegment(seg.Source, seg.Markup), fields, cv, st)
			if len(slots) > 0 {
				pl.fills = append(pl.fills, attrFill{seg: seg, slots: slots})
			}
			pl.attrs = append(pl.attrs, jobs...)
			return err
		}
	}
	j := p.prepare(seg, cv)
	slots, jobs, err := p.attrSlots(ctx, doc, seg, j.prot, fields, cv, st)
	if err != nil {
		return err
	}
	j.attrs = slots
	j.restore = func(out string) string { return p.finish(j, out) }
	pl.attrs = append(pl.attrs, jobs...)
	pl.jobs = append(pl.jobs, j)
	return nil
}

// collectMeta fills the translated front-matter fields from the memory
// and prepares a job for each of the others (a title that repeats the
// headline takes its translation, see metaTarget).
func (p *Pipeline) collectMeta(ctx context.Context, doc *Document, st *Stats, cv figures.Convention) ([]job, error) {
	var jobs []job
	metaRanks := MetaRanks(doc)
	for i := range doc.Meta {
		f := &doc.Meta[i]
		if !f.Translate || f.Value == "" {
			continue
		}
		f.Target, f.Fidelity = "", nil
		st.Segments++
		if p.Memory != nil {
			at := Occurrence{Doc: doc.Name, Pos: metaRanks[i]}
			t, by, ok, err := p.Memory.Lookup(ctx, at, f.Value, false)
			if err != nil {
				return nil, fmt.Errorf("translation memory: %w", err)
			}
			if ok && by != Deleted {
				seg := Segment{Source: f.Value, Target: t}
				p.recheck(&seg, cv)
				f.Target, f.Fidelity = t, seg.Fidelity
				st.FromMemory++
				continue
			}
		}
		if titleBlock(doc, *f) == nil {
			jobs = append(jobs, p.prepareMeta(f, cv))
		}
	}
	return jobs, nil
}

// prepareMeta translates a front-matter value as a segment of its own,
// stored in the memory like any other.
func (p *Pipeline) prepareMeta(f *MetaField, cv figures.Convention) job {
	seg := &Segment{Source: f.Value}
	j := p.prepare(seg, cv)
	j.restore = func(s string) string {
		out := p.finish(j, s)
		f.Target, f.Fidelity = out, seg.Fidelity
		return out
	}
	return j
}

// withLine adds the line of the segment an *AnswerError names to err.
func withLine(err error, batch []job) error {
	var ae *AnswerError
	if errors.As(err, &ae) && ae.Index >= 0 && ae.Index < len(batch) && batch[ae.Index].seg.Line > 0 {
		return fmt.Errorf("line %d: %w", batch[ae.Index].seg.Line, err)
	}
	return err
}

// run translates jobs of one kind in batches, Jobs batches at a time,
// each batch one backend request within the backend's limits. Each answer
// is checked and stored as soon as it arrives. The first failure stops the
// sending of new batches, but batches already sent finish and are stored:
// what a backend answered is never thrown away. A failure that stops the
// run ([StopsRun]) halts the whole Pipeline: batches of every document not
// sent yet fail at once with it.
func (p *Pipeline) run(ctx context.Context, jobs []job, isHTML bool, st *Stats) error {
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(p.Jobs, 1))
	var mu sync.Mutex
	var first error
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return first != nil
	}
	for _, batch := range p.batches(jobs) {
		sem <- struct{}{}
		if failed() || ctx.Err() != nil {
			<-sem
			break
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			chars, err := p.runBatch(ctx, batch, isHTML)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = err
				}
				return
			}
			st.Sent += len(batch)
			st.Chars += chars
			if p.Progress != nil {
				p.Progress(len(batch), chars)
			}
		}()
	}
	wg.Wait()
	if first == nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return first
}

// batches cuts jobs into batches of at most batchSize segments and the
// backend's MaxChars characters.
func (p *Pipeline) batches(jobs []job) [][]job {
	size := p.batchSize()
	maxChars := p.Backend.Capabilities().MaxChars
	var out [][]job
	for start := 0; start < len(jobs); {
		end, chars := start, 0
		for end < len(jobs) && end-start < size {
			n := len([]rune(jobs[end].send))
			if maxChars > 0 && end > start && chars+n > maxChars {
				break
			}
			chars += n
			end++
		}
		out = append(out, jobs[start:end])
		start = end
	}
	return out
}

// runBatch sends one batch unless the pipeline has been halted, and halts
// it on an error that stops the run. It returns the characters sent.
func (p *Pipeline) runBatch(ctx context.Context, batch []job, isHTML bool) (int, error) {
	if err := p.halted(); err != nil {
		return 0, err
	}
	chars := 0
	for _, j := range batch {
		chars += len([]rune(j.send))
	}
	err := p.translateBatch(ctx, batch, isHTML)
	if err != nil && StopsRun(err) && ctx.Err() == nil {
		p.halt.CompareAndSwap(nil, &err)
	}
	return chars, err
}

// halted returns the error that halted the pipeline, or nil.
func (p *Pipeline) halted() error {
	if e := p.halt.Load(); e != nil {
		return fmt.Errorf("not sent: %w", *e)
	}
	return nil
}

// Halted returns the error after which the pipeline sends nothing more (a
// credentials or quota error, see [StopsRun]), or nil. A batch runner
// stops scheduling documents once it is set.
func (p *Pipeline) Halted() error {
	if e := p.halt.Load(); e != nil {
		return *e
	}
	return nil
}

func (p *Pipeline) batchSize() int {
	caps := p.Backend.Capabilities()
	size := p.BatchSize
	if size <= 0 {
		size = 512
	}
	if m := caps.MaxSegments; m > 0 && m < size {
		size = m
	}
	return size
}

// translateBatch sends one batch. Jobs were prepared for the backend's
// capabilities: a backend that cannot keep HTML gets plain text (see
// prepare), and its answer is restored from plain text.
func (p *Pipeline) translateBatch(ctx context.Context, batch []job, isHTML bool) error {
	req := Request{From: p.From, To: p.To, HTML: isHTML, Segments: make([]string, len(batch))}
	for i, j := range batch {
		req.Segments[i] = j.send
	}
	if each, ok := p.Backend.(EachTranslator); ok {
		return p.translateEach(ctx, each, batch, req)
	}
	out, err := p.Backend.Translate(ctx, req)
	if err == nil {
		err = CheckAnswers(p.Backend.Name(), req, out)
	}
	if err != nil {
		return withLine(err, batch)
	}
	bs, ok := p.Memory.(BatchStorer)
	if !ok {
		for i, j := range batch {
			if err := p.keep(ctx, j, out[i]); err != nil {
				return err
			}
		}
		return nil
	}
	segs := make([]Segment, len(batch))
	for i, j := range batch {
		p.fill(j, out[i])
		segs[i] = *j.seg
	}
	if err := bs.StoreAll(ctx, segs); err != nil {
		return fmt.Errorf("translation memory: %w", err)
	}
	return nil
}
