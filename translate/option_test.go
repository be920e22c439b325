package translate

import (
	"strings"
	"testing"
)

func TestOptionCheck(t *testing.T) {
	workers := Option{Name: "workers", Type: Int, Min: 1, Max: 64}
	for _, tc := range []struct {
		o         Option
		in, want  string
		errSubstr string
	}{
		{workers, "4", "4", ""},
		{workers, " 64 ", "64", ""},
		{workers, "0", "", `workers must be a number from 1 to 64, not "0"`},
		{workers, "99", "", "from 1 to 64"},
		{workers, "2.5", "", "a number"},
		{workers, "beaucoup", "", "a number"},
		{Option{Name: "rps", Type: Float, Min: 0, Max: 100}, "0.5", "0.5", ""},
		{Option{Name: "rps", Type: Float, Min: 0, Max: 100}, "-1", "", "from 0 to 100"},
		{Option{Name: "timeout", Type: Duration, Min: 1, Max: 3600}, "30s", "30s", ""},
		{Option{Name: "timeout", Type: Duration, Min: 1, Max: 3600}, "-1s", "", "from 1s to 1h"},
		{Option{Name: "timeout", Type: Duration, Min: 1, Max: 3600}, "2h", "", "from 1s to 1h"},
		{Option{Name: "mark", Type: Bool}, "yes", "true", ""},
		{Option{Name: "mark", Type: Bool}, "peut-être", "", "true or false"},
		{Option{Name: "english", Type: Choice, Choices: []string{"EN-US", "EN-GB"}}, "en-gb", "EN-GB", ""},
		{Option{Name: "english", Type: Choice, Choices: []string{"EN-US", "EN-GB"}}, "EN-AU", "", "EN-US or EN-GB"},
		{Option{Name: "endpoint", Type: URL}, "http://localhost:2737", "http://localhost:2737", ""},
		{Option{Name: "endpoint", Type: URL}, "localhost:2737", "", "an http(s) URL"},
		{Option{Name: "project"}, "desk-lyon", "desk-lyon", ""},
	} {
		got, err := tc.o.Check(tc.in)
		switch {
		case tc.errSubstr == "" && (err != nil || got != tc.want):
			t.Errorf("%s=%q: %q, %v; want %q", tc.o.Name, tc.in, got, err, tc.want)
		case tc.errSubstr != "" && (err == nil || !strings.Contains(err.Error(), tc.errSubstr)):
			t.Errorf("%s=%q: error %v, want one saying %q", tc.o.Name, tc.in, err, tc.errSubstr)
		}
	}
}

func TestOptionReadsConfig(t *testing.T) {
	c := Config{Model: "big", Options: map[string]string{"workers": "3", "mark": "on", "timeout": "5s"}}
	if n, err := (Option{Name: "workers", Type: Int, Min: 1, Max: 8}).Int(c); n != 3 || err != nil {
		t.Errorf("Int: %d, %v", n, err)
	}
	if b, err := (Option{Name: "mark", Type: Bool}).Bool(c); !b || err != nil {
		t.Errorf("Bool: %v, %v", b, err)
	}
	if d, err := (Option{Name: "timeout", Type: Duration, Min: 1, Max: 60}).Duration(c); d.String() != "5s" || err != nil {
		t.Errorf("Duration: %v, %v", d, err)
	}
	if m, err := (Option{Name: "model"}).String(c); m != "big" || err != nil {
		t.Errorf("model: %q, %v", m, err)
	}
	if n, err := (Option{Name: "absent", Type: Int, Min: 1, Max: 8}).Int(c); n != 0 || err != nil {
		t.Errorf("absent: %d, %v", n, err)
	}
	if _, err := (Option{Name: "workers", Type: Int, Min: 5, Max: 8}).Int(c); err == nil {
		t.Error("out of range accepted")
	}
}

func TestParsePrice(t *testing.T) {
	for in, want := range map[string]Price{
		"18":       {18, "USD"},
		"18.5 EUR": {18.5, "EUR"},
		"20eur":    {20, "EUR"},
		"0":        {0, "USD"},
	} {
		if got, err := ParsePrice(in, "USD"); err != nil || got != want {
			t.Errorf("ParsePrice(%q) = %+v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "cher", "-3", "18 euros"} {
		if _, err := ParsePrice(in, "USD"); err == nil {
			t.Errorf("ParsePrice(%q) accepted", in)
		}
	}
	if s := (Price{25, "USD"}).String(); s != "25.00 USD per million characters" {
		t.Errorf("String: %q", s)
	}
}

func TestRegistryFindsNamesWithoutCase(t *testing.T) {
	r := NewRegistry()
	r.Register(BackendInfo{Name: "deepl", Options: []Option{{Name: "english", Type: Choice, Choices: []string{"EN-US", "EN-GB"}}}})
	r.Register(BackendInfo{Name: "apertium", Options: []Option{{Name: "workers", Type: Int, Min: 1, Max: 64}}})
	r.Register(BackendInfo{Name: "marian"})
	if info, err := r.Find("DeepL"); err != nil || info.Name != "deepl" {
		t.Errorf("Find(DeepL) = %q, %v", info.Name, err)
	}
	if _, err := r.Find("marain"); err == nil || !strings.Contains(err.Error(), "did you mean marian?") {
		t.Errorf("Find(marain): %v", err)
	}
	deepl, _ := r.Lookup("deepl")
	if _, err := r.CheckOption(deepl, "workers", "2"); err == nil || !strings.Contains(err.Error(), `deepl has no option "workers" (apertium has one)`) {
		t.Errorf("workers on deepl: %v", err)
	}
	if _, err := r.CheckOption(deepl, "englsh", "EN-GB"); err == nil || !strings.Contains(err.Error(), "did you mean english?") {
		t.Errorf("englsh: %v", err)
	}
	marian, _ := r.Lookup("marian")
	if _, err := r.CheckOption(marian, "beam", "2"); err == nil || !strings.Contains(err.Error(), "it takes none") {
		t.Errorf("marian: %v", err)
	}
	if v, err := r.CheckOption(deepl, "english", "en-gb"); v != "EN-GB" || err != nil {
		t.Errorf("english: %q, %v", v, err)
	}
	defer func() {
		if recover() == nil {
			t.Error("a name registered twice in another case did not panic")
		}
	}()
	r.Register(BackendInfo{Name: "DEEPL"})
}
