package engine

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bitext/bitext/internal/suggest"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian"
	"github.com/bitext/bitext/translate/remote"
)

// BackendOptions are the backend settings as a command line gives them,
// unchecked: [Select] checks them against the backend's declarations and
// fills in the configuration file's.
type BackendOptions struct {
	// Name is --backend ("": the default, see [Select]).
	Name string
	// Flags are the settings given as flags, by name (see [Flags]):
	// only those the user gave.
	Flags map[string]string
	// Options are the --option KEY=VALUE pairs, in order.
	Options []string
	// File is the configuration file.
	File *FileConfig
	// Lenient drops the flags and options the backend does not take
	// instead of refusing them (review's re-translation with another
	// backend than the one named).
	Lenient bool
	// OnWait is told of the pauses a remote server asks for.
	OnWait func(remote.Wait)
}

// Selection is a backend and its settings, checked: what [NewBackend]
// builds and --dry-run prices.
type Selection struct {
	Info   translate.BackendInfo
	Config translate.Config
	Remote remote.Options
	// Price prices --dry-run: --price, the file's price, else the
	// published one; zero when none is known.
	Price translate.Price
	// PriceFrom says where Price comes from ("--price", "FILE:LINE",
	// "published").
	PriceFrom string
}

// given is one setting's value and where it was given.
type given struct {
	value string
	// flag is set for a flag (--rps), file for the configuration file
	// (FILE:LINE); neither for --option.
	flag bool
	file string
}

// errorf words a problem with the setting name after where it was given:
// "--rps must be…", "FILE:LINE: option workers must be…", "apertium:
// option workers must be…".
func (g given) errorf(backend string, option bool, err error) error {
	switch {
	case g.flag:
		return fmt.Errorf("--%w", err)
	case g.file != "" && option:
		return fmt.Errorf("%s: option %w", g.file, err)
	case g.file != "":
		return fmt.Errorf("%s: %w", g.file, err)
	}
	return fmt.Errorf("%s: option %w", backend, err)
}

// Select picks the backend o names (else the configuration file's
// backend:, else marian once a model is installed, else apertium) and
// checks every setting for it: names match without regard to case,
// mistakes get a "did you mean", values are range-checked, settings the
// backend does not take are refused. Every mistake is a [SettingError].
func Select(env Env, o BackendOptions) (*Selection, error) {
	if o.File == nil {
		o.File = &FileConfig{}
	}
	if err := CheckFile(env, o.File); err != nil {
		return nil, err
	}
	info, err := pickBackend(env, o)
	if err != nil {
		return nil, err
	}
	vals, err := o.values(info)
	if err != nil {
		return nil, err
	}
	s, err := newSelection(env, info, vals, o.Lenient)
	if err != nil {
		return nil, err
	}
	s.Remote.OnWait = o.OnWait
	return s, nil
}

// newSelection applies the settings, in a stable order, to the backend.
func newSelection(env Env, info translate.BackendInfo, vals map[string]given, lenient bool) (*Selection, error) {
	s := &Selection{Info: info, Config: translate.Config{Options: map[string]string{}, Getenv: env.Getenv}}
	names := make([]string, 0, len(vals))
	for name := range vals {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := s.set(env.Registry, name, vals[name], lenient); err != nil {
			hint := backendHint(info)
			if _, common := setting(name); common && vals[name].flag {
				hint = "" // the command's help
			}
			return nil, &SettingError{Err: err, Hint: hint}
		}
	}
	if s.PriceFrom == "" && !info.Price.IsZero() {
		s.Price, s.PriceFrom = info.Price, "published"
	}
	return s, nil
}

// backendHint points at the listing of a backend's settings.
func backendHint(info translate.BackendInfo) string {
	return fmt.Sprintf("'bitext backends %s' lists its settings", info.Name)
}

// pickBackend finds the backend o names, or the default one.
func pickBackend(env Env, o BackendOptions) (translate.BackendInfo, error) {
	name := o.Name
	if name == "" && o.File.Backend.Value != "" {
		name = o.File.Backend.Value
	}
	if name == "" {
		name = "apertium"
		if info, ok := env.Registry.Lookup("marian"); ok && marian.Installed(o.fileConfig(info, env)) {
			name = "marian"
		}
	}
	info, err := env.Registry.Find(name)
	if err != nil {
		return info, &SettingError{Err: err, Hint: "'bitext backends' describes each backend"}
	}
	return info, nil
}

// fileConfig is the configuration the file gives a backend, unchecked
// (to see whether marian's model is installed).
func (o BackendOptions) fileConfig(info translate.BackendInfo, env Env) translate.Config {
	c := translate.Config{Getenv: env.Getenv}
	if s := o.File.Backends[info.Name]; s != nil {
		c.Model = s.Settings["model"].Value
	}
	if m, ok := o.Flags["model"]; ok {
		c.Model = m
	}
	return c
}

// values gathers the settings for the backend: the file's section, then
// the flags, then --option, each later one winning.
func (o BackendOptions) values(info translate.BackendInfo) (map[string]given, error) {
	vals := map[string]given{}
	if s := o.File.Backends[info.Name]; s != nil {
		for k, v := range s.Settings {
			vals[k] = given{value: v.Value, file: fmt.Sprintf("%s:%d", o.File.Path, v.Line)}
		}
		for k, v := range s.Options {
			vals["option:"+k] = given{value: v.Value, file: fmt.Sprintf("%s:%d", o.File.Path, v.Line)}
		}
	}
	for k, v := range o.Flags {
		if _, common := setting(k); common {
			vals[k] = given{value: v, flag: true}
		} else {
			vals["option:"+k] = given{value: v, flag: true}
		}
	}
	for _, kv := range o.Options {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || k == "" {
			return nil, &SettingError{Err: fmt.Errorf("--option %q: write it KEY=VALUE, such as workers=2", kv), Hint: backendHint(info)}
		}
		if k == "endpoint" || k == "model" {
			vals[k] = given{value: v}
		} else {
			vals["option:"+k] = given{value: v}
		}
	}
	return vals, nil
}

