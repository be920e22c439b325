package layering

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
)

// Load builds the import graph of the module holding dir with
// `go list -deps -json`, leaving out the standard library.
func Load(ctx context.Context, dir string) (Graph, error) {
	mod, err := goCmd(ctx, dir, "list", "-m")
	if err != nil {
		return Graph{}, err
	}
	g := Graph{Module: string(bytes.TrimSpace(mod)), Imports: map[string][]string{}}
	out, err := goCmd(ctx, dir, "list", "-deps", "-json=ImportPath,Imports,Standard,DepOnly", g.Module+"/...")
	if err != nil {
		return Graph{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath        string
			Imports           []string
			Standard, DepOnly bool
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return Graph{}, fmt.Errorf("failed to read go list's output: %w", err)
		}
		if p.Standard {
			continue
		}
		g.Imports[p.ImportPath] = p.Imports
		if !p.DepOnly {
			g.Own = append(g.Own, p.ImportPath)
		}
	}
	return g, nil
}

func goCmd(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %v: %w: %s", args, err, bytes.TrimSpace(stderr.Bytes()))
	}
	return out, nil
}
