package wordpiece

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/emovox/emovox/internal/sharedtest"
)

// tinyVocab is a vocabulary small enough to check segmentations by hand.
var tinyVocab = []string{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
	"un", "##aff", "##able", "hello", "world", ",", "!", "a", "##a", "##aa", "cafe", "好", "x", "##x"}

func tinyTokenizer(t testing.TB) *Tokenizer {
	t.Helper()
	v, err := NewVocab(tinyVocab)
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.MaxInputCharsPerWord = 10
	tok, err := New(v, opts)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestTokenizeTiny(t *testing.T) {
	tok := tinyTokenizer(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"", []string{}},
		{"Hello, WORLD!", []string{"hello", ",", "world", "!"}},
		{"unaffable", []string{"un", "##aff", "##able"}},
		// Greedy longest match: "aaaaa" is a + ##aa + ##aa, not a + ##a...
		{"aaaaa", []string{"a", "##aa", "##aa"}},
		{"aaaa", []string{"a", "##aa", "##a"}},
		// A remainder that no piece matches makes the whole word unknown.
		{"unaffablez", []string{"[UNK]"}},
		{"unafx", []string{"[UNK]"}},
		// More than MaxInputCharsPerWord (10) characters.
		{"xxxxxxxxxx xxxxxxxxxxx", []string{"x", "##x", "##x", "##x", "##x", "##x", "##x", "##x", "##x", "##x", "[UNK]"}},
		{"Café", []string{"cafe"}},
		{"a好a", []string{"a", "好", "a"}},
		{"a\u200bb\x00", []string{"[UNK]"}},
		{"hello[SEP]world [MASK]", []string{"hello", "[SEP]", "world", "[MASK]"}},
		{"[sep]", []string{"[UNK]", "[UNK]", "[UNK]"}},
		{"\xff\xfehello", []string{"hello"}},
	} {
		got := tok.Tokenize(c.text)
		if !slices.Equal(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	tok := tinyTokenizer(t)
	got := tok.Words("Ça va? [SEP]Unaffable好")
	want := []string{"ca", "va", "?", "[SEP]", "unaffable", "好"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestEncodeTruncatesAndPads(t *testing.T) {
	tok := tinyTokenizer(t)
	for _, c := range []struct {
		text   string
		maxLen int
		ids    []int
		mask   []int
	}{
		{"hello world", 0, []int{2, 8, 9, 3}, []int{1, 1, 1, 1}},
		{"hello world", 6, []int{2, 8, 9, 3, 0, 0}, []int{1, 1, 1, 1, 0, 0}},
		{"hello world", 4, []int{2, 8, 9, 3}, []int{1, 1, 1, 1}},
		{"hello world", 3, []int{2, 8, 3}, []int{1, 1, 1}},
		{"hello world", 2, []int{2, 3}, []int{1, 1}},
		{"", 3, []int{2, 3, 0}, []int{1, 1, 0}},
	} {
		e := tok.Encode(c.text, c.maxLen)
		if !slices.Equal(e.IDs, c.ids) || !slices.Equal(e.AttentionMask, c.mask) ||
			!slices.Equal(e.TypeIDs, make([]int, len(c.ids))) || e.Len() != slices.Index(append(c.mask, 0), 0) {
			t.Errorf("Encode(%q, %d) = %+v, want ids %v mask %v", c.text, c.maxLen, e, c.ids, c.mask)
		}
	}
}

func TestEncodePanicsOnImpossibleLength(t *testing.T) {
	tok := tinyTokenizer(t)
	for _, n := range []int{-1, 1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Encode with maxLen %d did not panic", n)
				}
			}()
			tok.Encode("hello", n)
		}()
	}
}

// TestKnownBertIDs checks ids that can be read off vocab.txt by hand
// (line number - 1).
func TestKnownBertIDs(t *testing.T) {
	dir := sharedtest.Dir(t, "data", "text", "bert-base-uncased")
	tok, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []int
	}{
		{"hello world", []int{101, 7592, 2088, 102}},
		{"I am so happy!", []int{101, 1045, 2572, 2061, 3407, 999, 102}},
		{"unaffable", []int{101, 14477, 20961, 3468, 102}},
	} {
		if got := tok.Encode(c.text, 0).IDs; !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
	v := tok.Vocab()
	if v.Size() != 30522 || v.Token(7592) != "hello" || v.Token(20961) != "##ffa" {
		t.Errorf("vocab: size %d, 7592 %q, 20961 %q", v.Size(), v.Token(7592), v.Token(20961))
	}
	if got := tok.Tokenize("unaffable"); !slices.Equal(got, []string{"una", "##ffa", "##ble"}) {
		t.Errorf("Tokenize(unaffable) = %q", got)
	}
	js, err := LoadJSON(filepath.Join(dir, "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	if js.Vocab().Hash() != v.Hash() {
		t.Errorf("tokenizer.json and vocab.txt hashes differ: %s %s", js.Vocab().Hash(), v.Hash())
	}
}

func TestVocabErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		tokens []string
	}{
		{"empty", nil},
		{"duplicate", []string{"[PAD]", "a", "a"}},
	} {
		if _, err := NewVocab(c.tokens); !errors.Is(err, ErrVocab) {
			t.Errorf("%s: error %v, want ErrVocab", c.name, err)
		}
	}
	v, err := ReadVocab(strings.NewReader("[PAD]\r\n[UNK]\n[CLS]\n[SEP]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if id, ok := v.ID("[UNK]"); !ok || id != 1 {
		t.Errorf("ID([UNK]) = %d, %v", id, ok)
	}
	if _, err := New(v, DefaultOptions()); !errors.Is(err, ErrVocab) || !strings.Contains(err.Error(), "[MASK]") {
		t.Errorf("missing [MASK]: error %v", err)
	}
}

func TestParseJSONErrors(t *testing.T) {
	const good = `{"normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
		"strip_accents": null, "lowercase": false},
		"pre_tokenizer": {"type": "BertPreTokenizer"},
		"model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
		"max_input_chars_per_word": 100,
		"vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4, "Hello": 5}}}`
	tok, err := ParseJSON([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if got := tok.Tokenize("Hello hello"); !slices.Equal(got, []string{"Hello", "[UNK]"}) {
		t.Errorf("cased tokenizer: %q", got)
	}
	for _, c := range []struct {
		name, old, new string
		want           error
	}{
		{"not json", "{", "[", ErrFormat},
		{"bpe", `"type": "WordPiece"`, `"type": "BPE"`, ErrFormat},
		{"prefix", `"continuing_subword_prefix": "##"`, `"continuing_subword_prefix": "@@"`, ErrFormat},
		{"pre-tokenizer", `"BertPreTokenizer"`, `"Whitespace"`, ErrFormat},
		{"normalizer", `"BertNormalizer"`, `"NFC"`, ErrFormat},
		{"no cleaning", `"clean_text": true`, `"clean_text": false`, ErrFormat},
		{"id gap", `"Hello": 5`, `"Hello": 7`, ErrVocab},
		{"no unk", `"[UNK]": 1`, `"[UNKNOWN]": 1`, ErrVocab},
	} {
		if _, err := ParseJSON([]byte(strings.Replace(good, c.old, c.new, 1))); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}

// FuzzEncode checks that any text encodes to valid ids of the requested
// length, and that truncation keeps a prefix of the untruncated ids.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "Hello, world!", "Ångström 你好 😀", "[CLS]x[SEP", "\xff\x00\u200b"} {
		f.Add(s)
	}
	tok := tinyTokenizer(f)
	f.Fuzz(func(t *testing.T, text string) {
		full := tok.Encode(text, 0)
		e := tok.Encode(text, 8)
		if len(e.IDs) != 8 || len(e.AttentionMask) != 8 || len(e.TypeIDs) != 8 {
			t.Fatalf("lengths %d %d %d", len(e.IDs), len(e.AttentionMask), len(e.TypeIDs))
		}
		n := e.Len()
		if n != min(len(full.IDs), 8) || e.IDs[0] != tok.ClassifierID() || e.IDs[n-1] != tok.SeparatorID() {
			t.Fatalf("encoding %v of %q (full %v)", e.IDs, text, full.IDs)
		}
		if !slices.Equal(e.IDs[:n-1], full.IDs[:n-1]) {
			t.Fatalf("truncated %v is no prefix of %v", e.IDs, full.IDs)
		}
		for _, id := range full.IDs {
			if id < 0 || id >= tok.Vocab().Size() {
				t.Fatalf("id %d", id)
			}
		}
	})
}

// TestConcurrentEncode encodes from several goroutines (meaningful under
// -race).
func TestConcurrentEncode(t *testing.T) {
	tok := tinyTokenizer(t)
	want := tok.Encode("Hello, unaffable world!", 8)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				if got := tok.Encode("Hello, unaffable world!", 8); !slices.Equal(got.IDs, want.IDs) {
					t.Errorf("got %v, want %v", got.IDs, want.IDs)
					return
				}
			}
		})
	}
	wg.Wait()
}
