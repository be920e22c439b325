// Command pgcluster starts a throw-away PostgreSQL cluster as the tests do
// (package pgtest), prints the URL of a new, empty database on standard
// output, and stops the cluster, removing its folder, on SIGINT or
// SIGTERM. scripts/bench.sh runs it in the background.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/bitext/bitext/internal/pgtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	c, err := pgtest.Start(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgcluster:", err)
		os.Exit(1)
	}
	defer c.Stop()
	u, err := c.NewDatabase(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgcluster:", err)
		return
	}
	fmt.Println(u)
	<-ctx.Done()
}
