package xliff

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/translate"
)

// Report is what an import did, or would do.
type Report struct {
	// Approved counts the units approved with the file's target.
	Approved int
	// Unchanged counts units whose target is the English bitext has and
	// that the file does not mark final (so they stay as they are).
	Unchanged int
	// Untranslated counts units with no target, an empty one, or the
	// French copied as the target (not marked final).
	Untranslated int
	// Rejected are the units refused, in file order.
	Rejected []Rejection
}

// Rejection is a unit an import refused.
type Rejection struct {
	// File is the article (the <file>'s original), Unit the unit's id
	// ("" when the whole file was refused) and Line where it starts.
	File, Unit string
	Line       int
	Err        error
}

// Error names the file and unit (the caller adds the line).
func (r Rejection) Error() string {
	if r.Unit == "" {
		return fmt.Sprintf("file %q: %v", r.File, r.Err)
	}
	return fmt.Sprintf("file %q, unit %s: %v", r.File, r.Unit, r.Err)
}

// ErrLanguages is wrapped by the error of a file in another language pair.
var ErrLanguages = errors.New("the file's languages are not the output folder's")

// Options configure Import.
type Options struct {
	// From and To are the folder's languages ("fr", "en").
	From, To string
	// DryRun checks and counts without writing anything.
	DryRun bool
}

// change is one approval an import makes.
type change struct {
	art  *review.Article
	unit *review.Unit
	// text is the English to approve; edit says it must be written first.
	text string
	edit bool
}

// Import checks every unit of doc against articles and approves the valid
// ones through package review: the working copy is written (atomically)
// when the text changes, then the approval recorded in the translation
// memory, as when an editor edits and approves. Every unit is checked
// before the first is written; rejected units are written nowhere. The
// caller holds the output folder's lock.
func Import(ctx context.Context, doc *Document, articles []Article, opts Options) (*Report, error) {
	if !sameLang(doc.SrcLang, opts.From) || !sameLang(doc.TrgLang, opts.To) {
		return nil, fmt.Errorf("%w: %s→%s, not %s→%s", ErrLanguages, doc.SrcLang, doc.TrgLang, opts.From, opts.To)
	}
	rep := &Report{}
	changes := plan(doc, articles, rep)
	if opts.DryRun {
		rep.Approved = len(changes)
		return rep, nil
	}
	for _, c := range changes {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		if err := c.apply(ctx); err != nil {
			return rep, fmt.Errorf("%s: %s: %w", c.art.Name(), c.unit.Where(), err)
		}
		rep.Approved++
	}
	return rep, nil
}

// sameLang compares language tags by their primary subtag; an empty one
// (a file that does not say) matches.
func sameLang(file, want string) bool {
	primary := func(s string) string { return strings.ToLower(strings.FieldsFunc(s, isSep)[0]) }
	return file == "" || want == "" || strings.Trim(file, "-_") == "" || primary(file) == primary(want)
}

func isSep(r rune) bool { return r == '-' || r == '_' }

func (c change) apply(ctx context.Context) error {
	return c.art.Group(func() error {
		if c.edit {
			if err := c.art.Edit(ctx, c.unit, c.text); err != nil {
				return err
			}
		}
		return c.art.Approve(ctx, c.unit)
	})
}

// plan checks every unit of doc and returns the changes to make,
// counting and recording the others in rep.
func plan(doc *Document, articles []Article, rep *Report) []change {
	byName := map[string]*review.Article{}
	for _, a := range articles {
		byName[a.Name] = a.Review
	}
	var out []change
	seen := map[*review.Unit]bool{} // a unit twice, in one file or two
	for _, f := range doc.Files {
		art := byName[f.Original]
		if art == nil {
			rep.Rejected = append(rep.Rejected, Rejection{File: f.Original, Line: f.Line,
				Err: errors.New("no such article in the output folder")})
			continue
		}
		out = append(out, planFile(f, art, seen, rep)...)
	}
	return out
}

