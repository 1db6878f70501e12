package wordpiece

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalize appends to dst the text s cleaned, with CJK ideographs spaced
// out, accents stripped when stripAccents is set and letters lower-cased
// when lowercase is: BERT's normalizer with clean_text and
// handle_chinese_chars on. Invalid UTF-8 is removed with the control
// characters.
func normalize(dst []byte, s string, lowercase, stripAccents bool) []byte {
	if isPlainASCII(s) {
		return normalizeASCII(dst, s, lowercase)
	}
	start := len(dst)
	for _, r := range s {
		switch {
		case r == 0 || r == utf8.RuneError || isControl(r):
		case isWhitespace(r):
			dst = append(dst, ' ')
		case isCJK(r):
			dst = append(dst, ' ')
			dst = utf8.AppendRune(dst, r)
			dst = append(dst, ' ')
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	if !lowercase && !stripAccents {
		return dst
	}
	text := dst[start:]
	if stripAccents {
		text = decompose(text)
	} else {
		text = append([]byte(nil), text...)
	}
	dst = dst[:start]
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		i += size
		switch {
		case stripAccents && isNonspacingMark(r):
		case lowercase:
			dst = appendLower(dst, r)
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// appendLower appends the full lower-case mapping of r, which differs from
// unicode.ToLower for U+0130 (dotted capital I), whose lower case is two
// characters, and for the letters of lowerCompat.
func appendLower(dst []byte, r rune) []byte {
	if r == 'İ' {
		return append(dst, "i\u0307"...)
	}
	if l, ok := lowerCompat(r); ok {
		return utf8.AppendRune(dst, l)
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// isPlainASCII reports whether s is ASCII.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// normalizeASCII is normalize for ASCII text.
func normalizeASCII(dst []byte, s string, lowercase bool) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			dst = append(dst, ' ')
		case c < 0x20 || c == 0x7f:
		case lowercase && c >= 'A' && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// decompose returns the NFD of text, leaving U+11938 alone as the
// tokenizers library does.
func decompose(text []byte) []byte {
	var out []byte
	for {
		i := bytes.IndexRune(text, undecomposed)
		if i < 0 {
			return norm.NFD.Append(out, text...)
		}
		out = norm.NFD.Append(out, text[:i]...)
		out = utf8.AppendRune(out, undecomposed)
		text = text[i+utf8.RuneLen(undecomposed):]
	}
}
