package xliff

import (
	"context"
	"strings"
	"testing"
)

func TestExportStates(t *testing.T) {
	f := newTestFolder(t)
	arts := f.open(t)
	a := arts[0].Review
	ctx := context.Background()
	ids := UnitIDs(a)
	for i, u := range a.Units {
		switch ids[i] {
		case "p1s1":
			if err := a.Edit(ctx, u, "Kim Jong-un inspects a factory"); err != nil {
				t.Fatal(err)
			}
			if err := a.Approve(ctx, u); err != nil {
				t.Fatal(err)
			}
		case "p2s2":
			if err := a.Edit(ctx, u, "He praised the workers’ “efforts”."); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, v := range []Version{V21, V12} {
		out := string(f.export(t, v))
		want := map[Version][]string{
			V21: {
				`<unit id="m1" name="front matter, title"`,
				`<unit id="p3s1a1" name="paragraph 3, sentence 1, image alt text"`,
				`<segment state="final" subState="bitext:approved">
    <source>Kim Jong-un inspecte une usine</source>
    <target>Kim Jong-un inspects a factory</target>`,
				`<segment state="reviewed" subState="bitext:edited">
    <source>Il a salué « les efforts » des ouvriers.</source>`,
				`<segment state="translated" subState="bitext:machine">`,
				`<data id="d3">&lt;a href="https://kcna.kp/fr"&gt;</data>`,
				`<source>Selon l’agence <pc id="1" dataRefStart="d1" dataRefEnd="d1e" canCopy="no" canDelete="no">KCNA</pc>`,
				`<ph id="1" dataRef="d1" canCopy="no" canDelete="no"/>`,
			},
			V12: {
				`<trans-unit id="p1s1" resname="paragraph 1, sentence 1" approved="yes" xml:space="preserve"`,
				`<target state="final">Kim Jong-un inspects a factory</target>`,
				`<target state="signed-off">He praised the workers’ “efforts”.</target>`,
				`<target state="translated">According to the agency <g id="1" ctype="italic">KCNA</g>, <g id="2" ctype="bold">Mr. Kim</g>`,
				`<x id="1" ctype="image"/>`,
				`datatype="html"`,
			},
		}[v]
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s export lacks %s\n%s", v, w, out)
			}
		}
	}
}

// translated returns the exported file with each old text replaced by the
// new one that follows it, as a translator would.
func translated(t *testing.T, data []byte, oldNew ...string) []byte {
	t.Helper()
	s := string(data)
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			t.Fatalf("the export has no %q", oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	return []byte(s)
}

func TestRoundTrip(t *testing.T) {
	for _, v := range []Version{V21, V12} {
		t.Run(string(v), func(t *testing.T) {
			f := newTestFolder(t)
			data := translated(t, f.export(t, v),
				"Kim Jong-one inspects a factory in", "Kim Jong-un inspects a factory in",
				"has visited Tuesday a factory of", "visited a factory in",
				">It has hailed the endeavours “of” the workers.<", ">He praised the workers’ “efforts”.<",
				"A photo of the factory", "A photo of the plant")
			rep := f.importFile(t, data, Options{})
			if rep.Approved != 4 || rep.Unchanged != 4 || len(rep.Rejected) != 0 {
				t.Fatalf("report %+v, want 4 approved, 4 unchanged", rep)
			}
			work := f.readWork(t)
			for _, w := range []string{
				"title: Kim Jong-un inspects a factory in Pyongyang",
				"According to the agency *KCNA*, **Mr. Kim** visited a factory in [Pyongyang](https://kcna.kp/fr). He praised the workers’ “efforts”.",
				"![A photo of the plant](usine.jpg)",
				"# Kim Jong-one inspects a factory", // unchanged, left as it was
			} {
				if !strings.Contains(work, w) {
					t.Errorf("working copy lacks %q:\n%s", w, work)
				}
			}
			if got := f.approved(t, "p2s1"); got != `According to the agency <em>KCNA</em>, <strong>Mr. Kim</strong> visited a factory in <a href="https://kcna.kp/fr">Pyongyang</a>.` {
				t.Errorf("memory approved %q", got)
			}
			if got := f.approved(t, "p3s1a1"); got != "A photo of the plant" {
				t.Errorf("alt text approved %q", got)
			}
			if got := f.approved(t, "p1s1"); got != "" {
				t.Errorf("unchanged unit approved %q", got)
			}
			// Importing again changes nothing.
			again := f.importFile(t, data, Options{})
			if again.Approved != 0 || again.Unchanged != 8 {
				t.Errorf("second import %+v, want all unchanged", again)
			}
		})
	}
}

func TestImportFinalApprovesUnchanged(t *testing.T) {
	f := newTestFolder(t)
	data := translated(t, f.export(t, V21),
		`<segment state="translated" subState="bitext:machine">
    <source>Il a salué`, `<segment state="final">
    <source>Il a salué`)
	rep := f.importFile(t, data, Options{})
	if rep.Approved != 1 || f.approved(t, "p2s2") != "It has hailed the endeavours “of” the workers." {
		t.Errorf("report %+v; approved %q", rep, f.approved(t, "p2s2"))
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	f := newTestFolder(t)
	before := f.readWork(t)
	data := translated(t, f.export(t, V21), "has visited Tuesday a factory of", "visited a factory in")
	rep := f.importFile(t, data, Options{DryRun: true})
	if rep.Approved != 1 || f.readWork(t) != before || f.approved(t, "p2s1") != "" {
		t.Errorf("dry run: report %+v, working copy or memory changed", rep)
	}
}
