#!/usr/bin/env bash
# eval.sh: translation quality of the offline backend, written to
# docs/QUALITY.md: Apertium's BLEU and chrF on ../shared/eval's
# newstest2013 through bitext (bitext eval, with and without its English
# typography, with and without a glossary of names built from the test
# set) and through the raw pipe (scored by bitext score); which lines
# bitext's typography changes and how that scores; the published OPUS-MT
# scores reproduced by bitext score, for scale; how to check a MarianMT
# model the same way.
#
# Usage: scripts/eval.sh [--smoke] [--out FILE]
#
#   --smoke     the first 50 lines only, report to a temporary file unless
#               --out is given (CI). Also set by BITEXT_BENCH_SMOKE=1.
#   --out FILE  where to write the report (default docs/QUALITY.md).
#
# BITEXT_EVAL_MARIAN=1 also evaluates the marian backend on newssyscomb2009
# when a model is installed (bitext models pull fr-en); it is slow.
# Exits 0 with a message when ../shared is absent; the Apertium parts are
# skipped when Apertium is.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
smoke=${BITEXT_BENCH_SMOKE:-0}
out=
while [[ $# -gt 0 ]]; do
	case $1 in
	--smoke) smoke=1 ;;
	--out) out=$2; shift ;;
	*) echo "usage: scripts/eval.sh [--smoke] [--out FILE]" >&2; exit 2 ;;
	esac
	shift
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[[ $smoke == 1 ]] && out=${out:-$tmp/QUALITY.md}
out=${out:-$root/docs/QUALITY.md}
case $out in /*) ;; *) out=$PWD/$out ;; esac

t0=$(date +%s)
say() { echo "eval [$(($(date +%s) - t0))s]: $*" >&2; }

shared=$root/../shared/eval
if [[ ! -f $shared/newstest2013.fr || ! -f $shared/newstest2013.en ]]; then
	say "skipped: $shared not found (../shared is absent)"
	exit 0
fi
apertium=1
if ! command -v apertium >/dev/null || [[ ! -f /usr/share/apertium/modes/fr-es.mode || ! -f /usr/share/apertium/modes/spa-eng.mode ]]; then
	say "Apertium parts skipped: install Apertium with: apt-get install apertium apertium-fr-es apertium-eng-spa"
	apertium=0
fi

say "building bitext and benchtool"
(cd "$root" && go build -o "$tmp/bitext" ./cmd/bitext && go build -o "$tmp/benchtool" ./internal/benchtool)
bitext=$tmp/bitext benchtool=$tmp/benchtool
cd "$tmp" # so that no ./glossary.* is picked up

# testset NAME: copies NAME.fr and NAME.en from ../shared (their first 50
# lines with --smoke) into the temporary folder.
testset() {
	local n=$1 lines=
	[[ $smoke == 1 ]] && lines=50
	for l in fr en; do
		if [[ -n $lines ]]; then head -n "$lines" "$shared/$n.$l"; else cat "$shared/$n.$l"; fi >"$tmp/$n.$l"
	done
}

# bleu FILE, chrf FILE: the scores of a bitext score or eval output.
bleu() { awk -F' = ' '/^BLEU/ { split($2, a, " "); print a[1] }' "$1"; }
chrf() { awk -F' = ' '/^chrF2/ { printf "%.2f\n", $2 * 100 }' "$1"; }
terms() { grep '^terms:' "$1" | sed 's/^terms: //' || true; }
signatures() { grep -E '^(BLEU|chrF2)' "$1"; }

run_apertium() {
	local s=$tmp/newstest2013.fr r=$tmp/newstest2013.en
	say "raw pipe on newstest2013"
	apertium -u fr-es <"$s" | apertium -u spa-eng >"$tmp/raw.en"
	"$bitext" score "$tmp/raw.en" "$r" >"$tmp/raw.score"
	say "bitext eval --raw, then with typography"
	"$bitext" eval --raw --backend apertium --output "$tmp/eval-raw.en" "$s" "$r" >"$tmp/eval-raw.score"
	"$bitext" eval --backend apertium --output "$tmp/eval.en" "$s" "$r" >"$tmp/eval.score"
	say "glossary of names from newstest2013, then bitext eval with it"
	local min=3
	[[ $smoke == 1 ]] && min=1 # 50 lines hold few names
	"$benchtool" names -min "$min" "$s" "$r" >"$tmp/names.csv"
	"$bitext" eval --backend apertium --glossary "$tmp/names.csv" --output "$tmp/eval-names.en" "$s" "$r" >"$tmp/eval-names.score"
	"$benchtool" terms "$tmp/names.csv" "$s" "$tmp/eval.en" "$r" >"$tmp/terms-without"
	"$benchtool" terms "$tmp/names.csv" "$s" "$tmp/eval-names.en" "$r" >"$tmp/terms-with"
	"$benchtool" linediff -examples 8 "$tmp/eval.en" "$tmp/eval-raw.en" "$r" >"$tmp/typography.md"
	"$benchtool" linediff -examples 0 -top 8 "$tmp/eval-names.en" "$tmp/eval.en" "$r" >"$tmp/names-diff.md"
	say "bitext eval on newssyscomb2009"
	"$bitext" eval --backend apertium --output "$tmp/syscomb.en" "$tmp/newssyscomb2009.fr" "$tmp/newssyscomb2009.en" >"$tmp/syscomb.score"
}

run_opus() {
	say "bitext score on the published OPUS-MT output"
	local hyp=$tmp/opus.hyp.en
	if [[ $smoke == 1 ]]; then head -n 50 "$shared/newssyscomb2009.opus-mt-fr-en.hyp.en"; else cat "$shared/newssyscomb2009.opus-mt-fr-en.hyp.en"; fi >"$hyp"
	"$bitext" score "$hyp" "$tmp/newssyscomb2009.en" >"$tmp/opus.score"
	opus_same=no
	if cmp -s "$tmp/opus.score" "$shared/newssyscomb2009.opus-mt-fr-en.eval"; then opus_same=yes; fi
}

run_marian() {
	marian=0
	[[ ${BITEXT_EVAL_MARIAN:-0} == 1 ]] || return 0
	if ! "$bitext" models list 2>/dev/null | grep -q fr-en; then
		say "marian skipped: no model installed (bitext models pull fr-en)"
		return 0
	fi
	say "bitext eval --backend marian on newssyscomb2009 (slow)"
	"$bitext" eval --backend marian --output "$tmp/marian.en" "$tmp/newssyscomb2009.fr" "$tmp/newssyscomb2009.en" >"$tmp/marian.score"
	marian=1
}

testset newstest2013
testset newssyscomb2009
run_opus
if [[ $apertium == 1 ]]; then run_apertium; fi
run_marian

# --- report -------------------------------------------------------------------

# delta A B: A - B with a sign, two decimals.
delta() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") print "n/a"; else printf "%+.2f", a - b }'; }

report_header() {
	cat <<MD
# Translation quality

Generated by \`scripts/eval.sh\` (\`make eval\`) on $(date -u '+%Y-%m-%d %H:%M UTC'); rerun it rather than
editing this file. Scores are sacreBLEU 2.x's, computed exactly by \`bitext score\` (BLEU: 13a tokens,
mixed case; chrF2: character 6-grams, shown here on the 0-100 scale, the .eval files print 0-1).
Test sets from ../shared/eval$([[ $smoke == 1 ]] && echo " (first 50 lines only: smoke run)"): newstest2013 ($(wc -l <"$tmp/newstest2013.fr") lines),
newssyscomb2009 ($(wc -l <"$tmp/newssyscomb2009.fr") lines). Apertium from Debian:
$(dpkg-query -W -f='${Package} ${Version}, ' apertium apertium-fr-es apertium-eng-spa 2>/dev/null | sed 's/, $//'), French→Spanish→English.
MD
}

report_apertium() {
	[[ $apertium == 1 ]] || { printf '\n## Apertium\n\nSkipped: Apertium is not installed.\n'; return; }
	local base
	base=$(bleu "$tmp/raw.score")
	cat <<MD

## Apertium on newstest2013

| system | BLEU | chrF2 | BLEU vs raw pipe | names kept (see below) |
| --- | ---: | ---: | ---: | --- |
| raw pipe \`apertium -u fr-es \\| apertium -u spa-eng\`, scored by \`bitext score\` | $base | $(chrf "$tmp/raw.score") | | |
| \`bitext eval --raw\` (bitext's backend, one segment a line, no English typography) | $(bleu "$tmp/eval-raw.score") | $(chrf "$tmp/eval-raw.score") | $(delta "$(bleu "$tmp/eval-raw.score")" "$base") | |
| \`bitext eval\` (with English typography: what \`bitext translate\` writes) | $(bleu "$tmp/eval.score") | $(chrf "$tmp/eval.score") | $(delta "$(bleu "$tmp/eval.score")" "$base") | $(terms "$tmp/terms-without") |
| \`bitext eval --glossary names.csv\` ($(($(wc -l <"$tmp/names.csv") - 1)) names, do not translate) | $(bleu "$tmp/eval-names.score") | $(chrf "$tmp/eval-names.score") | $(delta "$(bleu "$tmp/eval-names.score")" "$base") | $(terms "$tmp/eval-names.score") |

\`\`\`
raw pipe:            $(signatures "$tmp/raw.score" | head -n 1)
bitext eval --raw:   $(signatures "$tmp/eval-raw.score" | head -n 1)
bitext eval:         $(signatures "$tmp/eval.score" | head -n 1)
with names glossary: $(signatures "$tmp/eval-names.score" | head -n 1)
\`\`\`

The raw pipe translates the file as one stream, so neighbouring lines influence each other
(tagging context, capitalisation); bitext sends each line as its own segment, as it does sentences.
MD
	report_typography
	report_names
}

report_typography() {
	local d
	d=$(awk -v a="$(bleu "$tmp/eval.score")" -v b="$(bleu "$tmp/eval-raw.score")" -v c="$(chrf "$tmp/eval.score")" -v e="$(chrf "$tmp/eval-raw.score")" \
		'BEGIN { if (a + 0 < b + 0 || c + 0 < e + 0) print "lowers"; else print "does not lower" }')
	cat <<MD

### Does bitext's English typography lower the score?

It **$d** the corpus scores here: BLEU $(bleu "$tmp/eval-raw.score") → $(bleu "$tmp/eval.score"),
chrF2 $(chrf "$tmp/eval-raw.score") → $(chrf "$tmp/eval.score") (\`bitext eval --raw\` → \`bitext eval\`). Line by line
(\`benchtool linediff\`: sentence chrF2 of each line the typography changes, and the edits it makes,
in Go quoted form so that invisible spaces show):

$(cat "$tmp/typography.md")
MD
}

report_names() {
	cat <<MD

## Glossary of names (issue 3)

\`benchtool names -min 3 newstest2013.fr newstest2013.en\` builds the glossary at run time (nothing from
../shared is committed): capitalised words of two letters or more, not starting a sentence, found
identically in a French line and in its English reference, in at least 3 lines; each becomes a
do-not-translate entry (\`Name,Name,,name,yes,no\`: case-sensitive, not inflected). It has
$(($(wc -l <"$tmp/names.csv") - 1)) names, most frequent first: $(tail -n +2 "$tmp/names.csv" | head -n 25 | cut -d, -f1 | paste -sd, | sed 's/,/, /g'), …

Names kept are the occurrences of those names in the French whose name the output line has
(\`bitext eval\`'s term accuracy). For the run without the glossary, \`benchtool terms\` counts them
the same way; on the run with the glossary it gives $(terms "$tmp/terms-with"), a check
against \`bitext eval\`'s own count in the table.
Lines the glossary changes (without → with the glossary, sentence chrF2). The edits are the
names kept instead of translated (Nieto, not Grandson), and the glossary's grammar fixes around a
restored name: a "the" before it dropped (wrong for names that take one: the Union, the
Commission), and the capital Apertium gives the word after a name it does not know lowered.

$(cat "$tmp/names-diff.md")
MD
}

report_scale() {
	cat <<MD

## For scale: OPUS-MT, published

../shared/eval/newssyscomb2009.opus-mt-fr-en.eval holds the scores published for Helsinki-NLP's
opus-mt-fr-en on newssyscomb2009; \`bitext score newssyscomb2009.opus-mt-fr-en.hyp.en newssyscomb2009.en\`
gives, byte for byte the same as the published file: **$opus_same**$([[ $smoke == 1 ]] && echo " (smoke run: 50 lines, not comparable)").

\`\`\`
$(cat "$tmp/opus.score")
\`\`\`

| system on newssyscomb2009 | BLEU | chrF2 |
| --- | ---: | ---: |
| OPUS-MT opus-mt-fr-en (published output, scored by \`bitext score\`) | $(bleu "$tmp/opus.score") | $(chrf "$tmp/opus.score") |
MD
	if [[ $apertium == 1 ]]; then
		echo "| Apertium through \`bitext eval --backend apertium\` | $(bleu "$tmp/syscomb.score") | $(chrf "$tmp/syscomb.score") |"
	fi
	if [[ $marian == 1 ]]; then
		echo "| MarianMT through \`bitext eval --backend marian\` (this machine's model) | $(bleu "$tmp/marian.score") | $(chrf "$tmp/marian.score") |"
	fi
	cat <<'MD'

The model card of opus-mt-fr-en gives 33.9 BLEU on newstest2013.fr-en, against Apertium's pivot
figures above.

## Checking a real MarianMT model

```sh
bitext models pull fr-en     # opus-mt-fr-en, about 300 MB, into ~/.cache/bitext/models
bitext eval --backend marian ../shared/eval/newstest2013.fr ../shared/eval/newstest2013.en
bitext eval --backend marian ../shared/eval/newssyscomb2009.fr ../shared/eval/newssyscomb2009.en
```

Expect about 33.9 BLEU on newstest2013 (the model card's figure) and about the OPUS-MT line
above on newssyscomb2009 (the published output scores 30.3); a model that scores far lower is
broken or not the one named. `BITEXT_EVAL_MARIAN=1 scripts/eval.sh` adds the newssyscomb2009 line
to the table above when a model is installed (slow on CPU: see BENCHMARKS.md for sentences/s).
MD
}

report() {
	report_header
	report_apertium
	report_scale
}

mkdir -p "$(dirname "$out")"
report >"$out"
say "report written to ${out#"$root"/}"
