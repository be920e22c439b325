#!/usr/bin/env bash
# bench-formats.sh: throughput of HTML and Word articles against the same
# text as plain files (issue 18). The same newstest2013.fr lines become
# 100 articles three times over (benchtool articles -format txt|html|docx:
# plain text; a CMS page with the headline in <h1>, a paragraph a <p>, a
# style and a script; a Word file with the headline in the Title style,
# each paragraph's first word in bold and a header), and each folder goes
# through `bitext translate --backend apertium` from an empty output
# folder, the three interleaved, N rounds; medians. Throughput ratio =
# plain time / format time (1.00: as fast as plain text).
#
# Usage: scripts/bench-formats.sh [--smoke] [--rounds N] [--src FILE] [--out FILE]
#
#   --smoke     one round on 60 lines (CI: keeps the script from rotting)
#   --rounds N  rounds (default 3)
#   --src FILE  the French lines (default ../shared/eval/newstest2013.fr)
#   --out FILE  where to write the report's Markdown section (default stdout)
#
# scripts/bench.sh runs it and puts its section in docs/BENCHMARKS.md.
# Skips with a message when Apertium or the test set is absent.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
smoke=${BITEXT_BENCH_SMOKE:-0} rounds=3 out=/dev/stdout
src=$root/../shared/eval/newstest2013.fr
while [[ $# -gt 0 ]]; do
	case $1 in
	--smoke) smoke=1 ;;
	--rounds) rounds=$2; shift ;;
	--src) src=$2; shift ;;
	--out) out=$2; shift ;;
	*) echo "usage: scripts/bench-formats.sh [--smoke] [--rounds N] [--src FILE] [--out FILE]" >&2; exit 2 ;;
	esac
	shift
done
say() { echo "bench-formats: $*" >&2; }

if ! command -v apertium >/dev/null || [[ ! -f /usr/share/apertium/modes/fr-es.mode ]]; then
	say "skipped: Apertium is missing (apt-get install apertium apertium-fr-es apertium-eng-spa)"
	printf '\n## Issue 18: HTML and Word articles\n\nSkipped: Apertium absent.\n' >"$out"
	exit 0
fi
if [[ ! -f $src ]]; then
	say "skipped: $src not found (../shared is absent)"
	printf '\n## Issue 18: HTML and Word articles\n\nSkipped: %s absent.\n' "$(basename "$src")" >"$out"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/bitext" ./cmd/bitext && go build -o "$tmp/benchtool" ./internal/benchtool)
bitext=$tmp/bitext benchtool=$tmp/benchtool
if [[ $smoke == 1 ]]; then
	rounds=1
	head -n 60 "$src" >"$tmp/src.fr" && src=$tmp/src.fr
fi
formats=(txt html docx)
for f in "${formats[@]}"; do
	"$benchtool" articles -format "$f" -lines 30 -n 100 "$src" "$tmp/in-$f" >/dev/null
done
n=$(find "$tmp/in-txt" -name '*.txt' | wc -l)
: >"$tmp/runs.tsv"
cd "$tmp" # so that no ./glossary.* is picked up
for ((i = 1; i <= rounds; i++)); do
	say "round $i of $rounds: $n articles as txt, html and docx"
	for f in "${formats[@]}"; do
		rm -rf "$tmp/out-$f"
		"$benchtool" time -label "$f" -log "$tmp/log-$f" -- "$bitext" translate --backend apertium \
			--out "$tmp/out-$f" --report "$tmp/report-$f.json" "$tmp/in-$f" >>"$tmp/runs.tsv"
	done
done
"$benchtool" median "$tmp/runs.tsv" >"$tmp/medians.tsv"

med() { awk -v l="$1" -v c="$2" '$1 == l { print $c; exit }' "$tmp/medians.tsv"; }
cpu() { awk -v u="$(med "$1" 4)" -v s="$(med "$1" 5)" 'BEGIN { printf "%.1f", u + s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
num() { grep -o "\"$2\": *[0-9.]*" "$1" | head -n 1 | grep -o '[0-9.]*$' || true; }
row() {
	local f=$1 what=$2
	printf '| %s | %s | %.2f s | %s s | %s MB | %s | %s |\n' "$what" "$(num "$tmp/report-$f.json" segments_sent)" \
		"$(med "$f" 3)" "$(cpu "$f")" "$(med "$f" 7)" "$(ratio "$(med txt 3)" "$(med "$f" 3)")" "$(ratio "$(cpu txt)" "$(cpu "$f")")"
}
{
	cat <<MD

## Issue 18: HTML and Word articles

$(basename "$src") split into $n articles of 30 lines, written as plain text, as HTML pages and as
Word documents (\`benchtool articles -format txt|html|docx\`; the Word files carry one more segment
each, their header, the same in every file), each folder translated by
\`bitext translate --backend apertium\` into an empty output folder; $rounds rounds, interleaved; medians
($(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)). Throughput ratio = plain-text
time / format time.

| Folder | Segments sent | Wall | CPU | bitext peak | Throughput vs plain (wall) | (CPU) |
|---|---|---|---|---|---|---|
$(row txt "$n plain-text articles (.txt)")
$(row html "$n HTML articles (.html)")
$(row docx "$n Word documents (.docx)")

Reproduce: \`scripts/bench-formats.sh --rounds 3\` (also run by \`scripts/bench.sh\`).
MD
} >"$out"
