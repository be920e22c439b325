#!/usr/bin/env bash
# Installs what bitext and its tests use from Debian's packages, when it is
# missing: Apertium with the French→Spanish and Spanish→English pairs (the
# offline default backend), Apertium's HTTP server, Chromium (the browser
# check of the bilingual HTML), tmux (the review UI test) and PostgreSQL
# (the shared memory's tests start a throw-away cluster of their own).
set -euo pipefail

packages=(apertium apertium-fr-es apertium-eng-spa apertium-apy chromium tmux postgresql)
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
