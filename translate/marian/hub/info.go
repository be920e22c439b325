package hub

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// InfoFile is the file, written last into an installed model folder, that
// records where the model came from and under which licence.
const InfoFile = "bitext-model.json"

// ModelInfo describes an installed model.
type ModelInfo struct {
	// Name is the short name the model is installed and selected under,
	// such as "fr-en".
	Name string `json:"name"`
	// Repo is the hub repository, such as "Helsinki-NLP/opus-mt-fr-en".
	Repo string `json:"repo"`
	// Revision is the commit the files were taken from, when known.
	Revision string `json:"revision,omitempty"`
	// Source and Target are the language codes, when the name tells them.
	Source string `json:"source,omitempty"`
	Target string `json:"target,omitempty"`
	// License is the model's licence identifier, such as "CC-BY-4.0".
	License string `json:"license"`
	// Attribution is the credit line the licence asks for.
	Attribution string `json:"attribution"`
	// Files are the files installed, with their sizes and checksums.
	Files []FileInfo `json:"files"`
	// Dir is the model folder (not stored).
	Dir string `json:"-"`
}

// FileInfo is one file of a model as the hub publishes it.
type FileInfo struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256,omitempty"`
}

// ReadInfo reads the InfoFile of a model folder. For a folder without one
// (a model copied by hand) it returns what the folder name tells:
// "opus-mt-fr-en" gives the languages, the OPUS-MT licence and credit.
func ReadInfo(dir string) (ModelInfo, error) {
	data, err := os.ReadFile(filepath.Join(dir, InfoFile))
	if errors.Is(err, os.ErrNotExist) {
		info := describe(filepath.Base(filepath.Clean(dir)))
		info.Dir = dir
		return info, nil
	}
	if err != nil {
		return ModelInfo{}, fmt.Errorf("failed to read model information: %w", err)
	}
	var info ModelInfo
	if err := json.Unmarshal(data, &info); err != nil {
		return ModelInfo{}, fmt.Errorf("invalid %s in %s: %w", InfoFile, dir, err)
	}
	info.Dir = dir
	return info, nil
}

// opusLicense is the licence of the OPUS-MT models (CC-BY 4.0); a model
// card's own "license:" takes precedence.
const opusLicense = "CC-BY-4.0"

// ResolveName turns what a user types into a repository and a short name:
// "fr-en" is Helsinki-NLP/opus-mt-fr-en installed as "fr-en"; an
// "owner/repo" is used as is, installed under the repo's name without its
// "opus-mt-" prefix.
func ResolveName(arg string) (repo, name string, err error) {
	arg = strings.TrimSpace(arg)
	if arg == "" || strings.Contains(arg, "..") || strings.ContainsAny(arg, "\\ ?#%") {
		return "", "", fmt.Errorf("invalid model name %q", arg)
	}
	parts := strings.Split(arg, "/")
	switch {
	case len(parts) == 1:
		repo, name = "Helsinki-NLP/opus-mt-"+arg, arg
	case len(parts) == 2 && parts[0] != "" && parts[1] != "":
		repo, name = arg, strings.TrimPrefix(parts[1], "opus-mt-")
	default:
		return "", "", fmt.Errorf("invalid model name %q (want fr-en or owner/repository)", arg)
	}
	if err := checkName(name); err != nil {
		return "", "", err
	}
	return repo, name, nil
}

// describe guesses languages, licence and credit from a model name.
// Only OPUS-MT names say their languages: "opus-mt-fr-en" (a folder copied
// by hand) and "fr-en" (what 'models pull fr-en' installs); any other name
// ("my-model") says nothing, and the backend then accepts the pair it is
// asked for.
func describe(name string) ModelInfo {
	info := ModelInfo{Name: strings.TrimPrefix(name, "opus-mt-")}
	src, tgt, ok := opusPair(name)
	if !ok {
		return info
	}
	info.Source, info.Target = src, tgt
	info.Repo = "Helsinki-NLP/opus-mt-" + info.Name
	info.License = opusLicense
	info.Attribution = credit(info.Repo, info.License)
	return info
}

// opusPair reads the languages of an OPUS-MT model name: "opus-mt-SRC-TGT"
// (also "opus-mt-tc-big-SRC-TGT"), or a bare "SRC-TGT" of two language
// codes as 'models pull' names them. Codes are 2 or 3 lower-case letters,
// or OPUS-MT's upper-case groups (ROMANCE, SLA).
func opusPair(name string) (src, tgt string, ok bool) {
	rest, prefixed := strings.CutPrefix(name, "opus-mt-")
	parts := strings.Split(rest, "-")
	if len(parts) < 2 || (!prefixed && len(parts) != 2) {
		return "", "", false
	}
	src, tgt = parts[len(parts)-2], parts[len(parts)-1]
	if !isLangCode(src) || !isLangCode(tgt) {
		return "", "", false
	}
	return src, tgt, true
}

// isLangCode reports whether s looks like a language code of an OPUS-MT
// name: 2-3 lower-case letters (fr, eng), or an upper-case group.
func isLangCode(s string) bool {
	if s == "" {
		return false
	}
	lower, upper := true, true
	for _, r := range s {
		lower = lower && r >= 'a' && r <= 'z'
		upper = upper && r >= 'A' && r <= 'Z'
	}
	return (lower && len(s) <= 3) || (upper && len(s) >= 2)
}
