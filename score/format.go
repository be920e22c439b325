package score

import (
	"encoding/json"
	"fmt"
	"strings"
)

// SacreBLEUVersion is the sacreBLEU release whose default BLEU and chrF this
// package reproduces, and the version its signatures name. The scores agree
// with every 2.x release for these defaults; the string stays "2.0.0" so
// that signatures match the official .eval files the project compares with.
const SacreBLEUVersion = "2.0.0"

// Signature returns sacreBLEU's reproducibility signature for b, such as
// "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0".
func (b BLEU) Signature() string {
	return fmt.Sprintf("BLEU|nrefs:1|case:mixed|eff:%s|tok:13a|smooth:exp|version:%s",
		yesNo(b.EffectiveOrder), SacreBLEUVersion)
}

// String returns the line sacreBLEU prints for b by default, such as
// "BLEU|…|version:2.0.0 = 30.3 63.3/36.5/23.6/16.0 (BP = 0.992 ratio = 0.992
// hyp_len = 11725 ref_len = 11818)".
func (b BLEU) String() string { return b.Format(1) }

// Format is like String with the score printed to width decimals
// (sacreBLEU's --width); precisions keep 1 decimal and BP and ratio 3.
func (b BLEU) Format(width int) string {
	return fmt.Sprintf("%s = %.*f %s", b.Signature(), width, b.Score, b.Verbose())
}

// Verbose returns the part of the line after the score: the precisions,
// brevity penalty, ratio and lengths.
func (b BLEU) Verbose() string {
	precs := make([]string, MaxOrder)
	for i, p := range b.Precisions {
		precs[i] = fmt.Sprintf("%.1f", p)
	}
	return fmt.Sprintf("%s (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
		strings.Join(precs, "/"), b.BP, b.Ratio, b.HypLen, b.RefLen)
}

// Name returns the metric's name as sacreBLEU prints it.
func (c ChrF) Name() string { return fmt.Sprintf("chrF%d", Beta) }

// Signature returns sacreBLEU 2.x's signature for chrF with its defaults:
// "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.0.0".
func (c ChrF) Signature() string {
	return fmt.Sprintf("%s|nrefs:1|case:mixed|eff:yes|nc:%d|nw:0|space:no|version:%s",
		c.Name(), CharOrder, SacreBLEUVersion)
}

// String returns the chrF line as the official .eval files print it: the
// signature and the score on the 0–1 scale to 5 decimals, such as
// "chrF2|…|version:2.0.0 = 0.56875". [ChrF.Format] gives sacreBLEU's own
// 0–100 form.
func (c ChrF) String() string {
	return fmt.Sprintf("%s = %.5f", c.Signature(), c.Fraction())
}

// Format returns the line sacreBLEU 2.x prints, the score on the 0–100
// scale to width decimals (its --width; 1 by default, "= 56.9").
func (c ChrF) Format(width int) string {
	return fmt.Sprintf("%s = %.*f", c.Signature(), width, c.Score)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// bleuJSON is the JSON form of a BLEU score.
type bleuJSON struct {
	Name           string    `json:"name"`
	Score          float64   `json:"score"`
	Signature      string    `json:"signature"`
	Line           string    `json:"line"`
	Precisions     []float64 `json:"precisions"`
	Counts         []int     `json:"counts"`
	Totals         []int     `json:"totals"`
	BP             float64   `json:"bp"`
	Ratio          float64   `json:"ratio"`
	HypLen         int       `json:"hyp_len"`
	RefLen         int       `json:"ref_len"`
	EffectiveOrder bool      `json:"effective_order"`
}

// MarshalJSON writes b with its name, signature and printed line, full
// precision numbers and snake_case keys as sacreBLEU's JSON uses.
func (b BLEU) MarshalJSON() ([]byte, error) {
	return json.Marshal(bleuJSON{
		Name: "BLEU", Score: b.Score, Signature: b.Signature(), Line: b.String(),
		Precisions: b.Precisions[:], Counts: b.Counts[:], Totals: b.Totals[:],
		BP: b.BP, Ratio: b.Ratio, HypLen: b.HypLen, RefLen: b.RefLen,
		EffectiveOrder: b.EffectiveOrder,
	})
}

// chrfJSON is the JSON form of a chrF score.
type chrfJSON struct {
	Name      string  `json:"name"`
	Score     float64 `json:"score"`
	Fraction  float64 `json:"fraction"`
	Signature string  `json:"signature"`
	Line      string  `json:"line"`
	Hyp       []int   `json:"hyp_ngrams"`
	Ref       []int   `json:"ref_ngrams"`
	Match     []int   `json:"match_ngrams"`
}

// MarshalJSON writes c with its name, signature, printed line (the .eval
// form), both scales and its n-gram statistics.
func (c ChrF) MarshalJSON() ([]byte, error) {
	return json.Marshal(chrfJSON{
		Name: c.Name(), Score: c.Score, Fraction: c.Fraction(),
		Signature: c.Signature(), Line: c.String(),
		Hyp: c.Hyp[:], Ref: c.Ref[:], Match: c.Match[:],
	})
}
