package wordpiece

import "unicode/utf8"

// continuationPrefix marks the pieces that continue a word.
const continuationPrefix = "##"

// appendPieces appends the ids of the WordPiece segmentation of word:
// greedy longest match from the start, unk for a word with more than
// maxChars characters or with a remainder that no piece matches.
func (v *Vocab) appendPieces(ids []int, word []byte, maxChars, unk int) []int {
	if utf8.RuneCount(word) > maxChars {
		return append(ids, unk)
	}
	mark := len(ids)
	for start := 0; start < len(word); {
		end, id := len(word), -1
		for end > start {
			var ok bool
			if start == 0 {
				id, ok = v.ids[string(word[:end])]
			} else {
				id, ok = v.suffixes[string(word[start:end])]
			}
			if ok {
				break
			}
			id = -1
			// Step back one character.
			_, size := utf8.DecodeLastRune(word[start:end])
			end -= size
		}
		if id < 0 {
			return append(ids[:mark], unk)
		}
		ids = append(ids, id)
		start = end
	}
	return ids
}
