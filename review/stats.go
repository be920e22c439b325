package review

import "sort"

// EditStats measures how much editors changed one backend's drafts in one
// document (or overall): the share of approved units they edited and the
// word edit rate, word edits divided by the words of the approved text as
// in HTER (without shifts).
type EditStats struct {
	// Document is the working copy ("" for a total) and Backend the
	// engine of the drafts.
	Document, Backend string
	// Units counts the units with French; Approved those approved and
	// Edited those approved with a text other than the draft.
	Units, Approved, Edited int
	// WordEdits and Words sum the edits and the approved words.
	WordEdits, Words int
}

// EditedShare is Edited / Approved (0 with nothing approved).
func (s EditStats) EditedShare() float64 { return ratio(s.Edited, s.Approved) }

// EditRate is WordEdits / Words (0 with no approved words).
func (s EditStats) EditRate() float64 { return ratio(s.WordEdits, s.Words) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *EditStats) add(o EditStats) {
	s.Units += o.Units
	s.Approved += o.Approved
	s.Edited += o.Edited
	s.WordEdits += o.WordEdits
	s.Words += o.Words
}

// Stats returns the edit statistics of the article, one row per backend,
// sorted by backend. Units approved with their last approved text count;
// paragraphs with no French do not.
func (a *Article) Stats() []EditStats {
	by := map[string]*EditStats{}
	for _, u := range a.Units {
		if u.Orphan() {
			continue
		}
		b := statBackend(u)
		s := by[b]
		if s == nil {
			s = &EditStats{Document: a.Name(), Backend: b}
			by[b] = s
		}
		s.add(unitStats(u))
	}
	return sortStats(by)
}

// statBackend is the engine of the draft a unit's approval started from.
func statBackend(u *Unit) string {
	if u.Record.Backend != "" {
		return u.Record.Backend
	}
	return u.Backend
}

func unitStats(u *Unit) EditStats {
	s := EditStats{Units: 1}
	if !u.Record.Approved {
		return s
	}
	draft := u.Record.Machine
	if draft == "" {
		draft = u.Draft
	}
	s.Approved = 1
	s.Words = countWords(plainOf(u.Record.Text, u.Markup))
	s.WordEdits = WordEdits(WordDiff(plainOf(draft, u.Markup), plainOf(u.Record.Text, u.Markup)))
	if u.Record.Text != draft {
		s.Edited = 1
	}
	return s
}

// TotalStats sums rows per backend over documents, sorted by backend.
func TotalStats(rows []EditStats) []EditStats {
	by := map[string]*EditStats{}
	for _, r := range rows {
		s := by[r.Backend]
		if s == nil {
			s = &EditStats{Backend: r.Backend}
			by[r.Backend] = s
		}
		s.add(r)
	}
	return sortStats(by)
}

func sortStats(by map[string]*EditStats) []EditStats {
	out := make([]EditStats, 0, len(by))
	for _, s := range by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Backend < out[j].Backend })
	return out
}
