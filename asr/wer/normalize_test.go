package wer

import (
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Excuse me.", []string{"excuse", "me"}},
		{"Kids are talking by the door", []string{"kids", "are", "talking", "by", "the", "door"}},
		{"[LAUGHTER] Oh, no! [BREATHING]", []string{"oh", "no"}},
		{"<s> hello <sil> world </s>", []string{"hello", "world"}},
		{"don't 'quote' dogs' rock-n-roll", []string{"don't", "quote", "dogs", "rock", "n", "roll"}},
		{"It\u2019s", []string{"it's"}},
		{"3.5 km", []string{"3", "5", "km"}},
		{"a < b", []string{"a", "b"}},
		{"unclosed [tag", []string{"unclosed", "tag"}},
		{"Caf\u00e9 CAFE\u0301", []string{"caf\u00e9", "cafe\u0301"}},
		{"  \t\n", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Normalize(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Normalize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Don't [x] <y> z.", "'''", "[<]>", "\u2019a\u2019"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := Normalize(s)
		for _, w := range words {
			if w == "" {
				t.Fatalf("Normalize(%q) has an empty word: %q", s, words)
			}
			if again := Normalize(w); len(again) != 1 || again[0] != w {
				t.Fatalf("Normalize(%q) word %q is not a fixed point: %q", s, w, again)
			}
		}
	})
}
