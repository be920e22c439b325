package xliff

import (
	"os"
	"strings"
	"testing"
)

// Files as OmegaT and Okapi write them come back as approvals.
func TestImportToolFiles(t *testing.T) {
	for _, tc := range []struct {
		file                              string
		approved, unchanged, untranslated int
		rejected                          string
		work                              []string
		notApproved                       []string
	}{
		{file: "omegat.xlf", approved: 5, unchanged: 2, untranslated: 1,
			work: []string{
				"title: Kim Jong-un inspects a factory in Pyongyang",
				"On Tuesday **Mr. Kim** visited a factory in [Pyongyang](https://kcna.kp/fr), the *KCNA* agency said. It has hailed the endeavours “of” the workers.",
				"![A photo of the plant](usine.jpg)",
				"Output is to reach 3,500 tonnes by 1 June 2027, according to *Rodong Sinmun*. The cost of R\\&D remains secret (\\< 5%).",
			},
			notApproved: []string{"p2s2", "p1s1"}},
		{file: "okapi.xlf", approved: 4, unchanged: 2, untranslated: 1, rejected: "unit p4s1: the start of code 1 is missing from the target",
			work: []string{
				"# Kim Jong-one inspects a factory",
				"According to the *KCNA* agency, **Mr. Kim** visited a factory in [Pyongyang](https://kcna.kp/fr) on Tuesday. He praised the workers’ “efforts”.",
				"![A photograph of the plant](usine.jpg)",
				"The production has to achieve 3,500 tonnes of here 1 June 2027, according to *Rodong Sinmun*.",
			},
			notApproved: []string{"m1", "p4s1", "p4s2"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			f := newTestFolder(t)
			rep := f.importFile(t, data, Options{})
			if rep.Approved != tc.approved || rep.Unchanged != tc.unchanged || rep.Untranslated != tc.untranslated {
				t.Errorf("report %+v, want %d approved, %d unchanged, %d untranslated", rep, tc.approved, tc.unchanged, tc.untranslated)
			}
			switch {
			case tc.rejected == "" && len(rep.Rejected) > 0:
				t.Errorf("rejected %v", rep.Rejected)
			case tc.rejected != "" && (len(rep.Rejected) != 1 || !strings.Contains(rep.Rejected[0].Error(), tc.rejected)):
				t.Errorf("rejected %v, want %s", rep.Rejected, tc.rejected)
			}
			work := f.readWork(t)
			for _, w := range tc.work {
				if !strings.Contains(work, w) {
					t.Errorf("working copy lacks %q:\n%s", w, work)
				}
			}
			for _, id := range tc.notApproved {
				if got := f.approved(t, id); got != "" {
					t.Errorf("%s approved %q", id, got)
				}
			}
		})
	}
}
