package wordpiece

import "unicode"

// isWhitespace reports the characters that separate words: tab, newline,
// carriage return and the Unicode White_Space property.
func isWhitespace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.Is(unicode.White_Space, r)
}

// isControl reports the characters that cleaning removes: the categories
// Cc, Cf, Co and Cs, except tab, newline and carriage return (which are
// white space).
func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r':
		return false
	}
	if r < 0x80 {
		return r < 0x20 || r == 0x7f
	}
	if r < 0xa0 {
		return true // C1 controls
	}
	return unicode.In(r, unicode.Cf, unicode.Co) && !unicode.Is(notControl, r)
}

// isPunctuation reports the characters that form a word of their own:
// ASCII punctuation and Unicode category P.
func isPunctuation(r rune) bool {
	if r < 0x80 {
		return r >= '!' && r <= '/' || r >= ':' && r <= '@' || r >= '[' && r <= '`' || r >= '{' && r <= '~'
	}
	return unicode.IsPunct(r) && !unicode.Is(notPunctuation, r) || unicode.Is(extraPunctuation, r)
}

// isNonspacingMark reports category Mn, which stripping accents removes.
func isNonspacingMark(r rune) bool {
	return unicode.Is(unicode.Mn, r) && !unicode.Is(notNonspacingMark, r) || unicode.Is(extraNonspacingMark, r)
}

// isCJK reports the CJK Unified Ideographs and their extensions and
// compatibility forms, which BERT treats as words of their own; Japanese
// kana and Korean Hangul are not among them. As in the tokenizers library,
// the range of Extension F starts at U+2B920 (Google's BERT and the Python
// BertTokenizer start it at U+2B820, which leaves U+2B820-U+2B91F of
// Extension E out there).
func isCJK(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff ||
		r >= 0x3400 && r <= 0x4dbf ||
		r >= 0x20000 && r <= 0x2a6df ||
		r >= 0x2a700 && r <= 0x2b73f ||
		r >= 0x2b740 && r <= 0x2b81f ||
		r >= 0x2b920 && r <= 0x2ceaf ||
		r >= 0xf900 && r <= 0xfaff ||
		r >= 0x2f800 && r <= 0x2fa1f
}
