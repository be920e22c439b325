#!/usr/bin/env bash
# bench-serve.sh: issue 17's figures for `bitext serve`, as a Markdown
# section (scripts/bench.sh adds it to docs/BENCHMARKS.md):
#
#   - the page of a 200-segment article, to the first byte and to the last:
#     Go benchmarks (serve.BenchmarkArticlePage200, cold and warm, against
#     the same bytes served as a static file) and in headless Chromium to
#     the end of the load event (serve.BenchmarkBrowserPage200, against a
#     static copy of the page with the same assets);
#   - the server's memory with 1,000 articles in OUT, against 10: resident
#     memory (VmRSS, /proc/PID/status) after start, after listing every
#     article (GET /api/articles opens each once), after 20 article pages
#     and the list page, and the peak (VmHWM); with the list's time, first
#     (every article opened) and again (nothing changed).
#
# Usage: scripts/bench-serve.sh [--smoke] [--out FILE] [--bitext BIN]
#
#   --smoke    tiny inputs (10 and 20 articles, 1 run of each benchmark)
#   --out      write the section to FILE (default: standard output)
#   --bitext   use this bitext binary instead of building one
#
# The memory part translates benchtool smallfiles articles (three short
# sentences each) with Apertium, and is skipped with a message without it;
# the browser benchmark is skipped without Chromium.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
smoke=${BITEXT_BENCH_SMOKE:-0} out= bitext=
while [[ $# -gt 0 ]]; do
	case $1 in
	--smoke) smoke=1 ;;
	--out) out=$2; shift ;;
	--bitext) bitext=$2; shift ;;
	*) echo "usage: scripts/bench-serve.sh [--smoke] [--out FILE] [--bitext BIN]" >&2; exit 2 ;;
	esac
	shift
