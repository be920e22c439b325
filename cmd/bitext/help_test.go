package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestHelpShowsEachDefaultOnce runs every command's --help and checks each
// option line: a default is said at most once, a zero that means "no
// limit" or "automatic" is said in words (never "(default: 0)"), yes/no
// flags do not say "(default: false)", and a flag that has a default
// shows it.
func TestHelpShowsEachDefaultOnce(t *testing.T) {
	app := newApp(testEnv())
	var walk func(path []string, cmds []*cli.Command)
	walk = func(path []string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := append(append([]string(nil), path...), c.Name)
			checkHelp(t, p, c)
			walk(p, c.Subcommands)
		}
	}
	walk(nil, app.Commands)
}

var (
	defaultRE    = regexp.MustCompile(`(?i)\bdefault\b`)
	zeroDefault  = regexp.MustCompile(`\(default: (0|0s|-1|false|""|0\.0+)\)`)
	optionLineRE = regexp.MustCompile(`^\s+(-[-\w]+)`)
)

func checkHelp(t *testing.T, path []string, c *cli.Command) {
	env := testEnv()
	var out bytes.Buffer
	env.Out, env.Err = &out, &out
	args := append(append([]string{"bitext"}, path...), "--help")
	if code := run(context.Background(), env, args); code != 0 {
		t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, out.String())
	}
	lines := map[string]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		if g := optionLineRE.FindStringSubmatch(l); g != nil {
			lines[strings.TrimLeft(g[1], "-")] = l
			if n := len(defaultRE.FindAllString(l, -1)); n > 1 {
				t.Errorf("%s: a default said %d times: %s", strings.Join(args, " "), n, l)
			}
			if zeroDefault.MatchString(l) {
				t.Errorf("%s: a zero default not said in words: %s", strings.Join(args, " "), l)
			}
		}
	}
	for _, f := range c.Flags {
		df, ok := f.(cli.DocGenerationFlag)
		name := f.Names()[0]
		l, shown := lines[name]
		if !shown {
			t.Errorf("%s: --%s missing from the help", strings.Join(args, " "), name)
			continue
		}
		if _, isBool := f.(*cli.BoolFlag); ok && !isBool && df.GetDefaultText() != "" && !defaultRE.MatchString(l) {
			t.Errorf("%s: --%s has a default the help does not show: %s", strings.Join(args, " "), name, l)
		}
	}
}
