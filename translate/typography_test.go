package translate

import (
	"strings"
	"testing"
)

func TestEnglishTypography(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// Quotes.
		{"guillemets", "He said « we will not give in ».", "He said “we will not give in”."},
		{"guillemets nbsp", "« Non », a dit M. Kim.", "“Non”, a dit Mr. Kim."},
		{"guillemets nnbsp", "«\u202fOui\u202f»", "“Oui”"},
		{"single guillemets", "« il a dit ‹ jamais › hier »", "“il a dit ‘jamais’ hier”"},
		{"straight quotes stay straight", `The minister spoke of "a historic day" on Monday.`, `The minister spoke of "a historic day" on Monday.`},
		{"guillemet pairs", `« Oui », a-t-il dit, « demain ».`, "“Oui”, a-t-il dit, “demain”."},
		{"unbalanced straight quote", `The 12" record "sold`, `The 12" record "sold`},
		{"inch mark left", `a 27" screen and a 32" one`, `a 27" screen and a 32" one`},
		{"space after opening quote", "“ Nothing ” changed", "“Nothing” changed"},

		// French spacing.
		{"space before colon", "The AFP said : the talks failed .", "The AFP said: the talks failed."},
		{"nbsp before question", "Why\u00a0? Because\u202f!", "Why? Because!"},
		{"semicolon", "first ; second", "first; second"},
		{"percent", "growth of 1.5 % in 2024", "growth of 1.5% in 2024"},
		{"space before comma", "Seoul , Tuesday", "Seoul, Tuesday"},
		{"dotnet kept", "written in .NET by M. Kim", "written in .NET by Mr. Kim"},
		{"single spaces", "The  minister   is  arrived", "The minister is arrived"},
		{"newline kept", "one line\nnext  line", "one line\nnext line"},

		// Figures are the pipeline's (read on the French side): typography
		// leaves them as they are.
		{"thousands left", "3 000 soldiers and 1,5 million", "3 000 soldiers and 1,5 million"},
		{"times left", "at 12 h 30 and at 20 h", "at 12 h 30 and at 20 h"},

		// Spaces.
		{"leading and doubled spaces", "  It rains.  It does not stop. ", "It rains. It does not stop."},
		{"nested guillemets", "« il a dit « jamais » hier »", "“il a dit ‘jamais’ hier”"},
		{"curly inside guillemets", "« il a dit “jamais” hier »", "“il a dit ‘jamais’ hier”"},
		{"two quotations", "« un » et « deux »", "“un” et “deux”"},

		// Honorifics.
		{"monsieur", "M. Kim arrived", "Mr. Kim arrived"},
		{"madame", "Mme Park said", "Ms. Park said"},
		{"messieurs", "MM. Dupont and Durand", "Messrs. Dupont and Durand"},
		{"mademoiselle", "Mlle Roux", "Miss Roux"},
		{"spanish sra", "Sra Park and Sra. Lee", "Ms. Park and Ms. Lee"},
		{"spanish sr", "Sr. Kim and Sr Moon", "Mr. Kim and Mr. Moon"},
		{"spanish srta", "Srta Roux", "Miss Roux"},
		{"sr lowercase kept", "Sr. citizens and the Sr level", "Sr. citizens and the Sr level"},
		{"initial kept", "John M. Smith", "John M. Smith"},
		{"m lowercase next kept", "M. le ministre", "M. le ministre"},
		{"after sentence", "He left. M. Kim stayed.", "He left. Mr. Kim stayed."},

		// Addresses are never touched.
		{"handles and hashtags kept", "the #MeToo movement, @afp, #paris and @AFP_fr", "the #MeToo movement, @afp, #paris and @AFP_fr"},
		{"email kept", "write to kim.park@afp.com now", "write to kim.park@afp.com now"},
		{"url touching a tag", `see <em>https://x.org/a_(b)</em>&nbsp;: M. Kim`, "see <em>https://x.org/a_(b)</em>: Mr. Kim"},
		{"url touching an entity", "voir https://x.org/?a=1&amp;b=2&nbsp;; M. Kim", "voir https://x.org/?a=1&amp;b=2; Mr. Kim"},
		{"arithmetic kept", "5 * 3 is 15", "5 * 3 is 15"},

		// HTML.
		{"tags untouched", `<a href="https://x.fr/?a=1,5&amp;h=12h30" title="« x »">M. Kim</a> said « <em>yes</em> »`,
			`<a href="https://x.fr/?a=1,5&amp;h=12h30" title="« x »">Mr. Kim</a> said “<em>yes</em>”`},
		{"nbsp entity", "people&#160;!", "people!"},
		{"other entity kept", "AT&amp;T &lt;3&gt;", "AT&amp;T &lt;3&gt;"},
		{"guillemets across tags", `he said « <b>no</b> »`, "he said “<b>no</b>”"},
		{"private use kept", "a \ue000 b \ue001<em>x</em>", "a \ue000 b \ue001<em>x</em>"},

		// English text is unchanged.
		{"english", "Mr. Kim said on Tuesday that 3,000 troops would leave at 12:30 p.m. “He said ‘no’.”", "Mr. Kim said on Tuesday that 3,000 troops would leave at 12:30 p.m. “He said ‘no’.”"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := EnglishTypography(tt.in); got != tt.want {
			t.Errorf("%s:\n  in   %q\n  got  %q\n  want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestEnglishTypographyIdempotent(t *testing.T) {
	in := "« Nous ne céderons pas », a dit Mme Park à 20 h ; 3 000 soldats, 1,5 %."
	once := EnglishTypography(in)
	if twice := EnglishTypography(once); twice != once {
		t.Errorf("not idempotent: %q then %q", once, twice)
	}
}

func BenchmarkEnglishTypography(b *testing.B) {
	s := `Selon l'AFP, M. Kim a déclaré « nous partirons à 12 h 30 » ; 3 000 soldats et 1,5 % du <a href="https://x.fr/a">budget</a>.`
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		EnglishTypography(s)
	}
}

// FuzzTypographyPrechecks: the cheap tests that spare the regular
// expressions never say "no" where the expression would match, so that
// skipping it changes nothing.
func FuzzTypographyPrechecks(f *testing.F) {
	for _, s := range []string{
		"M. Kim", "M\u00a0Kim", "M\u202fKim", "M\u2009Kim", "MM. Lee et Park", "Mme\u00a0Lee", "Mlle Ri",
		"Sr Juan", "Sra. Ana", "Srta Ana", "Le M", "MIT", "« oui »", "‹ non ›", "oui ;", "50\u00a0%", "fin !",
		"( ok )", "“ hi ”", "a  b", "a\u00a0\u00a0b", "a , b", "a\u2009.", "[ x ]", "x ’", "\ue000 .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if honorificM.MatchString(s) && !mayHaveTitle(s) {
			t.Errorf("%q: a title the precheck missed", s)
		}
		if beforePunct.MatchString(s) && !spaceBefore(s, ";:!?%") {
			t.Errorf("%q: a space before ; : ! ? %% the precheck missed", s)
		}
		if closingSpace.MatchString(s) && !spaceBefore(s, ",.;:!?)]”’%") {
			t.Errorf("%q: a space before closing punctuation the precheck missed", s)
		}
		if insideGuill.MatchString(s) && !strings.ContainsAny(s, "«‹»›") {
			t.Errorf("%q: guillemets the precheck missed", s)
		}
		if openingSpace.MatchString(s) && !strings.ContainsAny(s, "“‘([") {
			t.Errorf("%q: an opening quote or bracket the precheck missed", s)
		}
		if spaceRun.MatchString(s) && !strings.Contains(s, "  ") && !strings.ContainsRune(s, '\u00a0') {
			t.Errorf("%q: a run of spaces the precheck missed", s)
		}
	})
}
