#!/usr/bin/env bash
# bench.sh: bitext's one benchmark suite. It measures every speed figure
# the issues ask for, each against a baseline measured in the same run,
# and writes them to docs/BENCHMARKS.md:
#
#   - Go benchmarks: glossary matching (100 vs 10,000 terms), the remote
#     batching bound (fake server, 100 ms latency, rate limits), the
#     apertium backend vs the raw Apertium pipe; the marian engine (issue
#     16: each matrix kernel against the portable Go one, sentences/s and
#     memory in fp32 and int8, int8's quality guard);
#   - whole processes: bitext eval --raw on ../shared/eval/newstest2013.fr
#     vs `apertium -u fr-es | apertium -u spa-eng`; the same text as 100
#     articles through bitext translate (--jobs 1 and 2) vs the raw pipe,
#     an unchanged rerun and a rerun after editing one article; 1,000, 5,000
#     and 10,000 small files (peak memory, time to the first file);
#   - bitext serve (scripts/bench-serve.sh): a 200-segment page to the first
#     byte and complete, and the server's memory with 1,000 articles.
#   - the shared memory (issue 19): lookups per second on a million-entry
#     memory and an unchanged rerun of 100 articles, SQLite against
#     PostgreSQL (a throw-away cluster, internal/pgtest/pgcluster);
#   - the 100 articles through bitext translate --backend marian with the
#     opus-mt-tiny model, one article at a time (--jobs 1) vs the articles
#     gathered into one request (issue 16), in sentences/s;
#   - formats (issue 18): the same 100 articles as plain text, HTML and Word through
#     bitext translate (scripts/bench-formats.sh, which this script runs).
#
# Usage: scripts/bench.sh [--smoke] [--rounds N] [--out FILE] [--only PARTS]
#
#   --smoke     run every part once on tiny inputs (CI: keeps the code of
#               the benchmarks and of this script from rotting); the report
#               goes to a temporary file unless --out is given. Also set by
#               BITEXT_BENCH_SMOKE=1.
#   --rounds N  runs of each timed command, interleaved (default 5); the
#               report gives medians.
#   --out FILE  where to write the report (default docs/BENCHMARKS.md).
#   --only PARTS  run only these parts, comma-separated, of: go, marian,
#               articles (the Apertium whole-process runs), marian-articles
#               (a folder run through marian, one article at a time vs
#               gathered), small, shared-memory, formats (HTML and Word vs
#               plain text), serve (bitext serve's page and memory); the
#               report then holds only
#               their figures. --only shared-memory alone measures the shared
#               memory's part and puts its section into FILE in place of the
#               one there (the other sections keep the figures of the run
#               that measured them; the section says when and under what
#               load it was measured).
#
# Parts that need ../shared or Apertium are skipped with a message when
# those are absent. hyperfine is not needed: bitext's internal/benchtool
# times the commands (wall, CPU, peak memory, time to a first output line)
# so that the runs of the different commands can be interleaved.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
smoke=${BITEXT_BENCH_SMOKE:-0}
rounds=5
out=
only=go,marian,articles,marian-articles,small,shared-memory,formats,serve
while [[ $# -gt 0 ]]; do
	case $1 in
	--smoke) smoke=1 ;;
	--rounds) rounds=$2; shift ;;
	--out) out=$2; shift ;;
	--only) only=$2; shift ;;
	*) echo "usage: scripts/bench.sh [--smoke] [--rounds N] [--out FILE] [--only PARTS]" >&2; exit 2 ;;
	esac
	shift
done

for p in ${only//,/ }; do
	case $p in go | marian | articles | marian-articles | small | shared-memory | formats | serve) ;;
	*) echo "bench.sh: --only takes go, marian, articles, marian-articles, small, shared-memory, formats, serve, not $p" >&2; exit 2 ;;
	esac
done

tmp=$(mktemp -d)
trap '[[ -n ${pgpid:-} ]] && kill "$pgpid"; rm -rf "$tmp"' EXIT
if [[ $smoke == 1 ]]; then
	rounds=1
	out=${out:-$tmp/BENCHMARKS.md}
