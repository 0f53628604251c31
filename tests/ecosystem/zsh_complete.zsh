# Prints the candidates zsh's completion system offers for a command line, one a line, the way
# an interactive zsh computes them on TAB: an interactive zsh in a pseudo-terminal (zpty), with
# compinit and the completion function from DIR, and compadd wrapped to print what it adds.
# usage: zsh -f zsh_complete.zsh DIR 'sessiontool lint --format '
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'compadd() { builtin compadd -O __hits "$@"; local h; for h in $__hits; do print -r -- "<<$h>>"; done; builtin compadd "$@" }'
zpty -w z 'echo READY-$((6*7))'
local line out
while zpty -r z line; do [[ $line == *READY-42* ]] && break; done
zpty -w -n z "$2"$'\t'
sleep 1
zpty -w z $'\C-c'
sleep 0.2
while zpty -r -t z line; do out+=$line; done
print -r -- "$out" | grep -o '<<[^>]*>>' | sed 's/^<<//; s/>>$//' | sort -u
zpty -d z