func planFile(f File, art *review.Article, seen map[*review.Unit]bool, rep *Report) []change {
	units := map[string]*review.Unit{}
	for i, id := range UnitIDs(art) {
		if id != "" {
			units[id] = art.Units[i]
		}
	}
	var out []change
	for _, xu := range f.Units {
		reject := func(err error) {
			rep.Rejected = append(rep.Rejected, Rejection{File: f.Original, Unit: xu.ID, Line: xu.Line, Err: err})
		}
		u := units[xu.ID]
		switch {
		case u == nil:
			reject(errors.New("no such unit in the article (did its French change? export again)"))
			continue
		case seen[u]:
			reject(errors.New("the file has this unit twice"))
			continue
		}
		seen[u] = true
		c, o, err := planUnit(xu, u)
		switch {
		case err != nil:
			reject(err)
		case o == untranslated:
			rep.Untranslated++
		case o == unchanged:
			rep.Unchanged++
		default:
			c.art = art
			out = append(out, *c)
		}
	}
	return out
}

// outcome is what becomes of a unit that changes nothing.
type outcome int

const (
	approve      outcome = iota
	unchanged            // the English bitext has, not marked final
	untranslated         // no target, an empty one, or the French copied
)

// planUnit checks one unit and returns the change it makes, or why it
// makes none.
func planUnit(xu Unit, u *review.Unit) (*change, outcome, error) {
	if xu.Err != nil {
		return nil, 0, xu.Err
	}
	src := inline.ParseSegment(u.Source(), u.Markup)
	if err := SameSource(xu.Source, src); err != nil {
		return nil, 0, err
	}
	current := exportTarget(u, src)
	switch {
	case (!xu.HasTarget || isEmpty(xu.Target)) && u.Text == "" && u.State() == review.Approved:
		return nil, unchanged, nil // an approved deletion, exported as such
	case !xu.HasTarget || isEmpty(xu.Target):
		return nil, untranslated, nil
	case sameContent(xu.Target, current):
		// The English bitext has, as exported: a translator's sign-off
		// at most, whatever its codes.
		if xu.State == Final && u.State() != review.Approved {
			return &change{unit: u, text: u.Text}, approve, nil
		}
		return nil, unchanged, nil
	case sameContent(xu.Target, src) && xu.State != Final:
		// OmegaT and others write the French where nothing was
		// translated.
		return nil, untranslated, nil
	}
	text, err := targetText(xu.Target, src, u)
	switch {
	case err != nil:
		return nil, 0, err
	case text == u.Text && (xu.State != Final || u.State() == review.Approved):
		return nil, unchanged, nil
	case text != u.Text && xu.Base != "" && Hash(u.Text) != xu.Base:
		return nil, 0, errors.New("the English changed in bitext since the export, and in the file: review the unit in bitext, or export again")
	}
	return &change{unit: u, text: text, edit: text != u.Text}, approve, nil
}

// sameContent reports whether two contents have the same text and codes
// (by id and type).
func sameContent(a, b inline.Content) bool {
	return SameSource(a, b) == nil
}

// targetText returns the English a target gives unit u, in u's form.
func targetText(read, src inline.Content, u *review.Unit) (string, error) {
	tgt, err := Target(read, src)
	if err != nil {
		return "", err
	}
	for _, p := range tgt {
		if p.Code == nil && strings.ContainsAny(p.Text, "\n\r") && !strings.ContainsAny(u.Source(), "\n\r") {
			return "", errors.New("the target has a line break, which the French does not")
		}
	}
	if !u.Markup {
		return tgt.Plain(), nil
	}
	// The element codes hold the French alt texts and titles: the
	// English ones are units of their own, kept as the unit has them.
	return translate.SetAttrs(tgt.HTML(), true, translate.TextAttrs(u.Text, true)), nil
}

// isEmpty reports whether c holds no text and no code.
func isEmpty(c inline.Content) bool {
	for _, p := range c {
		if p.Code != nil || strings.TrimSpace(p.Text) != "" {
			return false
		}
	}
	return true
}
