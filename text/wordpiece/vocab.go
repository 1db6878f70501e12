package wordpiece

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
)

// Vocab is a WordPiece vocabulary: token strings and their ids, the line
// numbers of a vocab.txt file (from 0). Continuation pieces carry the "##"
// prefix.
type Vocab struct {
	tokens []string
	ids    map[string]int
	// suffixes maps the continuation pieces without their "##" prefix, so
	// that lookups need no string concatenation.
	suffixes map[string]int
}

// NewVocab returns the vocabulary whose token with id i is tokens[i]. It
// fails with ErrVocab when tokens is empty or repeats a token.
func NewVocab(tokens []string) (*Vocab, error) {
	if len(tokens) == 0 {
		return nil, fmt.Errorf("%w: no tokens", ErrVocab)
	}
	v := &Vocab{tokens: append([]string(nil), tokens...), ids: make(map[string]int, len(tokens)),
		suffixes: make(map[string]int)}
	for id, tok := range v.tokens {
		if prev, dup := v.ids[tok]; dup {
			return nil, fmt.Errorf("%w: token %q at ids %d and %d", ErrVocab, tok, prev, id)
		}
		v.ids[tok] = id
		if rest, ok := strings.CutPrefix(tok, continuationPrefix); ok {
			v.suffixes[rest] = id
		}
	}
	return v, nil
}

// ReadVocab reads a vocab.txt: one token a line, the id being the line
// number from 0. Trailing carriage returns are removed, as are the spaces
// and tabs around a token, as transformers' load_vocab does.
func ReadVocab(r io.Reader) (*Vocab, error) {
	var tokens []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		tokens = append(tokens, strings.TrimRight(sc.Text(), " \t\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordpiece: read vocab: %w", err)
	}
	return NewVocab(tokens)
}

// LoadVocab reads the vocab.txt file at path.
func LoadVocab(path string) (*Vocab, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("wordpiece: %w", err)
	}
	defer f.Close()
	v, err := ReadVocab(f)
	if err != nil {
		return nil, fmt.Errorf("wordpiece: %s: %w", path, err)
	}
	return v, nil
}

// Size returns the number of tokens.
func (v *Vocab) Size() int { return len(v.tokens) }

// ID returns the id of token and whether the vocabulary holds it.
func (v *Vocab) ID(token string) (int, bool) {
	id, ok := v.ids[token]
	return id, ok
}

// Token returns the token with the given id, or "" outside [0, Size()).
func (v *Vocab) Token(id int) string {
	if id < 0 || id >= len(v.tokens) {
		return ""
	}
	return v.tokens[id]
}

// Tokens returns a copy of the tokens in id order.
func (v *Vocab) Tokens() []string { return append([]string(nil), v.tokens...) }

// Hash returns the hexadecimal SHA-256 of the tokens in id order, each
// followed by a newline: the digest of a vocab.txt with Unix line endings.
// Model files record it so that a model is never run with the wrong
// vocabulary.
func (v *Vocab) Hash() string {
	h := sha256.New()
	for _, t := range v.tokens {
		io.WriteString(h, t)
		io.WriteString(h, "\n")
	}
	return hex.EncodeToString(h.Sum(nil))
}
