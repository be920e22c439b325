package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/bitext/bitext/internal/suggest"
	"github.com/urfave/cli/v2"
)

// checkCommands refuses, before anything runs, a command or subcommand
// bitext does not have, with the closest one ("did you mean") and the
// path whose help lists them. args are the arguments after "bitext".
func checkCommands(app *cli.App, args []string) error {
	cmds, path := app.Commands, "bitext"
	for _, a := range args {
		if a == "--" || strings.HasPrefix(a, "-") {
			if path == "bitext" {
				continue // a global flag
			}
			return nil
		}
		if a == "help" || a == "h" {
			continue // "bitext help translate"
		}
		c := findCommand(cmds, a)
		if c == nil {
			names := commandNames(cmds)
			return &usageError{msg: fmt.Sprintf("%s has no command %q%s", path, a, suggest.DidYouMean(a, names)),
				help: fmt.Sprintf("run '%s --help' for its commands: %s", path, strings.Join(names, ", "))}
		}
		if len(c.Subcommands) == 0 {
			return nil
		}
		cmds, path = c.Subcommands, path+" "+c.Name
	}
	return nil
}

// onUsageError words urfave/cli's (and Go's flag package's) parse errors
// in bitext's voice, with a "did you mean" for a mistyped flag.
func onUsageError(c *cli.Context, err error, _ bool) error {
	msg := err.Error()
	var flags []cli.Flag
	if c.Command != nil && c.Command.Name != c.App.Name {
		flags = c.Command.Flags
	} else {
		flags = c.App.Flags
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		msg = fmt.Sprintf("unknown flag %s%s", dashes(name), suggest.DidYouMean(dashes(name), flagNames(flags)))
	} else if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		msg = fmt.Sprintf("%s needs a value", dashes(name))
	} else if g := invalidValue.FindStringSubmatch(msg); g != nil {
		msg = fmt.Sprintf("%s: %q is not %s", dashes(g[2]), g[1], valueKind(g[3]))
	}
	return &usageError{cmd: commandPath(c), msg: msg}
}

// invalidValue matches Go's flag package's error for a bad value.
var invalidValue = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag -([\w-]+): (.*)$`)

// valueKind names what a flag's parser wanted, from its error.
func valueKind(perr string) string {
	switch {
	case strings.Contains(perr, "duration"):
		return "a duration such as 30s or 2m"
	case strings.Contains(perr, "ParseBool"), strings.Contains(perr, "boolean"):
		return "true or false"
	}
	return "a number"
}

// dashes writes a flag name as typed: --name, or -n for one letter.
func dashes(name string) string {
	name = strings.TrimLeft(name, "-")
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagNames lists the flags' long names as typed (--glossary).
func flagNames(flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		out = append(out, dashes(f.Names()[0]))
	}
	return append(out, "--help")
}

// inRange returns a flag action that refuses values outside [min, max].
func inRange[T int | float64 | time.Duration](min, max T, words string) func(*cli.Context, T) error {
	return func(c *cli.Context, v T) error {
		if v < min || v > max {
			return usagef(c, "%s, not %v", words, v)
		}
		return nil
	}
}

// sentinels are the texts of sentinel errors that library messages end
// with for callers to test (errors.Is): said once by the message itself,
// they are left out of what the user reads.
var sentinels = regexp.MustCompile(`(: backend not configured|: unsupported language pair| \(backend not configured\))+$`)

// repeatedPath matches a path said twice at the start, as in "x.txt:
// x.txt:3: …".
var repeatedPath = regexp.MustCompile(`^([^\s:]+): ([^\s:]+)(:\d+)?: `)

// syscallPath matches the path Go's file errors repeat ("open x.txt: ").
var syscallPath = regexp.MustCompile(`\b(?:open|read|stat|lstat|mkdir|remove|rename) ([^\s:]+): `)

// prefix matches a "name: " that starts a message or a wrapped part of it.
var prefix = regexp.MustCompile(`(?:^|: )([a-z][a-z0-9-]*): `)

// words is what the user reads of an error: each path and each prefix
// once, no sentinel texts appended for programs.
func words(err error) string {
	msg := sentinels.ReplaceAllString(err.Error(), "")
	if g := repeatedPath.FindStringSubmatch(msg); g != nil && g[1] == g[2] {
		msg = g[2] + g[3] + ": " + msg[len(g[0]):]
	}
	msg = syscallPath.ReplaceAllStringFunc(msg, func(m string) string {
		path := syscallPath.FindStringSubmatch(m)[1]
		if i := strings.Index(msg, path); i >= 0 && i < strings.Index(msg, m) {
			return ""
		}
		return m
	})
	seen := map[string]bool{}
	return prefix.ReplaceAllStringFunc(msg, func(m string) string {
		name := prefix.FindStringSubmatch(m)[1]
		if seen[name] {
			return strings.TrimSuffix(m, name+": ")
		}
		seen[name] = true
		return m
	})
}

// plural writes "1 problem", "2 problems".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
