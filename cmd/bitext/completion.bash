# bash completion for bitext; load it with: source <(bitext completion bash)
_bitext_complete() {
	local cur=${COMP_WORDS[COMP_CWORD]} opts
	opts=$("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" --generate-bash-completion 2>/dev/null)
	COMPREPLY=($(compgen -W "${opts}" -- "${cur}"))
	if [[ ${#COMPREPLY[@]} -eq 0 ]]; then
		COMPREPLY=($(compgen -f -- "${cur}"))
	elif [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
		compopt -o nospace
	fi
	return 0
}
complete -o filenames -F _bitext_complete bitext
