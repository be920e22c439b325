package spm

// unkPenalty is what sentencepiece subtracts from the lowest piece score to
// score an unknown character.
const unkPenalty = 10.0

// unigram is the Viterbi segmenter of a unigram language model.
type unigram struct {
	ids      map[string]int  // pieces that may appear in a segmentation
	prefixes map[string]bool // every proper prefix of those pieces
	scores   []float32
	kinds    []int
	minScore float32
	maxScore float32
	unkID    int
}

func newUnigram(pieces []piece, unkID int) *unigram {
	u := &unigram{ids: map[string]int{}, prefixes: map[string]bool{}, unkID: unkID}
	first := true
	for i, p := range pieces {
		u.scores = append(u.scores, p.score)
		u.kinds = append(u.kinds, p.kind)
		if p.kind == typeNormal {
			if first {
				u.minScore, u.maxScore, first = p.score, p.score, false
			}
			u.minScore = min(u.minScore, p.score)
			u.maxScore = max(u.maxScore, p.score)
		}
		if p.kind != typeNormal && p.kind != typeUserDefined && p.kind != typeUnused {
			continue
		}
		if p.text == "" {
			continue
		}
		if _, dup := u.ids[p.text]; !dup {
			u.ids[p.text] = i
		}
		for l := 1; l < len(p.text); l++ {
			u.prefixes[p.text[:l]] = true
		}
	}
	return u
}

// oneCharLen is sentencepiece's UTF-8 length from a lead byte.
func oneCharLen(b byte) int {
	return int("\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x02\x02\x03\x04"[b>>4])
}

// token is one piece of a segmentation: the normalised text it covers and
// its id (unkID for unknown characters).
type token struct {
	text string
	id   int
}

type bestNode struct {
	id     int
	score  float32
	starts int
}

// encode segments normalised text with the highest total score, exactly as
// sentencepiece's optimised unigram encoder does (same float32 sums, same
// tie-breaking).
func (u *unigram) encode(s string) []token {
	if s == "" {
		return nil
	}
	best := make([]bestNode, len(s)+1)
	for i := range best {
		best[i].starts = -1
	}
	unkScore := u.minScore - unkPenalty
	for start := 0; start < len(s); {
		base := best[start].score
		mblen := min(oneCharLen(s[start]), len(s)-start)
		single := false
		for end := start + 1; end <= len(s); end++ {
			sub := s[start:end]
			if id, ok := u.ids[sub]; ok && u.kinds[id] != typeUnused {
				// As in C++, the sum is a double compared with the
				// stored float, then stored as a float.
				score := float64(u.scores[id])
				if u.kinds[id] == typeUserDefined {
					score = float64(float32(end-start)*u.maxScore) - 0.1
				}
				cand := score + float64(base)
				if t := &best[end]; t.starts == -1 || cand > float64(t.score) {
					*t = bestNode{id: id, score: float32(cand), starts: start}
				}
				if end-start == mblen {
					single = true
				}
			}
			if !u.prefixes[sub] {
				break
			}
		}
		if !single {
			if t := &best[start+mblen]; t.starts == -1 || unkScore+base > t.score {
				*t = bestNode{id: u.unkID, score: unkScore + base, starts: start}
			}
		}
		start += mblen
	}
	var out []token
	for end := len(s); end > 0; {
		n := best[end]
		if n.starts < 0 {
			break
		}
		out = append(out, token{text: s[n.starts:end], id: n.id})
		end = n.starts
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}
