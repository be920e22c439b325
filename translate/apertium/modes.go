package apertium

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bitext/bitext/translate"
)

// mode is one installed translation direction: a .mode file in the modes
// folder, such as fr-es.mode or spa-eng.mode.
type mode struct {
	// Name is the file name without .mode ("spa-eng").
	Name string
	// From and To are normalised language codes ("es", "en").
	From, To string
	// Path is the .mode file.
	Path string
}

// route is the chain of modes that translates From to To: one mode for a
// direct pair, two through a pivot language.
type route struct {
	From, To string
	Modes    []mode
}

// String names the route for messages, such as "fr-es+spa-eng".
func (r route) String() string {
	names := make([]string, len(r.Modes))
	for i, m := range r.Modes {
		names[i] = m.Name
	}
	return strings.Join(names, "+")
}

// alpha2 maps the ISO 639-2/3 codes Apertium pairs use to ISO 639-1.
var alpha2 = map[string]string{
	"afr": "af", "arg": "an", "ast": "ast", "bel": "be", "bre": "br",
	"bul": "bg", "cat": "ca", "ces": "cs", "dan": "da", "deu": "de",
	"ell": "el", "eng": "en", "epo": "eo", "eus": "eu", "fin": "fi",
	"fra": "fr", "glg": "gl", "hbs": "sh", "hin": "hi", "hrv": "hr",
	"ind": "id", "isl": "is", "ita": "it", "mkd": "mk", "msa": "ms",
	"nld": "nl", "nno": "nn", "nob": "nb", "nor": "no", "oci": "oc",
	"pol": "pl", "por": "pt", "ron": "ro", "rus": "ru", "slv": "sl",
	"spa": "es", "srd": "sc", "srp": "sr", "swe": "sv", "ukr": "uk",
	"urd": "ur", "zlm": "ms",
}

// LangCode normalises a language code as Apertium names them: lower case,
// three-letter codes mapped to two-letter ones where one exists, a variant
// suffix kept ("eng_US" → "en_US").
func LangCode(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	base, variant, hasVariant := strings.Cut(code, "_")
	if a2, ok := alpha2[base]; ok {
		base = a2
	}
	if hasVariant {
		return base + "_" + strings.ToUpper(variant)
	}
	return base
}

// parseModeName splits a mode name such as "spa-eng" into its languages.
// Names with more parts ("eco-fr-es", "fr-es-tagger") are not plain
// translators and are rejected.
func parseModeName(name string) (from, to string, ok bool) {
	parts := strings.Split(name, "-")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", false
	}
	return LangCode(parts[0]), LangCode(parts[1]), true
}

// listModes reads the translation directions installed in dir.
func listModes(dir string) ([]mode, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.mode"))
	if err != nil {
		return nil, fmt.Errorf("failed to list modes in %s: %w", dir, err)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("failed to read modes folder: %w", err)
	}
	var modes []mode
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".mode")
		if from, to, ok := parseModeName(name); ok {
			modes = append(modes, mode{Name: name, From: from, To: to, Path: p})
		}
	}
	sort.Slice(modes, func(i, j int) bool { return modes[i].Name < modes[j].Name })
	return modes, nil
}

// Pair is one translation direction an engine has installed, with
// language codes normalised by [LangCode].
type Pair struct {
	From, To string
}

// ShortestRoute returns the chain of at most two pairs that translates
// from one language to another: the direct pair when there is one, else
// two through a pivot language. Among pivots Spanish is preferred
// (Apertium's best-covered language), then the alphabetically first.
func ShortestRoute(pairs []Pair, from, to string) ([]Pair, bool) {
	from, to = LangCode(from), LangCode(to)
	for _, p := range pairs {
		if p.From == from && p.To == to {
			return []Pair{p}, true
		}
	}
	var best []Pair
	for _, first := range pairs {
		if first.From != from || first.To == to {
			continue
		}
		for _, second := range pairs {
			if second.From == first.To && second.To == to && betterPivot(first.To, best) {
				best = []Pair{first, second}
			}
		}
	}
	return best, best != nil
}

func betterPivot(pivot string, best []Pair) bool {
	if best == nil {
		return true
	}
	current := best[0].To
	if current == "es" {
		return false
	}
	return pivot == "es" || pivot < current
}

// findRoute returns the modes that translate from → to (see
// ShortestRoute).
func findRoute(modes []mode, from, to string) (route, bool) {
	r := route{From: LangCode(from), To: LangCode(to)}
	pairs := make([]Pair, len(modes))
	for i, m := range modes {
		pairs[i] = Pair{m.From, m.To}
	}
	chain, ok := ShortestRoute(pairs, from, to)
	for _, p := range chain {
		for _, m := range modes {
			if m.From == p.From && m.To == p.To {
				r.Modes = append(r.Modes, m)
				break
			}
		}
	}
	return r, ok
}

// missingPairError explains that no installed modes connect from and to,
// naming the Debian packages to install.
func missingPairError(dir, from, to string, modes []mode) error {
	installed := make([]string, len(modes))
	for i, m := range modes {
		installed[i] = m.Name
	}
	have := "none"
	if len(installed) > 0 {
		have = strings.Join(installed, ", ")
	}
	return fmt.Errorf("apertium cannot translate %s to %s with the modes in %s (installed: %s); %s: %w (%w)",
		from, to, dir, have, installHint(from, to), translate.ErrUnsupportedPair, translate.ErrNotConfigured)
}

// debianPairs names the Debian package holding each language pair, both
// directions.
var debianPairs = map[[2]string]string{
	{"fr", "es"}: "apertium-fr-es", {"en", "es"}: "apertium-eng-spa",
	{"en", "ca"}: "apertium-eng-cat", {"fr", "ca"}: "apertium-fra-cat",
	{"es", "ca"}: "apertium-spa-cat", {"es", "pt"}: "apertium-es-pt",
	{"es", "it"}: "apertium-spa-ita", {"es", "gl"}: "apertium-es-gl",
	{"fr", "oc"}: "apertium-oci-fra", {"br", "fr"}: "apertium-br-fr",
	{"eo", "en"}: "apertium-eo-en", {"eo", "fr"}: "apertium-eo-fr",
}

// installHint tells which packages to install for from→to: the direct pair
// when Debian has one, else the two pairs through Spanish.
func installHint(from, to string) string {
	from, to = LangCode(from), LangCode(to)
	if pkg := debianPair(from, to); pkg != "" {
		return "install it with: apt-get install apertium " + pkg
	}
	first, second := debianPair(from, "es"), debianPair("es", to)
	if first != "" && second != "" {
		return "install it with: apt-get install apertium " + first + " " + second
	}
	return "find a pair with: apt-cache search apertium-"
}

func debianPair(a, b string) string {
	if pkg, ok := debianPairs[[2]string{a, b}]; ok {
		return pkg
	}
	return debianPairs[[2]string{b, a}]
}

// errNoModes is returned by New when the modes folder is missing or holds no
// translation modes.
func errNoModes(dir string, err error) error {
	return fmt.Errorf("apertium is not installed (no language pairs in %s: %v); "+
		"install it with: apt-get install apertium apertium-fr-es apertium-eng-spa: %w",
		dir, err, translate.ErrNotConfigured)
}

// readModes lists dir and fails with an install hint when it is empty.
func readModes(dir string) ([]mode, error) {
	modes, err := listModes(dir)
	if err == nil && len(modes) == 0 {
		err = fs.ErrNotExist
	}
	if err != nil {
		return nil, errNoModes(dir, err)
	}
	return modes, nil
}