done
tmp=$(mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
say() { echo "bench-serve: $*" >&2; }

counts=(10 1000) runs=10
[[ $smoke == 1 ]] && counts=(10 20) runs=1
(cd "$root" && go build -o "$tmp/benchtool" ./internal/benchtool)
if [[ -z $bitext ]]; then
	(cd "$root" && go build -o "$tmp/bitext" ./cmd/bitext)
	bitext=$tmp/bitext
fi

# --- the 200-segment page ----------------------------------------------------

say "Go benchmarks of the 200-segment page ($runs runs each)"
(cd "$root" && go test -run '^$' -bench 'ArticlePage200|BrowserPage200' -benchtime "${runs}x" ./serve) >"$tmp/go.txt" 2>&1 ||
	{ cat "$tmp/go.txt" >&2; exit 1; }
grep -q 'BrowserPage200.*SKIP\|chromium not found' "$tmp/go.txt" && say "skipped: the browser benchmark (no chromium)"
# metric BENCHMARK UNIT: the value of a metric on the benchmark's line.
metric() {
	awk -v b="$1" -v u="$2" '$1 ~ "^Benchmark" b "(-[0-9]+)?$" { for (i = 3; i < NF; i++) if ($(i + 1) == u) { printf "%.1f", $i; exit } }' "$tmp/go.txt"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.0f", a / b }'; }

# --- memory with many articles -----------------------------------------------

# rss PID FIELD: a memory figure of /proc/PID/status, in MB.
rss() { awk -v f="$2:" '$1 == f { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# measure N: translates N small articles, serves them and records the
# figures in $tmp/mem-N.
measure() {
	local n=$1 dir=$tmp/in-$n outdir=$tmp/out-$n
	"$tmp/benchtool" smallfiles -n "$n" "$dir" >/dev/null
	(cd "$tmp" && "$bitext" translate --backend apertium --quiet --out "$outdir" "$dir")
	"$bitext" serve --addr 127.0.0.1:0 "$outdir" >"$tmp/url-$n" 2>"$tmp/serve-$n.err" &
	pid=$!
	for _ in $(seq 100); do [[ -s $tmp/url-$n ]] && break; sleep 0.1; done
	local url base token start list first again pages
	url=$(head -n 1 "$tmp/url-$n") base=${url%%/\?token=*} token=${url##*token=}
	start=$(rss "$pid" VmRSS)
	local get=(curl -sf -H "Authorization: Bearer $token")
	first=$("${get[@]}" -o "$tmp/list-$n.json" -w '%{time_total}' "$base/api/articles")
	again=$("${get[@]}" -o /dev/null -w '%{time_total}' "$base/api/articles")
	list=$(rss "$pid" VmRSS)
	grep -o '"path": "[^"]*"' "$tmp/list-$n.json" | cut -d'"' -f4 | head -n 20 | while read -r p; do
		"${get[@]}" -o /dev/null "$base/articles/$p"
	done
	"${get[@]}" -o /dev/null "$base/articles"
	pages=$(rss "$pid" VmRSS)
	echo "$n $start $list $pages $(rss "$pid" VmHWM) $first $again $(grep -c '"path"' "$tmp/list-$n.json")" >"$tmp/mem-$n"
	kill -INT "$pid" && wait "$pid" || true
	pid=
}

memory_part() {
	if ! command -v apertium >/dev/null || [[ ! -f /usr/share/apertium/modes/fr-es.mode ]]; then
		say "skipped: the memory figures (Apertium is missing: apt-get install apertium apertium-fr-es apertium-eng-spa)"
		return
	fi
	local n
	for n in "${counts[@]}"; do
		say "memory with $n articles in OUT"
		measure "$n"
	done
}
memory_part

# --- report ------------------------------------------------------------------

# mem N COLUMN: a figure of measure N (1 articles, 2 MB at start, 3 after
# the list, 4 after the pages, 5 peak, 6 s first list, 7 s list again, 8
# articles listed).
mem() { [[ -f $tmp/mem-$1 ]] && awk -v c="$2" '{ print $c }' "$tmp/mem-$1" || true; }
ms() { awk -v v="$1" 'BEGIN { if (v == "") print "n/a"; else printf "%.0f ms", v * 1000 }'; }
few=${counts[0]} many=${counts[-1]}

report() {
	cat <<MD

## Issue 17: bitext serve

The page of a 200-segment article (four sentences a paragraph, the test
backend's English), \`go test -run '^\$' -bench 'ArticlePage200|BrowserPage200' -benchtime ${runs}x ./serve\`,
medians of $runs runs, interleaved with the baseline. *Cold* is the article opened afresh from its working
copy, state and memory, as after any change to them; *warm* is the page served again with nothing changed,
as most of the page's polls find. The baseline is the same bytes served by a static handler.

| article | cold: first byte | cold: whole page | warm: first byte | warm: whole page | API poll (warm) | static copy: whole page | cold / static |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(for v in varied repetitive; do
		b=ArticlePage200/$v
		echo "| $v sentences | $(metric "$b" cold-ttfb-ms) ms | $(metric "$b" cold-page-ms) ms | $(metric "$b" ttfb-ms) ms | $(metric "$b" page-ms) ms | $(metric "$b" api-ms) ms | $(metric "$b" static-page-ms) ms | $(ratio "$(metric "$b" cold-page-ms)" "$(metric "$b" static-page-ms)") |"
	done)

Page size: $(metric ArticlePage200/varied page-KB) KB. *Repetitive* is the worst case for the fuzzy
matching review runs on every pending sentence (200 sentences that differ by their figures only).

In headless Chromium, varied sentences (navigation timing: time to the first byte, and to the end of the
load event, the page complete with its style sheet and script):

| page | first byte | complete page |
| --- | ---: | ---: |
| cold | $(metric BrowserPage200 cold-ttfb-ms) ms | $(metric BrowserPage200 cold-load-ms) ms |
| warm | $(metric BrowserPage200 ttfb-ms) ms | $(metric BrowserPage200 load-ms) ms |
| static copy (baseline) | $(metric BrowserPage200 static-ttfb-ms) ms | $(metric BrowserPage200 static-load-ms) ms |

The server's memory with $many articles in OUT against $few (\`benchtool smallfiles\` dispatches of three
sentences, translated with Apertium): \`bitext serve\` started, then \`GET /api/articles\` twice (the
first opens every article to count its segments; the second finds nothing changed), 20 article pages and
the list page; resident memory read from /proc/PID/status (VmRSS, and VmHWM for the peak).

| articles | after start | after the list | after the pages | peak | list, first | list, again |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(for n in "${counts[@]}"; do
		[[ -f $tmp/mem-$n ]] || { echo "| $n | skipped (no Apertium) | | | | | |"; continue; }
		echo "| $(mem "$n" 8) | $(mem "$n" 2) MB | $(mem "$n" 3) MB | $(mem "$n" 4) MB | $(mem "$n" 5) MB | $(ms "$(mem "$n" 6)") | $(ms "$(mem "$n" 7)") |"
	done)
MD
}
if [[ -n $out ]]; then report >"$out"; else report; fi
