package xliff

import (
	"context"
	"strings"
	"testing"
)

const (
	pc1 = `<pc id="1" dataRefStart="d1" dataRefEnd="d1e" canCopy="no" canDelete="no">`
	pc2 = `<pc id="2" dataRefStart="d2" dataRefEnd="d2e" canCopy="no" canDelete="no">`
	pc3 = `<pc id="3" dataRefStart="d3" dataRefEnd="d3e" canCopy="no" canDelete="no">`
	ph1 = `<ph id="1" dataRef="d1" canCopy="no" canDelete="no"/>`
)

func TestImportRejects(t *testing.T) {
	target := func(s string) string { return "<target>" + s + "</target>" }
	p2s1 := target(`According to the agency ` + pc1 + `KCNA</pc>, ` + pc2 + `Mr. Kim</pc> has visited Tuesday a factory of ` + pc3 + `Pyongyang</pc>.`)
	for _, tc := range []struct {
		name, old, new, unit, want string
	}{
		{"code missing", p2s1, target(`According to KCNA, ` + pc2 + `Mr. Kim</pc> visited a factory in ` + pc3 + `Pyongyang</pc>.`),
			"p2s1", "the start of code 1 is missing from the target"},
		{"code twice", target(ph1), target(ph1 + " " + ph1), "p3s1", "the target has code 1 2 times"},
		{"nesting changed", p2s1, target(`According to the agency ` + pc1 + `KCNA, ` + pc2 + `Mr. Kim</pc></pc> visited a factory in ` + pc3 + `Pyongyang</pc>.`),
			"p2s1", "the start of code 2 moved: it is inside code 1 in the target, outside any paired code in the source"},
		{"code added", target(ph1), target(ph1 + `<ph id="7"/>`), "p3s1", "the target has code 7, which the source does not"},
		{"code not bitext's", target(ph1), target(`<ph id="x1"/>`), "p3s1", `<ph> has id "x1", which is no code of the source`},
		{"paired code made standalone", p2s1, target(`According to the agency <ph id="1"/>KCNA, ` + pc2 + `Mr. Kim</pc> visited a factory in ` + pc3 + `Pyongyang</pc>.`),
			"p2s1", "the target has code 1, which the source does not"},
		{"French changed", "a visité mardi une usine", "a visité lundi une usine", "p2s1", "source differs from the French"},
		{"unknown unit", `<unit id="p2s2"`, `<unit id="p9s9"`, "p9s9", "no such unit in the article"},
		{"unit twice", `<unit id="p2s2"`, `<unit id="p2s1"`, "p2s1", "the file has this unit twice"},
		{"line break added", target("It has hailed the endeavours “of” the workers."), target("He praised\n\nthe workers."), "p2s2", "line break"},
		{"unknown element", target(ph1), target(ph1 + `<b>x</b>`), "p3s1", "unexpected <b>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newTestFolder(t)
			before := f.readWork(t)
			data := translated(t, f.export(t, V21), tc.old, tc.new)
			rep := f.importFile(t, data, Options{})
			if len(rep.Rejected) != 1 {
				t.Fatalf("rejected %v, want one", rep.Rejected)
			}
			r := rep.Rejected[0]
			if r.Unit != tc.unit || r.File != "usine" || r.Line == 0 || !strings.Contains(r.Error(), tc.want) {
				t.Errorf("rejected %q (unit %s, line %d), want unit %s: %s", r.Error(), r.Unit, r.Line, tc.unit, tc.want)
			}
			if f.readWork(t) != before {
				t.Errorf("working copy changed:\n%s", f.readWork(t))
			}
			for _, id := range []string{"p2s1", "p2s2", "p3s1"} {
				if got := f.approved(t, id); got != "" {
					t.Errorf("%s approved %q", id, got)
				}
			}
		})
	}
}

func TestImportRejectsWholeFile(t *testing.T) {
	f := newTestFolder(t)
	data := translated(t, f.export(t, V12), `original="usine"`, `original="asie/seoul"`)
	rep := f.importFile(t, data, Options{})
	if len(rep.Rejected) != 1 || rep.Rejected[0].Unit != "" || !strings.Contains(rep.Rejected[0].Error(), `file "asie/seoul": no such article`) {
		t.Errorf("rejected %v", rep.Rejected)
	}
}

// An editor changed the English in bitext after the export, and the
// translator changed it too: the import does not pick one.
func TestImportConflict(t *testing.T) {
	f := newTestFolder(t)
	data := translated(t, f.export(t, V21), "It has hailed the endeavours", "He hailed the endeavours")
	arts := f.open(t)
	a := arts[0].Review
	for i, id := range UnitIDs(a) {
		if id == "p2s2" {
			if err := a.Edit(context.Background(), a.Units[i], "He praised the workers’ efforts."); err != nil {
				t.Fatal(err)
			}
		}
	}
	rep := f.importFile(t, data, Options{})
	if len(rep.Rejected) != 1 || !strings.Contains(rep.Rejected[0].Error(), "the English changed in bitext since the export") {
		t.Fatalf("rejected %v", rep.Rejected)
	}
	if !strings.Contains(f.readWork(t), "He praised the workers’ efforts.") {
		t.Errorf("the editor's text is gone:\n%s", f.readWork(t))
	}
}

func TestImportLanguages(t *testing.T) {
	f := newTestFolder(t)
	doc, err := Read(strings.NewReader(strings.Replace(string(f.export(t, V21)), `trgLang="en"`, `trgLang="de"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Import(context.Background(), doc, f.open(t), Options{From: "fr", To: "en"})
	if err == nil || !strings.Contains(err.Error(), "fr→de, not fr→en") {
		t.Errorf("err = %v", err)
	}
}
