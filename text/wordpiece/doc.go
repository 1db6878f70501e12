// Package wordpiece is BERT's tokenizer: the BasicTokenizer's text
// normalisation and splitting followed by greedy longest-match-first
// WordPiece, producing the same token ids as Hugging Face's tokenizers
// library (BertTokenizerFast) for the same vocabulary.
//
// # Pipeline
//
// Encode runs, in this order, the steps of a bert-base-uncased
// tokenizer.json:
//
//  1. Special tokens ([CLS], [SEP], [PAD], [MASK], [UNK]) written literally
//     in the text, case-sensitive, become their ids and split the text.
//  2. Cleaning: NUL, U+FFFD and control characters (categories Cc, Cf, Co,
//     Cs, except tab, newline and carriage return) are removed; white space
//     becomes a space.
//  3. Every CJK ideograph gets a space on either side.
//  4. Accents are stripped (NFD, then nonspacing marks removed) and the
//     text is lower-cased, when Options.Lowercase is set (uncased models).
//  5. The text is split on white space, and every punctuation character
//     (ASCII punctuation and Unicode category P) becomes a word of its own.
//  6. Each word of at most MaxInputCharsPerWord characters is cut into the
//     longest vocabulary entries from its start, the pieces after the first
//     prefixed with "##"; a word that cannot be cut, or is longer, becomes
//     [UNK].
//  7. [CLS] ... [SEP] frame the pieces, truncated so that the whole fits
//     in the maximum length, and [PAD] fills the rest.
//
// Character classes follow the Unicode tables that the tokenizers library
// was built with, which predate Go's: the few characters whose category
// changed since (see compat.go) are classified as that library does, and a
// test compares the normalisation and splitting of every code point with
// the library's.
//
// A Tokenizer is immutable after construction and safe for concurrent use.
package wordpiece
