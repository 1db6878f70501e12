package wer

import (
	"strings"
	"unicode"
)

// Normalize returns the words of text as Align compares them: lower case,
// bracketed tags removed, punctuation dropped except apostrophes inside
// words (see the package documentation).
func Normalize(text string) []string {
	var words []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			words = append(words, word.String())
			word.Reset()
		}
	}
	runes := []rune(text)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r == '[' || r == '<':
			if end := closing(runes, i); end > i {
				flush()
				i = end
				continue
			}
			flush()
		case isWordRune(r):
			word.WriteRune(unicode.ToLower(r))
		case isApostrophe(r) && word.Len() > 0 && i+1 < len(runes) && isWordRune(runes[i+1]):
			word.WriteByte('\'')
		default:
			flush()
		}
	}
	flush()
	return words
}

// closing returns the index of the bracket that closes the one at
// runes[open], or -1 when it is not closed.
func closing(runes []rune, open int) int {
	want := ']'
	if runes[open] == '<' {
		want = '>'
	}
	for j := open + 1; j < len(runes); j++ {
		if runes[j] == want {
			return j
		}
	}
	return -1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }
