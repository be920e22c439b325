package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed lets flags follow the arguments, as in
// "bitext translate article.fr.txt --out out/": urfave/cli stops reading
// flags at the first argument, so the flags of the command being run are
// moved before its arguments, each with its value. "-" (standard input)
// is an argument, and everything after "--" stays where it is.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	cmds := app.Commands
	var cmd *cli.Command
	// The command path: global flags, then command and subcommand names.
	for len(rest) > 0 {
		a := rest[0]
		if c := findCommand(cmds, a); c != nil {
			cmd, cmds = c, c.Subcommands
			out = append(out, a)
			rest = rest[1:]
			continue
		}
		if strings.HasPrefix(a, "-") && cmd == nil {
			out = append(out, a)
			rest = rest[1:]
			continue
		}
		break
	}
	if cmd == nil {
		return args
	}
	var flags, positional []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			positional = append(positional, rest[i:]...)
			i = len(rest)
		case a == "-" || !strings.HasPrefix(a, "-"):
			positional = append(positional, a)
		default:
			flags = append(flags, a)
			if takesValue(cmd, a) && !strings.Contains(a, "=") && i+1 < len(rest) {
				i++
				flags = append(flags, rest[i])
			}
		}
	}
	out = append(out, flags...)
	return append(out, positional...)
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// takesValue reports whether the command's flag named by arg ("--out",
// "-o") reads the next argument as its value.
func takesValue(cmd *cli.Command, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				tv, ok := f.(interface{ TakesValue() bool })
				return ok && tv.TakesValue()
			}
		}
	}
	return false
}
