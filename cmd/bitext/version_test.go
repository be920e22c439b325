package main

import (
	"runtime/debug"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build information", nil, false, "devel (revision devel)"},
		{"built in the checkout, -buildvcs=false", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "devel (revision devel)"},
		{"installed from the proxy", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, true, "v1.2.0 (revision devel)"},
		{"built in a clone", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260102030405-5f2c0e1d9a8b"},
			Settings: vcs("5f2c0e1d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d", "false")}, true,
			"v0.0.0-20260102030405-5f2c0e1d9a8b (revision 5f2c0e1d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d)"},
		{"uncommitted changes", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260102030405-5f2c0e1d9a8b+dirty"},
			Settings: vcs("5f2c0e1d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d", "true")}, true,
			"v0.0.0-20260102030405-5f2c0e1d9a8b+dirty (revision 5f2c0e1d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d, with uncommitted changes)"},
	}
	for _, tt := range tests {
		if got := describeBuild(tt.info, tt.ok); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
