package model

import (
	"context"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/bitext/bitext/internal/sharedtest"
	"github.com/bitext/bitext/score"
	"github.com/bitext/bitext/translate/marian/internal/fixture"
	"github.com/bitext/bitext/translate/marian/internal/tokenizer"
)

// agreement accumulates the teacher-forced comparison of a model's
// logits with fp32's: steps whose best token agrees, and the cosine
// similarity of the logits.
type agreement struct {
	steps, same int
	cosine      float64
}

func (a *agreement) add(ref, got []float32) {
	a.steps++
	if argmax(ref) == argmax(got) {
		a.same++
	}
	var dot, nr, ng float64
	for i := range ref {
		dot += float64(ref[i]) * float64(got[i])
		nr += float64(ref[i]) * float64(ref[i])
		ng += float64(got[i]) * float64(got[i])
	}
	a.cosine += dot / math.Sqrt(nr*ng)
}

// teacherForce feeds both models the decoder inputs decs (fp32's greedy
// outputs, less their last token) for the sources srcs, comparing each
// step's logits.
func teacherForce(ref, m *Model, srcs, decs [][]int, a *agreement) {
	er, em := ref.Encode(srcs), m.Encode(srcs)
	rows := make([]int, len(srcs))
	longest := 0
	for i := range rows {
		rows[i] = i
		longest = max(longest, len(decs[i]))
	}
	sr, sm := ref.newDecoderState(er, rows, nil), m.newDecoderState(em, rows, nil)
	v := ref.Config.VocabSize
	tokens := make([]int, len(srcs))
	for t := 0; t < longest; t++ {
		for i, d := range decs {
			tokens[i] = ref.Config.PadID
			if t < len(d) {
				tokens[i] = d[t]
			}
		}
		lr, lm := sr.step(tokens), sm.step(tokens)
		for i, d := range decs {
			if t < len(d) {
				a.add(lr[i*v:(i+1)*v], lm[i*v:(i+1)*v])
			}
		}
	}
}

// TestInt8Quality is the quality guard of int8: on opus-mt-tiny over
// newstest2013.fr (its first 100 lines, or $BITEXT_QUALITY_LINES: -1 for
// all 3,000, as scripts/bench.sh runs it), teacher-forced
// next-token agreement with fp32 and the cosine similarity of the logits,
// for int8 weights alone and for full int8; and the chrF of int8's
// free-running greedy output against fp32's. The figures are logged (run
// with -v; scripts/bench.sh copies them into docs/BENCHMARKS.md).
func TestInt8Quality(t *testing.T) {
	n := 100
	if v := os.Getenv("BITEXT_QUALITY_LINES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatalf("BITEXT_QUALITY_LINES=%q: %v", v, err)
		}
	}
	lines := sharedtest.Lines(t, n, "eval", "newstest2013.fr")
	dir := fixture.Dir(t)
	tok, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	models := map[Precision]*Model{}
	for _, p := range []Precision{FP32, Int8Weights, Int8} {
		if models[p], err = Load(dir, Options{Precision: p, Kernels: os.Getenv("BITEXT_TEST_KERNELS")}); err != nil {
			t.Fatal(err)
		}
	}
	var srcs [][]int
	for _, l := range lines {
		srcs = append(srcs, tok.Encode(l))
	}
	agree := map[Precision]*agreement{Int8Weights: {}, Int8: {}}
	var ref, hyp []string
	for start := 0; start < len(srcs); start += 32 {
		batch := srcs[start:min(start+32, len(srcs))]
		outs := map[Precision][][]int{}
		for _, p := range []Precision{FP32, Int8} {
			if outs[p], err = models[p].Generate(context.Background(), batch, Settings{Beams: 1}); err != nil {
				t.Fatal(err)
			}
		}
		decs := make([][]int, len(batch))
		for i, o := range outs[FP32] {
			decs[i] = o[:len(o)-1]
			ref = append(ref, tok.Decode(o))
			hyp = append(hyp, tok.Decode(outs[Int8][i]))
		}
		for p, a := range agree {
			teacherForce(models[FP32], models[p], batch, decs, a)
		}
	}
	chrf := score.CorpusChrF(hyp, ref).Score
	for _, p := range []Precision{Int8Weights, Int8} {
		a := agree[p]
		t.Logf("quality %s: %d sentences, %d steps, next-token agreement %.4f, logits cosine %.5f",
			p, len(srcs), a.steps, float64(a.same)/float64(a.steps), a.cosine/float64(a.steps))
		if float64(a.same)/float64(a.steps) < 0.95 || a.cosine/float64(a.steps) < 0.999 {
			t.Errorf("%s strays too far from fp32", p)
		}
	}
	t.Logf("quality int8 free-running: chrF %.2f against fp32's output (%d sentences)", chrf, len(srcs))
	if chrf < 70 {
		t.Errorf("int8 output has a chrF of %.2f against fp32's", chrf)
	}
}
