package wordpiece

import (
	"encoding/json"
	"fmt"
	"os"
)

// tokenizerFile is the part of a Hugging Face tokenizer.json that a BERT
// WordPiece tokenizer uses.
type tokenizerFile struct {
	AddedTokens []struct {
		ID      int    `json:"id"`
		Content string `json:"content"`
		Special bool   `json:"special"`
	} `json:"added_tokens"`
	Normalizer *struct {
		Type               string `json:"type"`
		CleanText          bool   `json:"clean_text"`
		HandleChineseChars bool   `json:"handle_chinese_chars"`
		StripAccents       *bool  `json:"strip_accents"`
		Lowercase          bool   `json:"lowercase"`
	} `json:"normalizer"`
	PreTokenizer *struct {
		Type string `json:"type"`
	} `json:"pre_tokenizer"`
	Model struct {
		Type                    string         `json:"type"`
		UnkToken                string         `json:"unk_token"`
		ContinuingSubwordPrefix string         `json:"continuing_subword_prefix"`
		MaxInputCharsPerWord    int            `json:"max_input_chars_per_word"`
		Vocab                   map[string]int `json:"vocab"`
	} `json:"model"`
}

// LoadJSON reads a Hugging Face tokenizer.json describing a BERT tokenizer
// (BertNormalizer, BertPreTokenizer, WordPiece with the "##" prefix). It
// fails with ErrFormat for other tokenizers.
func LoadJSON(path string) (*Tokenizer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("wordpiece: %w", err)
	}
	t, err := ParseJSON(data)
	if err != nil {
		return nil, fmt.Errorf("wordpiece: %s: %w", path, err)
	}
	return t, nil
}

// ParseJSON is LoadJSON for the file's content.
func ParseJSON(data []byte) (*Tokenizer, error) {
	var f tokenizerFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	m := f.Model
	switch {
	case m.Type != "WordPiece":
		return nil, fmt.Errorf("%w: model type %q, want WordPiece", ErrFormat, m.Type)
	case m.ContinuingSubwordPrefix != continuationPrefix:
		return nil, fmt.Errorf("%w: continuing subword prefix %q, want %q", ErrFormat, m.ContinuingSubwordPrefix, continuationPrefix)
	case f.PreTokenizer == nil || f.PreTokenizer.Type != "BertPreTokenizer":
		return nil, fmt.Errorf("%w: pre-tokenizer is not BertPreTokenizer", ErrFormat)
	case f.Normalizer == nil || f.Normalizer.Type != "BertNormalizer":
		return nil, fmt.Errorf("%w: normalizer is not BertNormalizer", ErrFormat)
	case !f.Normalizer.CleanText || !f.Normalizer.HandleChineseChars:
		return nil, fmt.Errorf("%w: BertNormalizer without clean_text or handle_chinese_chars", ErrFormat)
	}
	tokens := make([]string, len(m.Vocab))
	for tok, id := range m.Vocab {
		if id < 0 || id >= len(tokens) || tokens[id] != "" {
			return nil, fmt.Errorf("%w: token %q has id %d, ids must be 0..%d once each", ErrVocab, tok, id, len(tokens)-1)
		}
		tokens[id] = tok
	}
	v, err := NewVocab(tokens)
	if err != nil {
		return nil, err
	}
	opts := DefaultOptions()
	opts.Lowercase = f.Normalizer.Lowercase
	opts.StripAccents = opts.Lowercase
	if f.Normalizer.StripAccents != nil {
		opts.StripAccents = *f.Normalizer.StripAccents
	}
	opts.MaxInputCharsPerWord = m.MaxInputCharsPerWord
	opts.Unknown = m.UnkToken
	return New(v, opts)
}
