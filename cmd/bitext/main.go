// Command bitext translates French news articles into English through a
// machine-translation backend, keeps names and terms consistent with a
// glossary, and writes bilingual side-by-side outputs for review and
// publishing. Run "bitext --help" for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, systemEnv(), os.Args))
}
