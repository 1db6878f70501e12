package fusion

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/nn/safetensors"
)

// MetadataKey is the safetensors metadata entry that holds a fusion
// block's description, as JSON.
const MetadataKey = "emovox_fusion"

// fileVersion is the version of the metadata layout.
const fileVersion = 1

// fileMeta is what a model file records besides the weights.
type fileMeta struct {
	Version      int            `json:"version"`
	Config       Config         `json:"config"`
	Labels       []string       `json:"labels"`
	Standardizer standardizer   `json:"standardizer"`
	Training     map[string]any `json:"training,omitempty"`
}

// Save writes the model to path as safetensors, atomically: readers see
// the old file or the complete new one.
func (m *Model) Save(path string) error {
	meta, err := json.Marshal(fileMeta{Version: fileVersion, Config: m.cfg, Labels: m.labels, Standardizer: m.std, Training: m.info})
	if err != nil {
		return fmt.Errorf("fusion: %s: %w", path, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := nn.Save(path, m.block.params(), map[string]string{MetadataKey: string(meta)}); err != nil {
		return fmt.Errorf("fusion: %s: %w", path, err)
	}
	return nil
}

// Load reads a model written by Save. Errors name the file and wrap
// ErrModel for a file that is not a fusion block or whose weights do not
// fit its metadata.
func Load(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fusion: %w", err)
	}
	m, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("fusion: %s: %w", path, err)
	}
	return m, nil
}

// decode builds a model from the bytes of a model file.
func decode(data []byte) (*Model, error) {
	f, err := safetensors.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	raw, ok := f.Metadata[MetadataKey]
	if !ok {
		return nil, fmt.Errorf("%w: no %q metadata", ErrModel, MetadataKey)
	}
	var meta fileMeta
	if err := json.Unmarshal([]byte(raw), &meta); err != nil {
		return nil, fmt.Errorf("%w: metadata: %w", ErrModel, err)
	}
	if meta.Version != fileVersion {
		return nil, fmt.Errorf("%w: metadata version %d, this build reads %d", ErrModel, meta.Version, fileVersion)
	}
	cfg := meta.Config.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	if len(meta.Labels) < 2 {
		return nil, fmt.Errorf("%w: %d labels", ErrModel, len(meta.Labels))
	}
	if !meta.Standardizer.valid(cfg.Inputs()) {
		return nil, fmt.Errorf("%w: standardisation statistics do not fit %d inputs", ErrModel, cfg.Inputs())
	}
	b := newBlock(cfg, len(meta.Labels), nil)
	if err := nn.SetState(b.params(), f.Tensors); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	b.setTraining(false)
	return &Model{cfg: cfg, labels: meta.Labels, std: meta.Standardizer, info: meta.Training, block: b}, nil
}
