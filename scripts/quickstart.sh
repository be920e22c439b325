#!/usr/bin/env bash
# quickstart.sh: runs the README's quick start, the fenced block opened
# with ```sh quick-start, line by line in one shell, as a user pastes it
# into a terminal in the checkout, and stops at the first line that fails,
# naming it. CI runs it on its fresh clone so that the README cannot drift
# from the tool.
#
# The shell starts as a new user's would: an empty HOME (so Go's bin folder
# is $HOME/go/bin, empty and not on PATH, and no bitext configuration or
# model is found), PATH without Go's bin folder, no BITEXT_* or XDG_*
# variables. Only Go's caches and settings (GOMODCACHE, GOCACHE, GOFLAGS,
# GOPROXY…) are kept, so that nothing is downloaded or compiled twice.
#
# Usage: scripts/quickstart.sh [README]   (default: README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

readme=${1:-README.md}

block=$(scripts/readme-block.sh quick-start "$readme")

# A new user's environment.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
path=""
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do
	case "$d" in "$(gobin)" | "${HOME:-}/go/bin" | "") continue ;; esac
	path="${path:+$path:}$d"
done
if found=$(PATH=$path command -v bitext); then
	echo "quickstart: $found is on PATH outside Go's bin folder: the quick start would run it instead of the bitext it installs; remove it first" >&2
	exit 1
fi
envs=(HOME="$home" PATH="$path" USER="${USER:-root}" LOGNAME="${LOGNAME:-root}")
for v in GOMODCACHE GOCACHE GOFLAGS GOPROXY GOSUMDB GONOSUMDB GOPRIVATE GONOPROXY GOINSECURE GOTOOLCHAIN; do
	val=$(go env "$v")
	[ -n "$val" ] && envs+=("$v=$val")
done
for v in LANG LC_ALL TERM TMPDIR http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY SSL_CERT_FILE SSL_CERT_DIR; do
	[ -n "${!v:-}" ] && envs+=("$v=${!v}")
done

# One shell for the whole block, as in a terminal: each command sees what
# the previous ones exported. The block comes on descriptor 3, so that
# the commands get no standard input, as in CI.
echo "quickstart: running the quick start of $readme in a new user's shell (HOME=$home)"
env -i "${envs[@]}" bash --norc --noprofile -c '
	set -o pipefail   # stricter than a terminal: a failing command is not hidden by a pipe
	readme=$1
	while IFS=$'\''\t'\'' read -r line cmd <&3; do
		printf "\n$ %s\n" "$cmd"
		eval "$cmd" </dev/null
		status=$?
		if [ $status -ne 0 ]; then
			printf "\nquickstart: %s:%s failed (exit status %d): %s\n" "$readme" "$line" "$status" "$cmd" >&2
			exit 1
		fi
	done 3<<<"$2"
	printf "\nquickstart: every line of the quick start in %s ran\n" "$readme"
' bash "$readme" "$block"
