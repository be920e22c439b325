package suggest

import "testing"

func TestClosest(t *testing.T) {
	commands := []string{"translate", "diff", "review", "publish", "glossary", "memory", "backends", "models", "eval", "score", "completion", "version"}
	backends := []string{"apertium", "apy", "deepl", "google", "google-v3", "libretranslate", "marian", "openai"}
	for _, tc := range []struct {
		typed string
		in    []string
		want  string
	}{
		{"translat", commands, "translate"},
		{"tranlsate", commands, "translate"},
		{"trans", commands, "translate"},
		{"reveiw", commands, "review"},
		{"publsh", commands, "publish"},
		{"glosary", commands, "glossary"},
		{"backend", commands, "backends"},
		{"marain", backends, "marian"},
		{"DeepL", backends, "deepl"},
		{"deeppl", backends, "deepl"},
		{"googel", backends, "google"},
		{"apertum", backends, "apertium"},
		{"libre", backends, "libretranslate"},
		{"xyz", commands, ""},
		{"", commands, ""},
		{"bing", backends, ""},
		{"wokers", []string{"modes", "workers", "mark-unknown", "timeout", "protect"}, "workers"},
	} {
		if got := Closest(tc.typed, tc.in); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"marain", "marian", 1},
		{"abc", "abc", 0},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3},
	} {
		if got := distance([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	if got := DidYouMean("marain", []string{"marian"}); got != "; did you mean marian?" {
		t.Errorf("got %q", got)
	}
	if got := DidYouMean("zzz", []string{"marian"}); got != "" {
		t.Errorf("got %q", got)
	}
}