// set applies one setting to the selection.
func (s *Selection) set(reg *translate.Registry, name string, g given, lenient bool) error {
	v := strings.TrimSpace(g.value)
	opt, isOption := strings.CutPrefix(name, "option:")
	if name == "endpoint" || name == "model" {
		opt, isOption = name, true
	}
	if isOption {
		return s.setOption(reg, opt, v, g, lenient)
	}
	if name == "price" {
		if err := s.setPrice(v, g); err != nil {
			return g.errorf(s.Info.Name, false, err)
		}
		return nil
	}
	o, ok := setting(name)
	switch {
	case !ok:
		return fmt.Errorf("%s: %w", g.file, s.unknownSetting(name))
	case s.Info.Kind != translate.Remote && lenient:
		return nil
	case s.Info.Kind != translate.Remote:
		return g.errorf(s.Info.Name, false, fmt.Errorf("%s applies to remote backends only; %s is %s", name, s.Info.Name, s.Info.Kind))
	}
	v, err := o.Check(v)
	if err != nil {
		return g.errorf(s.Info.Name, false, err)
	}
	setRemote(&s.Remote, name, v)
	return nil
}

// setOption checks and sets one of the backend's own options.
func (s *Selection) setOption(reg *translate.Registry, name, v string, g given, lenient bool) error {
	if _, declared := s.Info.Option(name); !declared {
		return unknownOption(reg, s.Info, name, v, g, lenient)
	}
	cv, err := reg.CheckOption(s.Info, name, v)
	if err != nil {
		return g.errorf(s.Info.Name, !g.flag, err)
	}
	switch name {
	case "endpoint":
		s.Config.Endpoint = cv
	case "model":
		s.Config.Model = cv
	default:
		s.Config.Options[name] = cv
	}
	return nil
}

// unknownOption refuses an option the backend does not take (or drops
// it, when lenient), saying which backends take it or which option was
// probably meant.
func unknownOption(reg *translate.Registry, info translate.BackendInfo, name, v string, g given, lenient bool) error {
	if lenient {
		return nil
	}
	if g.flag {
		if owners := reg.Owners(name); len(owners) > 0 && name != "endpoint" && name != "model" {
			return fmt.Errorf("--%s is an option of %s, not of %s", name, andList(owners), info.Name)
		}
		return fmt.Errorf("--%s does not apply to %s: it takes no %s", name, info.Name, name)
	}
	_, err := reg.CheckOption(info, name, v)
	if g.file != "" {
		return fmt.Errorf("%s: %w", g.file, err)
	}
	return err
}

// unknownSetting says that name is none of the settings of a backend's
// section.
func (s *Selection) unknownSetting(name string) error {
	if _, ok := s.Info.Option(name); ok {
		return fmt.Errorf("%s is one of %s's options: write it in its options: map", name, s.Info.Name)
	}
	var names []string
	for _, o := range commonSettings() {
		names = append(names, o.Name)
	}
	return fmt.Errorf("unknown setting %q%s (settings: %s, options:)%s", name,
		suggest.DidYouMean(name, names), strings.Join(names, ", "), secretHint(name))
}

// setPrice reads --price or price:.
func (s *Selection) setPrice(v string, g given) error {
	currency := s.Info.Price.Currency
	if currency == "" {
		currency = "USD"
	}
	p, err := translate.ParsePrice(v, currency)
	if err != nil {
		return err
	}
	s.Price, s.PriceFrom = p, "--price"
	if g.file != "" {
		s.PriceFrom = g.file
	}
	return nil
}

// setRemote sets one checked remote setting.
func setRemote(r *remote.Options, name, v string) {
	f, _ := strconv.ParseFloat(v, 64)
	d, _ := time.ParseDuration(v)
	switch name {
	case "rps":
		r.RequestsPerSecond = f
	case "cps":
		r.CharsPerSecond = f
	case "concurrency":
		r.Concurrency = int(f)
	case "timeout":
		r.Timeout = d
	case "retries":
		r.MaxRetries = int(f)
		if r.MaxRetries == 0 {
			r.MaxRetries = -1 // none
		}
	case "max-wait":
		r.MaxWait = d
	}
}

// CheckPair says whether the backend can translate from → to, where it
// can tell before it is built: a [SettingError] when it cannot.
func (s *Selection) CheckPair(from, to string) error {
	if s.Info.CheckPair == nil {
		return nil
	}
	err := s.Info.CheckPair(s.Config, from, to)
	if errors.Is(err, translate.ErrUnsupportedPair) {
		return &SettingError{Err: err, Hint: "choose other languages with --from and --to, or another backend with --backend"}
	}
	return err
}

// CheckFile checks the whole configuration file, whichever backend is
// selected: the default backend's name and every section's settings.
func CheckFile(env Env, f *FileConfig) error {
	if b := f.Backend; b.Value != "" {
		if _, err := env.Registry.Find(b.Value); err != nil {
			return f.errorf(b.Line, "%w", err)
		}
	}
	for _, sec := range f.Backends {
		info, err := env.Registry.Find(sec.Name)
		if err != nil {
			return f.errorf(sec.Line, "%w", err)
		}
		vals, _ := BackendOptions{File: f}.values(info)
		if _, err := newSelection(env, info, vals, false); err != nil {
			return err
		}
	}
	return nil
}
