package bert

import (
	"encoding/json"
	"fmt"
	"os"
)

// Config is the architecture of a BERT model, with the field names of
// Hugging Face's config.json (BertConfig).
type Config struct {
	VocabSize             int     `json:"vocab_size"`
	HiddenSize            int     `json:"hidden_size"`
	NumHiddenLayers       int     `json:"num_hidden_layers"`
	NumAttentionHeads     int     `json:"num_attention_heads"`
	IntermediateSize      int     `json:"intermediate_size"`
	MaxPositionEmbeddings int     `json:"max_position_embeddings"`
	TypeVocabSize         int     `json:"type_vocab_size"`
	LayerNormEps          float64 `json:"layer_norm_eps"`
	// HiddenAct must be "gelu", the exact erf form.
	HiddenAct                 string  `json:"hidden_act"`
	HiddenDropoutProb         float64 `json:"hidden_dropout_prob"`
	AttentionProbsDropoutProb float64 `json:"attention_probs_dropout_prob"`
	// InitializerRange is the standard deviation of the initial weights.
	InitializerRange float64 `json:"initializer_range"`
	PadTokenID       int     `json:"pad_token_id"`
}

// BaseUncased returns the configuration of bert-base-uncased.
func BaseUncased() Config {
	return Config{VocabSize: 30522, HiddenSize: 768, NumHiddenLayers: 12, NumAttentionHeads: 12,
		IntermediateSize: 3072, MaxPositionEmbeddings: 512, TypeVocabSize: 2, LayerNormEps: 1e-12,
		HiddenAct: "gelu", HiddenDropoutProb: 0.1, AttentionProbsDropoutProb: 0.1, InitializerRange: 0.02}
}

// Validate reports a configuration that cannot be built, wrapping
// ErrConfig.
func (c Config) Validate() error {
	switch {
	case c.VocabSize <= 0 || c.HiddenSize <= 0 || c.NumHiddenLayers < 0 || c.IntermediateSize <= 0 ||
		c.MaxPositionEmbeddings <= 0 || c.TypeVocabSize <= 0:
		return fmt.Errorf("%w: sizes must be positive: %+v", ErrConfig, c)
	case c.NumAttentionHeads <= 0 || c.HiddenSize%c.NumAttentionHeads != 0:
		return fmt.Errorf("%w: hidden size %d not divisible into %d heads", ErrConfig, c.HiddenSize, c.NumAttentionHeads)
	case c.HiddenAct != "gelu":
		return fmt.Errorf("%w: hidden_act %q, only \"gelu\" (exact) is supported", ErrConfig, c.HiddenAct)
	case c.LayerNormEps <= 0:
		return fmt.Errorf("%w: layer_norm_eps %g", ErrConfig, c.LayerNormEps)
	case c.HiddenDropoutProb < 0 || c.HiddenDropoutProb >= 1 || c.AttentionProbsDropoutProb < 0 || c.AttentionProbsDropoutProb >= 1:
		return fmt.Errorf("%w: dropout probabilities %g, %g outside [0, 1)", ErrConfig, c.HiddenDropoutProb, c.AttentionProbsDropoutProb)
	case c.PadTokenID < 0 || c.PadTokenID >= c.VocabSize:
		return fmt.Errorf("%w: pad_token_id %d outside the vocabulary", ErrConfig, c.PadTokenID)
	}
	return nil
}

// ParseConfig reads a config.json. Fields it leaves out take
// bert-base-uncased's values, as BertConfig's defaults do.
func ParseConfig(data []byte) (Config, error) {
	c := BaseUncased()
	if err := json.Unmarshal(data, &c); err != nil {
		return Config{}, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	return c, c.Validate()
}

// LoadConfig reads the config.json file at path.
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("bert: %w", err)
	}
	c, err := ParseConfig(data)
	if err != nil {
		return Config{}, fmt.Errorf("bert: %s: %w", path, err)
	}
	return c, nil
}

// JSON returns the configuration as a config.json would hold it.
func (c Config) JSON() string {
	b, err := json.Marshal(struct {
		Config
		ModelType     string   `json:"model_type"`
		Architectures []string `json:"architectures"`
	}{c, "bert", []string{"BertModel"}})
	if err != nil {
		panic(err) // a struct of numbers and strings always encodes
	}
	return string(b)
}
