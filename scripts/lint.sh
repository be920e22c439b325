#!/usr/bin/env bash
# lint.sh: what review would otherwise catch by eye, as CI runs it: go vet,
# gofmt and staticcheck at a pinned version (installed with go install
# from the Go module proxy when missing or at another version).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

echo "== go vet"
go vet ./...

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted" >&2
	exit 1
fi

echo "== staticcheck"
staticcheck=$(gotool staticcheck honnef.co/go/tools/cmd/staticcheck v0.8.2)
"$staticcheck" ./...
