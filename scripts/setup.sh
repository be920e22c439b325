#!/usr/bin/env bash
# setup.sh: one command from a fresh checkout to a translated article, on
# Debian or Ubuntu with Go: installs Apertium (the offline backend) from
# Debian's packages when missing, installs bitext into Go's bin folder
# (go install ./cmd/bitext), and translates a sample article offline with
# the sample glossary into ./bitext-out.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

if ! command -v go >/dev/null; then
	echo "setup: Go is not installed (bitext needs Go 1.26.8 or later: https://go.dev/doc/install)" >&2
	exit 1
fi
scripts/install-deps.sh
echo "setup: go install ./cmd/bitext"
go install ./cmd/bitext
bin=$(gobin)
"$bin/bitext" translate --glossary samples/glossary.csv --format html,md,txt samples/seoul-sommet-energie.fr.txt --out bitext-out
echo
echo "English:   bitext-out/seoul-sommet-energie.en.txt"
echo "Bilingual: bitext-out/seoul-sommet-energie.bilingual.html (open it in a browser)"
echo
head -n 5 bitext-out/seoul-sommet-energie.en.txt
echo
case ":$PATH:" in
*":$bin:"*) echo "setup: bitext is installed in $bin, on your PATH" ;;
*)
	echo "setup: bitext is installed in $bin, which is not on your PATH; to run it by name:"
	echo
	echo "    export PATH=\"\$PATH:$bin\"      # add this line to ~/.profile to keep it"
	;;
esac
