package memory

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ImportStats counts what ImportTMX did with each translation.
type ImportStats struct {
	Added     int // new entries
	Updated   int // entries whose translation changed
	Unchanged int // entries already in the memory as they were
	Skipped   int // translations without a source, a target or languages
}

// ImportTMX adds the translation units of a TMX document to the memory in
// one transaction: on error nothing is imported. See [ReadTMX] for what
// is read; an approved unit replaces the approved translation of its
// sentence.
func (s *Store) ImportTMX(ctx context.Context, r io.Reader) (ImportStats, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return ImportStats{}, s.wrap(fmt.Errorf("failed to import TMX: %w", err))
	}
	defer tx.Rollback()
	st, err := ReadTMX(ctx, r, s.now(), func(e Entry) (Change, error) {
		if e.Status == Approved {
			return s.approve(ctx, tx, e.Key, e.Target, e.By, e.Backend, e.Created, e.Updated)
		}
		return s.putMachineTx(ctx, tx, e.Key, e.Backend, e.Target, e.Created, e.Updated)
	})
	if err != nil {
		return ImportStats{}, err
	}
	if err := tx.Commit(); err != nil {
		return ImportStats{}, s.wrap(fmt.Errorf("failed to import TMX: %w", err))
	}
	return st, nil
}

// ReadTMX reads the translation units of a TMX document (1.1 to 1.4b,
// UTF-8 or UTF-16 with a byte-order mark, or an encoding its XML
// declaration names) and calls put with one entry per translation: Status
// Approved unless the unit is marked x-bitext-status machine, with the
// unit's dates (now for a unit without any), editor (By) and backend. It
// counts what put did. See tmx.go for the mapping.
func ReadTMX(ctx context.Context, r io.Reader, now time.Time, put func(Entry) (Change, error)) (ImportStats, error) {
	imp := importer{put: put, now: now}
	if err := imp.read(ctx, newTMXDecoder(r)); err != nil {
		return ImportStats{}, err
	}
	return imp.stats, nil
}

// newTMXDecoder reads UTF-16 files (Trados writes them) as UTF-8, and
// other encodings as their declaration says.
func newTMXDecoder(r io.Reader) *xml.Decoder {
	br := bufio.NewReader(r)
	head, _ := br.Peek(2)
	var in io.Reader = br
	utf16 := bytes.Equal(head, []byte{0xff, 0xfe}) || bytes.Equal(head, []byte{0xfe, 0xff})
	if utf16 {
		in = transform.NewReader(br, unicode.BOMOverride(unicode.UTF8.NewDecoder()))
	}
	d := xml.NewDecoder(in)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if utf16 || strings.HasPrefix(strings.ToLower(label), "utf-16") || strings.EqualFold(label, "utf-8") {
			return input, nil
		}
		return charset.NewReaderLabel(label, input)
	}
	return d
}

// importer reads translation units and hands each translation to put.
type importer struct {
	put    func(Entry) (Change, error)
	now    time.Time
	header tmxHeader
	stats  ImportStats
}

func (imp *importer) read(ctx context.Context, d *xml.Decoder) error {
	seenTMX := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if !seenTMX {
				return errors.New("failed to read TMX: no <tmx> element")
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("failed to read TMX: %w", err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if err := imp.element(ctx, d, start, &seenTMX); err != nil {
			return err
		}
	}
}

// element handles one start tag of the document.
func (imp *importer) element(ctx context.Context, d *xml.Decoder, start xml.StartElement, seenTMX *bool) error {
	switch start.Name.Local {
	case "tmx":
		*seenTMX = true
	case "header":
		if err := d.DecodeElement(&imp.header, &start); err != nil {
			return fmt.Errorf("failed to read TMX header: %w", err)
		}
	case "tu":
		var tu tmxTU
		if err := d.DecodeElement(&tu, &start); err != nil {
			return fmt.Errorf("failed to read TMX: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return imp.unit(ctx, tu)
	}
	return nil
}

// unit imports one <tu>: one entry per target language.
func (imp *importer) unit(ctx context.Context, tu tmxTU) error {
	markup := isHTML(tu.Datatype, imp.header.Datatype)
	src := tu.source(imp.header.SrcLang)
	if src < 0 {
		imp.stats.Skipped++
		return nil
	}
	source := segString(tu.TUVs[src].Seg.Parts, markup)
	from := langCode(tu.TUVs[src].Lang)
	for i, tuv := range tu.TUVs {
		to := langCode(tuv.Lang)
		if i == src || to == from {
			continue
		}
		target := segString(tuv.Seg.Parts, markup)
		if source == "" || target == "" || from == "" || to == "" {
			imp.stats.Skipped++
			continue
		}
		k := Key{From: from, To: to, Source: source, Markup: markup, Terms: tu.prop(propTerms)}
		ch, err := imp.put(imp.entry(k, target, tu, tuv))
		if err != nil {
			return err
		}
		imp.count(ch)
	}
	return nil
}

func (imp *importer) count(ch Change) {
	switch ch {
	case Added:
		imp.stats.Added++
	case Updated:
		imp.stats.Updated++
	default:
		imp.stats.Unchanged++
	}
}

// entry is one translation with its unit's status and dates.
func (imp *importer) entry(k Key, target string, tu tmxTU, tuv tmxTUV) Entry {
	created, changed := tu.dates(tuv, imp.now)
	e := Entry{Key: k, Status: Machine, Backend: tu.prop(propBackend), Target: target, Created: created, Updated: changed}
	if tu.prop(propStatus) != string(Machine) {
		e.Status = Approved
		e.By = firstNonEmpty(tu.ChangeID, tuv.ChangeID, tu.CreationID, tuv.CreationID, "tmx")
	}
	return e
}

// putMachineTx stores a machine translation inside tx and says what it
// did.
func (s *Store) putMachineTx(ctx context.Context, tx *sql.Tx, k Key, backend, target string, created, at time.Time) (Change, error) {
	var old string
	err := tx.QueryRowContext(ctx, `SELECT target FROM segments WHERE src_lang = ? AND tgt_lang = ? AND source = ?
		AND markup = ? AND status = 'machine' AND backend = ? AND terms = ?`,
		k.From, k.To, k.Source, k.Markup, backend, k.Terms).Scan(&old)
	ch := Updated
	switch {
	case errors.Is(err, sql.ErrNoRows):
		ch = Added
	case err != nil:
		return Unchanged, s.wrap(fmt.Errorf("failed to import TMX: %w", err))
	case old == target:
		return Unchanged, nil
	}
	_, err = tx.StmtContext(ctx, s.stmts.putMachine).ExecContext(ctx, k.From, k.To, k.Source, k.Markup,
		backend, k.Terms, target, millis(created), millis(at))
	if err != nil {
		return Unchanged, s.wrap(fmt.Errorf("failed to import TMX: %w", err))
	}
	return ch, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// isHTML reports whether a unit's segments are HTML fragments.
func isHTML(unit, header string) bool {
	dt := strings.ToLower(firstNonEmpty(unit, header))
	return dt == "html" || dt == "xhtml"
}

// langCode reduces a language tag to its primary subtag in lower case.
func langCode(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}
