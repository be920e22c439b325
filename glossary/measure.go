package glossary

// TermAccuracy counts glossary-term occurrences in a test set's sources
// and how many came out right in a translation.
type TermAccuracy struct {
	// Occurrences counts the terms found in the sources, Correct those
	// whose target the translated line has.
	Occurrences int `json:"occurrences"`
	Correct     int `json:"correct"`
	// InReference counts the occurrences whose target the reference line
	// has, and ReferenceCorrect those of them the translation has too.
	InReference      int `json:"in_reference"`
	ReferenceCorrect int `json:"reference_correct"`
}

// Measure counts, for every glossary-term occurrence in srcs, whether
// the translated line of hyps (and the reference line of refs) has its
// target. The three hold one line each, in the same order.
func (g *Glossary) Measure(srcs, hyps, refs []string) TermAccuracy {
	var t TermAccuracy
	for i, src := range srcs {
		found := g.Find(src, false)
		if len(found) == 0 {
			continue
		}
		missHyp := missing(g.Check(src, hyps[i], false))
		missRef := missing(g.Check(src, refs[i], false))
		for _, m := range found {
			t.Occurrences++
			ok := !missHyp[m.Entry]
			if ok {
				t.Correct++
			}
			if !missRef[m.Entry] {
				t.InReference++
				if ok {
					t.ReferenceCorrect++
				}
			}
		}
	}
	return t
}

func missing(vs []Violation) map[int]bool {
	m := map[int]bool{}
	for _, v := range vs {
		m[v.Entry] = true
	}
	return m
}
