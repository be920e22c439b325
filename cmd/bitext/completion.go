package main

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
)

// completeFlag, last on a command line, asks bitext for the words that can
// come where the cursor is (the word before it, "" after a space): the
// shell scripts below call bitext this way.
const completeFlag = "--generate-bash-completion"

// The completion scripts ask the binary for the words that fit and fall
// back to file names; zsh runs the bash script through bashcompinit.
var (
	//go:embed completion.bash
	bashCompletion string
	//go:embed completion.zsh
	zshPrologue string
	//go:embed completion.fish
	fishCompletion string
)

// script returns the completion script for the shell.
func script(shell string) (string, bool) {
	switch shell {
	case "bash":
		return bashCompletion, true
	case "zsh":
		return zshPrologue + bashCompletion, true
	case "fish":
		return fishCompletion, true
	}
	return "", false
}

func newCompletionCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script (bash, zsh or fish)",
		ArgsUsage: "bash|zsh|fish",
		Description: `Commands, flags, backend names, their options and the values of flags
with a fixed set of values are completed; anything else completes as a
file name.

Examples:
   source <(bitext completion bash)          # now, in this shell (zsh alike)
   bitext completion bash > /etc/bash_completion.d/bitext
   bitext completion fish > ~/.config/fish/completions/bitext.fish`,
		Action: func(c *cli.Context) error {
			text, ok := script(c.Args().First())
			if !ok || c.NArg() != 1 {
				return usagef(c, "name one shell: bash, zsh or fish")
			}
			_, err := fmt.Fprint(env.Out, text)
			return err
		},
	}
}

// complete prints, one a line, the words that can replace the last of
// words (the one under the cursor); words follow "bitext".
func complete(env *Env, app *cli.App, words []string) int {
	cur := ""
	if len(words) > 0 {
		cur, words = words[len(words)-1], words[:len(words)-1]
	}
	var cmd *cli.Command
	cmds := app.Commands
	for _, w := range words {
		if c := findCommand(cmds, w); c != nil {
			cmd, cmds = c, c.Subcommands
		}
	}
	for _, w := range candidates(env, cmd, cmds, words, cur) {
		if strings.HasPrefix(w, cur) {
			fmt.Fprintln(env.Out, w)
		}
	}
	return 0
}

// candidates lists what can come at the cursor.
func candidates(env *Env, cmd *cli.Command, sub []*cli.Command, words []string, cur string) []string {
	prev := ""
	if len(words) > 0 {
		prev = words[len(words)-1]
	}
	if k, _, ok := strings.Cut(cur, "="); ok && prev == "--option" {
		return optionValues(env, words, k)
	}
	if vals, ok := flagValues(env, words, prev); ok {
		return vals
	}
	switch {
	case strings.HasPrefix(cur, "-"):
		if cmd == nil {
			return []string{"--help"}
		}
		return flagNames(cmd.Flags)
	case len(sub) > 0 || cmd == nil:
		return commandNames(sub)
	case cmd.Name == "completion":
		return []string{"bash", "fish", "zsh"}
	case cmd.Name == "backends":
		return env.Registry.Names()
	}
	return nil
}

// flagValues lists the values of the flag prev when they are a fixed set
// (ok is false when prev is no such flag).
func flagValues(env *Env, words []string, prev string) ([]string, bool) {
	switch prev {
	case "--backend", "-b":
		return env.Registry.Names(), true
	case "--option":
		var out []string
		for _, o := range selectedBackend(env, words).Options {
			out = append(out, o.Name+"=")
		}
		return out, true
	case "--format":
		return []string{"html", "md", "txt", "json"}, true
	case "--input-format":
		return []string{"txt", "md"}, true
	case "--color":
		return []string{"auto", "always", "never"}, true
	}
	for _, o := range engine.Flags(env.Registry) {
		if "--"+o.Name == prev && (o.Type == translate.Choice || o.Type == translate.Bool) {
			return choices(o), true
		}
	}
	return nil, false
}

// optionValues lists KEY=VALUE for the values of the option key.
func optionValues(env *Env, words []string, key string) []string {
	o, ok := selectedBackend(env, words).Option(key)
	if !ok {
		return nil
	}
	var out []string
	for _, v := range choices(o) {
		out = append(out, key+"="+v)
	}
	return out
}

// choices are the values of a choice or a yes/no option.
func choices(o translate.Option) []string {
	if o.Type == translate.Bool {
		return []string{"true", "false"}
	}
	return o.Choices
}

// selectedBackend is the backend --backend names among words; without
// one, a backend holding every backend's options, for completion.
func selectedBackend(env *Env, words []string) translate.BackendInfo {
	for i, w := range words {
		if (w == "--backend" || w == "-b") && i+1 < len(words) {
			if info, ok := env.Registry.Lookup(words[i+1]); ok {
				return info
			}
		}
	}
	return translate.BackendInfo{Options: env.Registry.Options()}
}

// commandNames lists the commands' names.
func commandNames(cmds []*cli.Command) []string {
	var out []string
	for _, c := range cmds {
		out = append(out, c.Name)
	}
	return out
}
