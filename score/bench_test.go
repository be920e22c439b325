package score

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/internal/sharedtest"
)

// benchCorpus returns the newssyscomb2009 output and references from
// ../shared when present, else a synthetic corpus of the same size built
// from a few agency sentences, and the number of bytes in both sides.
func benchCorpus(b *testing.B) (hyps, refs []string, size int64) {
	b.Helper()
	hyps, refs = syntheticCorpus(502)
	if shared, err := sharedtest.Find(); err == nil {
		eval := filepath.Join(shared, "eval")
		h, r, err := ReadPair(filepath.Join(eval, "newssyscomb2009.opus-mt-fr-en.hyp.en"),
			filepath.Join(eval, "newssyscomb2009.en"))
		if err == nil {
			hyps, refs = h, r
		}
	}
	for i := range hyps {
		size += int64(len(hyps[i]) + len(refs[i]))
	}
	return hyps, refs, size
}

func syntheticCorpus(n int) (hyps, refs []string) {
	h := []string{
		"M. Kim met the president on Monday in Seoul, the agency Yonhap said.",
		"\"We will not give in\", said the spokesman, quoted by AFP.",
		"The toll rose to 1,500 dead, 3.5% more than in 2023-2024.",
	}
	r := []string{
		"Mr Kim met the president in Seoul on Monday, Yonhap news agency reported.",
		"\"We shall not yield,\" the spokesman told AFP.",
		"The death toll reached 1,500, up 3.5% on 2023-2024.",
	}
	for i := range n {
		hyps = append(hyps, fmt.Sprintf("%s (%d)", h[i%len(h)], i))
		refs = append(refs, fmt.Sprintf("%s (%d)", r[i%len(r)], i))
	}
	return hyps, refs
}

func BenchmarkCorpusBLEU(b *testing.B) {
	hyps, refs, size := benchCorpus(b)
	b.SetBytes(size)
	for b.Loop() {
		CorpusBLEU(hyps, refs)
	}
	b.ReportMetric(float64(len(hyps))*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

func BenchmarkCorpusChrF(b *testing.B) {
	hyps, refs, size := benchCorpus(b)
	b.SetBytes(size)
	for b.Loop() {
		CorpusChrF(hyps, refs)
	}
	b.ReportMetric(float64(len(hyps))*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

func BenchmarkTokenize13a(b *testing.B) {
	hyps, _, _ := benchCorpus(b)
	var size int64
	for _, h := range hyps {
		size += int64(len(h))
	}
	b.SetBytes(size)
	var tok tokenizer
	for b.Loop() {
		for _, h := range hyps {
			tok.tokens(h)
		}
	}
}
