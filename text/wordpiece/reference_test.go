package wordpiece

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/emovox/emovox/internal/sharedtest"
)

// referenceCase is one text of testdata/reference.json with the encodings
// that Hugging Face's tokenizers library gives for it (see reference.js):
// unlimited, and truncated and padded to 48.
type referenceCase struct {
	Text      string
	Tokens    []string
	IDs       []int
	IDs48     []int `json:"ids48"`
	TypeIDs48 []int `json:"type_ids48"`
	Mask48    []int `json:"mask48"`
}

func loadReference(t *testing.T) []referenceCase {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		MaxLength int `json:"max_length"`
		Cases     []referenceCase
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	if f.MaxLength != 48 || len(f.Cases) < 200 {
		t.Fatalf("reference.json: max_length %d, %d cases", f.MaxLength, len(f.Cases))
	}
	return f.Cases
}

// bertTokenizers returns bert-base-uncased's tokenizer loaded from its
// tokenizer.json and from its vocab.txt.
func bertTokenizers(t testing.TB) map[string]*Tokenizer {
	t.Helper()
	dir := sharedtest.Dir(t, "data", "text", "bert-base-uncased")
	out := map[string]*Tokenizer{}
	for _, name := range []string{"tokenizer.json", "vocab.txt"} {
		tok, err := Load(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = tok
	}
	return out
}

// TestReferenceIDs compares the ids of 209 texts (dair-ai tweets,
// GoEmotions comments with emojis and accents, edge cases) with those of
// the tokenizers library, exactly.
func TestReferenceIDs(t *testing.T) {
	cases := loadReference(t)
	for name, tok := range bertTokenizers(t) {
		t.Run(name, func(t *testing.T) {
			for _, c := range cases {
				full := tok.Encode(c.Text, 0)
				if !slices.Equal(full.IDs, c.IDs) {
					t.Errorf("%q:\n got %v\nwant %v (%v)", c.Text, full.IDs, c.IDs, c.Tokens)
					continue
				}
				e := tok.Encode(c.Text, 48)
				if !slices.Equal(e.IDs, c.IDs48) || !slices.Equal(e.TypeIDs, c.TypeIDs48) || !slices.Equal(e.AttentionMask, c.Mask48) {
					t.Errorf("%q truncated to 48:\n got %v %v %v\nwant %v %v %v", c.Text,
						e.IDs, e.TypeIDs, e.AttentionMask, c.IDs48, c.TypeIDs48, c.Mask48)
				}
			}
		})
	}
}

// codePointReference is testdata/codepoints.json.gz (see codepoints.js).
type codePointReference struct {
	Removed, Space, Padded [][2]rune
	Mapped                 map[string]string
	Classes                [][3]any
}

// TestEveryCodePoint compares the normalisation of every code point, and
// whether it separates words, is a word of its own or part of a word, with
// the tokenizers library's.
func TestEveryCodePoint(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "codepoints.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var ref codePointReference
	if err := json.NewDecoder(zr).Decode(&ref); err != nil {
		t.Fatal(err)
	}
	want := make(map[rune]string, len(ref.Mapped))
	for k, v := range ref.Mapped {
		cp, err := strconv.Atoi(k)
		if err != nil {
			t.Fatal(err)
		}
		want[rune(cp)] = v
	}
	for _, rs := range []struct {
		ranges [][2]rune
		norm   func(c string) string
	}{
		{ref.Removed, func(string) string { return "" }},
		{ref.Space, func(string) string { return " " }},
		{ref.Padded, func(c string) string { return " " + c + " " }},
	} {
		for _, r := range rs.ranges {
			for cp := r[0]; cp <= r[1]; cp++ {
				want[cp] = rs.norm(string(cp))
			}
		}
	}
	bad := 0
	var buf []byte
	for cp := rune(0); cp <= utf8.MaxRune; cp++ {
		if !utf8.ValidRune(cp) {
			continue
		}
		w, ok := want[cp]
		if !ok {
			w = string(cp)
		}
		buf = normalize(buf[:0], string(cp), true, true)
		if string(buf) != w {
			if bad++; bad <= 20 {
				t.Errorf("normalize(%U) = %q, want %q", cp, buf, w)
			}
		}
	}
	checked := 0
	for _, r := range ref.Classes {
		first, last, class := rune(r[0].(float64)), rune(r[1].(float64)), r[2].(string)
		for cp := first; cp <= last; cp++ {
			if !utf8.ValidRune(cp) {
				continue
			}
			checked++
			got := "w"
			switch {
			case isWhitespace(cp):
				got = "s"
			case isPunctuation(cp):
				got = "p"
			}
			if got != class {
				if bad++; bad <= 20 {
					t.Errorf("class of %U = %s, want %s", cp, got, class)
				}
			}
		}
	}
	if checked != utf8.MaxRune+1-0x800 {
		t.Errorf("classes cover %d code points", checked)
	}
	if bad > 0 {
		t.Errorf("%d code points differ", bad)
	}
}
