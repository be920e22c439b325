package review

import "testing"

func TestParseEdit(t *testing.T) {
	plain, marked := &Unit{}, &Unit{Span: Span{Markup: true}}
	for _, tc := range []struct {
		u        *Unit
		in, want string
	}{
		{plain, "Kim & Co <3", "Kim & Co <3"},
		{marked, "The **summit** in Seoul", "The <strong>summit</strong> in Seoul"},
		{marked, "Kim & Co", "Kim &amp; Co"},
	} {
		if got := ParseEdit(tc.u, tc.in); got != tc.want {
			t.Errorf("ParseEdit(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
