#!/usr/bin/env bash
# test.sh: the README's test command, and exactly what CI runs. It runs
# every package's tests through gotestsum (pinned, installed with go
# install when missing), which prints one line per package and the output
# of any failing test, then lists every skipped test with the message that
# says why (a missing tool, ../shared absent, -short), then closes with
# "DONE N tests, M skipped in …".
#
# Usage: scripts/test.sh [go test flags and packages]   (default: ./...)
#   scripts/test.sh -short              the quick tests only
#   scripts/test.sh -run Glossary ./glossary
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

gotestsum=$(gotool gotestsum gotest.tools/gotestsum v1.13.0)
args=("$@")
has_pkg=false has_timeout=false
for a in "${args[@]}"; do
	case "$a" in
	./* | github.com/*) has_pkg=true ;;
	-timeout* | --timeout*) has_timeout=true ;;
	esac
done
# go test's own 10 minutes per package is a hang guard that a loaded
# 2-CPU machine reaches with cmd/bitext; 30 minutes still catches a hang.
$has_timeout || args=(-timeout 30m "${args[@]}")
$has_pkg || args+=(./...)
exec "$gotestsum" --format pkgname-and-test-fails --format-hide-empty-pkg -- "${args[@]}"
