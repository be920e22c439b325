package figures

// Missing returns the figures of a French text (as [French] found them)
// whose value the English text does not hold: each English figure
// accounts for one French figure at most, so that a number written twice
// in French must be in the English twice.
func Missing(french []Figure, english string) []Figure {
	if len(french) == 0 {
		return nil
	}
	have := map[key]int{}
	for _, k := range englishKeys(english) {
		have[k]++
	}
	var out []Figure
	for _, f := range french {
		k := f.key()
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}

// key is the value of a French figure, read from its English form.
func (f Figure) key() key {
	if ks := englishKeys(f.English); len(ks) > 0 {
		return ks[0]
	}
	return key("?" + f.English)
}
