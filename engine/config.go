package engine

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

// FileConfig is bitext's configuration file, YAML, read from --config,
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
type FileConfig struct {
	// Path is where the file was read from ("" when there is none).
	Path string `yaml:"-"`
	// Backend is the default backend.
	Backend string `yaml:"backend"`
	// Backends holds each backend's settings by name.
	Backends map[string]BackendFileConfig `yaml:"backends"`
}

// BackendFileConfig is one backend's settings in the configuration file.
type BackendFileConfig struct {
	Endpoint    string            `yaml:"endpoint"`
	Model       string            `yaml:"model"`
	Options     map[string]string `yaml:"options"`
	RPS         float64           `yaml:"rps"`
	CPS         float64           `yaml:"cps"`
	Concurrency int               `yaml:"concurrency"`
	Timeout     time.Duration     `yaml:"timeout"`
	Retries     int               `yaml:"retries"`
	Price       *float64          `yaml:"price"`
	MaxWait     time.Duration     `yaml:"max-wait"`
}

// configPath returns the configuration file to read and whether it was
// named explicitly (then it must exist).
func configPath(getenv func(string) string, flag string) (string, bool) {
	if flag != "" {
		return flag, true
	}
	if p := getenv("BITEXT_CONFIG"); p != "" {
		return p, true
	}
	dir := getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home := getenv("HOME")
		if home == "" {
			return "", false
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "bitext", "config.yaml"), false
}

// LoadConfig reads the configuration file: flag (--config), else
// $BITEXT_CONFIG, else $XDG_CONFIG_HOME/bitext/config.yaml
// (~/.config/bitext/config.yaml). A missing default file is an empty
// configuration; a missing named one is an error.
func LoadConfig(getenv func(string) string, flag string) (*FileConfig, error) {
	path, explicit := configPath(getenv, flag)
	if path == "" {
		return &FileConfig{}, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return &FileConfig{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("configuration %s: %w", path, unwrapPath(err))
	}
	cfg := &FileConfig{Path: path}
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
		m = strings.Replace(m, " in type engine.BackendFileConfig", "", 1)
		m = strings.Replace(m, " in type engine.FileConfig", "", 1)
		if strings.Contains(m, "key") && strings.Contains(m, "not found") {
			m += " (API keys are read from the environment only, never from the file)"
		}
		msgs[i] = where + ": " + m
	}
	return fmt.Errorf("configuration %s", strings.Join(msgs, "; "))
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
