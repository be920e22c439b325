package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/bitext/bitext/internal/suggest"
	"gopkg.in/yaml.v3"
)

// FileConfig is bitext's configuration file, YAML, read from --config,
// $BITEXT_CONFIG or $XDG_CONFIG_HOME/bitext/config.yaml (~/.config/...).
// Flags win over it. API keys are never read from it: they stay in the
// environment, so that the file can be shared.
//
//	backend: deepl
//	memory: postgres://claire@db.desk.example/bitext
//	backends:
//	  deepl:
//	    options: {english: EN-GB}
//	    rps: 5
//	  openai:
//	    endpoint: http://localhost:11434/v1
//	    model: llama3.1
//	  google-v3:
//	    options: {project: newsdesk-prod, location: us-central1}
//
// Every value is kept as written, with its line, and checked against the
// backends' declarations when a command selects a backend ([Select]), so
// that a mistake is reported as FILE:LINE.
type FileConfig struct {
	// Path is where the file was read from ("" when there is none).
	Path string
	// Backend is the default backend (its Value is "" when not set).
	Backend FileValue
	// Backends holds each backend's settings by name, as written.
	Backends map[string]*FileSection
	// Memory is the URL of a translation memory the desk shares
	// (postgres://…), for every command that uses the memory (its Value
	// is "" when not set).
	Memory FileValue
}

// FileSection is one backend's settings in the configuration file.
type FileSection struct {
	// Name is the backend's name as written, Line where it is.
	Name string
	Line int
	// Settings are the shared settings (endpoint, model, rps, price…) by
	// key; Options the backend's own, under options:.
	Settings map[string]FileValue
	Options  map[string]FileValue
}

// FileValue is one value of the configuration file and its line.
type FileValue struct {
	Value string
	Line  int
}

// fileKeys are the keys of the file's top level.
var fileKeys = []string{"backend", "backends", "memory"}

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
// configuration; a missing named one is an error. Mistakes in its shape
// are [SettingError]s naming FILE:LINE.
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
		return nil, &SettingError{Err: fmt.Errorf("configuration %s: %w", path, unwrapPath(err)),
			Hint: "give an existing file with --config FILE or $BITEXT_CONFIG"}
	}
	cfg := &FileConfig{Path: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlMessage(err)
		return nil, cfg.errorf(line, "%s", msg)
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	return cfg, cfg.read(doc.Content[0])
}

// read reads the top level: backend, backends and memory.
func (f *FileConfig) read(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return f.errorf(n.Line, "expected settings such as backend:, backends: and memory:")
	}
	f.Backends = map[string]*FileSection{}
	return eachKey(n, func(k, v *yaml.Node) error {
		switch k.Value {
		case "backend":
			if v.Kind != yaml.ScalarNode {
				return f.errorf(v.Line, "backend: takes one name")
			}
			f.Backend = FileValue{v.Value, v.Line}
			return nil
		case "backends":
			return f.readSections(v)
		case "memory":
			if v.Kind != yaml.ScalarNode {
				return f.errorf(v.Line, "memory: takes one URL")
			}
			f.Memory = FileValue{v.Value, v.Line}
			return nil
		}
		return f.errorf(k.Line, "unknown key %q%s (the file holds %s and %s)%s", k.Value, suggest.DidYouMean(k.Value, fileKeys),
			strings.Join(fileKeys[:len(fileKeys)-1], ", "), fileKeys[len(fileKeys)-1], secretHint(k.Value))
	})
}

// readSections reads backends:, one section per backend.
func (f *FileConfig) readSections(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return f.errorf(n.Line, "backends: holds one section per backend (deepl:, openai:…)")
	}
	return eachKey(n, func(k, v *yaml.Node) error {
		s := &FileSection{Name: k.Value, Line: k.Line, Settings: map[string]FileValue{}, Options: map[string]FileValue{}}
		f.Backends[strings.ToLower(k.Value)] = s
		if v.Kind != yaml.MappingNode {
			return f.errorf(v.Line, "backends: %s: holds settings such as endpoint: and options:", k.Value)
		}
		return eachKey(v, func(k, v *yaml.Node) error {
			if k.Value == "options" {
				return f.readValues(v, s.Options, "options:")
			}
			if v.Kind != yaml.ScalarNode {
				return f.errorf(v.Line, "%s: takes one value", k.Value)
			}
			s.Settings[k.Value] = FileValue{v.Value, k.Line}
			return nil
		})
	})
}

// readValues reads a mapping of scalars into into.
func (f *FileConfig) readValues(n *yaml.Node, into map[string]FileValue, what string) error {
	if n.Kind != yaml.MappingNode {
		return f.errorf(n.Line, "%s holds NAME: VALUE lines", what)
	}
	return eachKey(n, func(k, v *yaml.Node) error {
		if v.Kind != yaml.ScalarNode {
			return f.errorf(v.Line, "%s takes one value", k.Value)
		}
		into[k.Value] = FileValue{v.Value, k.Line}
		return nil
	})
}

// eachKey calls fn with each key and value of a mapping.
func eachKey(n *yaml.Node, fn func(k, v *yaml.Node) error) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := fn(n.Content[i], n.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// errorf returns a SettingError naming the file and line.
func (f *FileConfig) errorf(line int, format string, args ...any) error {
	where := f.Path
	if line > 0 {
		where = fmt.Sprintf("%s:%d", f.Path, line)
	}
	return &SettingError{Err: fmt.Errorf("%s: "+format, append([]any{where}, args...)...),
		Hint: "fix the configuration file (see 'Configuration file' in the README)"}
}

// secretHint says where keys go, for a key that looks like one.
func secretHint(key string) string {
	k := strings.ToLower(key)
	for _, s := range []string{"key", "token", "secret", "password"} {
		if strings.Contains(k, s) {
			return "; API keys are read from the environment only, never from the file"
		}
	}
	return ""
}

// lineMsg splits yaml.v3's "yaml: line N: message".
var lineMsg = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlMessage splits a YAML syntax error into its line (0 when it has
// none) and problem.
func yamlMessage(err error) (int, string) {
	m := err.Error()
	if g := lineMsg.FindStringSubmatch(m); g != nil {
		line, _ := strconv.Atoi(g[1])
		return line, g[2]
	}
	return 0, strings.TrimPrefix(m, "yaml: ")
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
