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

func TestEditTextReadsBack(t *testing.T) {
	for _, text := range []string{
		`A <em>historic step</em>, said <a href="https://kcna.kp/en">KCNA</a>.`,
		`The <strong>summit</strong> costs 3 * 4 &lt; 20 euros.`,
	} {
		u := &Unit{Span: Span{Markup: true, Text: text}}
		md := u.EditText()
		if got := ParseEdit(u, md); got != text {
			t.Errorf("ParseEdit(EditText()) = %q (via %q), want %q", got, md, text)
		}
	}
}
