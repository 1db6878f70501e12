package bert

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/emovox/emovox/text/wordpiece"
)

func TestNewBatchCutsSharedPadding(t *testing.T) {
	encs := []wordpiece.Encoding{
		{IDs: []int{2, 5, 3, 0, 0, 0}, TypeIDs: make([]int, 6), AttentionMask: []int{1, 1, 1, 0, 0, 0}},
		{IDs: []int{2, 5, 6, 7, 3, 0}, TypeIDs: []int{0, 0, 1, 1, 1, 0}, AttentionMask: []int{1, 1, 1, 1, 1, 0}},
	}
	b, err := NewBatch(encs)
	if err != nil {
		t.Fatal(err)
	}
	if b.Size != 2 || b.SeqLen != 5 || !slices.Equal(b.Lengths, []int{3, 5}) ||
		!slices.Equal(b.IDs, []int{2, 5, 3, 0, 0, 2, 5, 6, 7, 3}) || !slices.Equal(b.TypeIDs, []int{0, 0, 0, 0, 0, 0, 0, 1, 1, 1}) {
		t.Errorf("batch %+v", b)
	}
	for _, bad := range [][]int{{1, 0, 1, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {1, 2, 0, 0, 0, 0}} {
		encs[0].AttentionMask = bad
		if _, err := NewBatch(encs); !errors.Is(err, ErrInput) {
			t.Errorf("mask %v: error %v", bad, err)
		}
	}
}

// TestPaddingDoesNotChangeOutputs checks that the outputs of a sequence do
// not depend on how much padding follows it.
func TestPaddingDoesNotChangeOutputs(t *testing.T) {
	m := New(tinyConfig(), 5)
	m.SetTraining(false)
	short := m.Forward(Batch{Size: 1, SeqLen: 3, IDs: []int{2, 9, 3}, TypeIDs: make([]int, 3), Lengths: []int{3}})
	want := slices.Clone(short.Pooled.Data)
	long := m.Forward(Batch{Size: 1, SeqLen: 7, IDs: []int{2, 9, 3, 0, 0, 0, 0}, TypeIDs: make([]int, 7), Lengths: []int{3}})
	for i, v := range long.Pooled.Data {
		if d := v - want[i]; d > 1e-6 || d < -1e-6 {
			t.Fatalf("pooled output changed by padding: %v vs %v", long.Pooled.Data, want)
		}
	}
}

func TestCheck(t *testing.T) {
	m := New(tinyConfig(), 1)
	ok := Batch{Size: 1, SeqLen: 3, IDs: []int{2, 9, 3}, TypeIDs: make([]int, 3), Lengths: []int{3}}
	if err := m.Check(ok); err != nil {
		t.Fatal(err)
	}
	long := Batch{Size: 1, SeqLen: 11, IDs: make([]int, 11), TypeIDs: make([]int, 11), Lengths: []int{11}}
	for name, b := range map[string]Batch{
		"sizes":    {Size: 2, SeqLen: 3, IDs: ok.IDs, TypeIDs: ok.TypeIDs, Lengths: ok.Lengths},
		"length":   {Size: 1, SeqLen: 3, IDs: ok.IDs, TypeIDs: ok.TypeIDs, Lengths: []int{0}},
		"too long": long,
		"id":       {Size: 1, SeqLen: 3, IDs: []int{2, 20, 3}, TypeIDs: ok.TypeIDs, Lengths: ok.Lengths},
		"type":     {Size: 1, SeqLen: 3, IDs: ok.IDs, TypeIDs: []int{0, 2, 0}, Lengths: ok.Lengths},
	} {
		if err := m.Check(b); !errors.Is(err, ErrInput) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig([]byte(`{"vocab_size": 100, "hidden_size": 16, "num_hidden_layers": 1,
		"num_attention_heads": 4, "intermediate_size": 32, "architectures": ["BertForMaskedLM"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.VocabSize != 100 || c.MaxPositionEmbeddings != 512 || c.LayerNormEps != 1e-12 || c.HiddenAct != "gelu" {
		t.Errorf("config %+v", c)
	}
	back, err := ParseConfig([]byte(c.JSON()))
	if err != nil || back != c {
		t.Errorf("JSON round trip: %+v, %v", back, err)
	}
	for _, bad := range []string{`{"hidden_size": 10, "num_attention_heads": 3}`, `{"hidden_act": "gelu_new"}`,
		`{"hidden_dropout_prob": 1}`, `{"vocab_size": 0}`, `[`} {
		if _, err := ParseConfig([]byte(bad)); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: error %v", bad, err)
		}
	}
	if !strings.Contains(BaseUncased().JSON(), `"model_type":"bert"`) {
		t.Error("JSON lacks model_type")
	}
}
