package apertium

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bitext/bitext/translate"
)

// pipeline is one running chain of Apertium programs in null-flush mode:
// every mode of a route, the output of one feeding the next. The pool hands
// it to one writer at a time; a batch is read while the next ones are
// written, in the order they were written (see translate).
type pipeline struct {
	route route
	procs []*process
	in    *os.File
	out   *os.File
	w     *bufio.Writer
	r     *bufio.Reader
	stall time.Duration
	// batch numbers the batches written; readTurn is closed when the last
	// batch written has been read. Both belong to the pool's current
	// holder.
	batch    uint64
	readTurn chan struct{}
	// broken is set when a batch failed: the pool then discards the
	// pipeline instead of reusing it.
	broken atomic.Bool
	// discarded makes the pool give the pipeline's slot back once.
	discarded sync.Once

	mu      sync.Mutex
	killed  bool
	stalled bool
	// killer is the batch whose failure, stall or cancellation killed the
	// pipeline (0: none, or the pool): the batches after it were lost to
	// it, not to their own input.
	killer uint64
}

// process is one program of a pipeline with the end of its error output.
type process struct {
	cmd    *exec.Cmd
	stderr *tailBuffer
	// done is closed when the program has exited, with err its status.
	done chan struct{}
	err  error
}

// startPipeline starts the programs of every mode of r, connected by pipes.
// The generators run with -n (no unknown-word marks), except the last one
// with -g when markUnknown is set; stall is how long a batch may go without
// output before the pipeline is declared stuck.
func startPipeline(r route, markUnknown bool, stall time.Duration) (*pipeline, error) {
	var argvs [][]string
	for i, m := range r.Modes {
		genFlag := "-n"
		if markUnknown && i == len(r.Modes)-1 {
			genFlag = "-g"
		}
		cmds, err := readModeFile(m.Path, genFlag)
		if err != nil {
			return nil, err
		}
		argvs = append(argvs, cmds...)
	}
	p := &pipeline{route: r, stall: stall}
	if err := p.start(argvs); err != nil {
		p.kill()
		return nil, err
	}
	return p, nil
}

// start launches the programs, each reading the previous one's output
// through a pipe; the pipeline writes to the first and reads the last.
func (p *pipeline) start(argvs [][]string) error {
	stdin, in, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("failed to create pipe: %w", err)
	}
	p.in = in
	for _, argv := range argvs {
		next, out, err := os.Pipe()
		if err != nil {
			stdin.Close()
			return fmt.Errorf("failed to create pipe: %w", err)
		}
		err = p.startProcess(argv, stdin, out)
		stdin.Close()
		out.Close()
		if err != nil {
			next.Close()
			return err
		}
		stdin = next
	}
	p.out = stdin
	p.w = bufio.NewWriterSize(in, 64<<10)
	p.r = bufio.NewReaderSize(stdin, 64<<10)
	return nil
}

// startProcess starts one program reading stdin and writing stdout, and a
// goroutine that waits for it to exit.
func (p *pipeline) startProcess(argv []string, stdin, stdout *os.File) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout = stdin, stdout
	proc := &process{cmd: cmd, stderr: &tailBuffer{max: 2048}, done: make(chan struct{})}
	cmd.Stderr = proc.stderr
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	if err := cmd.Start(); err != nil {
		return startError(argv[0], err)
	}
	p.procs = append(p.procs, proc)
	go func() {
		proc.err = cmd.Wait()
		close(proc.done)
	}()
	return nil
}

// startError explains a program that would not start, naming its Debian
// package when it is missing.
func startError(prog string, err error) error {
	if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("apertium program %s is not installed; install it with: apt-get install %s: %w",
			prog, debianPackageOf(prog), translate.ErrNotConfigured)
	}
	return fmt.Errorf("failed to start %s: %w", prog, err)
}

// debianPackageOf names the Debian package that ships an Apertium program.
func debianPackageOf(prog string) string {
	switch prog {
	case "lt-proc":
		return "lttoolbox"
	case "lrx-proc":
		return "apertium-lex-tools"
	case "vislcg3", "cg-proc":
		return "cg3"
	case "lsx-proc":
		return "apertium-separable"
	case "rtx-proc":
		return "apertium-recursive"
	case "apertium-anaphora":
		return "apertium-anaphora"
	}
	return "apertium"
}

// tailBuffer keeps the last max bytes written to it (a program's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tailBuffer) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(b), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.TrimSpace(t.buf))
}

// syncMark is the superblank sent after every batch: when it comes out,
// every segment of the batch has, and the counts can be checked.
func syncMark(batch uint64) []byte {
	return []byte("[bitext-sync-" + strconv.FormatUint(batch, 10) + "]")
}
