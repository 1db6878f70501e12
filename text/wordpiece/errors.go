package wordpiece

import "errors"

// ErrVocab reports a vocabulary that cannot be used: empty, with duplicate
// entries or without the special tokens.
var ErrVocab = errors.New("wordpiece: invalid vocabulary")

// ErrFormat reports a tokenizer.json file that is not a WordPiece
// tokenizer this package understands.
var ErrFormat = errors.New("wordpiece: unsupported tokenizer file")
