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

// errLost reports a batch that was in a pipeline when an earlier batch (or
// another caller's cancellation) killed it: nothing is wrong with the
// batch itself, and it is sent again on a fresh pipeline.
var errLost = errors.New("apertium pipeline was restarted while the batch was in it")

// translate sends a batch of encoded segments (each followed by NUL) and
// then a sync mark, and reads the translations up to the mark while the
// batch is still being written, so that every program of the pipeline
// works at once. The caller holds p from the pool; release hands it back
// as soon as the batch is written, so that the next batch goes in while
// this one is still being translated and the programs never wait for
// work between batches. Batches are read in the order they were written,
// each after the one before it.
//
// When ctx is cancelled the pipeline is killed at once and translate
// returns ctx.Err(): draining what is in flight (up to a megabyte of text
// in the pipes between the programs) would take seconds, restarting takes
// half of one. Any other failure also marks the pipeline broken and kills
// it; the pool then starts a fresh one for the next batch, and the
// batches written after this one fail with errLost.
func (p *pipeline) translate(ctx context.Context, segs [][]byte, release func()) ([][]byte, error) {
	p.batch++
	id := p.batch
	mark := syncMark(id)
	prev, mine := p.readTurn, make(chan struct{})
	p.readTurn = mine
	defer close(mine)
	stop := context.AfterFunc(ctx, func() { p.killBy(id) })
	defer stop()
	written := make(chan error, 1)
	go func() {
		err := p.write(ctx, segs, mark)
		if err != nil {
			p.broken.Store(true)
		}
		release()
		written <- err
	}()
	if prev != nil {
		<-prev
	}
	timer := time.AfterFunc(p.stall, func() { p.stallOut(id) })
	defer timer.Stop()
	out, readErr := p.read(mark, timer)
	writeErr := <-written
	switch {
	case ctx.Err() != nil:
		p.broken.Store(true)
		p.killBy(id)
		return nil, ctx.Err()
	case (readErr != nil || writeErr != nil) && p.killedByOther(id):
		p.broken.Store(true)
		return nil, fmt.Errorf("%w: %v", errLost, errors.Join(readErr, writeErr))
	case readErr != nil:
		return nil, p.fail(id, readErr)
	case writeErr != nil:
		return nil, p.fail(id, writeErr)
	case len(out) != len(segs):
		return nil, p.fail(id, fmt.Errorf("%w (%d for %d)", errMisaligned, len(out), len(segs)))
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
func (p *pipeline) fail(id uint64, err error) error {
	p.broken.Store(true)
	var culprit *process
	if !p.hasStalled() {
		culprit = p.exited()
	}
	p.killBy(id)
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

// stallOut kills a pipeline that gave no output for too long while batch
// id was being read.
func (p *pipeline) stallOut(id uint64) {
	p.mu.Lock()
	p.stalled = true
	p.mu.Unlock()
	p.killBy(id)
}

// hasStalled reports whether the stall timer killed the pipeline.
func (p *pipeline) hasStalled() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stalled
}

// kill stops every program and closes the pipes; it is idempotent.
func (p *pipeline) kill() { p.killBy(0) }

// killBy kills the pipeline for batch id's sake (0: the pool's).
func (p *pipeline) killBy(id uint64) {
	p.mu.Lock()
	already := p.killed
	if !already {
		p.killed, p.killer = true, id
	}
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

// killedByOther reports whether the pipeline was killed for another
// batch's sake, or by the pool, rather than by batch id.
func (p *pipeline) killedByOther(id uint64) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.killed && p.killer != id
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
