package translate

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

const (
	msgUTF16 = "the file is UTF-16 encoded; save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8) and try again"
	msgEmpty = "the file is empty (or holds only spaces); there is nothing to translate"
)

// decodeText turns the bytes of an article into UTF-8 text with "\n" line
// ends. It strips a UTF-8 byte-order mark, converts Windows-1252 (with a
// warning) and refuses UTF-16, binary and empty input.
func decodeText(path string, data []byte) (string, []string, error) {
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) || looksUTF16(data) {
		return "", nil, inputErrorf(path, 0, msgUTF16)
	}
	hadBOM := bytes.HasPrefix(data, bomUTF8)
	data = bytes.TrimPrefix(data, bomUTF8)
	if err := checkBinary(path, data); err != nil {
		return "", nil, err
	}
	var warnings []string
	text := string(data)
	if !utf8.Valid(data) {
		conv, err := fromWindows1252(path, data, hadBOM)
		if err != nil {
			return "", nil, err
		}
		text = conv
		warnings = append(warnings, displayName(path)+": not UTF-8; read as Windows-1252 (Latin-1) and converted to UTF-8: check the accented letters")
	}
	text = normalizeNewlines(text)
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		return "", nil, inputErrorf(path, 0, msgEmpty)
	}
	return text, warnings, nil
}

// displayName is the file name used in messages.
func displayName(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}

// looksUTF16 reports whether data has the NUL-byte pattern of UTF-16 text
// without a byte-order mark: in Latin-script UTF-16 nearly every other byte
// is zero.
func looksUTF16(data []byte) bool {
	n := min(len(data), 1024) &^ 1
	if n < 4 {
		return false
	}
	var zeros [2]int
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			zeros[i&1]++
		}
	}
	half := n / 2
	return zeros[0]*10 >= half*7 && zeros[1]*10 <= half || zeros[1]*10 >= half*7 && zeros[0]*10 <= half
}

// checkBinary refuses data holding NUL bytes or control characters other
// than tab, line feed, carriage return, vertical tab and form feed.
func checkBinary(path string, data []byte) error {
	line := 1
	for _, c := range data {
		switch {
		case c == '\n':
			line++
		case c == 0:
			return inputErrorf(path, line, "the file holds NUL bytes: it is a binary file (or UTF-32), not a text article; give a .txt or .md file saved as UTF-8")
		case c < 0x20 && c != '\t' && c != '\r' && c != '\v' && c != '\f', c == 0x7F:
			return inputErrorf(path, line, "control character U+%04X: this looks like a binary file, not a text article; give a .txt or .md file, or remove the character", c)
		}
	}
	return nil
}

// fromWindows1252 converts invalid UTF-8 that decodes cleanly as
// Windows-1252. Text that mixes valid UTF-8 accents with other bytes, or
// that uses bytes Windows-1252 leaves undefined, is refused: converting it
// would garble it.
func fromWindows1252(path string, data []byte, hadBOM bool) (string, error) {
	bad, multi := scanUTF8(data)
	line := bytes.Count(data[:bad], []byte("\n")) + 1
	if hadBOM || multi > 0 {
		return "", inputErrorf(path, line, "invalid UTF-8 (byte 0x%02X) in a file that is otherwise UTF-8: the file mixes encodings; fix or retype the characters on this line and save as UTF-8", data[bad])
	}
	for i, c := range data {
		if c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D {
			line = bytes.Count(data[:i], []byte("\n")) + 1
			return "", inputErrorf(path, line, "the file is neither UTF-8 nor Windows-1252 (byte 0x%02X); convert it to UTF-8 and try again", c)
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", inputErrorf(path, 0, "cannot convert from Windows-1252 (%v); convert the file to UTF-8 and try again", err)
	}
	return string(out), nil
}

// scanUTF8 returns the offset of the first invalid UTF-8 byte of data (or
// len(data)) and how many valid multi-byte sequences it holds.
func scanUTF8(data []byte) (bad, multi int) {
	bad = -1
	for i := 0; i < len(data); {
		r, w := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			if bad < 0 {
				bad = i
			}
		case w > 1:
			multi++
		}
		i += w
	}
	if bad < 0 {
		bad = len(data)
	}
	return bad, multi
}

// normalizeNewlines turns CRLF and lone CR line ends into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
