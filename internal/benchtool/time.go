package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// measurement is what one run of a command cost.
type measurement struct {
	Wall, User, Sys float64 // seconds; User and Sys include waited-for children
	// TreeMB is the peak resident memory of the largest process of the
	// tree (getrusage's maxrss, what /usr/bin/time -v reports).
	TreeMB float64
	// SelfMB is the peak resident memory (VmHWM) of the command's own
	// process, polled every 10 ms until it exits.
	SelfMB float64
	// First is the time from start to the first standard-error line
	// matching the pattern, or -1.
	First float64
}

// String formats m as the tab-separated columns cmdTime prints after the
// label.
func (m measurement) String() string {
	return fmt.Sprintf("%.3f\t%.3f\t%.3f\t%.1f\t%.1f\t%.3f", m.Wall, m.User, m.Sys, m.TreeMB, m.SelfMB, m.First)
}

// timeOptions are the settings of one timed run.
type timeOptions struct {
	in, out, log string         // stdin, stdout and stderr-copy files ("": none)
	first        *regexp.Regexp // nil: do not watch standard error
}

func cmdTime(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("time", flag.ContinueOnError)
	label := fs.String("label", "run", "label printed first on the result line")
	var o timeOptions
	fs.StringVar(&o.in, "in", "", "file given to the command as standard input")
	fs.StringVar(&o.out, "out", "", "file receiving the command's standard output (default: discarded)")
	fs.StringVar(&o.log, "log", "", "file receiving a copy of the command's standard error")
	first := fs.String("first", "", "regular expression: time the first standard-error line matching it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("no command given")
	}
	if *first != "" {
		re, err := regexp.Compile(*first)
		if err != nil {
			return fmt.Errorf("bad -first pattern: %w", err)
		}
		o.first = re
	}
	m, err := measure(ctx, fs.Args(), o)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%s\t%s\n", *label, m)
	return err
}

// measure runs argv with o's streams and returns what it cost. A command
// that fails is an error naming its exit status and last error line.
func measure(ctx context.Context, argv []string, o timeOptions) (measurement, error) {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	closeAll, err := openStreams(cmd, o)
	if err != nil {
		return measurement{}, err
	}
	defer closeAll()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return measurement{}, fmt.Errorf("failed to connect standard error: %w", err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measurement{}, fmt.Errorf("failed to start %s: %w", argv[0], err)
	}
	peak := pollPeak(cmd.Process.Pid)
	first, last, copyErr := watchLines(stderr, o, start)
	waitErr := cmd.Wait()
	m := measurement{Wall: time.Since(start).Seconds(), SelfMB: peak(), First: first}
	if waitErr != nil {
		return m, fmt.Errorf("%s failed: %w (last error line: %q)", argv[0], waitErr, last)
	}
	if copyErr != nil {
		return m, copyErr
	}
	m.User, m.Sys = cmd.ProcessState.UserTime().Seconds(), cmd.ProcessState.SystemTime().Seconds()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.TreeMB = float64(ru.Maxrss) / 1024 // kB on Linux
	}
	return m, nil
}

// openStreams connects the command's standard input and output to o's
// files and returns a function closing them.
func openStreams(cmd *exec.Cmd, o timeOptions) (func(), error) {
	var files []*os.File
	closeAll := func() {
		for _, f := range files {
			f.Close()
		}
	}
	if o.in != "" {
		f, err := os.Open(o.in)
		if err != nil {
			return closeAll, fmt.Errorf("failed to open input: %w", err)
		}
		files, cmd.Stdin = append(files, f), f
	}
	if o.out != "" {
		f, err := os.Create(o.out)
		if err != nil {
			closeAll()
			return func() {}, fmt.Errorf("failed to create output: %w", err)
		}
		files, cmd.Stdout = append(files, f), f
	}
	return closeAll, nil
}

// watchLines reads r to its end, copying it to o.log when set, and
// returns the seconds since start at which the first line matching
// o.first arrived (-1 when none did) and the last non-empty line.
func watchLines(r io.Reader, o timeOptions, start time.Time) (first float64, last string, err error) {
	var log io.Writer = io.Discard
	if o.log != "" {
		f, err := os.Create(o.log)
		if err != nil {
			io.Copy(io.Discard, r)
			return -1, "", fmt.Errorf("failed to create log: %w", err)
		}
		defer f.Close()
		log = f
	}
	first = -1
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		line := sc.Text()
		if first < 0 && o.first != nil && o.first.MatchString(line) {
			first = time.Since(start).Seconds()
		}
		if strings.TrimSpace(line) != "" {
			last = line
		}
		fmt.Fprintln(log, line)
	}
	if err := sc.Err(); err != nil {
		io.Copy(io.Discard, r)
		return first, last, fmt.Errorf("failed to read standard error: %w", err)
	}
	return first, last, nil
}

// pollPeak samples the peak resident memory of process pid every 10 ms
// and returns a function that stops sampling and gives the largest value
// seen, in MB (0 where /proc cannot be read).
func pollPeak(pid int) func() float64 {
	done, result := make(chan struct{}), make(chan float64, 1)
	go func() {
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		peak := 0.0
		for {
			peak = max(peak, readHWM(pid))
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() float64 { close(done); return <-result }
}

// readHWM returns the VmHWM of process pid in MB, or 0.
func readHWM(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	return parseHWM(string(data))
}

// parseHWM extracts VmHWM (in kB) from the text of /proc/PID/status and
// returns it in MB, or 0 when absent.
func parseHWM(status string) float64 {
	for _, line := range strings.Split(status, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "VmHWM:" {
			kb, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return 0
			}
			return kb / 1024
		}
	}
	return 0
}
