#!/usr/bin/env bash
# bench-apertium.sh: compare the throughput of bitext's apertium backend
# with Apertium's own command (apertium -u fr-es | apertium -u spa-eng) on
# ../shared/eval/newstest2013.fr, one paragraph a line.
#
# Usage: scripts/bench-apertium.sh [ROUNDS]   (default 3)
#
# The Go benchmarks BenchmarkBackend (1 and 2 pipelines) and BenchmarkRawPipe
# are run alternately, one translation of the whole file each, ROUNDS times;
# the medians and the ratio backend/raw throughput are printed, by wall
# time and by CPU time (the latter is stable on a loaded machine). Exits 0 with
# a message when ../shared or Apertium is absent.
set -euo pipefail

rounds=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
text=$root/../shared/eval/newstest2013.fr
if [[ ! -f $text ]]; then
	echo "bench-apertium: skipped: $text not found (../shared is absent)"
	exit 0
fi
if ! command -v apertium >/dev/null || [[ ! -f /usr/share/apertium/modes/fr-es.mode || ! -f /usr/share/apertium/modes/spa-eng.mode ]]; then
	echo "bench-apertium: skipped: install Apertium with: apt-get install apertium apertium-fr-es apertium-eng-spa"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go test -c -o "$tmp/apertium.test" ./translate/apertium)

echo "bench-apertium: $(wc -l <"$text") lines, $rounds rounds, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= rounds; i++)); do
	for bench in 'BenchmarkBackend$' 'BenchmarkRawPipe$'; do
		(cd "$root/translate/apertium" &&
			"$tmp/apertium.test" -test.run '^$' -test.bench "$bench" -test.benchtime 1x) |
			awk '/^Benchmark/ { sub(/-[0-9]+$/, "", $1); cpu = 0
				for (i = 4; i < NF; i++) if ($(i + 1) == "cpu-s/op") cpu = $i
				print $1, $3, cpu }' >>"$tmp/results"
	done
done

awk -v rounds="$rounds" '
function median(name,   n, i, j, t, v) {
	n = split(times[name], v, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
{ times[$1] = times[$1] " " $2; cpus[$1] = cpus[$1] " " $3; names[$1] = 1 }
END {
	raw = median("BenchmarkRawPipe")
	for (name in names) times[name "/cpu"] = cpus[name]
	rawcpu = median("BenchmarkRawPipe/cpu")
	for (name in names) {
		m = median(name); c = median(name "/cpu")
		printf "%-28s median %6.2f s wall, %6.2f s CPU   throughput ratio to raw pipe %.2f (CPU ratio %.2f)\n", name, m / 1e9, c, raw / m, rawcpu / c
	}
}' "$tmp/results" | sort
