#!/usr/bin/env bash
# glossary-eval.sh: how glossary terms read in English (issue 14). Translates
# the glossary test articles (glossary/testdata/articles, samples/*.fr.*
# and ../shared/seed when present) with each test glossary through
# Apertium (and marian on ../shared/nmt/opus-mt-tiny, mechanics only), then
# counts with `benchtool english`: term accuracy (glossary.Check) and the
# broken-English forms around terms (the North Korea, NORTH KOREA, North
# Korean have, missiles North Korean, américano-South Korean, norcoreanos).
#
# Usage: scripts/glossary-eval.sh [--bitext BIN] [--marian]
#
#   --bitext BIN  the bitext binary to measure (default: built from this
#                 tree); give one built from another commit to measure it
#                 with this tree's scorer.
#   --marian      also translate through marian with ../shared/nmt/opus-mt-tiny.
#
# Prints a Markdown report on standard output.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bitext= marian=0
while [[ $# -gt 0 ]]; do
	case $1 in
	--bitext) bitext=$2; shift ;;
	--marian) marian=1 ;;
	*) echo "usage: scripts/glossary-eval.sh [--bitext BIN] [--marian]" >&2; exit 2 ;;
	esac
	shift
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say() { echo "glossary-eval: $*" >&2; }

(cd "$root" && go build -o "$tmp/benchtool" ./internal/benchtool)
if [[ -z $bitext ]]; then
	(cd "$root" && go build -o "$tmp/bitext" ./cmd/bitext)
	bitext=$tmp/bitext
fi
if ! command -v apertium >/dev/null; then
	say "skipped: Apertium is not installed"
	exit 0
fi

mkdir -p "$tmp/articles"
cp "$root"/glossary/testdata/articles/*.fr.* "$root"/samples/*.fr.* "$tmp/articles/"
shared=$root/../shared
if [[ -d $shared/seed ]]; then cp "$shared"/seed/*.fr.txt "$tmp/articles/"; fi
cd "$tmp" # so that no ./glossary.* is picked up

glossaries=(glossary/testdata/desk.csv glossary/testdata/desk-semicolon.csv samples/glossary.csv glossary/testdata/names.csv)

# run BACKEND GLOSSARY [FLAGS...]: translates the articles, prints the score.
run() {
	local be=$1 g=$2 out
	shift 2
	out=$tmp/out-$be-$(basename "$g" .csv)
	echo
	echo "### $be, $g"
	echo
	echo '```'
	if "$bitext" translate --quiet --no-memory --backend "$be" "$@" --glossary "$root/$g" --format json --out "$out" "$tmp/articles" >"$out.log" 2>&1; then
		"$tmp/benchtool" english "$root/$g" "$out"
	else
		echo "bitext translate failed:"
		tail -n 3 "$out.log"
	fi
	echo '```'
}

echo "## Glossary terms in English ($(ls "$tmp/articles" | wc -l) articles)"
echo
echo "bitext: $("$bitext" --version 2>/dev/null || echo "$bitext")"
for g in "${glossaries[@]}"; do
	say "apertium with $g"
	run apertium "$g"
done
if [[ $marian == 1 && -d $shared/nmt/opus-mt-tiny ]]; then
	for g in glossary/testdata/desk.csv; do
		say "marian (opus-mt-tiny) with $g"
		run marian "$g" --model "$shared/nmt/opus-mt-tiny"
	done
fi
