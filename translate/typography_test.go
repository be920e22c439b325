package translate

import "testing"

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
		{"percent", "growth of 1,5 % in 2024", "growth of 1.5% in 2024"},
		{"space before comma", "Seoul , Tuesday", "Seoul, Tuesday"},
		{"dotnet kept", "written in .NET by M. Kim", "written in .NET by Mr. Kim"},
		{"single spaces", "The  minister   is  arrived", "The minister is arrived"},
		{"newline kept", "one line\nnext  line", "one line\nnext line"},

		// Numbers.
		{"thousands space", "3 000 soldiers", "3,000 soldiers"},
		{"thousands nbsp", "3\u00a0000 soldiers", "3,000 soldiers"},
		{"thousands nnbsp millions", "12\u202f500\u202f000 euros", "12,500,000 euros"},
		{"two numbers", "between 3 000 and 4 500 people", "between 3,000 and 4,500 people"},
		{"decimal", "1,5 million", "1.5 million"},
		{"decimal and thousands", "3 000,75 euros", "3,000.75 euros"},
		{"english thousands kept", "1,500 people and 2,000,000 euros", "1,500 people and 2,000,000 euros"},
		{"list kept", "points 1, 2, 3 and 4", "points 1, 2, 3 and 4"},
		{"year kept", "In 2024 the budget rose", "In 2024 the budget rose"},
		{"year then count", "In 2024 15 000 people", "In 2024 15,000 people"},
		{"english decimal kept", "a rate of 2.5%", "a rate of 2.5%"},
		{"phone kept", "call 01 45 67 89 00", "call 01 45 67 89 00"},

		// Times.
		{"time spaced", "at 12 h 30 on Tuesday", "at 12:30 on Tuesday"},
		{"time compact", "Talks resume at 9h05.", "Talks resume at 9:05."},
		{"time nbsp", "from 18\u00a0h\u00a045", "from 18:45"},
		{"bare hour evening", "The summit opens at 20 h.", "The summit opens at 8 p.m."},
		{"bare hour morning", "from 8 h to 17 h", "from 8 a.m. to 5 p.m."},
		{"noon midnight", "until 12 h, after 0 h", "until noon, after midnight"},
		{"duration untouched", "a strike of 48 h", "a strike of 48 h"},
		{"bad minutes untouched", "12 h 75", "12 h 75"},
		{"time in url kept", "see https://example.org/live/12h30 and www.afp.com/20h", "see https://example.org/live/12h30 and www.afp.com/20h"},

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

		// Unknown-word marks.
		{"star", "the *contrer of *Obama", "the contrer of Obama"},
		{"double star", "the **star", "the star"},
		{"hash and at lowercase", "they #llegar with @dossier", "they llegar with dossier"},
		{"hashtag kept", "the #MeToo movement and @AFP_fr and #Paris2024", "the #MeToo movement and @AFP_fr and #Paris2024"},
		{"email kept", "write to kim.park@afp.com now", "write to kim.park@afp.com now"},
		{"arithmetic kept", "5 * 3 is 15", "5 * 3 is 15"},

		// HTML.
		{"tags untouched", `<a href="https://x.fr/?a=1,5&amp;h=12h30" title="« x »">M. Kim</a> said « <em>yes</em> »`,
			`<a href="https://x.fr/?a=1,5&amp;h=12h30" title="« x »">Mr. Kim</a> said “<em>yes</em>”`},
		{"nbsp entity", "3&nbsp;000 people&#160;!", "3,000 people!"},
		{"other entity kept", "AT&amp;T &lt;3 000&gt;", "AT&amp;T &lt;3,000&gt;"},
		{"guillemets across tags", `he said « <b>no</b> »`, "he said “<b>no</b>”"},
		{"private use kept", "a \ue000 b", "a \ue000 b"},

		// English text is unchanged.
		{"english", "Mr. Kim said on Tuesday that 3,000 troops would leave at 12:30.", "Mr. Kim said on Tuesday that 3,000 troops would leave at 12:30."},
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
