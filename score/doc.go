// Package score measures machine translations against reference
// translations with BLEU and chrF, computed exactly as sacreBLEU 2.x
// computes them by default, so that bitext's figures can be compared with
// published ones digit for digit.
//
// # Corpus and sentence scores
//
// [CorpusBLEU] and [CorpusChrF] sum n-gram statistics over all sentence
// pairs and compute one score, as sacreBLEU's corpus_bleu and corpus_chrf
// do; [SentenceBLEU] and [SentenceChrF] score one pair, as sentence_bleu
// and sentence_chrf do (sentence BLEU uses effective order). [Evaluate]
// gives both corpus scores in a [Report]; [Sentences] scores every pair.
//
// # What "exactly" covers
//
// BLEU uses the 13a tokenizer ([Tokenize13a]), mixed case, n-grams up to
// [MaxOrder], exp smoothing and the brevity penalty; chrF uses character
// n-grams up to [CharOrder] with whitespace removed, no word n-grams and
// [Beta] 2. Text is split and stripped with Python's notion of whitespace
// and n-grams are taken over Unicode code points, as in Python. The
// arithmetic is done in the same order as sacreBLEU's, so the printed
// digits agree; the last bits of a float64 may still differ, since Go's
// math.Exp and math.Log are not the C library's.
//
// # Output
//
// [BLEU.String] and [ChrF.String] print the lines of the official .eval
// files, with [SacreBLEUVersion] in the signatures:
//
//	BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0 = 30.3 63.3/36.5/23.6/16.0 (BP = 0.992 ratio = 0.992 hyp_len = 11725 ref_len = 11818)
//	chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.0.0 = 0.56875
//
// The .eval files print chrF on the 0–1 scale; [ChrF.Format] prints it on
// sacreBLEU 2.x's 0–100 scale. Both scores marshal to JSON with their
// signatures and statistics.
//
// # Files
//
// [ReadLines] reads a file as sacreBLEU's command line does, and
// [ScoreFiles] scores a hypothesis file against a reference file, with
// errors that name the file and line ([LineError], [LineCountError]).
package score
