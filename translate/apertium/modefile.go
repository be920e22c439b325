package apertium

import (
	"fmt"
	"os"
	"strings"
)

// noFlushPrograms are the programs that must not be given -z: they either
// lack the flag or flush on NUL without it (the list apertium-apy uses).
var noFlushPrograms = []string{"vislcg3", "cg-mwesplit", "hfst-tokenise", "hfst-tokenize", "divvun-suggest"}

// readModeFile parses a .mode file into the commands of its pipeline, each
// an argument vector, ready to run in null-flush mode: -z is added after
// each program, $1 (generation) becomes genFlag (-g marks unknown words, -n
// does not) and $2 (tagger options) is dropped.
func readModeFile(path, genFlag string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read mode file: %w", err)
	}
	cmds, err := parseMode(string(data), genFlag)
	if err != nil {
		return nil, fmt.Errorf("failed to parse mode file %s: %w", path, err)
	}
	return cmds, nil
}

// parseMode parses the text of a .mode file (see readModeFile).
func parseMode(text, genFlag string) ([][]string, error) {
	words, err := shellWords(strings.TrimSpace(text))
	if err != nil {
		return nil, err
	}
	var cmds [][]string
	var cur []string
	for _, w := range words {
		switch {
		case w.pipe:
			if len(cur) == 0 {
				return nil, fmt.Errorf("empty command before |")
			}
			cmds, cur = append(cmds, cur), nil
		case !w.quoted && w.text == "$1":
			cur = append(cur, genFlag)
		case !w.quoted && w.text == "$2":
		default:
			cur = append(cur, w.text)
		}
	}
	if len(cur) == 0 {
		return nil, fmt.Errorf("no command after the last |")
	}
	cmds = append(cmds, cur)
	for i, c := range cmds {
		cmds[i] = withNullFlush(c)
	}
	return cmds, nil
}

// withNullFlush inserts -z after the program name unless the program does
// not take it.
func withNullFlush(cmd []string) []string {
	for _, p := range noFlushPrograms {
		if cmd[0] == p {
			return cmd
		}
	}
	out := make([]string, 0, len(cmd)+1)
	out = append(out, cmd[0], "-z")
	return append(out, cmd[1:]...)
}

// word is one token of a mode file: a shell word or a pipe.
type word struct {
	text   string
	quoted bool
	pipe   bool
}

// shellWords splits a mode file's text into words and pipes, honouring
// single quotes, double quotes and backslashes as a shell would. Mode files
// use no other shell syntax.
func shellWords(s string) ([]word, error) {
	var words []word
	var b strings.Builder
	inWord, quoted := false, false
	flush := func() {
		if inWord {
			words = append(words, word{text: b.String(), quoted: quoted})
		}
		b.Reset()
		inWord, quoted = false, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			flush()
		case c == '|':
			flush()
			words = append(words, word{pipe: true})
		case c == '\'' || c == '"':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return nil, fmt.Errorf("unterminated %c quote", c)
			}
			b.WriteString(s[i+1 : i+1+end])
			inWord, quoted = true, true
			i += end + 1
		case c == '\\' && i+1 < len(s):
			b.WriteByte(s[i+1])
			inWord = true
			i++
		default:
			b.WriteByte(c)
			inWord = true
		}
	}
	flush()
	return words, nil
}
