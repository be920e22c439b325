# zsh completion for bitext; load it with: source <(bitext completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
