package score

// Report holds the corpus scores of a system output against its
// references, as the score command prints them.
type Report struct {
	// Hyp and Ref name the files scored, when the report comes from
	// [ScoreFiles].
	Hyp string `json:"hyp,omitempty"`
	Ref string `json:"ref,omitempty"`
	// Lines is the number of sentence pairs scored.
	Lines int `json:"lines"`
	// BLEU and ChrF are the corpus scores.
	BLEU BLEU `json:"bleu"`
	ChrF ChrF `json:"chrf"`
}

// Evaluate scores hypotheses against references (one per hypothesis) with
// [CorpusBLEU] and [CorpusChrF]. hyps and refs must have the same length;
// Evaluate panics otherwise.
func Evaluate(hyps, refs []string) Report {
	return Report{Lines: len(hyps), BLEU: CorpusBLEU(hyps, refs), ChrF: CorpusChrF(hyps, refs)}
}

// String returns the report as the official .eval files hold it: the BLEU
// line, then the chrF line, each ended by a newline.
func (r Report) String() string {
	return r.BLEU.String() + "\n" + r.ChrF.String() + "\n"
}

// Sentence holds the scores of one sentence pair.
type Sentence struct {
	// Line is the pair's 1-based line number.
	Line int `json:"line"`
	// BLEU is sacreBLEU's sentence BLEU (effective order) and ChrF its
	// sentence chrF.
	BLEU BLEU `json:"bleu"`
	ChrF ChrF `json:"chrf"`
}

// Sentences scores each pair on its own with [SentenceBLEU] and
// [SentenceChrF], reusing buffers from one pair to the next. hyps and refs
// must have the same length; Sentences panics otherwise.
func Sentences(hyps, refs []string) []Sentence {
	mustPair(len(hyps), len(refs))
	bc, cc := newBLEUCounter(), newChrFCounter()
	out := make([]Sentence, len(hyps))
	for i := range hyps {
		chrf := cc.stats(hyps[i], refs[i])
		chrf.Score = chrf.fScore()
		out[i] = Sentence{Line: i + 1, BLEU: bc.stats(hyps[i], refs[i]).score(true), ChrF: chrf}
	}
	return out
}