fi
out=${out:-$root/docs/BENCHMARKS.md}
case $out in /*) ;; *) out=$PWD/$out ;; esac

# --- helpers -----------------------------------------------------------------

# part NAME: whether --only selects the part.
part() { [[ ,$only, == *,$1,* ]]; }

t0=$(date +%s)
elapsed() { local s=$(($(date +%s) - t0)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
say() { echo "bench [$(elapsed)]: $*" >&2; }

shared=$root/../shared/eval
src= narticles=0 small_counts=()
have_shared() {
	[[ -f $shared/newstest2013.fr && -f $shared/newstest2013.en ]] && return
	say "skipped: $shared not found (../shared is absent): no figures on newstest2013"
	return 1
}
have_apertium() {
	command -v apertium >/dev/null && [[ -f /usr/share/apertium/modes/fr-es.mode && -f /usr/share/apertium/modes/spa-eng.mode ]] && return
	say "skipped: Apertium is missing (apt-get install apertium apertium-fr-es apertium-eng-spa)"
	return 1
}

# timed LABEL BENCHTOOL-TIME-OPTIONS... -- COMMAND...: one timed run,
# appended to runs.tsv; its standard error goes to log-LABEL.
timed() {
	local label=$1
	shift
	"$benchtool" time -label "$label" -log "$tmp/log-$label" "$@" >>"$tmp/runs.tsv"
}

# gobench PACKAGE GO-TEST-FLAGS...: Go benchmarks, output appended to go.txt.
gobench() {
	local pkg=$1
	shift
	(cd "$root" && go test -run '^$' "$@" "$pkg") >>"$tmp/go.txt"
}

# med LABEL COLUMN: the median of a column of runs.tsv (after summarise):
# 2 runs, 3 wall s, 4 user s, 5 system s, 6 peak MB of the process tree,
# 7 peak MB of bitext itself, 8 s to the first translated file.
med() { awk -v l="$1" -v c="$2" '$1 == l { print $c; exit }' "$tmp/medians.tsv"; }
cpu() { awk -v u="$(med "$1" 4)" -v s="$(med "$1" 5)" 'BEGIN { if (u != "") printf "%.1f", u + s }'; }

# gb BENCHMARK UNIT [DIGITS]: the median of a Go benchmark's metric,
# rounded to DIGITS decimals when given.
gb() {
	awk -v n="$1" -v u="$2" -v d="${3:-}" '$1 == n && $2 == u {
		if (d == "") print $4; else printf "%.*f\n", d, $4; exit }' "$tmp/go.tsv"
}

# ratio A B [DIGITS]: A/B, or n/a when either is missing.
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.*f", d, a / b }'; }

# num FILE KEY: a top-level number of a bitext --report file.
num() { [[ -f $1 ]] && grep -o "\"$2\": *[0-9.]*" "$1" | head -n 1 | grep -o '[0-9.]*$' || true; }

build() {
	say "building bitext and benchtool"
	(cd "$root" && go build -o "$tmp/bitext" ./cmd/bitext && go build -o "$tmp/benchtool" ./internal/benchtool &&
		go build -o "$tmp/pgcluster" ./internal/pgtest/pgcluster)
	bitext=$tmp/bitext benchtool=$tmp/benchtool pgcluster=$tmp/pgcluster
	: >"$tmp/runs.tsv" && : >"$tmp/go.txt"
	load_start=$(cut -d' ' -f1-3 /proc/loadavg)
}

summarise() {
	"$benchtool" median "$tmp/runs.tsv" >"$tmp/medians.tsv"
	"$benchtool" gobench "$tmp/go.txt" >"$tmp/go.tsv"
	load_end=$(cut -d' ' -f1-3 /proc/loadavg)
}

# --- Go benchmarks ---------------------------------------------------------

gocount=$((rounds > 3 ? rounds : 3)) nsegments=3,000
go_benchmarks() {
	local count=$gocount
	if [[ $smoke == 1 ]]; then
		gocount=1 nsegments=300
		say "Go benchmarks: every package once, -short, -benchtime 1x"
		gobench ./... -bench . -benchtime 1x -short
		return
	fi
	say "Go benchmarks: glossary matching ($count runs)"
	gobench ./glossary -bench 'Find(100|10000)Terms$' -count "$count"
	say "Go benchmarks: remote batching bound ($count runs)"
	gobench ./translate/remote -bench WrapThroughput -benchtime 1x -count "$count"
	if have_shared && have_apertium; then
		local i
		for ((i = 1; i <= rounds; i++)); do # one at a time, so that the rounds interleave
			say "Go benchmarks: apertium backend vs raw pipe, round $i of $rounds"
			gobench ./translate/apertium -bench 'Backend|RawPipe' -benchtime 1x -count 1
		done
	fi
	memory_benchmarks
}

# memory_benchmarks: lookups on a million-entry memory, SQLite and
# PostgreSQL (the smoke run of go_benchmarks already ran them, -short).
memory_benchmarks() {
	if [[ $smoke == 1 ]]; then
		part go || gobench ./memory/postgres -bench 'Lookup$|LookupAll' -benchtime 1x -short
		return
	fi
	say "Go benchmarks: memory lookups, a million entries, SQLite and PostgreSQL ($gocount runs)"
	gobench ./memory/postgres -bench 'Lookup$|LookupAll' -benchtime 20000x -count "$gocount" -timeout 60m
}

# --- marian engine (issue 16) -------------------------------------------------

marian_model=./translate/marian/internal/model
marian_gemm=./translate/marian/internal/gemm

# marian_benchmarks runs the kernel and model benchmarks (the smoke run of
# go_benchmarks already ran them once, -short) and the int8 quality guard.
marian_benchmarks() {
	if [[ $smoke == 1 ]]; then
		marian_quality 40
		return
	fi
	say "Go benchmarks: marian kernels, every family and the portable one ($gocount runs)"
	gobench "$marian_gemm" -bench Kernels -benchtime 3x -count "$gocount"
	say "Go benchmarks: marian model, full opus-mt-fr-en size, fp32 and int8 ($gocount runs)"
	gobench "$marian_model" -bench . -benchtime 1x -count "$gocount"
	marian_quality -1
}

# marian_quality LINES: the int8 quality guard on newstest2013.fr's first
# LINES lines (-1: all), its figures kept for the report.
marian_quality() {
	say "marian: int8 quality guard on newstest2013.fr (lines: $1; -1 is all)"
	(cd "$root" && BITEXT_QUALITY_LINES=$1 go test -count=1 -run '^TestInt8Quality$' -v "$marian_model") |
		grep -o 'quality .*' >"$tmp/marian-quality.txt" || true
}

# marian_shapes: the kernel benchmark's shapes, as named by BenchmarkKernels.
marian_shapes() {
	if [[ $smoke == 1 ]]; then echo m16k64n256 m64k64n1000 m40k64n64; else echo m16k512n2048 m64k512n59514 m400k512n512; fi
}

# marian_meets VALUE OP TARGET: meets, except in a smoke run, whose tiny
# model says nothing about the targets.
marian_meets() {
	if [[ $smoke == 1 ]]; then echo "not judged (smoke)"; else meets "$@"; fi
}

report_marian() {
	local runs=$gocount
	cat <<MD

## Issue 16: the marian engine (kernels, int8, batches)

Kernels: \`go test -run '^\$' -bench Kernels -benchtime 3x -count $runs ./translate/marian/internal/gemm\`$([[ $smoke == 1 ]] && echo " (-short: small shapes)"),
medians. One product y = x·wᵀ of m rows of k values by n weight rows, packed at load time, split over
the cores; GFLOP/s counts 2 per multiply-add. "× portable" is against the portable Go kernel of the
same precision in the same run. Families run here: $(cd "$root" && go test -count=1 -run '^TestParseISA$' -v "$marian_gemm" 2>/dev/null | grep -o '[a-z0-9]*: float32 kernels.*' | paste -sd ';' | sed 's/;/; /g').

| product (m×k×n) | precision | kernels | GFLOP/s | × portable |
| --- | --- | --- | ---: | ---: |
$(for shape in $(marian_shapes); do
		for prec in fp32 int8; do
			base=$(gb "BenchmarkKernels/$prec/portable/$shape" GFLOP/s)
			for isa in portable avx2 avx512; do
				v=$(gb "BenchmarkKernels/$prec/$isa/$shape" GFLOP/s 1)
				[[ -n $v ]] && echo "| $shape | $prec | $isa | $v | $(ratio "$(gb "BenchmarkKernels/$prec/$isa/$shape" GFLOP/s)" "$base") |"
			done
		done
	done)

Sentences: \`go test -run '^\$' -bench . -benchtime 1x -count $runs ./translate/marian/internal/model\`$([[ $smoke == 1 ]] && echo " -short (a tiny model)"),
medians. A model of opus-mt-fr-en's shape (6+6 layers, 512 wide, 59,514 tokens) with random weights, so
that every output runs to the 26-token limit (a worst case per sentence); sources of 25 tokens. The
weights are generated, packed or quantised before the timer starts. Wall time is what the targets
judge; on this shared machine CPU time (user + system of the process) is steadier, so sentences per
CPU-second are given too (on 2 idle cores, sentences/s is close to twice that at best).

Memory: "weights" is the live heap the model adds once built (Go's heap after a collection, with
the float32 tensors it was built from released); "engine" adds the largest live heap that decoding
the batch adds, sampled after a collection at every step (encoder output, key/value caches,
logits, scratch). "Peak RSS" is the process's VmHWM, which also counts the float32 weights the
benchmark generates first, and both models.

| benchmark | precision | sentences × beams | time | sentences/s | CPU s | sentences/CPU-s | target (sent/s) | weights | engine | target (memory) | peak RSS |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: |
$(for c in Greedy1:fp32:1:1:: Greedy16:fp32:16:1:12:400 Beam4x1:fp32:1:4:: Beam4x16:fp32:16:4:5:400 Greedy16Int8:int8:16:1:20:150 Beam4x16Int8:int8:16:4:8:150; do
		IFS=: read -r b p n k ts tm <<<"$c"
		sps=$(gb "Benchmark$b" sent/s) eng=$(gb "Benchmark$b" engine-MB)
		echo "| Benchmark$b | $p | $n × $k | $(secs "$(ns2s "$(gb "Benchmark$b" ns/op)")") | $(gb "Benchmark$b" sent/s 2) | $(gb "Benchmark$b" cpu-s/op 2) | $(gb "Benchmark$b" sent/cpu-s 2) | $([[ -n $ts ]] && echo "≥ $ts: $(marian_meets "$sps" ge "$ts")") | $(gb "Benchmark$b" weights-MB 0) MB | $(gb "Benchmark$b" engine-MB 0) MB | $([[ -n $tm ]] && echo "≤ $tm MB: $(marian_meets "$eng" le "$tm")") | $(gb "Benchmark$b" peak-MB 0) MB |"
	done)

int8 quality guard (\`BITEXT_QUALITY_LINES=-1 go test -run TestInt8Quality -v ./translate/marian/internal/model\`$([[ $smoke == 1 ]] && echo ", 40 lines in this smoke run"):
opus-mt-tiny over newstest2013.fr, fp32's greedy output fed back to each model (teacher forcing), each
step's best token and logits compared with fp32's; then int8's own greedy output scored with chrF
against fp32's. The tiny model's free-running output drifts quickly, so the teacher-forced figures are
the stable ones. Real models lose 0.3–0.7 BLEU in int8 by CTranslate2's and Marian's reports: int8 is
opt-in (\`--precision int8\`).

$(sed 's/^/- /' "$tmp/marian-quality.txt" 2>/dev/null)
MD
}

# --- whole processes on newstest2013.fr ------------------------------------

prepare_texts() {
	src=$shared/newstest2013.fr ref=$shared/newstest2013.en
	if [[ $smoke == 1 ]]; then
		head -n 60 "$src" >"$tmp/src.fr" && head -n 60 "$ref" >"$tmp/ref.en"
		src=$tmp/src.fr ref=$tmp/ref.en
	fi
	"$benchtool" articles -lines 30 -n 100 "$src" "$tmp/articles" >/dev/null
	narticles=$(find "$tmp/articles" -name '*.txt' | wc -l)
}

# one_round times, interleaved, the raw pipe and bitext on the test set
# and on the articles.
one_round() {
	local pipe='apertium -u fr-es | apertium -u spa-eng'
	timed raw-lines -in "$src" -- sh -c "$pipe"
	timed eval-raw -- "$bitext" eval --raw --backend apertium --output "$tmp/eval-raw.en" "$src" "$ref"
	timed raw-articles -- sh -c "cat \"\$1\"/*.txt | $pipe" sh "$tmp/articles"
	rm -rf "$tmp/out-jd"
	timed translate-jd -first ': translated' -- "$bitext" translate --backend apertium \
		--out "$tmp/out-jd" --report "$tmp/report-jd.json" "$tmp/articles"
	local jobs
	for jobs in 1 2; do
		rm -rf "$tmp/out-j$jobs"
		timed "translate-j$jobs" -first ': translated' -- "$bitext" translate --backend apertium \
			--jobs "$jobs" --out "$tmp/out-j$jobs" --report "$tmp/report-j$jobs.json" "$tmp/articles"
	done
}

# reruns translates the articles again unchanged, then after editing one.
reruns() {
	local i
	for ((i = 1; i <= rounds; i++)); do
		timed rerun -- "$bitext" translate --backend apertium --out "$tmp/out-j2" \
			--report "$tmp/report-rerun.json" "$tmp/articles"
	done
	local article=$tmp/articles/article-002.fr.txt
	awk 'NR == 1 { $0 = "Un titre entièrement réécrit par la rédaction" }
		NR == 5 { $0 = $0 " Cette information n’a pas pu être vérifiée de source indépendante." }
		{ print }' "$article" >"$tmp/edited" && mv "$tmp/edited" "$article"
	timed edit -- "$bitext" translate --backend apertium --out "$tmp/out-j2" \
		--report "$tmp/report-edit.json" "$tmp/articles"
}

whole_processes() {
	if ! have_shared || ! have_apertium; then
		return
	fi
	prepare_texts
	local i
	for ((i = 1; i <= rounds; i++)); do
		say "whole processes: round $i of $rounds (raw pipe, eval --raw, $narticles articles with --jobs 1 and 2)"
		one_round
	done
	say "whole processes: unchanged reruns and one edited article"
	reruns
}

# --- a folder run through marian (issue 16) ----------------------------------

marian_tiny=$root/../shared/nmt/opus-mt-tiny

# marian_articles times the articles through marian, one at a time
# (--jobs 1: each article its own requests) and with the default jobs (the
# articles translated at once gathered into one request), interleaved.
marian_articles() {
	have_shared || return 0
	[[ -f $marian_tiny/config.json ]] || { say "skipped: $marian_tiny not found"; return 0; }
	[[ $narticles -gt 0 ]] || prepare_texts
	local i mode
	for ((i = 1; i <= rounds; i++)); do
		say "marian folder run: round $i of $rounds ($narticles articles, one at a time and gathered)"
		for mode in j1 jd; do
			rm -rf "$tmp/marian-$mode"
			timed "marian-$mode" -first ': translated' -- "$bitext" translate --backend marian \
				--model "$marian_tiny" $([[ $mode == j1 ]] && echo --jobs 1) \
				--out "$tmp/marian-$mode" --report "$tmp/report-marian-$mode.json" "$tmp/articles"
		done
	done
}

# --- many small files -------------------------------------------------------

small_files() {
	if ! have_apertium; then
		return
	fi
	local counts=(1000 5000 10000) n
	[[ $smoke == 1 ]] && counts=(10 20 40)
	for n in "${counts[@]}"; do
		say "small files: $n dispatches"
		"$benchtool" smallfiles -n "$n" "$tmp/small-$n" >/dev/null
		timed "small-$n" -first ': translated' -- "$bitext" translate --backend apertium \
			--out "$tmp/small-out-$n" --report "$tmp/report-small-$n.json" "$tmp/small-$n"
		rm -rf "$tmp/small-$n" "$tmp/small-out-$n"
	done
	small_counts=("${counts[@]}")
}

# --- the shared memory (issue 19) ---------------------------------------------

# shared_memory translates the articles once into a folder with its own
# SQLite memory and once into one sharing a PostgreSQL memory, then times
# unchanged reruns of each, interleaved.
pgpid=
shared_memory() {
	if ! have_shared || ! have_apertium; then
		return
	fi
	[[ $narticles -gt 0 ]] || prepare_texts
	say "shared memory: starting a throw-away PostgreSQL cluster"
	"$pgcluster" >"$tmp/pg.url" 2>"$tmp/pg.log" &
	pgpid=$!
	local i
	for ((i = 0; i < 600; i++)); do
		[[ -s $tmp/pg.url ]] && break
		sleep 0.1
	done
	if [[ ! -s $tmp/pg.url ]]; then
		say "skipped: no PostgreSQL cluster: $(cat "$tmp/pg.log")"
		return
	fi
	local url
	url=$(cat "$tmp/pg.url")
	"$bitext" translate --backend apertium --out "$tmp/out-lite" "$tmp/articles" 2>/dev/null
	"$bitext" translate --backend apertium --memory "$url" --out "$tmp/out-pg" "$tmp/articles" 2>/dev/null
	for ((i = 1; i <= rounds; i++)); do
		say "shared memory: unchanged reruns, round $i of $rounds"
		timed rerun-sqlite -- "$bitext" translate --backend apertium --out "$tmp/out-lite" \
			--report "$tmp/report-rerun-sqlite.json" "$tmp/articles"
		timed rerun-postgres -- "$bitext" translate --backend apertium --memory "$url" --out "$tmp/out-pg" \
			--report "$tmp/report-rerun-postgres.json" "$tmp/articles"
	done
	kill "$pgpid" && wait "$pgpid" || true
	pgpid=
}

# --- report -------------------------------------------------------------------

# meets VALUE OP TARGET: "met" or "not met" (ge: VALUE ≥ TARGET, le: ≤).
meets() {
	awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
		if (v == "" || v == "n/a") { print "n/a"; exit }
		ok = (op == "ge") ? v + 0 >= t + 0 : v + 0 <= t + 0
		print ok ? "met" : "**not met**" }'
}
secs() { awk -v v="$1" 'BEGIN { if (v == "") print "n/a"; else printf "%.2f s", v }'; }
ns2s() { awk -v v="$1" 'BEGIN { if (v == "") print ""; else printf "%.3f", v / 1e9 }'; }

report_header() {
	cat <<MD
# Benchmarks

Generated by \`scripts/bench.sh\` (\`make bench\`) on $(date -u '+%Y-%m-%d %H:%M UTC'); rerun it
rather than editing this file. Every figure is a ratio against a baseline
measured in the same run.

- Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), Linux $(uname -r),
  $(go version | cut -d' ' -f3-); Apertium from Debian: $(dpkg-query -W -f='${Package} ${Version}, ' apertium apertium-fr-es apertium-eng-spa 2>/dev/null | sed 's/, $//').
- Load average (1, 5, 15 min) at start: $load_start; at the end: $load_end. The machine is shared with other work, so
  wall times are noisy; CPU times (user + system of the whole process tree) are steadier, and
  both ratios are given.
- Whole-process figures: each command run $rounds times, the commands of one round one after
  the other (raw pipe, bitext, raw pipe, …) so that changes of load hit all of them alike;
  medians. Timed by \`internal/benchtool time\` (wall clock; CPU and peak memory from
  getrusage, as \`/usr/bin/time -v\` reports them; bitext's own peak from /proc VmHWM).
- Go benchmarks: \`go test -run '^\$' -bench … -count N\`, medians of N runs (N given below).
- Throughput ratio = baseline time / bitext time: 1.00 is as fast as the baseline, above 1 faster.
MD
}

report_summary() {
	local raw=$(med raw-lines 3) ev=$(med eval-raw 3)
	local g100=$(gb BenchmarkFind100Terms MB/s) g10k=$(gb BenchmarkFind10000Terms MB/s)
	local rawa=$(med raw-articles 3) j1=$(med translate-j1 3) j2=$(med translate-j2 3)
	local last=
	if [[ ${#small_counts[@]} -gt 0 ]]; then last=${small_counts[-1]}; fi
	cat <<MD

## Summary

| issue | figure | bitext | baseline | ratio | target |
| --- | --- | ---: | ---: | ---: | --- |
| 2 | \`bitext eval --raw\` on newstest2013.fr, throughput | $(secs "$ev") | raw pipe $(secs "$raw") | $(ratio "$raw" "$ev") (CPU $(ratio "$(cpu raw-lines)" "$(cpu eval-raw)")) | ≥ 0.9: $(meets "$(ratio "$raw" "$ev")" ge 0.9) |
| 2 | Go BenchmarkBackend, 1 pipeline | $(secs "$(ns2s "$(gb BenchmarkBackend/workers=1 ns/op)")") | BenchmarkRawPipe $(secs "$(ns2s "$(gb BenchmarkRawPipe ns/op)")") | $(ratio "$(gb BenchmarkRawPipe ns/op)" "$(gb BenchmarkBackend/workers=1 ns/op)") (CPU $(ratio "$(gb BenchmarkRawPipe cpu-s/op)" "$(gb BenchmarkBackend/workers=1 cpu-s/op)")) | ≥ 0.9: $(meets "$(ratio "$(gb BenchmarkRawPipe ns/op)" "$(gb BenchmarkBackend/workers=1 ns/op)")" ge 0.9) |
| 3 | glossary Find over 1 MB, 10,000 terms | $(gb BenchmarkFind10000Terms MB/s 1) MB/s | 100 terms $(gb BenchmarkFind100Terms MB/s 1) MB/s | $(ratio "$g10k" "$g100") | one pass whatever the terms |
| 4 | remote, $nsegments segments, batch 50, 4 in flight, 20 req/s | $(secs "$(gb BenchmarkWrapThroughput/batch=50/conc=4/rps=20 wall-s)") | bound $(secs "$(gb BenchmarkWrapThroughput/batch=50/conc=4/rps=20 bound-s)") | $(gb BenchmarkWrapThroughput/batch=50/conc=4/rps=20 wall/bound 2) (wall/bound) | close to 1 |
| 12 | $narticles articles, nightly batch (default \`--jobs\`) | $(secs "$(med translate-jd 3)") | raw pipe $(secs "$rawa") | $(ratio "$rawa" "$(med translate-jd 3)") (CPU $(ratio "$(cpu raw-articles)" "$(cpu translate-jd)")) | ≥ 0.95: $(meets "$(ratio "$rawa" "$(med translate-jd 3)")" ge 0.95) |
| 5 | $narticles articles, first run, \`--jobs 1\` | $(secs "$j1") | raw pipe $(secs "$rawa") | $(ratio "$rawa" "$j1") (CPU $(ratio "$(cpu raw-articles)" "$(cpu translate-j1)")) | ≥ 0.9: $(meets "$(ratio "$rawa" "$j1")" ge 0.9) |
| 5 | $narticles articles, first run, \`--jobs 2\` | $(secs "$j2") | raw pipe $(secs "$rawa") | $(ratio "$rawa" "$j2") (CPU $(ratio "$(cpu raw-articles)" "$(cpu translate-j2)")) | ≥ 0.9: $(meets "$(ratio "$rawa" "$j2")" ge 0.9) |
| 5 | unchanged rerun | $(secs "$(med rerun 3)"), $(num "$tmp/report-rerun.json" segments_sent) segments sent | first run $(secs "$j2") | | 0 sent: $(meets "$(num "$tmp/report-rerun.json" segments_sent)" le 0), < 1 s: $(meets "$(med rerun 3)" le 1) |
| 5 | one article edited (2 sentences changed) | $(num "$tmp/report-edit.json" segments_sent) segments sent | 2 | | only the changed: $(meets "$(num "$tmp/report-edit.json" segments_sent)" le 2) |
| 5 | ${last:-n/a} small files, peak memory of bitext | $(med "small-$last" 7) MB | ${small_counts[0]:-n/a} files: $(med "small-${small_counts[0]:-}" 7) MB | $(ratio "$(med "small-$last" 7)" "$(med "small-${small_counts[0]:-}" 7)") | < 200 MB: $(meets "$(med "small-$last" 7)" le 200); flat (ratio ≤ 1.25): $(meets "$(ratio "$(med "small-$last" 7)" "$(med "small-${small_counts[0]:-}" 7)")" le 1.25) |
| 5 | ${last:-n/a} small files, time to the first translated file | $(secs "$(med "small-$last" 8)") | ${small_counts[0]:-n/a} files: $(secs "$(med "small-${small_counts[0]:-}" 8)") | $(ratio "$(med "small-$last" 8)" "$(med "small-${small_counts[0]:-}" 8)") | does not grow with the count |
| 16 | marian fp32, greedy, batch of 16 | $(gb BenchmarkGreedy16 sent/s 2) sent/s | 1 sentence: $(gb BenchmarkGreedy1 sent/s 2) sent/s | $(ratio "$(gb BenchmarkGreedy16 sent/s)" "$(gb BenchmarkGreedy1 sent/s)") | ≥ 12: $(marian_meets "$(gb BenchmarkGreedy16 sent/s)" ge 12) |
| 16 | marian fp32, beam 4, batch of 16 | $(gb BenchmarkBeam4x16 sent/s 2) sent/s | 1 sentence: $(gb BenchmarkBeam4x1 sent/s 2) sent/s | $(ratio "$(gb BenchmarkBeam4x16 sent/s)" "$(gb BenchmarkBeam4x1 sent/s)") | ≥ 5: $(marian_meets "$(gb BenchmarkBeam4x16 sent/s)" ge 5) |
| 16 | marian int8, greedy, batch of 16 | $(gb BenchmarkGreedy16Int8 sent/s 2) sent/s | fp32: $(gb BenchmarkGreedy16 sent/s 2) sent/s | $(ratio "$(gb BenchmarkGreedy16Int8 sent/s)" "$(gb BenchmarkGreedy16 sent/s)") | ≥ 20: $(marian_meets "$(gb BenchmarkGreedy16Int8 sent/s)" ge 20) |
| 16 | marian int8, beam 4, batch of 16 | $(gb BenchmarkBeam4x16Int8 sent/s 2) sent/s | fp32: $(gb BenchmarkBeam4x16 sent/s 2) sent/s | $(ratio "$(gb BenchmarkBeam4x16Int8 sent/s)" "$(gb BenchmarkBeam4x16 sent/s)") | ≥ 8: $(marian_meets "$(gb BenchmarkBeam4x16Int8 sent/s)" ge 8) |
| 16 | marian engine memory, fp32 / int8 (beam 4 × 16) | $(gb BenchmarkBeam4x16 engine-MB 0) / $(gb BenchmarkBeam4x16Int8 engine-MB 0) MB | | | ≤ 400 / 150: $(marian_meets "$(gb BenchmarkBeam4x16 engine-MB)" le 400) / $(marian_meets "$(gb BenchmarkBeam4x16Int8 engine-MB)" le 150) |
| 16 | marian folder run, $narticles articles, opus-mt-tiny, gathered | $(ratio "$(num "$tmp/report-marian-jd.json" segments_sent)" "$(med marian-jd 3)" 1) sent/s | one at a time: $(ratio "$(num "$tmp/report-marian-j1.json" segments_sent)" "$(med marian-j1 3)" 1) sent/s | $(ratio "$(med marian-j1 3)" "$(med marian-jd 3)") (CPU $(ratio "$(cpu marian-j1)" "$(cpu marian-jd)")) | gathered, each batch stored as decoded |
MD
}

# row LABEL DESCRIPTION BASELINE-LABEL: a table row of a timed command.
row() {
	local l=$1 what=$2 base=$3
	echo "| $what | $(secs "$(med "$l" 3)") | $(secs "$(cpu "$l")") | $(med "$l" 6) MB | $(ratio "$(med "$base" 3)" "$(med "$l" 3)") | $(ratio "$(cpu "$base")" "$(cpu "$l")") |"
}

report_pipe() {
	[[ -n $(med raw-lines 3) ]] || { printf '\n## Issue 2: bitext against the raw Apertium pipe\n\nSkipped: ../shared or Apertium absent.\n'; return; }
	cat <<MD

## Issue 2: bitext against the raw Apertium pipe

Text: newstest2013.fr from ../shared/eval, $(wc -l <"$src") lines (one paragraph a line), $(wc -c <"$src") bytes. The raw pipe
runs with \`-u\` (no unknown-word marks), as bitext's apertium backend does by default. \`bitext eval --raw\`
translates each line as its own segment through the backend's null-flush pipeline and skips the English
typography, so it measures the backend against Apertium's own command. Medians of $rounds runs.

| command | wall | CPU | peak memory (largest process) | throughput ratio | CPU ratio |
| --- | ---: | ---: | ---: | ---: | ---: |
$(row raw-lines "raw pipe: \`apertium -u fr-es < newstest2013.fr \\| apertium -u spa-eng\`" raw-lines)
$(row eval-raw "\`bitext eval --raw --backend apertium newstest2013.fr newstest2013.en\`" raw-lines)

Go benchmarks of translate/apertium (the whole file in one request, pipelines started before timing),
\`go test -run '^\$' -bench 'Backend|RawPipe' -benchtime 1x ./translate/apertium\` run $rounds times,
medians:

| benchmark | time/op | CPU s/op | lines/s | throughput ratio | CPU ratio |
| --- | ---: | ---: | ---: | ---: | ---: |
$(for b in BenchmarkRawPipe BenchmarkBackend/workers=1 BenchmarkBackend/workers=2; do
		echo "| $b | $(secs "$(ns2s "$(gb "$b" ns/op)")") | $(gb "$b" cpu-s/op 1) | $(gb "$b" lines/s 0) | $(ratio "$(gb BenchmarkRawPipe ns/op)" "$(gb "$b" ns/op)") | $(ratio "$(gb BenchmarkRawPipe cpu-s/op)" "$(gb "$b" cpu-s/op)") |"
	done)
MD
}

report_glossary() {
	cat <<MD

## Issue 3: glossary matching

\`go test -run '^\$' -bench 'Find(100|10000)Terms\$' -count $gocount ./glossary\`: one pass of
\`Glossary.Find\` over 1 MB of agency-style French, medians. Translation quality with and without a
glossary of names is in [QUALITY.md](QUALITY.md).

| terms | patterns (with inflections) | matches | MB/s | ratio to 100 terms |
| ---: | ---: | ---: | ---: | ---: |
| 100 | $(gb BenchmarkFind100Terms patterns 0) | $(gb BenchmarkFind100Terms matches 0) | $(gb BenchmarkFind100Terms MB/s 1) | 1.00 |
| 10,000 | $(gb BenchmarkFind10000Terms patterns 0) | $(gb BenchmarkFind10000Terms matches 0) | $(gb BenchmarkFind10000Terms MB/s 1) | $(ratio "$(gb BenchmarkFind10000Terms MB/s)" "$(gb BenchmarkFind100Terms MB/s)") |
MD
}

report_remote() {
	cat <<MD

## Issue 4: remote backends against the latency and rate-limit bound

\`go test -run '^\$' -bench WrapThroughput -benchtime 1x -count $gocount ./translate/remote\`: $nsegments
segments through \`remote.Wrap\` to a fake server answering after 100 ms and refusing (429) requests
above its rate. The bound is max(⌈batches / in flight⌉ × 100 ms, batches / rate): no client can
do better. Medians.

| batch | in flight | rate (req/s) | requests per segment | wall | bound | wall / bound | 429s |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(for c in 50/4/0 50/4/20 25/8/40 10/8/0; do
		IFS=/ read -r b n r <<<"$c"
		k=BenchmarkWrapThroughput/batch=$b/conc=$n/rps=$r
		echo "| $b | $n | $([[ $r == 0 ]] && echo none || echo "$r") | $(gb "$k" req/seg 3) | $(secs "$(gb "$k" wall-s)") | $(secs "$(gb "$k" bound-s)") | $(gb "$k" wall/bound 2) | $(gb "$k" 429s 0) |"
	done)
MD
}

report_articles() {
	if [[ -z $(med raw-articles 3) ]]; then
		printf '\n## Issue 5: batches of articles\n'
		if [[ -n ${small_counts[0]:-} ]]; then
			report_small # --only small
		else
			printf '\nSkipped: ../shared or Apertium absent.\n'
		fi
		return
	fi
	cat <<MD

## Issue 5: batches of articles

newstest2013.fr split into $narticles articles of 30 lines (\`benchtool articles\`: the first line is the
headline, then one paragraph a line, blank lines between) in a temporary folder, translated by
\`bitext translate --backend apertium --jobs N --out OUT --report R.json ARTICLES/\` into a fresh OUT
(default outputs: English text, bilingual HTML and Markdown, translation memory), against the raw pipe
on the same text (\`cat ARTICLES/*.txt | apertium -u fr-es | apertium -u spa-eng\`). Medians of $rounds runs.

| command | wall | CPU | peak memory (largest process) | throughput ratio | CPU ratio |
| --- | ---: | ---: | ---: | ---: | ---: |
$(row raw-articles "raw pipe" raw-articles)
$(row translate-jd "\`bitext translate\` (default --jobs; first run, $(num "$tmp/report-jd.json" segments_sent) segments sent)" raw-articles)
$(row translate-j1 "\`bitext translate --jobs 1\` (first run, $(num "$tmp/report-j1.json" segments_sent) segments sent)" raw-articles)
$(row translate-j2 "\`bitext translate --jobs 2\` (first run, $(num "$tmp/report-j2.json" segments_sent) segments sent)" raw-articles)

- Unchanged rerun into the same OUT (median of $rounds): $(secs "$(med rerun 3)"), $(num "$tmp/report-rerun.json" segments_sent) segments sent to the
  backend, $(num "$tmp/report-rerun.json" segments_from_memory) from memory (\`segments_sent\` and \`segments_from_memory\` of \`--report\`).
- One article edited (headline rewritten, one sentence added to a paragraph: 2 new sentences):
  $(num "$tmp/report-edit.json" segments_sent) segments sent, $(num "$tmp/report-edit.json" translated) file translated again, $(secs "$(med edit 3)").
MD
	report_small
}

report_small() {
	[[ -n ${small_counts[0]:-} ]] || return 0
	cat <<MD

Many small files: \`benchtool smallfiles -n N\` writes N dispatches of three short French sentences
(names, places, numbers and dates varied, so that no sentence repeats), translated once each by
\`bitext translate --backend apertium --out OUT --report R.json FOLDER/\` (default jobs and outputs).
"Peak memory, bitext" is bitext's own VmHWM; "tree" also covers the Apertium processes (the
largest single process, as \`/usr/bin/time -v\` reports). "First file" is the time from process start
to the first \`PATH: translated\` line on standard error. One run each.

| files | wall | CPU | peak memory, bitext | peak memory, tree | first file | segments sent / from memory | files/s |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(for n in "${small_counts[@]}"; do
		r=$tmp/report-small-$n.json
		echo "| $n | $(secs "$(med "small-$n" 3)") | $(secs "$(cpu "small-$n")") | $(med "small-$n" 7) MB | $(med "small-$n" 6) MB | $(secs "$(med "small-$n" 8)") | $(num "$r" segments_sent) / $(num "$r" segments_from_memory) | $(ratio "$n" "$(med "small-$n" 3)" 0) |"
	done)

From ${small_counts[0]} to ${small_counts[-1]} files bitext's peak memory goes from $(med "small-${small_counts[0]}" 7) to $(med "small-${small_counts[-1]}" 7) MB,
$(awk -v a="$(med "small-${small_counts[0]}" 7)" -v b="$(med "small-${small_counts[-1]}" 7)" \
		-v n="${small_counts[0]}" -v m="${small_counts[-1]}" 'BEGIN { printf "%.2f", (b - a) / (m - n) * 1000 }') MB more per 1,000 files.
MD
}

report_shared() {
	local n=1000000 l p
	[[ $smoke == 1 ]] && n=10000
	l=$(gb "BenchmarkLookup/store=sqlite/entries=$n" lookups/s 0) p=$(gb "BenchmarkLookup/store=postgres/entries=$n" lookups/s 0)
	cat <<MD

## Issue 19: the shared memory, SQLite against PostgreSQL
$([[ $only == shared-memory ]] && printf '\nMeasured alone (`scripts/bench.sh --only shared-memory`) on %s, load average (1, 5, 15 min) %s at start and %s at the end, %s CPUs.\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$load_start" "$load_end" "$(nproc)")

$([[ $smoke == 1 ]] && echo "Smoke run (-benchtime 1x -short): the figures below mean nothing. ")\`go test -run '^\$' -bench 'Lookup\$|LookupAll' -benchtime 20000x -count $gocount ./memory/postgres\`: LookupAt on a memory of
$n machine translations (every lookup a hit, as in an unchanged rerun), loaded into a new SQLite file and a
new database of a throw-away PostgreSQL $(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1) cluster on a Unix socket of the same machine
(fsync off, as in the tests); one lookup at a time, then from 4×GOMAXPROCS goroutines. Medians.

| lookups | SQLite | PostgreSQL | PostgreSQL / SQLite |
| --- | ---: | ---: | ---: |
| one at a time | $l/s | $p/s | $(ratio "$p" "$l") |
| parallel | $(gb "BenchmarkLookup/store=sqlite/entries=$n/parallel" lookups/s 0)/s | $(gb "BenchmarkLookup/store=postgres/entries=$n/parallel" lookups/s 0)/s | $(ratio "$(gb "BenchmarkLookup/store=postgres/entries=$n/parallel" lookups/s)" "$(gb "BenchmarkLookup/store=sqlite/entries=$n/parallel" lookups/s)") |
| 30 at a time in one query (LookupAll, as translate asks a shared memory) | | $(gb "BenchmarkLookupAll/store=postgres/entries=$n/batch=30" lookups/s 0)/s | $(ratio "$(gb "BenchmarkLookupAll/store=postgres/entries=$n/batch=30" lookups/s)" "$l") |

Unchanged rerun of the $narticles articles of issue 5 (\`bitext translate --backend apertium\`, medians of $rounds runs, the two
interleaved), into a folder with its own memory and into one sharing the PostgreSQL memory (\`--memory URL\`):

| memory | wall | CPU | segments sent / from memory | time ratio to SQLite | target |
| --- | ---: | ---: | ---: | ---: | --- |
| SQLite (OUT/.bitext/memory.db) | $(secs "$(med rerun-sqlite 3)") | $(secs "$(cpu rerun-sqlite)") | $(num "$tmp/report-rerun-sqlite.json" segments_sent) / $(num "$tmp/report-rerun-sqlite.json" segments_from_memory) | 1.00 | |
| PostgreSQL (--memory) | $(secs "$(med rerun-postgres 3)") | $(secs "$(cpu rerun-postgres)") | $(num "$tmp/report-rerun-postgres.json" segments_sent) / $(num "$tmp/report-rerun-postgres.json" segments_from_memory) | $(ratio "$(med rerun-postgres 3)" "$(med rerun-sqlite 3)") | ≤ 2: $(meets "$(ratio "$(med rerun-postgres 3)" "$(med rerun-sqlite 3)")" le 2) |
MD
}

report_marian_articles() {
	[[ -n $(med marian-j1 3) ]] || return 0
	local n1=$(num "$tmp/report-marian-j1.json" segments_sent) nd=$(num "$tmp/report-marian-jd.json" segments_sent)
	cat <<MD

## Issue 16: a folder run through marian, one article at a time vs gathered

The $narticles articles of issue 5 through \`bitext translate --backend marian --model ../shared/nmt/opus-mt-tiny\`
into a fresh OUT, $rounds runs of each, interleaved, medians. \`--jobs 1\` translates one article at a
time (each article's sentences are its own request); the default translates several at once and
\`engine.Coalesce\` gathers their requests into one, which marian sorts by length and decodes 16
sentences at a time, handing each batch's translations back to be stored at once. opus-mt-tiny is
2+2 layers 32 wide with beam 4: its time goes more to per-sentence attention and search than to
the matrix products that batching speeds up.

| run | segments sent | wall | CPU | sentences/s | sentences/CPU-s | ratio to one at a time |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| one article at a time (\`--jobs 1\`) | $n1 | $(secs "$(med marian-j1 3)") | $(secs "$(cpu marian-j1)") | $(ratio "$n1" "$(med marian-j1 3)" 1) | $(ratio "$n1" "$(cpu marian-j1)" 1) | 1.00 |
| gathered (default \`--jobs\`) | $nd | $(secs "$(med marian-jd 3)") | $(secs "$(cpu marian-jd)") | $(ratio "$nd" "$(med marian-jd 3)" 1) | $(ratio "$nd" "$(cpu marian-jd)" 1) | $(ratio "$(med marian-j1 3)" "$(med marian-jd 3)") |
MD
}

report_commands() {
	cat <<'MD'

## Reproducing

```sh
make bench                      # or scripts/bench.sh [--rounds N]; writes this file (10-20 min on 2 CPUs)
scripts/bench.sh --smoke --out /tmp/b.md   # every part once on tiny inputs (CI)
scripts/bench-apertium.sh 3     # only the apertium Go benchmarks, with ratios
scripts/bench-formats.sh --rounds 3   # only HTML and Word vs plain text (issue 18)
scripts/bench-serve.sh          # only bitext serve's figures (issue 17), printed
go test -run '^$' -bench 'Find(100|10000)Terms$' -count 5 ./glossary
go test -run '^$' -bench WrapThroughput -benchtime 1x -count 3 ./translate/remote
go test -run '^$' -bench . -benchtime 1x ./translate/marian/internal/model
go test -run '^$' -bench 'Lookup$|LookupAll' -benchtime 20000x -count 3 ./memory/postgres
go test -run '^$' -bench Kernels -benchtime 3x ./translate/marian/internal/gemm
BITEXT_QUALITY_LINES=-1 go test -run TestInt8Quality -v ./translate/marian/internal/model
go run ./internal/benchtool time -first ': translated' -- bitext translate --backend apertium --out OUT DIR/
```
MD
}

report() {
	report_header
	report_summary
	report_pipe
	report_glossary
	report_remote
	report_articles
	report_marian
	part marian-articles && report_marian_articles
	part shared-memory && report_shared
	if part formats && [[ -f $tmp/formats.md ]]; then cat "$tmp/formats.md"; fi
	if part serve && [[ -f $tmp/serve.md ]]; then cat "$tmp/serve.md"; fi
	report_commands
}

# splice_section FILE SECTION: FILE with its "## Issue 19:" section
# replaced by the one in the file SECTION (added before "## Reproducing"
# when FILE has none).
splice_section() {
	awk -v sec="$2" '
		function put() { while ((getline l < sec) > 0) print l; done = 1 }
		/^## Issue 19:/ { put(); skip = 1; next }
		skip && /^## / { skip = 0 }
		skip { next }
		/^## Reproducing/ && !done { put(); print "" }
		{ print }
		END { if (!done) put() }' "$1"
}

# only_shared_memory: --only shared-memory.
only_shared_memory() {
	memory_benchmarks
	shared_memory
	summarise
	report_shared | sed '1{/^$/d}' >"$tmp/section.md"
	[[ -f $out ]] || report_header >"$out"
	splice_section "$out" "$tmp/section.md" >"$tmp/report.md"
	cp "$tmp/report.md" "$out"
	say "section written to ${out#"$root"/} ($(elapsed) in all)"
}

build
cd "$tmp" # so that no ./glossary.* is picked up
if [[ $only == shared-memory ]]; then
	only_shared_memory
	exit 0
fi
part go && go_benchmarks
part marian && marian_benchmarks
part articles && whole_processes
part marian-articles && marian_articles
part small && small_files
if part shared-memory; then
	part go || memory_benchmarks
	shared_memory
fi
if part formats; then
	say "HTML and Word articles (scripts/bench-formats.sh)"
	BITEXT_BENCH_SMOKE=$smoke "$root/scripts/bench-formats.sh" --rounds "$rounds" --out "$tmp/formats.md"
fi
if part serve; then
	say "bitext serve: scripts/bench-serve.sh"
	"$root/scripts/bench-serve.sh" --bitext "$bitext" --out "$tmp/serve.md" $([[ $smoke == 1 ]] && echo --smoke)
fi
summarise
mkdir -p "$(dirname "$out")"
report >"$out"
say "report written to ${out#"$root"/} ($(elapsed) in all)"
