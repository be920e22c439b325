#!/usr/bin/env bash
# fuzz.sh: run every Go fuzz target of the repository for a set time and
# report, per target, the executions and the findings.
#
# Usage: scripts/fuzz.sh [PATTERN]
#
#   PATTERN   only targets whose "package/FuzzName" matches this grep -E
#             pattern (default: all), e.g. scripts/fuzz.sh 'glossary|review'
#
# Environment:
#   FUZZTIME      how long to fuzz each target (default 2m; any go test
#                 -fuzztime value: 30s, 10000x)
#   FUZZMINTIME   how long to minimize a finding (default 10s; Go's default
#                 of 60s stalls the run on every new interesting input)
#   FUZZ_REPORT   also write the summary table to this file
#
# Targets are found with grep (func FuzzX(f *testing.F) in *_test.go), so new
# ones are picked up without editing this script. A finding is written by
# go test to PKG/testdata/fuzz/FuzzX/HASH: that file is the regression seed
# (it runs with every plain `go test` from then on). The script lists each
# one; commit it with the fix. Exits 1 when any target found something.
set -uo pipefail

fuzztime=${FUZZTIME:-2m}
mintime=${FUZZMINTIME:-10s}
pattern=${1:-.}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2

logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT

# targets prints "pkgdir FuzzName" for every fuzz target.
targets() {
	grep -rHo --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' . |
		sed -E 's#^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]+).*#\1 \2#' |
		sort -u
}

summary=$logdir/summary
printf '%-34s %-22s %12s %8s  %s\n' PACKAGE TARGET EXECS TIME RESULT >"$summary"
found=0
total=0
while read -r dir name; do
	grep -qE "$pattern" <<<"$dir/$name" || continue
	log=$logdir/$(tr / _ <<<"$dir")_$name.log
	echo "== $dir $name ($fuzztime)" >&2
	start=$(date +%s)
	go test "./$dir" -run '^$' -fuzz "^$name\$" -fuzztime "$fuzztime" -fuzzminimizetime "$mintime" >"$log" 2>&1
	status=$?
	secs=$(($(date +%s) - start))
	# The last progress line carries the total: "fuzz: elapsed: 2m0s, execs: 123 (…)".
	execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
	execs=${execs:-0}
	total=$((total + execs))
	result=ok
	if [[ $status -ne 0 ]]; then
		found=$((found + 1))
		seed=$(grep -oE 'testdata/fuzz/[^ ]+' "$log" | head -1)
		if [[ -n $seed ]]; then
			result="FINDING: regression seed $dir/$seed"
		else
			result="FAILED (see below)"
		fi
		sed 's/^/    /' "$log" | tail -30 >&2
	fi
	printf '%-34s %-22s %12s %7ss  %s\n' "$dir" "$name" "$execs" "$secs" "$result" >>"$summary"
done < <(targets)

printf '%-34s %-22s %12s\n' TOTAL "" "$total" >>"$summary"
cat "$summary"
if [[ -n ${FUZZ_REPORT:-} ]]; then
	cp "$summary" "$FUZZ_REPORT"
fi
if [[ $found -gt 0 ]]; then
	echo "fuzz: $found target(s) found failures; their inputs are now regression seeds under testdata/fuzz" >&2
	exit 1
fi
