package termcheck

import (
	"reflect"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		src, en string
		want    map[string][]string
	}{
		{"La Corée du Nord a tiré.", "The North Korea has fired.",
			map[string][]string{Forms[0].Name: {"The North Korea"}}},
		{"La RPDC a tiré.", "The NORTH KOREA has fired.",
			map[string][]string{Forms[1].Name: {"NORTH KOREA"}}},
		{"Les Nord-Coréens ont voté.", "The North Korean have voted.",
			map[string][]string{Forms[2].Name: {"North Korean have"}}},
		{"des missiles nord-coréens", "of the <em>missiles</em> North Korean",
			map[string][]string{Forms[3].Name: {"missiles North Korean"}}},
		{"le Premier ministre nord-coréen", "the Premier North Korean",
			map[string][]string{Forms[3].Name: {"Premier North Korean"}}},
		{"les manœuvres américano-sud-coréennes", "the manœuvres américano-South Korean",
			map[string][]string{Forms[4].Name: {"américano-South Korean"}}},
		{"les Nord-Coréens", "the Norcoreanos", map[string][]string{Forms[5].Name: {"Norcoreanos"}}},
		// Good English counts nothing.
		{"La Corée du Nord a tiré.", "North Korea has fired.", map[string][]string{}},
		{"Les Nord-Coréens ont voté.", "The North Koreans have voted.", map[string][]string{}},
		{"le Premier ministre nord-coréen", "the North Korean Prime Minister", map[string][]string{}},
		{"CORÉE DU NORD", "NORTH KOREA", map[string][]string{}},
		{"selon KCNA", "according to KCNA", map[string][]string{}},
	}
	for _, tt := range tests {
		if got := Find(tt.src, tt.en); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Find(%q):\n got  %q\n want %q", tt.en, got, tt.want)
		}
	}
}
