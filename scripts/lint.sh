#!/usr/bin/env bash
# lint.sh: what review would otherwise catch by eye, as CI runs it: go vet,
# gofmt and staticcheck at a pinned version (installed with go install
# from the Go module proxy when missing or at another version).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/gobin.sh

staticcheck_version=v0.8.2

echo "== go vet"
go vet ./...

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted" >&2
	exit 1
fi

echo "== staticcheck $staticcheck_version"
staticcheck="$(gobin)/staticcheck"
if ! "$staticcheck" -version 2>/dev/null | grep -qF "(${staticcheck_version#v})"; then
	go install "honnef.co/go/tools/cmd/staticcheck@$staticcheck_version"
fi
"$staticcheck" ./...
