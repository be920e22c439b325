// Package wordfixture writes small Word (.docx) documents for bitext's
// tests and benchmarks: a package from its parts' XML ([Package]), and a
// news article laid out as a reporter's Word file ([Article]).
//
// The documents are what Word writes in shape (content types, package
// relationships, styles, a header, footnotes), small enough to read in a
// test, and written by us: no real article is copied.
package wordfixture

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"sort"
	"strings"
)

// W is the WordprocessingML namespace.
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// Package returns the zip archive holding parts (name → content), the
// content types and relationships first, the rest by name.
func Package(parts map[string]string) []byte {
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	rank := func(n string) int {
		switch n {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	sort.Slice(names, func(i, j int) bool {
		if rank(names[i]) != rank(names[j]) {
			return rank(names[i]) < rank(names[j])
		}
		return names[i] < names[j]
	})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			panic(err) // only for names zip refuses, which we never pass
		}
		w.Write([]byte(parts[n]))
	}
	zw.Close()
	return buf.Bytes()
}

// Minimal returns the parts of the smallest document Word opens: content
// types, the package relationship and the body, with no styles, no
// relationships of its own and no properties.
func Minimal(body string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": contentTypes(false),
		"_rels/.rels":         packageRels,
		"word/document.xml":   Document(body),
	}
}

// Document wraps body (paragraphs and tables) in a document part.
func Document(body string) string { return document(body, `<w:sectPr/>`) }

func document(body, sectPr string) string {
	return xml.Header + `<w:document xmlns:w="` + W + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		body + sectPr + `</w:body></w:document>`
}

// Article returns the parts of an article: the title in the Title style,
// the paragraphs after it (text escaped, one run each, its first word in
// bold so that every paragraph has a formatting code), a header naming the
// agency and a footnote; styles and relationships as Word writes them.
func Article(title string, paras []string) map[string]string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>` + esc(title) + `</w:t></w:r></w:p>`)
	for _, p := range paras {
		first, rest, _ := strings.Cut(p, " ")
		b.WriteString(`<w:p w:rsidR="00B1"><w:r><w:rPr><w:b/><w:lang w:val="fr-FR"/></w:rPr><w:t>` + esc(first) + `</w:t></w:r>`)
		b.WriteString(`<w:r w:rsidR="00B2"><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve"> ` + esc(rest) + `</w:t></w:r></w:p>`)
	}
	parts := map[string]string{
		"[Content_Types].xml":          contentTypes(true),
		"_rels/.rels":                  packageRels,
		"word/document.xml":            document(b.String(), `<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>`),
		"word/_rels/document.xml.rels": documentRels,
		"word/styles.xml":              styles,
		"word/header1.xml":             `<w:hdr xmlns:w="` + W + `"><w:p><w:r><w:t>Agence de presse — dépêche</w:t></w:r></w:p></w:hdr>`,
	}
	return parts
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func contentTypes(full bool) string {
	s := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`
	if full {
		s += `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
	}
	return s + `</Types>`
}

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.kcna.kp/fr" TargetMode="External"/></Relationships>`

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="` + W + `"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style></w:styles>`
