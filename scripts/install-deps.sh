#!/usr/bin/env bash
# install-deps.sh: installs from Debian's packages what bitext uses, when
# it is missing.
#
#   scripts/install-deps.sh           what bitext runs with: Apertium and its
#                                     French→Spanish and Spanish→English pairs
#                                     (the offline default backend)
#   scripts/install-deps.sh --tests   that, plus what the tests use for real:
#                                     Apertium's HTTP server (apertium-apy),
#                                     Chromium (the browser check of the
#                                     bilingual HTML), tmux (the review UI)
#                                     and PostgreSQL (the shared memory's
#                                     tests start a throw-away cluster of
#                                     their own with initdb and pg_ctl)
#
# Tests whose tools are missing skip, and scripts/test.sh lists them with
# their reasons. Runs apt-get as root, or through sudo.
set -euo pipefail

runtime=(apertium apertium-fr-es apertium-eng-spa)
tests=(apertium-apy chromium tmux postgresql)

packages=("${runtime[@]}")
case "${1:-}" in
--tests) packages+=("${tests[@]}") ;;
"") ;;
*)
	echo "usage: scripts/install-deps.sh [--tests]" >&2
	exit 2
	;;
esac

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null; then sudo=sudo; else
		echo "install-deps: need root to install: ${missing[*]}" >&2
		exit 1
	fi
fi
echo "install-deps: installing ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
