package ter

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/nn/safetensors"
	"github.com/emovox/emovox/text/bert"
	"github.com/emovox/emovox/text/wordpiece"
)

// Metadata keys of a TER model file. The weights carry transformers'
// names (bert.embeddings..., pre_classifier.weight, classifier.weight).
const (
	// MetaKey holds the JSON-encoded ModelInfo.
	MetaKey = "emovox"
	// VocabKey holds the vocabulary, one token a line in id order.
	VocabKey = "vocab"
	// modelKind identifies TER files among emovox's model files.
	modelKind = "ter"
)

// ModelInfo is what a model file records besides the weights: enough to
// rebuild the tokenizer, the encoder and the head.
type ModelInfo struct {
	Kind    string      `json:"kind"`
	Version int         `json:"version"`
	Config  bert.Config `json:"bert_config"`
	Head    Head        `json:"head"`
	Labels  []string    `json:"labels"`
	MaxLen  int         `json:"max_len"`
	// Tokenizer holds the tokenizer options; VocabSHA256 is Vocab.Hash of
	// the vocabulary stored under VocabKey.
	Tokenizer   wordpiece.Options `json:"tokenizer"`
	VocabSHA256 string            `json:"vocab_sha256"`
	// Extra holds what the trainer wants recorded (dataset, recipe,
	// scores).
	Extra map[string]any `json:"extra,omitempty"`
}

// Info returns the classifier's ModelInfo.
func (c *Classifier) Info() ModelInfo {
	return ModelInfo{Kind: modelKind, Version: 1, Config: c.Encoder.Config, Head: c.Head, Labels: c.Labels,
		MaxLen: c.MaxLen, Tokenizer: c.Tokenizer.Options(), VocabSHA256: c.Tokenizer.Vocab().Hash()}
}

// Save writes the classifier to a safetensors file, atomically: the
// weights under transformers' names and, as metadata, the ModelInfo (with
// extra) and the vocabulary, so that the file alone reproduces a
// prediction.
func (c *Classifier) Save(path string, extra map[string]any) error {
	info := c.Info()
	info.Extra = extra
	js, err := json.Marshal(info)
	if err != nil {
		return fmt.Errorf("ter: save %s: %w", path, err)
	}
	meta := map[string]string{"format": "pt", MetaKey: string(js),
		VocabKey: strings.Join(c.Tokenizer.Vocab().Tokens(), "\n")}
	if err := nn.Save(path, c.Params(), meta); err != nil {
		return fmt.Errorf("ter: save %s: %w", path, err)
	}
	return nil
}

// Load opens a classifier written by Save, in evaluation mode. It fails
// with ErrModel when the metadata is missing or inconsistent (a vocabulary
// whose hash differs from the recorded one, for one), and with an error
// wrapping nn.ErrMissing, nn.ErrShape or nn.ErrUnexpected when the weights
// do not fit the recorded architecture.
func Load(path string) (*Classifier, ModelInfo, error) {
	f, err := safetensors.Load(path)
	if err != nil {
		return nil, ModelInfo{}, fmt.Errorf("ter: %w", err)
	}
	c, info, err := fromFile(f)
	if err != nil {
		return nil, info, fmt.Errorf("ter: %s: %w", path, err)
	}
	return c, info, nil
}

func fromFile(f *safetensors.File) (*Classifier, ModelInfo, error) {
	var info ModelInfo
	raw, ok := f.Metadata[MetaKey]
	if !ok {
		return nil, info, fmt.Errorf("%w: no %q metadata", ErrModel, MetaKey)
	}
	if err := json.Unmarshal([]byte(raw), &info); err != nil {
		return nil, info, fmt.Errorf("%w: metadata: %v", ErrModel, err)
	}
	if info.Kind != modelKind || info.Version != 1 {
		return nil, info, fmt.Errorf("%w: kind %q version %d, want %q version 1", ErrModel, info.Kind, info.Version, modelKind)
	}
	if err := info.Config.Validate(); err != nil {
		return nil, info, fmt.Errorf("%w: %v", ErrModel, err)
	}
	vocab, err := wordpiece.NewVocab(strings.Split(f.Metadata[VocabKey], "\n"))
	if err != nil {
		return nil, info, fmt.Errorf("%w: %v", ErrModel, err)
	}
	if vocab.Hash() != info.VocabSHA256 {
		return nil, info, fmt.Errorf("%w: vocabulary hash %s, recorded %s", ErrModel, vocab.Hash(), info.VocabSHA256)
	}
	tok, err := wordpiece.New(vocab, info.Tokenizer)
	if err != nil {
		return nil, info, fmt.Errorf("%w: %v", ErrModel, err)
	}
	c, err := NewClassifier(tok, bert.New(info.Config, 0), info.Labels, info.Head, info.MaxLen, 0)
	if err != nil {
		return nil, info, err
	}
	if err := nn.SetState(c.Params(), f.Tensors); err != nil {
		return nil, info, err
	}
	c.SetTraining(false)
	return c, info, nil
}
