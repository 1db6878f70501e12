package wordpiece

import "fmt"

// Encoding is a model input for one text, as Hugging Face's tokenizers
// return it: [CLS], the tokens, [SEP] and padding.
type Encoding struct {
	// IDs are the token ids.
	IDs []int
	// TypeIDs are the segment (token type) ids, all 0 for one text.
	TypeIDs []int
	// AttentionMask is 1 for real tokens and 0 for padding.
	AttentionMask []int
}

// Len returns the number of real (unpadded) tokens, [CLS] and [SEP]
// included.
func (e Encoding) Len() int {
	n := 0
	for _, m := range e.AttentionMask {
		n += m
	}
	return n
}

// Encode returns the encoding of text as BERT's input: [CLS], the tokens,
// [SEP]. With maxLen > 0 the tokens are truncated at the end to fit in
// maxLen with [CLS] and [SEP], and [PAD] fills the encoding to exactly
// maxLen, as the tokenizers library does with truncation and fixed
// padding to maxLen; with maxLen 0 nothing is truncated or padded. It
// panics when maxLen is 1 or negative, which leaves no room for [CLS] and
// [SEP].
func (t *Tokenizer) Encode(text string, maxLen int) Encoding {
	if maxLen < 0 || maxLen == 1 {
		panic(fmt.Sprintf("wordpiece: Encode: maximum length %d", maxLen))
	}
	ids := make([]int, 1, max(maxLen, 16))
	ids[0] = t.cls
	ids = t.AppendIDs(ids, text)
	if maxLen > 0 && len(ids) > maxLen-1 {
		ids = ids[:maxLen-1]
	}
	ids = append(ids, t.sep)
	n := len(ids)
	if maxLen > 0 {
		for len(ids) < maxLen {
			ids = append(ids, t.pad)
		}
	}
	e := Encoding{IDs: ids, TypeIDs: make([]int, len(ids)), AttentionMask: make([]int, len(ids))}
	for i := range n {
		e.AttentionMask[i] = 1
	}
	return e
}

// EncodeBatch encodes every text with Encode.
func (t *Tokenizer) EncodeBatch(texts []string, maxLen int) []Encoding {
	out := make([]Encoding, len(texts))
	for i, text := range texts {
		out[i] = t.Encode(text, maxLen)
	}
	return out
}
