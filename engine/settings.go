package engine

import (
	"github.com/bitext/bitext/translate"
)

// SettingError is a mistake in the settings a command was given (a flag,
// an --option, the configuration file), found before anything runs. The
// command line reports it as a usage error.
type SettingError struct {
	// Err is the problem, naming the setting (and FILE:LINE).
	Err error
	// Hint says what to do; "" to point at the command's help.
	Hint string
}

func (e *SettingError) Error() string { return e.Err.Error() }

// Unwrap returns the problem.
func (e *SettingError) Unwrap() error { return e.Err }

// The settings every backend of a kind takes, declared once: the command
// line makes them flags, the configuration file takes them as keys of a
// backend's section, help and `bitext backends` show them.
var (
	// SettingEndpoint and SettingModel are taken by the backends that
	// declare an option of that name, with their own help and default.
	SettingEndpoint = translate.Option{Name: "endpoint", Arg: "URL", Help: "the backend's server URL (a proxy, a self-hosted server)",
		Default: "the backend's", Env: "BITEXT_ENDPOINT"}
	SettingModel = translate.Option{Name: "model", Arg: "NAME", Help: "model NAME or folder, for backends that have several",
		Default: "the backend's"}
	// SettingPrice prices --dry-run.
	SettingPrice = translate.Option{Name: "price", Arg: "PRICE", Help: "PRICE per million characters for --dry-run, such as 18 or 18 EUR",
		Default: "the backend's published price"}
	// The settings of remote backends, for the wrapper that drives them.
	SettingRPS = translate.Option{Name: "rps", Type: translate.Float, Min: 0,
		Help: "remote backends: at most N requests per second over the whole run", Default: "no limit"}
	SettingCPS = translate.Option{Name: "cps", Type: translate.Float, Min: 0,
		Help: "remote backends: at most N characters per second over the whole run", Default: "no limit"}
	SettingConcurrency = translate.Option{Name: "concurrency", Type: translate.Int, Min: 1, Max: 64,
		Help: "remote backends: N requests in flight at once", Default: "4"}
	SettingTimeout = translate.Option{Name: "timeout", Type: translate.Duration, Min: 1, Max: 3600,
		Help: "remote backends: the longest DURATION one request may take", Default: "60s"}
	SettingRetries = translate.Option{Name: "retries", Type: translate.Int, Min: 0, Max: 100,
		Help: "remote backends: N retries of a failed request (0: none)", Default: "5"}
	SettingMaxWait = translate.Option{Name: "max-wait", Type: translate.Duration, Min: 1, Max: 86400,
		Help: "remote backends: the longest DURATION a server may ask to pause (Retry-After) before the run stops", Default: "5m"}
)

// remoteSettings are the settings only remote backends take.
var remoteSettings = []translate.Option{SettingRPS, SettingCPS, SettingConcurrency, SettingTimeout, SettingRetries, SettingMaxWait}

// commonSettings are the settings every backend's section of the
// configuration file may hold.
func commonSettings() []translate.Option {
	return append([]translate.Option{SettingEndpoint, SettingModel, SettingPrice}, remoteSettings...)
}

// Flags returns the backend settings the command line takes as flags, in
// the order help lists them: endpoint and model, each backend option
// declared as a flag (its help prefixed by the backends that take it),
// then price and the remote settings.
func Flags(reg *translate.Registry) []translate.Option {
	out := []translate.Option{SettingEndpoint, SettingModel}
	seen := map[string]bool{"endpoint": true, "model": true}
	for _, info := range reg.List() {
		for _, o := range info.Options {
			if !o.Flag || seen[o.Name] {
				continue
			}
			seen[o.Name] = true
			o.Help = andList(reg.Owners(o.Name)) + ": " + o.Help
			o.Env = ""
			out = append(out, o)
		}
	}
	return append(append(out, SettingPrice), remoteSettings...)
}

// setting returns the common setting called name.
func setting(name string) (translate.Option, bool) {
	for _, o := range commonSettings() {
		if o.Name == name {
			return o, true
		}
	}
	return translate.Option{}, false
}

// andList joins words as "a, b and c".
func andList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	s := words[0]
	for _, w := range words[1 : len(words)-1] {
		s += ", " + w
	}
	return s + " and " + words[len(words)-1]
}
