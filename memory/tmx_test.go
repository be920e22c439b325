package memory

import (
	"bytes"
	"encoding/xml"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
)

// entries lists every entry of a memory, in storage order.
func entries(t testing.TB, s *Store) []Entry {
	t.Helper()
	rows, err := s.db.Query(`SELECT ` + columns + ` FROM segments ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func exportString(t testing.TB, s *Store) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportTMX(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestTMXRoundTrip(t *testing.T) {
	s := openTest(t)
	plain := Key{From: "fr", To: "en", Source: "Le président sud-coréen a reçu M. Kim à Séoul le 3 juin 2024.", Terms: "a1b2c3d4e5f6a7b8"}
	html := Key{From: "fr", To: "en", Markup: true,
		Source: `Selon <em>Le Figaro</em>, l'accord &amp; le &quot;plan&quot; coûteront 3&nbsp;milliards d&#39;euros<br>.`}
	odd := Key{From: "fr", To: "en", Markup: true, Source: `Un <a href="https://exemple.fr/?a=1&amp;b=2">lien</a> et un "guillemet" brut & <b>gras <i>mal</i> fermé</b></i>.`}
	must(t, s.PutMachine(ctx, plain, "apertium", "The South Korean president received Mr Kim in Seoul on 3 June 2024."))
	must(t, s.PutMachine(ctx, plain, "deepl", "South Korea's president received Mr Kim in Seoul on June 3, 2024."))
	must(t, s.PutMachine(ctx, html, "apertium", `According to <em>Le Figaro</em>, the agreement &amp; the "plan" will cost 3 billion euros<br>.`))
	must(t, s.PutMachine(ctx, odd, "apertium", `A <a href="https://exemple.fr/?a=1&amp;b=2">link</a>.`))
	must(t, s.Approve(ctx, plain, "South Korea's president received Mr Kim in Seoul on 3 June 2024.", "claire"))
	must(t, s.Approve(ctx, Key{From: "fr", To: "de", Source: "Bonjour\tà tous\n"}, "Hallo\tallerseits\n", "jan"))

	exported := exportString(t, s)
	for _, want := range []string{`creationtool="bitext"`, `segtype="sentence"`, `o-tmf="bitext"`, `adminlang="en"`,
		`srclang="fr"`, `datatype="plaintext"`, `<tuv xml:lang="fr">`, `<prop type="x-bitext-status">approved</prop>`,
		`<bpt i="1">&lt;em&gt;</bpt>Le Figaro<ept i="1">&lt;/em&gt;</ept>`, `changeid="claire"`, `<prop type="x-bitext-terms">a1b2c3d4e5f6a7b8</prop>`} {
		if !strings.Contains(exported, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	if err := xml.Unmarshal([]byte(exported), new(struct{})); err != nil {
		t.Fatalf("export is not well-formed XML: %v", err)
	}

	fresh := openTest(t)
	st, err := fresh.ImportTMX(ctx, strings.NewReader(exported))
	if err != nil {
		t.Fatal(err)
	}
	want := entries(t, s)
	if st.Added != len(want) || st.Skipped != 0 {
		t.Errorf("ImportStats = %+v, want %d added", st, len(want))
	}
	if got := entries(t, fresh); !reflect.DeepEqual(got, want) {
		t.Errorf("after round trip:\n got %+v\nwant %+v", got, want)
	}
	// Importing again changes nothing.
	st, err = fresh.ImportTMX(ctx, strings.NewReader(exported))
	if err != nil || st.Unchanged != len(want) || st.Added+st.Updated != 0 {
		t.Errorf("second import = %+v, %v", st, err)
	}
}

func TestImportOmegaT(t *testing.T) {
	s := openTest(t)
	f, err := os.Open("testdata/omegat.tmx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := s.ImportTMX(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if st != (ImportStats{Added: 4, Skipped: 1}) {
		t.Errorf("ImportStats = %+v", st)
	}
	k := Key{From: "fr", To: "en", Source: "« La situation reste tendue », a déclaré M. Kim à l'agence Yonhap."}
	e, ok, err := s.Lookup(ctx, k, "apertium")
	if err != nil || !ok {
		t.Fatalf("Lookup = %v, %v", ok, err)
	}
	if e.Status != Approved || e.By != "sophie" || e.Target != `"The situation remains tense," Mr Kim told the Yonhap news agency.` {
		t.Errorf("entry = %+v", e)
	}
	if e.Created != time.Date(2025, 2, 10, 8, 20, 10, 0, time.UTC) || e.Updated != time.Date(2025, 2, 10, 8, 22, 33, 0, time.UTC) {
		t.Errorf("dates = %v, %v", e.Created, e.Updated)
	}
	// OmegaT's tags travel as their native text in a plain-text unit.
	k.Source = "Le texte sera examiné le <b0>3 avril</b0> & voté en mai."
	if _, ok, _ := s.Lookup(ctx, k, ""); !ok {
		t.Error("the unit with inline tags was not imported as expected")
	}
}

func TestImportHTMLUnit(t *testing.T) {
	s := openTest(t)
	data, err := os.ReadFile("testdata/bitext-html.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportTMX(ctx, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	k := Key{From: "fr", To: "en", Markup: true, Source: "Le ministre a cité <em>Le Monde</em> &amp; <br>l'AFP."}
	e, ok, err := s.Lookup(ctx, k, "apertium")
	if err != nil || !ok || e.Status != Machine || e.Target != "The minister quoted <em>Le Monde</em> &amp; <br>AFP." {
		t.Fatalf("Lookup = %+v, %v, %v", e, ok, err)
	}
}

func TestImportUTF16(t *testing.T) {
	data, err := os.ReadFile("testdata/omegat.tmx")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`encoding="UTF-8"`), []byte(`encoding="UTF-16"`), 1)
	enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	utf16, err := enc.Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	s := openTest(t)
	st, err := s.ImportTMX(ctx, bytes.NewReader(utf16))
	if err != nil || st.Added != 4 {
		t.Fatalf("ImportTMX(UTF-16) = %+v, %v", st, err)
	}
}

func TestImportErrorsImportNothing(t *testing.T) {
	s := openTest(t)
	data, _ := os.ReadFile("testdata/omegat.tmx")
	broken := data[:bytes.LastIndex(data, []byte("<tu>"))+10]
	if _, err := s.ImportTMX(ctx, bytes.NewReader(broken)); err == nil {
		t.Fatal("a truncated TMX imported without error")
	}
	if n := len(entries(t, s)); n != 0 {
		t.Errorf("%d entries imported from a broken file", n)
	}
	if _, err := s.ImportTMX(ctx, strings.NewReader("<html><body>Bonjour</body></html>")); err == nil {
		t.Error("a file without <tmx> imported without error")
	}
}
