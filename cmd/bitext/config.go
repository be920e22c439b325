package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// fileConfig is bitext's configuration file, YAML, read from --config,
// $BITEXT_CONFIG or $XDG_CONFIG_HOME/bitext/config.yaml (~/.config/...).
// Flags and environment variables win over it. API keys are never read
// from it: they stay in the environment, so that the file can be shared.
//
//	backend: deepl
//	backends:
//	  deepl:
//	    options: {english: EN-GB}
//	    rps: 5
//	  openai:
//	    endpoint: http://localhost:11434/v1
//	    model: llama3.1
//	  google-v3:
//	    options: {project: newsdesk-prod, location: us-central1}
type fileConfig struct {
	// Path is where the file was read from ("" when there is none).
	Path string `yaml:"-"`
	// Backend is the default backend.
	Backend string `yaml:"backend"`
	// Backends holds each backend's settings by name.
	Backends map[string]backendFileConfig `yaml:"backends"`
}

// backendFileConfig is one backend's settings in the configuration file.
type backendFileConfig struct {
	Endpoint    string            `yaml:"endpoint"`
	Model       string            `yaml:"model"`
	Options     map[string]string `yaml:"options"`
	RPS         float64           `yaml:"rps"`
	CPS         float64           `yaml:"cps"`
	Concurrency int               `yaml:"concurrency"`
	Timeout     time.Duration     `yaml:"timeout"`
	Retries     int               `yaml:"retries"`
	Price       *float64          `yaml:"price"`
}

// configPath returns the configuration file to read and whether it was
// named explicitly (then it must exist).
func configPath(env *Env, flag string) (string, bool) {
	if flag != "" {
		return flag, true
	}
	if p := env.Getenv("BITEXT_CONFIG"); p != "" {
		return p, true
	}
	dir := env.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home := env.Getenv("HOME")
		if home == "" {
			return "", false
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "bitext", "config.yaml"), false
}

// loadConfig reads the configuration file; a missing default file is an
// empty configuration.
func loadConfig(env *Env, flag string) (*fileConfig, error) {
	path, explicit := configPath(env, flag)
	if path == "" {
		return &fileConfig{}, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return &fileConfig{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("configuration %s: %w", path, unwrapPathError(err))
	}
	cfg := &fileConfig{Path: path}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, configError(path, err)
	}
	return cfg, nil
}

// lineMsg splits yaml.v3's "line N: message".
var lineMsg = regexp.MustCompile(`^line (\d+): (.*)$`)

// configError words a YAML error as FILE:LINE: problem, with a hint for a
// key put in the file.
func configError(path string, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	for i, m := range msgs {
		where := path
		if g := lineMsg.FindStringSubmatch(m); g != nil {
			where, m = path+":"+g[1], g[2]
		}
		m = strings.Replace(m, " in type main.backendFileConfig", "", 1)
		m = strings.Replace(m, " in type main.fileConfig", "", 1)
		if strings.Contains(m, "key") && strings.Contains(m, "not found") {
			m += " (API keys are read from the environment only, never from the file)"
		}
		msgs[i] = where + ": " + m
	}
	return fmt.Errorf("configuration %s", strings.Join(msgs, "; "))
}
