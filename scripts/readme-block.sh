#!/usr/bin/env bash
# readme-block.sh: prints the commands of the README's fenced block opened
# with ```sh NAME (NAME: quick-start, tests), one "LINE<TAB>COMMAND" record
# per command: continuation lines (ending in \) are joined, blank and
# comment lines left out, LINE is the command's first line in the README.
# Fails when the block is missing, repeated or never closed: CI runs these
# blocks, so a README without them must not pass.
#
# Usage: scripts/readme-block.sh NAME [README]   (default: README.md)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: scripts/readme-block.sh NAME [README]" >&2; exit 2; }
name=$1
readme=${2:-README.md}

awk -v fence="^\`\`\`sh $name[[:space:]]*\$" '
	$0 ~ fence { if (seen++) { dup = 1; exit } inside = 1; next }
	inside && /^```/ { inside = 0; next }
	inside {
		if (cmd == "") start = NR
		line = $0
		if (sub(/\\$/, "", line)) { cmd = cmd line; next }
		cmd = cmd line
		if (cmd !~ /^[[:space:]]*(#|$)/) { printf "%d\t%s\n", start, cmd; n++ }
		cmd = ""
	}
	END { if (dup) exit 3; if (inside) exit 4; if (!n) exit 5 }
' "$readme" || {
	case $? in
	3) echo "readme-block: $readme has two blocks opened with \`\`\`sh $name" >&2 ;;
	4) echo "readme-block: the \`\`\`sh $name block of $readme is never closed" >&2 ;;
	5) echo "readme-block: $readme has no block opened with \`\`\`sh $name, or it holds no command" >&2 ;;
	*) echo "readme-block: cannot read $readme" >&2 ;;
	esac
	exit 1
}
