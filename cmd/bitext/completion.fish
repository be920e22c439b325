# fish completion for bitext; load it with: bitext completion fish | source
function __bitext_complete
	set -l words (commandline -opc) (commandline -ct)
	set -l out (command $words[1] $words[2..-1] --generate-bash-completion 2>/dev/null)
	if test (count $out) -eq 0
		__fish_complete_path (commandline -ct)
	else
		printf '%s\n' $out
	end
end
complete -c bitext -f -a '(__bitext_complete)'
