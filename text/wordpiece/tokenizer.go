package wordpiece

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Options configures a Tokenizer. DefaultOptions returns those of
// bert-base-uncased.
type Options struct {
	// Lowercase lower-cases the text (uncased models).
	Lowercase bool
	// StripAccents removes accents (NFD, then nonspacing marks); uncased
	// BERT models strip them, cased ones do not.
	StripAccents bool
	// MaxInputCharsPerWord is the longest word, in characters, that is cut
	// into pieces; longer words become the unknown token. 0 means 100.
	MaxInputCharsPerWord int
	// The special tokens; empty strings mean "[UNK]", "[CLS]", "[SEP]",
	// "[PAD]" and "[MASK]".
	Unknown, Classifier, Separator, Padding, Mask string
}

// DefaultOptions returns the options of bert-base-uncased: lower case,
// accents stripped, words of up to 100 characters.
func DefaultOptions() Options {
	return Options{Lowercase: true, StripAccents: true, MaxInputCharsPerWord: 100}
}

// Tokenizer turns text into BERT's token ids. It is safe for concurrent
// use.
type Tokenizer struct {
	vocab    *Vocab
	opts     Options
	unk      int
	cls, sep int
	pad      int
	mask     int
	// specials are the special tokens matched literally in the text.
	specials []special
}

// special is a special token and its id.
type special struct {
	text string
	id   int
}

// New returns a tokenizer over vocab. It fails with ErrVocab when a
// special token is missing from the vocabulary.
func New(vocab *Vocab, opts Options) (*Tokenizer, error) {
	if opts.MaxInputCharsPerWord <= 0 {
		opts.MaxInputCharsPerWord = 100
	}
	for _, s := range []struct {
		field *string
		def   string
	}{{&opts.Unknown, "[UNK]"}, {&opts.Classifier, "[CLS]"}, {&opts.Separator, "[SEP]"},
		{&opts.Padding, "[PAD]"}, {&opts.Mask, "[MASK]"}} {
		if *s.field == "" {
			*s.field = s.def
		}
	}
	t := &Tokenizer{vocab: vocab, opts: opts}
	for _, s := range []struct {
		text string
		id   *int
	}{{opts.Padding, &t.pad}, {opts.Unknown, &t.unk}, {opts.Classifier, &t.cls}, {opts.Separator, &t.sep},
		{opts.Mask, &t.mask}} {
		id, ok := vocab.ID(s.text)
		if !ok {
			return nil, fmt.Errorf("%w: special token %q missing", ErrVocab, s.text)
		}
		*s.id = id
		t.specials = append(t.specials, special{s.text, id})
	}
	return t, nil
}

// Load returns the tokenizer stored at path: a tokenizer.json file, a
// vocab.txt file (with DefaultOptions), or a directory holding either
// (tokenizer.json preferred).
func Load(path string) (*Tokenizer, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("wordpiece: %w", err)
	}
	if info.IsDir() {
		js := filepath.Join(path, "tokenizer.json")
		if _, err := os.Stat(js); err == nil {
			return LoadJSON(js)
		}
		path = filepath.Join(path, "vocab.txt")
	} else if strings.HasSuffix(path, ".json") {
		return LoadJSON(path)
	}
	v, err := LoadVocab(path)
	if err != nil {
		return nil, err
	}
	t, err := New(v, DefaultOptions())
	if err != nil {
		return nil, fmt.Errorf("wordpiece: %s: %w", path, err)
	}
	return t, nil
}

// Vocab returns the vocabulary.
func (t *Tokenizer) Vocab() *Vocab { return t.vocab }

// Options returns the options, with the defaults filled in.
func (t *Tokenizer) Options() Options { return t.opts }

// UnknownID returns the id of the unknown token ([UNK]).
func (t *Tokenizer) UnknownID() int { return t.unk }

// ClassifierID returns the id of the token that starts a sequence ([CLS]).
func (t *Tokenizer) ClassifierID() int { return t.cls }

// SeparatorID returns the id of the token that ends a sequence ([SEP]).
func (t *Tokenizer) SeparatorID() int { return t.sep }

// PaddingID returns the id of the padding token ([PAD]).
func (t *Tokenizer) PaddingID() int { return t.pad }

// MaskID returns the id of the mask token of masked-language-model
// training ([MASK]).
func (t *Tokenizer) MaskID() int { return t.mask }

// AppendIDs appends to dst the ids of the tokens of text, without [CLS],
// [SEP] or padding, and returns the extended slice.
func (t *Tokenizer) AppendIDs(dst []int, text string) []int {
	var buf []byte
	for text != "" {
		i, sp := t.nextSpecial(text)
		buf = normalize(buf[:0], text[:i], t.opts.Lowercase, t.opts.StripAccents)
		splitWords(buf, func(w []byte) {
			dst = t.vocab.appendPieces(dst, w, t.opts.MaxInputCharsPerWord, t.unk)
		})
		if sp == nil {
			break
		}
		dst = append(dst, sp.id)
		text = text[i+len(sp.text):]
	}
	return dst
}

// nextSpecial returns the position of the first special token in text and
// that token (the longest of those starting there), or len(text) and nil.
func (t *Tokenizer) nextSpecial(text string) (int, *special) {
	pos := len(text)
	var best *special
	for k := range t.specials {
		sp := &t.specials[k]
		i := strings.Index(text[:min(len(text), pos+len(sp.text))], sp.text)
		if i >= 0 && (i < pos || i == pos && len(sp.text) > len(best.text)) {
			pos, best = i, sp
		}
	}
	return pos, best
}

// IDs returns the ids of the tokens of text, without special tokens
// around them.
func (t *Tokenizer) IDs(text string) []int { return t.AppendIDs(nil, text) }

// Tokenize returns the tokens of text as strings ("un", "##aff",
// "##able"), without special tokens around them.
func (t *Tokenizer) Tokenize(text string) []string {
	ids := t.IDs(text)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = t.vocab.Token(id)
	}
	return out
}

// Words returns the words of text as BERT's basic tokenizer cuts them,
// before WordPiece: cleaned, lower-cased and without accents as the
// options say, split on white space, every punctuation character and CJK
// ideograph a word of its own; special tokens are words as written.
func (t *Tokenizer) Words(text string) []string {
	var words []string
	var buf []byte
	for text != "" {
		i, sp := t.nextSpecial(text)
		buf = normalize(buf[:0], text[:i], t.opts.Lowercase, t.opts.StripAccents)
		splitWords(buf, func(w []byte) { words = append(words, string(w)) })
		if sp == nil {
			break
		}
		words = append(words, sp.text)
		text = text[i+len(sp.text):]
	}
	return words
}
