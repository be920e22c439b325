package main

import (
	"fmt"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// version describes this build, as both "bitext --version" and
// "bitext version" print it after "bitext version ".
func version() string {
	info, ok := debug.ReadBuildInfo()
	return describeBuild(info, ok)
}

// describeBuild gives the module version and the VCS revision from the
// build information: "v1.2.0 (revision 5f2c…)". Either is "devel" where
// the build has none: a build inside the checkout has no module version,
// and one made with -buildvcs=false (or from the module proxy) no
// revision. A revision built with uncommitted changes says so.
func describeBuild(info *debug.BuildInfo, ok bool) string {
	v, rev := "devel", "devel"
	if !ok || info == nil {
		return fmt.Sprintf("%s (revision %s)", v, rev)
	}
	if mv := info.Main.Version; mv != "" && mv != "(devel)" {
		v = mv
	}
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && rev != "devel" {
		rev += ", with uncommitted changes"
	}
	return fmt.Sprintf("%s (revision %s)", v, rev)
}

func newVersionCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print bitext's version and the revision it was built from (as --version does)",
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef(c, "version takes no arguments (got %q)", c.Args().First())
			}
			_, err := fmt.Fprintf(env.Out, "bitext version %s\n", c.App.Version)
			return err
		},
	}
}
