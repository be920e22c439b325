// Command benchtool is the helper of scripts/bench.sh and scripts/eval.sh:
// it times commands, prepares benchmark inputs and summarises results, so
// the scripts stay short and the fiddly parts are tested Go.
//
// # Commands
//
//	benchtool time [-label L] [-in F] [-out F] [-log F] [-first RE] -- CMD ARG...
//	benchtool median FILE...
//	benchtool gobench FILE...
//	benchtool articles [-lines 30] [-n 100] SRC DIR
//	benchtool smallfiles [-n 10000] DIR
//	benchtool names [-min 3] SRC REF
//	benchtool linediff [-examples 5] [-top 12] NEW OLD REF
//	benchtool terms NAMES.csv SRC HYP REF
//	benchtool english [-examples 3] GLOSSARY OUTDIR...
//
// time runs one command and prints one line: the label, then wall, user
// and system seconds, the peak resident memory of the process tree and of
// the command's own process (MB), and the seconds from start to the first
// line of standard error matching -first (-1 when none did); see
// [measure]. median reads such lines and prints, per label, the number
// of runs and the median of each column. gobench does the same for the
// output of go test -bench. articles and smallfiles write the inputs of
// the batch benchmarks, names builds a do-not-translate glossary of the
// names a test set and its reference share, terms counts how many of
// those names a translation keeps, linediff says which lines two
// translations of a test set differ on and how the difference scores, and
// english counts glossary terms and the broken English around them in
// bitext's JSON outputs (scripts/glossary-eval.sh).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// command is one subcommand: it parses its own arguments and writes its
// results to stdout.
type command func(ctx context.Context, args []string, stdout io.Writer) error

// commands lists the subcommands by name.
func commands() map[string]command {
	return map[string]command{
		"time":       cmdTime,
		"median":     cmdMedian,
		"gobench":    cmdGobench,
		"articles":   cmdArticles,
		"smallfiles": cmdSmallFiles,
		"names":      cmdNames,
		"linediff":   cmdLinediff,
		"terms":      cmdTerms,
		"english":    cmdEnglish,
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches args to a subcommand and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: benchtool time|median|gobench|articles|smallfiles|names|terms|linediff|english ...")
		return 2
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "benchtool: unknown command %q\n", args[0])
		return 2
	}
	if err := cmd(ctx, args[1:], stdout); err != nil {
		fmt.Fprintf(stderr, "benchtool %s: %v\n", args[0], err)
		return 1
	}
	return 0
}
