package xliff

import (
	"errors"
	"io"
	"strings"
	"testing"
)

const head21 = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="en">`

func TestReadHostile(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="f"><unit id="u"><segment><source>&c;</source></segment></unit></file></xliff>`
	for _, tc := range []struct{ name, in, want string }{
		{"entity expansion", laughs, "line 2: DOCTYPE declarations are not allowed"},
		{"external entity", head21 + `<file id="f"><unit id="u"><segment><source>&xxe;</source></segment></unit></file></xliff>`, "invalid character entity &xxe;"},
		{"deep nesting", head21 + `<file id="f"><unit id="u"><segment><source>` + strings.Repeat("<mrk id='m'>", 100000), "elements nested deeper than 64"},
		{"huge attribute", head21 + `<file id="f" original="` + strings.Repeat("x", 1<<20) + `"/></xliff>`, "attribute original of <file> is longer than 64 KiB"},
		{"not XML", "Kim Jong-un inspecte une usine", "no XML element"},
		{"not XLIFF", `<tmx version="1.4"/>`, "root element is <tmx>, not <xliff>"},
		{"other namespace", `<xliff xmlns="urn:example" version="3.0"/>`, `unknown XLIFF version "3.0"`},
		{"truncated", head21 + `<file id="f"><unit id="u">`, "unexpected EOF"},
		{"other encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><xliff/>`, "ISO-8859-1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReadDoctypeIsErrDoctype(t *testing.T) {
	_, err := Read(strings.NewReader(`<!DOCTYPE xliff SYSTEM "file:///etc/passwd"><xliff/>`))
	if !errors.Is(err, ErrDoctype) {
		t.Errorf("err = %v", err)
	}
}

// endless is an XML document that never ends: a comment without end.
type endless struct{ started bool }

func (e *endless) Read(p []byte) (int, error) {
	if !e.started {
		e.started = true
		return copy(p, "<!--"), nil
	}
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func TestReadTooLarge(t *testing.T) {
	_, err := ReadLimited(io.Reader(&endless{}), Limits{FileSize: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "file is larger than 1 MiB") {
		t.Errorf("err = %v", err)
	}
	doc := head21 + `<file id="f"/></xliff>`
	if _, err := ReadLimited(strings.NewReader(doc), Limits{FileSize: int64(len(doc))}); err != nil {
		t.Errorf("a file of the largest size: %v", err)
	}
}

// Units whose content cannot be read are returned with their error, the
// others are read.
func TestReadUnitErrors(t *testing.T) {
	doc, err := Read(strings.NewReader(head21 + `<file id="f" original="a">
<unit id="u1"><segment state="final"><source>Un</source><target>One</target></segment></unit>
<unit id="u2"><segment><source>Deux <ph/></source><target>Two <cp hex="zz"/></target></segment></unit>
</file></xliff>`))
	if err != nil {
		t.Fatal(err)
	}
	us := doc.Files[0].Units
	if len(us) != 2 || us[0].Err != nil || us[0].State != Final || us[0].Target.Plain() != "One" {
		t.Fatalf("units %+v", us)
	}
	if us[1].Err == nil || us[1].Line != 3 || !strings.Contains(us[1].Err.Error(), `line 3: <ph> has id ""`) {
		t.Errorf("unit 2: line %d, err %v", us[1].Line, us[1].Err)
	}
}

// Several segments and ignorables make one unit, in order, with the
// least advanced state.
func TestReadSegments(t *testing.T) {
	doc, err := Read(strings.NewReader(head21 + `<file id="f" original="a"><unit id="u">
<segment state="final"><source>Il pleut.</source><target>It rains.</target></segment>
<ignorable><source> </source></ignorable>
<segment state="translated"><source><sc id="1"/>Oui<ec startRef="1"/>.</source><target><sc id="1"/>Yes<ec startRef="1"/><mrk id="m1" type="term">.</mrk></target></segment>
</unit></file></xliff>`))
	if err != nil {
		t.Fatal(err)
	}
	u := doc.Files[0].Units[0]
	if u.State != Translated || preview(u.Source) != "Il pleut. {1}Oui{1}." || preview(u.Target) != "It rains. {1}Yes{1}." {
		t.Errorf("state %s, source %q, target %q", u.State, preview(u.Source), preview(u.Target))
	}
}
