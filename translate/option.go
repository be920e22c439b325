package translate

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// OptionType says what values an [Option] takes.
type OptionType int

// The option types.
const (
	// Text is any text (a project name, a file).
	Text OptionType = iota
	// Int is a whole number from Min to Max.
	Int
	// Float is a number from Min to Max.
	Float
	// Bool is true or false (yes/no and on/off are read too).
	Bool
	// Duration is a Go duration (30s, 2m) from Min to Max seconds.
	Duration
	// Choice is one of Choices, matched without regard to case.
	Choice
	// URL is an http or https address.
	URL
)

// Option declares one setting of a backend, once: the command line builds
// its flag and help from it, the registry checks values against it before
// anything runs, `bitext backends` lists it and shell completion offers
// it. A backend reads the checked value from [Config.Options] (or, for
// the options named "endpoint" and "model", from [Config.Endpoint] and
// [Config.Model]) with [Option.Int] and its siblings.
type Option struct {
	// Name is the key: --option NAME=VALUE, and NAME: under options: in
	// the configuration file.
	Name string
	// Flag makes the option a flag of its own on the commands that
	// translate (--NAME VALUE). The options named "endpoint" and "model"
	// are always flags.
	Flag bool
	// Type, Min, Max and Choices say what values are valid.
	Type     OptionType
	Min, Max float64
	Choices  []string
	// Help says what the option does, in a few words.
	Help string
	// Default is what applies when the option is not given, as help
	// shows it ("4", "one per two CPUs, from 1 to 4"); "" when nothing
	// applies.
	Default string
	// Env is the environment variable read when the option is not given
	// ("" for none).
	Env string
	// Arg is the word help shows for the value (NAME, FILE); "" for the
	// type's (N, URL, DURATION…).
	Arg string
}

// Placeholder is the word help shows for the option's value.
func (o Option) Placeholder() string {
	if o.Arg != "" {
		return o.Arg
	}
	switch o.Type {
	case Int, Float:
		return "N"
	case Bool:
		return "true|false"
	case Duration:
		return "DURATION"
	case Choice:
		return strings.Join(o.Choices, "|")
	case URL:
		return "URL"
	}
	return "VALUE"
}

// Valid says in words which values the option takes ("a number from 1 to
// 64"), or "" for any text.
func (o Option) Valid() string {
	switch o.Type {
	case Int, Float:
		return "a number " + o.Range()
	case Bool:
		return "true or false"
	case Duration:
		return "a duration such as 30s or 2m " + o.Range()
	case Choice:
		return orList(o.Choices)
	case URL:
		return "an http(s) URL"
	}
	return ""
}

// Range says in words which numbers or durations the option takes ("from
// 1 to 64"), or "" for other types.
func (o Option) Range() string {
	var format func(float64) string
	switch o.Type {
	case Int, Float:
		format = func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	case Duration:
		format = func(f float64) string { return shortDuration(time.Duration(f * float64(time.Second))) }
	default:
		return ""
	}
	if o.Max > o.Min {
		return "from " + format(o.Min) + " to " + format(o.Max)
	}
	return format(o.Min) + " or more"
}

// shortDuration writes 1h rather than 1h0m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// Check returns value in its canonical form (a choice as declared, a bool
// as true or false), or an error saying what the option takes.
func (o Option) Check(value string) (string, error) {
	v := strings.TrimSpace(value)
	bad := func() (string, error) {
		return "", fmt.Errorf("%s must be %s, not %q", o.Name, o.Valid(), value)
	}
	switch o.Type {
	case Int, Float:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || (o.Type == Int && f != float64(int64(f))) || !o.inRange(f) {
			return bad()
		}
	case Bool:
		b, ok := parseBool(v)
		if !ok {
			return bad()
		}
		return strconv.FormatBool(b), nil
	case Duration:
		d, err := time.ParseDuration(v)
		if err != nil || !o.inRange(d.Seconds()) {
			return bad()
		}
	case Choice:
		for _, c := range o.Choices {
			if strings.EqualFold(c, v) {
				return c, nil
			}
		}
		return bad()
	case URL:
		u, err := url.Parse(v)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return bad()
		}
	}
	return v, nil
}

func (o Option) inRange(f float64) bool {
	return f >= o.Min && (o.Max <= o.Min || f <= o.Max)
}

func parseBool(v string) (bool, bool) {
	switch strings.ToLower(v) {
	case "true", "yes", "on", "1":
		return true, true
	case "false", "no", "off", "0":
		return false, true
	}
	return false, false
}

// value returns the option's text in c ("" when not given).
func (o Option) value(c Config) string {
	switch o.Name {
	case "endpoint":
		return strings.TrimSpace(c.Endpoint)
	case "model":
		return strings.TrimSpace(c.Model)
	}
	return strings.TrimSpace(c.Options[o.Name])
}

// String returns the option's checked value in c, "" when not given.
func (o Option) String(c Config) (string, error) {
	v := o.value(c)
	if v == "" {
		return "", nil
	}
	return o.Check(v)
}

// Int returns the option's value in c, 0 when not given.
func (o Option) Int(c Config) (int, error) {
	v, err := o.String(c)
	if err != nil || v == "" {
		return 0, err
	}
	f, _ := strconv.ParseFloat(v, 64)
	return int(f), nil
}

// Float returns the option's value in c, 0 when not given.
func (o Option) Float(c Config) (float64, error) {
	v, err := o.String(c)
	if err != nil || v == "" {
		return 0, err
	}
	return strconv.ParseFloat(v, 64)
}

// Bool returns the option's value in c, false when not given.
func (o Option) Bool(c Config) (bool, error) {
	v, err := o.String(c)
	return v == "true", err
}

// Duration returns the option's value in c, 0 when not given.
func (o Option) Duration(c Config) (time.Duration, error) {
	v, err := o.String(c)
	if err != nil || v == "" {
		return 0, err
	}
	return time.ParseDuration(v)
}
