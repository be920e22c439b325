# Entry points of the development tasks; the scripts say what they do.
.PHONY: test lint bench bench-smoke eval

# test runs every package's tests (those needing Apertium, Chromium, tmux,
# apertium-apy or ../shared skip with a message when those are absent).
test:
	go test ./...

# lint runs go vet, gofmt and staticcheck (pinned, installed when missing),
# as CI does: run it before every commit.
lint:
	scripts/lint.sh

# bench measures every speed figure against its baseline and writes
# docs/BENCHMARKS.md (10-20 minutes on 2 CPUs, depending on load).
bench:
	scripts/bench.sh

# bench-smoke runs the benchmarks and both scripts once on tiny inputs,
# as CI does.
bench-smoke:
	scripts/bench.sh --smoke
	scripts/eval.sh --smoke

# eval scores the offline backend on ../shared/eval and writes
# docs/QUALITY.md (a few minutes).
eval:
	scripts/eval.sh
