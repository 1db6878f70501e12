package bert

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/nn/safetensors"
)

// SetWeights copies into the model the tensors that Hugging Face names
// its parameters with, as a BertModel checkpoint stores them
// ("embeddings.word_embeddings.weight") or a task model's does
// ("bert.embeddings.word_embeddings.weight"); layer norms may use the
// legacy names gamma and beta for weight and bias. It returns the names of
// the tensors it did not use, such as a task model's head ("classifier.",
// "cls.predictions.") or the position_ids buffer. A missing tensor fails
// with an error wrapping nn.ErrMissing, a tensor of the wrong shape with
// one wrapping nn.ErrShape, both naming the tensor; the model is then left
// unchanged.
func (m *Model) SetWeights(tensors []safetensors.Tensor) (unused []string, err error) {
	byName := make(map[string]*safetensors.Tensor, len(tensors))
	prefix := ""
	for i := range tensors {
		byName[tensors[i].Name] = &tensors[i]
		if strings.HasPrefix(tensors[i].Name, "bert.embeddings.") {
			prefix = "bert."
		}
	}
	used := make(map[string]bool, len(m.params))
	sources := make([]*safetensors.Tensor, len(m.params))
	for i, p := range m.params {
		t, name := lookup(byName, prefix, p.Name)
		if t == nil {
			return nil, fmt.Errorf("bert: %w: tensor %s", nn.ErrMissing, name)
		}
		if !slices.Equal(t.Shape, p.Value.Shape) {
			return nil, fmt.Errorf("bert: %w: tensor %s is %v in the file, %v in the model (%s)", nn.ErrShape, t.Name,
				t.Shape, p.Value.Shape, m.shapeHint(p.Name))
		}
		used[t.Name] = true
		sources[i] = t
	}
	for i, p := range m.params {
		copy(p.Value.Data, sources[i].Data)
	}
	for _, t := range tensors {
		if !used[t.Name] {
			unused = append(unused, t.Name)
		}
	}
	return unused, nil
}

// lookup finds the tensor for a parameter name, trying the legacy
// LayerNorm names too; it returns the name to report when there is none.
func lookup(byName map[string]*safetensors.Tensor, prefix, name string) (*safetensors.Tensor, string) {
	want := prefix + name
	if t, ok := byName[want]; ok {
		return t, want
	}
	if base, ok := strings.CutSuffix(want, "LayerNorm.weight"); ok {
		if t, ok := byName[base+"LayerNorm.gamma"]; ok {
			return t, want
		}
	}
	if base, ok := strings.CutSuffix(want, "LayerNorm.bias"); ok {
		if t, ok := byName[base+"LayerNorm.beta"]; ok {
			return t, want
		}
	}
	return nil, want
}

// shapeHint names the configuration field a parameter's shape follows.
func (m *Model) shapeHint(name string) string {
	c := m.Config
	switch {
	case strings.Contains(name, "word_embeddings"):
		return fmt.Sprintf("vocab_size %d, hidden_size %d", c.VocabSize, c.HiddenSize)
	case strings.Contains(name, "position_embeddings"):
		return fmt.Sprintf("max_position_embeddings %d, hidden_size %d", c.MaxPositionEmbeddings, c.HiddenSize)
	case strings.Contains(name, "token_type_embeddings"):
		return fmt.Sprintf("type_vocab_size %d, hidden_size %d", c.TypeVocabSize, c.HiddenSize)
	case strings.Contains(name, "intermediate") || strings.Contains(name, "output.dense") && !strings.Contains(name, "attention"):
		return fmt.Sprintf("intermediate_size %d, hidden_size %d", c.IntermediateSize, c.HiddenSize)
	}
	return fmt.Sprintf("hidden_size %d", c.HiddenSize)
}

// LoadWeights reads a safetensors checkpoint into the model; see
// SetWeights.
func (m *Model) LoadWeights(path string) (unused []string, err error) {
	f, err := safetensors.Load(path)
	if err != nil {
		return nil, fmt.Errorf("bert: %w", err)
	}
	unused, err = m.SetWeights(f.Tensors)
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, path)
	}
	return unused, nil
}

// LoadPretrained opens a Hugging Face model directory: config.json and
// model.safetensors, as save_pretrained writes them. The model is in
// evaluation mode.
func LoadPretrained(dir string) (*Model, error) {
	cfg, err := LoadConfig(filepath.Join(dir, "config.json"))
	if err != nil {
		return nil, err
	}
	m := New(cfg, 0)
	if _, err := m.LoadWeights(filepath.Join(dir, "model.safetensors")); err != nil {
		return nil, err
	}
	m.SetTraining(false)
	return m, nil
}

// Save writes the weights with their Hugging Face names to a safetensors
// file, atomically, with metadata (transformers' save_pretrained writes
// {"format": "pt"}).
func (m *Model) Save(path string, metadata map[string]string) error {
	if err := nn.Save(path, m.params, metadata); err != nil {
		return fmt.Errorf("bert: %w", err)
	}
	return nil
}
