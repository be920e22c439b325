# Entry points of the development tasks; the scripts say what they do.
.PHONY: test lint quickstart bench bench-smoke eval

# test runs every package's tests, then lists the skipped ones (those
# needing Apertium, Chromium, tmux, apertium-apy or ../shared when those are
# absent) with their reasons: the README's test command, as CI runs it.
test:
	scripts/test.sh

# lint runs go vet, gofmt and staticcheck (pinned, installed when missing),
# as CI does: run it before every commit.
lint:
	scripts/lint.sh

# quickstart runs the README's quick start line by line in a new user's
# shell, as CI does.
quickstart:
	scripts/quickstart.sh

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
