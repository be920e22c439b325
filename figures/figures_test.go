package figures

import (
	"fmt"
	"strings"
	"testing"
)

func TestFrench(t *testing.T) {
	tests := []struct {
		in   string
		want string // "text→English" joined by " | "
	}{
		{"1,879 euro et 0,925", "1,879→1.879 | 0,925→0.925"},
		{"3 500 millions, 18\u00a0000 et 2\u202f500", "3 500→3,500 | 18\u00a0000→18,000 | 2\u202f500→2,500"},
		{"un taux de 3,125 % puis 2,4%", "3,125 %→3.125% | 2,4%→2.4%"},
		{"45 000 € ou 2,5 M€, 1,2 Md€, 30 k€, €12, 45 $", "45 000 €→€45,000 | 2,5 M€→€2.5 million | 1,2 Md€→€1.2 billion | 30 k€→€30,000 | €12→€12 | 45 $→$45"},
		{"Il est 20h. À 8h du soir, de 9h à 18h, à 12h30, à 0h15", "20h→8 p.m. | 8h du soir→8 p.m. | 9h→9 a.m. | 18h→6 p.m. | 12h30→12:30 p.m. | 0h15→12:15 a.m."},
		{"à 17 heures, vers 20 h 30, à minuit, 12h", "17 heures→5 p.m. | 20 h 30→8:30 p.m. | 12h→noon"},
		{"La réunion a duré 2h45, pendant 3 heures, il y a 1h, 36h de grève", "2h45→2 hours 45 minutes | 3 heures→3 hours | 1h→1 hour | 36h→36 hours"},
		{"un voyage de 10 heures et demie, arrivé à 15 heures 30, de 9 heures à 11 heures", "10 heures et demie→10 hours 30 minutes | 15 heures 30→3:30 p.m. | 9 heures→9 a.m. | 11 heures→11 a.m."},
		{"entre 12 et 14 heures par jour, chacune prend 3 heures, à 8h et quart", "12→12 | 14 heures→14 hours | 3 heures→3 hours | 8h et quart→8:15 a.m."},
		{"le 21/08/2024 et le 1.3.24", "21/08/2024→21 August 2024 | 1.3.24→1 March 2024"},
		{"le 1er, la 2e, le 21e siècle, 3ème", "1er→1st | 2e→2nd | 21e→21st | 3ème→3rd"},
		{"Le G20, l'A320, COVID-19, la 5G, v1.2.3 et 75008 Paris en 2024", "75008→75008 | 2024→2024"},
		{"les 3 hommes, 1, 2, 3 et 12,5km", "3→3 | 1→1 | 2→2 | 3→3 | 12,5→12.5"},
	}
	for _, tt := range tests {
		var parts []string
		for _, f := range French(tt.in) {
			parts = append(parts, f.Text+"→"+f.English)
		}
		got := ""
		for i, p := range parts {
			if i > 0 {
				got += " | "
			}
			got += p
		}
		if got != tt.want {
			t.Errorf("French(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestMissing(t *testing.T) {
	tests := []struct {
		fr, en string
		want   []string
	}{
		{"Il est 20h et le prix est de 1,879 euro.", "It is 8 p.m. and the price is 1.879 euros.", nil},
		{"Il est 20h.", "It is 20:00.", nil},
		{"Le 21 août 2024, 3 500 soldats.", "On 21 August 2024, 3,500 soldiers.", nil},
		{"Le 21/08/2024.", "On August 21, 2024.", nil},
		{"a duré 2h45", "lasted 2 hours and 45 minutes", nil},
		{"1,879 euro", "1,879 euros", []string{"1,879"}},
		{"3 500 et 3 500", "3,500", []string{"3 500"}},
		{"45 000 €", "45,000 euros", nil},
		{"de 9h à 18h", "from 9 to 6", []string{"9h", "18h"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Missing(French(tt.fr), tt.en) {
			got = append(got, f.Text)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Missing(%q, %q) = %q, want %q", tt.fr, tt.en, got, tt.want)
		}
	}
}

func TestConvention(t *testing.T) {
	for _, tt := range []struct {
		text  string
		comma bool
	}{
		{"Le prix atteint 1,879 euro et 3 500 soldats.", false},
		{"La ville de 80,000 âmes.", true},
		{"Il a gagné 1,234,567 dollars.", true},
		{"Un taux de 2,000 %, puis 2,0001.", true},
		{"Les 3,000001 et 12,000 (déc.)", true},
		{"Les codes 1,0005 et 3,00 restent.", false},
	} {
		if got := DetectConvention(tt.text).CommaThousands; got != tt.comma {
			t.Errorf("DetectConvention(%q) = %v, want %v", tt.text, got, tt.comma)
		}
	}
	got := Convention{CommaThousands: true}.French("de 1,967 en 2001 à 3,698 et 3,2 millions ou 1,234,567")
	var parts []string
	for _, f := range got {
		parts = append(parts, f.English)
	}
	if fmt.Sprint(parts) != "[1,967 2001 3,698 3.2 1,234,567]" {
		t.Errorf("comma thousands read %q", parts)
	}
}

// TestEnglishPatternsDigits: a pattern is skipped on text without a digit
// only if it has a \d to match (the date, clock and number patterns all
// need one; "noon" does not).
func TestEnglishPatternsDigits(t *testing.T) {
	for _, p := range englishPatterns {
		if p.digits != strings.Contains(p.re.String(), `\d`) {
			t.Errorf("%s: digits = %v", p.re, p.digits)
		}
	}
	if got := englishKeys("They met at noon."); len(got) != 1 || got[0] != "t12:00" {
		t.Errorf("noon: %v", got)
	}
}
