package wordpiece

import "unicode/utf8"

// splitWords calls word for every word of the normalised text s: the
// maximal runs of characters that are neither white space nor punctuation,
// and every punctuation character on its own, in order.
func splitWords(s []byte, word func(w []byte)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRune(s[i:])
		}
		space, punct := isWhitespace(r), isPunctuation(r)
		if space || punct {
			if start >= 0 {
				word(s[start:i])
				start = -1
			}
			if punct {
				word(s[i : i+size])
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		word(s[start:])
	}
}
