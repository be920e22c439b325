package main

import (
	"context"
	"strings"
	"testing"
)

func TestRunUsage(t *testing.T) {
	var out, errOut strings.Builder
	if code := run(context.Background(), nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "usage") {
		t.Errorf("no command: exit %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run(context.Background(), []string{"frobnicate"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run(context.Background(), []string{"names", "only-one-file"}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "usage: names") {
		t.Errorf("bad arguments: exit %d, %q", code, errOut.String())
	}
}
