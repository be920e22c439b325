package apertium

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// errMisaligned reports a pipeline that returned more or fewer segments
// than it was sent; the pipeline is then restarted.
var errMisaligned = errors.New("apertium returned a different number of segments than it was sent")

// translate sends a batch of encoded segments (each followed by NUL) and
// then a sync mark, and reads the translations up to the mark while the
// batch is still being written, so that every program of the pipeline
// works at once.
//
// When ctx is cancelled the pipeline is killed at once and translate
// returns ctx.Err(): draining what is in flight (up to a megabyte of text
// in the pipes between the programs) would take seconds, restarting takes
// half of one. Any other failure also marks the pipeline broken and kills
// it; the pool then starts a fresh one for the next batch.
func (p *pipeline) translate(ctx context.Context, segs [][]byte) ([][]byte, error) {
	p.batch++
	mark := syncMark(p.batch)
	timer := time.AfterFunc(p.stall, p.stallOut)
	defer timer.Stop()
	stop := context.AfterFunc(ctx, p.kill)
	defer stop()
	written := make(chan error, 1)
	go func() { written <- p.write(ctx, segs, mark) }()
	out, readErr := p.read(mark, timer)
	writeErr := <-written
	switch {
	case ctx.Err() != nil:
		p.broken = true
		p.kill()
		return nil, ctx.Err()
	case readErr != nil:
		return nil, p.fail(readErr)
	case writeErr != nil:
		return nil, p.fail(writeErr)
	case len(out) != len(segs):
		return nil, p.fail(fmt.Errorf("%w (%d for %d)", errMisaligned, len(out), len(segs)))
	}
	return out, nil
}

// write writes the segments and the mark, stopping early when ctx is done.
func (p *pipeline) write(ctx context.Context, segs [][]byte, mark []byte) error {
	for _, s := range segs {
		if ctx.Err() != nil {
			break
		}
		p.w.Write(s)
		if err := p.w.WriteByte(0); err != nil {
			return fmt.Errorf("failed to write to apertium: %w", err)
		}
	}
	p.w.Write(mark)
	p.w.WriteByte(0)
	if err := p.w.Flush(); err != nil {
		return fmt.Errorf("failed to write to apertium: %w", err)
	}
	return nil
}

// read reads NUL-terminated chunks up to the one holding mark, resetting the
// stall timer at each.
func (p *pipeline) read(mark []byte, timer *time.Timer) ([][]byte, error) {
	var out [][]byte
	for {
		chunk, err := p.r.ReadBytes(0)
		if err != nil {
			return nil, fmt.Errorf("failed to read from apertium: %w", err)
		}
		timer.Reset(p.stall)
		chunk = chunk[:len(chunk)-1]
		if bytes.Contains(chunk, mark) {
			return out, nil
		}
		out = append(out, chunk)
	}
}

// fail marks the pipeline broken, stops it, and explains err with the
// program that exited first and the end of its error output.
func (p *pipeline) fail(err error) error {
	p.broken = true
	var culprit *process
	if !p.hasStalled() {
		culprit = p.exited()
	}
	p.kill()
	msg := fmt.Sprintf("apertium %s pipeline failed", p.route)
	if culprit != nil {
		msg += fmt.Sprintf(": %s exited (%v)", filepath.Base(culprit.cmd.Args[0]), exitStatus(culprit.err))
		if tail := culprit.stderr.String(); tail != "" {
			msg += ": " + lastLine(tail)
		}
	} else if p.hasStalled() {
		msg += fmt.Sprintf(": no output for %v", p.stall)
	}
	return fmt.Errorf("%s: %w", msg, err)
}

// exited returns the first program, in pipeline order, that has exited on
// its own, waiting briefly for an exit to be noticed.
func (p *pipeline) exited() *process {
	deadline := time.After(200 * time.Millisecond)
	for {
		var first *process
		for _, proc := range p.procs {
			select {
			case <-proc.done:
				if first == nil || (first.err == nil && proc.err != nil) {
					first = proc
				}
			default:
			}
		}
		if first != nil || p.hasStalled() {
			return first
		}
		select {
		case <-deadline:
			return nil
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// stallOut kills a pipeline that gave no output for too long.
func (p *pipeline) stallOut() {
	p.mu.Lock()
	p.stalled = true
	p.mu.Unlock()
	p.kill()
}

// hasStalled reports whether the stall timer killed the pipeline.
func (p *pipeline) hasStalled() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stalled
}

// kill stops every program and closes the pipes; it is idempotent.
func (p *pipeline) kill() {
	p.mu.Lock()
	already := p.killed
	p.killed = true
	p.mu.Unlock()
	if already {
		return
	}
	if p.in != nil {
		p.in.Close()
	}
	for _, proc := range p.procs {
		proc.cmd.Process.Signal(syscall.SIGKILL)
	}
	for _, proc := range p.procs {
		<-proc.done
	}
	if p.out != nil {
		p.out.Close()
	}
}

func exitStatus(err error) string {
	if err == nil {
		return "status 0"
	}
	return err.Error()
}

func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
