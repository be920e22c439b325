package score

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/internal/sharedtest"
)

// TestOfficialEval reproduces the official .eval file of the
// newssyscomb2009 opus-mt-fr-en output, every printed digit.
func TestOfficialEval(t *testing.T) {
	eval := sharedtest.Path(t, "eval")
	want, err := os.ReadFile(filepath.Join(eval, "newssyscomb2009.opus-mt-fr-en.eval"))
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	r, err := ScoreFiles(filepath.Join(eval, "newssyscomb2009.opus-mt-fr-en.hyp.en"),
		filepath.Join(eval, "newssyscomb2009.en"))
	if err != nil {
		t.Fatal(err)
	}
	if r.String() != string(want) {
		t.Errorf("report\n%s\nwant\n%s", r, want)
	}
	if r.BLEU.HypLen != 11725 || r.BLEU.RefLen != 11818 || r.Lines != 502 {
		t.Errorf("hyp_len %d ref_len %d lines %d", r.BLEU.HypLen, r.BLEU.RefLen, r.Lines)
	}
	if got := r.ChrF.Format(2); got != "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.0.0 = 56.87" {
		t.Errorf("0–100 chrF line: %s", got)
	}
}

func TestChrFLines(t *testing.T) {
	c := SentenceChrF("chat", "chats") // 72.5734… (see TestSentenceChrF)
	sig := "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.0.0"
	if got, want := c.String(), sig+" = 0.72573"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := c.Format(1), sig+" = 72.6"; got != want {
		t.Errorf("Format(1) = %q, want %q", got, want)
	}
}

func TestBLEUFormatWidth(t *testing.T) {
	b := CorpusBLEU([]string{hypKim}, []string{refKim})
	want := "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0 = 38.313 " +
		"90.0/66.7/37.5/14.3 (BP = 0.905 ratio = 0.909 hyp_len = 10 ref_len = 11)"
	if got := b.Format(3); got != want {
		t.Errorf("Format(3)\n got %s\nwant %s", got, want)
	}
}

func TestReportJSON(t *testing.T) {
	r := Evaluate([]string{hypKim, hypChat}, []string{refKim, refChien})
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Lines int
		BLEU  struct {
			Name, Signature, Line string
			Score, BP, Ratio      float64
			Counts, Totals        []int
			HypLen                int `json:"hyp_len"`
			RefLen                int `json:"ref_len"`
		} `json:"bleu"`
		ChrF struct {
			Name, Signature, Line string
			Score, Fraction       float64
			Hyp                   []int `json:"hyp_ngrams"`
		} `json:"chrf"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	b := got.BLEU
	if b.Name != "BLEU" || b.Score != r.BLEU.Score || b.Line != r.BLEU.String() ||
		b.Signature != r.BLEU.Signature() || b.HypLen != 13 || b.RefLen != 14 ||
		fmt.Sprint(b.Counts) != "[11 6 3 1]" || fmt.Sprint(b.Totals) != "[13 11 9 7]" {
		t.Errorf("bleu JSON: %s", data)
	}
	c := got.ChrF
	if c.Name != "chrF2" || c.Score != r.ChrF.Score || c.Fraction != r.ChrF.Score/100 ||
		c.Line != r.ChrF.String() || len(c.Hyp) != CharOrder || got.Lines != 2 {
		t.Errorf("chrf JSON: %s", data)
	}
}

func TestSentences(t *testing.T) {
	hyps := []string{hypKim, hypChat, "le le le le"}
	refs := []string{refKim, refChien, "le chat"}
	got := Sentences(hyps, refs)
	if len(got) != 3 {
		t.Fatalf("%d sentences", len(got))
	}
	for i, s := range got {
		// Scoring all pairs with shared buffers must give what scoring
		// each pair alone gives.
		if s.Line != i+1 || s.BLEU != SentenceBLEU(hyps[i], refs[i]) || s.ChrF != SentenceChrF(hyps[i], refs[i]) {
			t.Errorf("sentence %d: %+v", i+1, s)
		}
	}
	if !got[1].BLEU.EffectiveOrder || got[1].BLEU.Score == 0 {
		t.Errorf("sentence BLEU without effective order: %+v", got[1].BLEU)
	}
}

func ExampleCorpusBLEU() {
	hyps := []string{"M. Kim a vu le président à Séoul."}
	refs := []string{"M. Kim a rencontré le président lundi à Séoul."}
	fmt.Println(CorpusBLEU(hyps, refs))
	fmt.Println(CorpusChrF(hyps, refs).Format(1))
	// Output:
	// BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0 = 38.3 90.0/66.7/37.5/14.3 (BP = 0.905 ratio = 0.909 hyp_len = 10 ref_len = 11)
	// chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.0.0 = 49.7
}
