package engine

import (
	"fmt"
	"regexp"
	"strings"
)

// languageCode matches ISO 639 codes with an optional region or variant
// (fr, en, en-GB, pt_BR).
var languageCode = regexp.MustCompile(`^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?$`)

// Languages checks --from and --to: language codes, not the same one. It
// returns them in lower case; a mistake is a [SettingError].
func Languages(from, to string) (string, string, error) {
	from, to = strings.ToLower(strings.TrimSpace(from)), strings.ToLower(strings.TrimSpace(to))
	for _, l := range []struct{ flag, code string }{{"from", from}, {"to", to}} {
		if !languageCode.MatchString(l.code) {
			return "", "", &SettingError{Err: fmt.Errorf("--%s %q is not a language code: give one such as fr, en or de", l.flag, l.code)}
		}
	}
	if from == to {
		return "", "", &SettingError{Err: fmt.Errorf("--from and --to are both %q", from)}
	}
	return from, to, nil
}
