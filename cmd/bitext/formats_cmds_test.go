package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/bitext/bitext/internal/formatcheck"
	"github.com/bitext/bitext/internal/wordfixture"
	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the script tests' own commands for Word documents:
//
//	mkdocx OUT TITLE PARAGRAPH...   writes a Word article (wordfixture.Article)
//	docxtext FILE                   prints the text of a document, a paragraph a line
//	docxedit FILE OLD NEW           replaces text in a document's body, as an editor in Word
//	samestructure FR EN             compares an English page or document with its French (formatcheck)
func scriptCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"mkdocx":        mkdocx,
		"docxtext":      docxtext,
		"docxedit":      docxedit,
		"samestructure": samestructure,
	}
}

func mkdocx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mkdocx OUT TITLE PARAGRAPH...")
	}
	data := wordfixture.Package(wordfixture.Article(args[1], args[2:]))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

func docxtext(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: docxtext FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	text, err := formatcheck.DocxText(data)
	ts.Check(err)
	ts.Stdout().Write([]byte(text))
}

func docxedit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: docxedit FILE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	ts.Check(err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		ts.Check(err)
		part, err := io.ReadAll(r)
		ts.Check(err)
		if f.Name == "word/document.xml" {
			if !bytes.Contains(part, []byte(args[1])) {
				ts.Fatalf("%s has no %q", args[0], args[1])
			}
			part = bytes.ReplaceAll(part, []byte(args[1]), []byte(args[2]))
		}
		w, err := zw.Create(f.Name)
		ts.Check(err)
		_, err = w.Write(part)
		ts.Check(err)
	}
	ts.Check(zw.Close())
	ts.Check(os.WriteFile(path, out.Bytes(), 0o644))
}

func samestructure(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samestructure FR EN")
	}
	fr, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	en, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	var problem string
	if strings.HasSuffix(args[0], ".docx") {
		if err := formatcheck.CompareDocx(fr, en); err != nil {
			problem = err.Error()
		}
	} else {
		problem = formatcheck.CompareHTML(fr, en)
	}
	switch {
	case problem != "" && !neg:
		ts.Fatalf("%s and %s differ: %s", args[0], args[1], problem)
	case problem == "" && neg:
		ts.Fatalf("%s and %s have the same structure", args[0], args[1])
	}
}
