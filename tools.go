//go:build tools

// Package tools pins the modules bitext is built from until every one of them
// is imported by real code; it is never compiled into the binary.
package tools

import (
	_ "cloud.google.com/go/translate"
	_ "cloud.google.com/go/translate/apiv3"
	_ "cloud.google.com/go/translate/apiv3/translatepb"
	_ "github.com/charmbracelet/bubbles/textinput"
	_ "github.com/charmbracelet/bubbletea"
	_ "github.com/charmbracelet/lipgloss"
	_ "github.com/petar-dambovaliev/aho-corasick"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/sergi/go-diff/diffmatchpatch"
	_ "github.com/urfave/cli/v2"
	_ "github.com/yuin/goldmark"
	_ "golang.org/x/net/html"
	_ "golang.org/x/sync/errgroup"
	_ "golang.org/x/term"
	_ "golang.org/x/text/encoding/charmap"
	_ "golang.org/x/time/rate"
	_ "google.golang.org/api/option"
	_ "google.golang.org/grpc"
	_ "gopkg.in/yaml.v3"
	_ "modernc.org/sqlite"
)
