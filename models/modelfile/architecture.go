package modelfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"

	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/cnnlstm"
	"github.com/emovox/emovox/models/iemonet"
	"github.com/emovox/emovox/models/mlp"
)

// Architectures returns the names of the architectures New builds.
func Architectures() []string {
	return []string{cnnlstm.Architecture, iemonet.Architecture, mlp.Architecture}
}

// New returns a classifier of meta's architecture and configuration with
// len(meta.Labels) classes, its weights initialised from rng as the
// architecture's constructor does (zero with a nil rng, for loading).
// The configuration is decoded strictly: a field this build does not know
// is an error, since ignoring it would give another model.
//
// Errors wrap ErrArchitecture for an unknown architecture and the
// architecture's own errors (cnnlstm.ErrConfig, iemonet.ErrConfig,
// mlp.ErrConfig) for a bad configuration.
func New(meta models.Metadata, rng *rand.Rand) (models.Classifier, error) {
	switch meta.Architecture {
	case cnnlstm.Architecture:
		var cfg cnnlstm.Config
		if err := decodeConfig(meta.Config, &cfg); err != nil {
			return nil, fmt.Errorf("%w: %s config: %w", cnnlstm.ErrConfig, meta.Architecture, err)
		}
		return cnnlstm.New(cfg, len(meta.Labels), rng)
	case iemonet.Architecture:
		var cfg iemonet.Config
		if err := decodeConfig(meta.Config, &cfg); err != nil {
			return nil, fmt.Errorf("%w: %s config: %w", iemonet.ErrConfig, meta.Architecture, err)
		}
		return iemonet.New(cfg, len(meta.Labels), rng)
	case mlp.Architecture:
		var cfg mlp.Config
		if err := decodeConfig(meta.Config, &cfg); err != nil {
			return nil, fmt.Errorf("%w: %s config: %w", mlp.ErrConfig, meta.Architecture, err)
		}
		return mlp.New(cfg, len(meta.Labels), rng)
	}
	return nil, fmt.Errorf("%w %q (this build knows %v)", ErrArchitecture, meta.Architecture, Architectures())
}

// decodeConfig decodes a JSON configuration into cfg, rejecting unknown
// fields and trailing data. An empty or null configuration leaves cfg
// zero.
func decodeConfig(raw json.RawMessage, cfg any) error {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(cfg); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("data after the configuration object")
	}
	return nil
}
