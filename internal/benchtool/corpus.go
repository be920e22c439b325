package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/internal/wordfixture"
)

// cmdArticles splits a test set (one paragraph a line) into articles.
func cmdArticles(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("articles", flag.ContinueOnError)
	per := fs.Int("lines", 30, "lines of the test set per article")
	n := fs.Int("n", 100, "number of articles (fewer when the test set is short)")
	format := fs.String("format", "txt", "txt, html (a CMS page) or docx (a reporter's Word file)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 || *per < 1 || *n < 1 || articleFormats[*format] == nil {
		return errors.New("usage: articles [-lines N] [-n N] [-format txt|html|docx] SRC DIR")
	}
	lines, err := readLines(fs.Arg(0))
	if err != nil {
		return err
	}
	written, err := writeArticles(fs.Arg(1), lines, *per, *n, *format)
	fmt.Fprintf(stdout, "%d articles of %d lines in %s\n", written, *per, fs.Arg(1))
	return err
}

// readLines returns the lines of a text file.
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open %s: %w", path, err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", path, err)
	}
	return lines, nil
}

// articleText makes an article of lines: the first is the headline, the
// others paragraphs, separated by blank lines.
func articleText(lines []string) []byte {
	return []byte(strings.Join(lines, "\n\n") + "\n")
}

// articleHTML makes the same article as a CMS page: the headline in <h1>,
// a paragraph in each <p>, a style and a script in the head.
func articleHTML(lines []string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<style>p { margin: 0 }</style>\n<script>var page = 1;</script>\n</head>\n<body>\n")
	b.WriteString("<h1>" + html.EscapeString(lines[0]) + "</h1>\n")
	for _, l := range lines[1:] {
		b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

// articleDocx makes the same article as a Word file (wordfixture.Article:
// the headline in the Title style, each paragraph's first word in bold,
// and a header).
func articleDocx(lines []string) []byte {
	return wordfixture.Package(wordfixture.Article(lines[0], lines[1:]))
}

// articleFormats make an article of lines in each format, by extension.
var articleFormats = map[string]func([]string) []byte{"txt": articleText, "html": articleHTML, "docx": articleDocx}

// writeArticles writes up to n articles of per lines each into dir as
// article-001.fr.FORMAT, … and returns how many it wrote. Inputs are
// scratch files of a benchmark, so they are written directly, not
// atomically.
func writeArticles(dir string, lines []string, per, n int, format string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("failed to create %s: %w", dir, err)
	}
	i := 0
	for ; i < n && (i+1)*per <= len(lines); i++ {
		name := filepath.Join(dir, fmt.Sprintf("article-%03d.fr.%s", i+1, format))
		if err := os.WriteFile(name, articleFormats[format](lines[i*per:(i+1)*per]), 0o644); err != nil {
			return i, fmt.Errorf("failed to write article: %w", err)
		}
	}
	return i, nil
}

// cmdSmallFiles writes n short dispatches into a folder.
func cmdSmallFiles(_ context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("smallfiles", flag.ContinueOnError)
	n := fs.Int("n", 10000, "number of files")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *n < 1 {
		return errors.New("usage: smallfiles [-n N] DIR")
	}
	dir := fs.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("failed to create %s: %w", dir, err)
	}
	for i := range *n {
		name := filepath.Join(dir, fmt.Sprintf("depeche-%05d.fr.txt", i+1))
		if err := os.WriteFile(name, []byte(dispatch(i)), 0o644); err != nil {
			return fmt.Errorf("failed to write dispatch: %w", err)
		}
	}
	fmt.Fprintf(stdout, "%d dispatches in %s\n", *n, dir)
	return nil
}

var (
	people = []string{"Kim", "Dupont", "Lefèvre", "Moon", "Traoré", "Schmidt", "Nakamura", "Rossi"}
	cities = []string{"Séoul", "Lyon", "Dakar", "Genève", "Busan", "Montréal", "Lille", "Nagoya"}
	months = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
)

// dispatch returns the i-th short agency dispatch: three sentences whose
// names, places, numbers and dates vary with i, so that no sentence
// repeats in the first 10,000 dispatches (a repeat would come from the
// translation memory and make larger batches look faster).
func dispatch(i int) string {
	p, c := people[i%len(people)], cities[i/len(people)%len(cities)]
	leads := []string{
		"M. %[1]s a annoncé jeudi %[3]s nouvelles mesures pour l'emploi à %[2]s, a indiqué l'AFP.",
		"Quelque %[3]s personnes ont manifesté samedi à %[2]s, selon la préfecture.",
		"Le groupe de M. %[1]s a supprimé %[3]s postes à %[2]s depuis janvier.",
	}
	quotes := []string{
		"« Nous resterons vigilants », a déclaré M. %[1]s, dont le parti revendique %[2]s adhérents.",
		"Le bilan s'élève à %[2]s blessés depuis le début de l'année, selon les secours de %[1]s.",
		"« La situation reste tendue », a estimé un porte-parole à %[1]s, où %[2]s policiers sont déployés.",
	}
	dates := []string{
		"Une nouvelle réunion est prévue le %d %s %d.",
		"Les négociations reprendront le %d %s %d, a précisé le ministère.",
	}
	lead := fmt.Sprintf(leads[i%3], p, c, frenchNumber(10+i*7%9000))
	k, who := i/3%3, p
	if k != 0 {
		who = c
	}
	quote := fmt.Sprintf(quotes[k], who, frenchNumber(100+i))
	date := fmt.Sprintf(dates[i%2], 1+i%28, months[i/28%12], 1995+i/336)
	return lead + " " + quote + " " + date + "\n"
}

// frenchNumber writes n as French agency copy does: thousands separated
// by a space (4 786).
func frenchNumber(n int) string {
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d %03d", n/1000, n%1000)
}
