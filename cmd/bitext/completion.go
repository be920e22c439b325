package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// bashCompletion is urfave/cli's bash completion script for bitext: it asks
// the binary itself (--generate-bash-completion) for the words that fit.
const bashCompletion = `# bash completion for bitext; load it with: source <(bitext completion bash)
_bitext_complete() {
	local cur opts
	COMPREPLY=()
	cur="${COMP_WORDS[COMP_CWORD]}"
	if [[ "$cur" == "-"* ]]; then
		opts=$("${COMP_WORDS[@]:0:$COMP_CWORD}" "${cur}" --generate-bash-completion 2>/dev/null)
	else
		opts=$("${COMP_WORDS[@]:0:$COMP_CWORD}" --generate-bash-completion 2>/dev/null)
	fi
	COMPREPLY=($(compgen -W "${opts}" -- "${cur}"))
	[[ ${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "${cur}"))
	return 0
}
complete -o filenames -F _bitext_complete bitext
`

// zshCompletion makes zsh use the bash script.
const zshCompletion = `# zsh completion for bitext; load it with: source <(bitext completion zsh)
autoload -U +X bashcompinit && bashcompinit
` + bashCompletion

func newCompletionCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script (bash or zsh)",
		ArgsUsage: "bash|zsh",
		Description: `Examples:
   source <(bitext completion bash)          # now, in this shell
   bitext completion bash > /etc/bash_completion.d/bitext`,
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				fmt.Fprint(env.Out, bashCompletion)
			case "zsh":
				fmt.Fprint(env.Out, zshCompletion)
			default:
				return usagef(c, "name the shell: bash or zsh")
			}
			return nil
		},
	}
}
