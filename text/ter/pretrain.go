package ter

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/text/bert"
	"github.com/emovox/emovox/text/wordpiece"
)

// MLMConfig configures masked-language-model pre-training.
type MLMConfig struct {
	MaxLen, Epochs, BatchSize int
	// LR is Adam's learning rate, raised linearly over WarmupSteps.
	LR          float64
	WarmupSteps int
	ClipNorm    float64
	// MaskProb is the fraction of tokens predicted; of those, 80% are
	// replaced by [MASK], 10% by a random token and 10% kept, as in BERT.
	MaskProb float64
	Seed     uint64
}

// DefaultMLMConfig returns the pre-training configuration used here:
// length 48, one epoch of batches of 32, Adam 5e-4 warmed up over 300
// steps, gradient norm clipped at 1, 15% of the tokens masked.
func DefaultMLMConfig() MLMConfig {
	return MLMConfig{MaxLen: 48, Epochs: 1, BatchSize: 32, LR: 5e-4, WarmupSteps: 300, ClipNorm: 1, MaskProb: 0.15, Seed: 1}
}

// MLMEpochLog reports one pre-training epoch.
type MLMEpochLog struct {
	Epoch int `json:"epoch"`
	// Loss is the mean cross-entropy of the masked tokens; Accuracy the
	// fraction of them predicted exactly.
	Loss     float64 `json:"loss"`
	Accuracy float64 `json:"accuracy"`
	Seconds  float64 `json:"seconds"`
}

// PretrainMLM trains enc as BERT's masked language model on texts (BERT's
// masking, without next-sentence prediction), with a fresh prediction head
// that it returns, calling progress after every epoch when not nil. The
// encoder is left in evaluation mode. Same seed, same encoder.
func PretrainMLM(ctx context.Context, tok *wordpiece.Tokenizer, enc *bert.Model, texts []string, cfg MLMConfig,
	progress func(MLMEpochLog)) (*bert.MLMHead, []MLMEpochLog, error) {
	if tok.Vocab().Size() != enc.Config.VocabSize {
		return nil, nil, fmt.Errorf("%w: tokenizer of %d tokens, encoder vocabulary %d", ErrModel, tok.Vocab().Size(), enc.Config.VocabSize)
	}
	if len(texts) == 0 || cfg.BatchSize <= 0 || cfg.Epochs <= 0 || cfg.LR <= 0 || cfg.MaskProb <= 0 || cfg.MaskProb >= 1 ||
		cfg.MaxLen < 2 || cfg.MaxLen > enc.Config.MaxPositionEmbeddings {
		return nil, nil, fmt.Errorf("%w: %d texts, configuration %+v", ErrDataset, len(texts), cfg)
	}
	head := bert.NewMLMHead(enc, cfg.Seed)
	params := append(enc.Params(), head.Params()...)
	opt := nn.NewAdam(params, nn.AdamDefaults(cfg.LR))
	encodings := tok.EncodeBatch(texts, cfg.MaxLen)
	rng := newRand(cfg.Seed)
	masker := newMasker(tok, cfg.MaskProb)
	var ce nn.CrossEntropy
	var logs []MLMEpochLog
	step := 0
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		start := time.Now()
		enc.SetTraining(true)
		enc.Reseed(cfg.Seed + uint64(epoch)<<20)
		var lossSum float64
		var correct, predicted, batches int
		for _, idx := range makeBatches(rng, encodings, cfg.BatchSize, true) {
			if err := ctx.Err(); err != nil {
				return head, logs, err
			}
			encs := make([]wordpiece.Encoding, len(idx))
			for i, j := range idx {
				encs[i] = encodings[j]
			}
			b, err := bert.NewBatch(encs)
			if err != nil {
				return head, logs, fmt.Errorf("ter: %w", err)
			}
			positions, targets := masker.mask(rng, &b)
			logits := head.Forward(enc.Forward(b).Sequence, positions)
			lossSum += ce.Forward(logits, targets)
			for i, y := range targets {
				if nn.Argmax(logits.Data[i*logits.Shape[1]:(i+1)*logits.Shape[1]]) == y {
					correct++
				}
			}
			predicted += len(targets)
			enc.Backward(head.Backward(ce.Backward()), nil)
			if cfg.ClipNorm > 0 {
				nn.ClipGradNorm(params, cfg.ClipNorm)
			}
			lr := cfg.LR
			if step < cfg.WarmupSteps {
				lr *= float64(step+1) / float64(cfg.WarmupSteps)
			}
			opt.SetLR(lr)
			opt.Step()
			nn.ZeroGrad(params)
			step++
			batches++
		}
		log := MLMEpochLog{Epoch: epoch, Loss: lossSum / float64(batches), Accuracy: float64(correct) / float64(predicted),
			Seconds: time.Since(start).Seconds()}
		logs = append(logs, log)
		if progress != nil {
			progress(log)
		}
	}
	enc.SetTraining(false)
	return head, logs, nil
}

// masker chooses the tokens to predict and corrupts them.
type masker struct {
	prob      float64
	maskID    int
	vocabSize int
	special   map[int]bool
}

func newMasker(tok *wordpiece.Tokenizer, prob float64) *masker {
	return &masker{prob: prob, maskID: tok.MaskID(), vocabSize: tok.Vocab().Size(),
		special: map[int]bool{tok.ClassifierID(): true, tok.SeparatorID(): true, tok.PaddingID(): true}}
}

// mask picks every real, non-special token of b with probability prob
// (one at random when none is picked) and replaces it by [MASK] (80%), a
// random token (10%) or itself (10%). It returns the flat positions of the
// picked tokens and their original ids.
func (mk *masker) mask(rng *rand.Rand, b *bert.Batch) (positions, targets []int) {
	var candidates []int
	for s := range b.Size {
		for t := range b.Lengths[s] {
			if p := s*b.SeqLen + t; !mk.special[b.IDs[p]] {
				candidates = append(candidates, p)
			}
		}
	}
	for _, p := range candidates {
		if rng.Float64() < mk.prob {
			positions = append(positions, p)
		}
	}
	if len(positions) == 0 && len(candidates) > 0 {
		positions = append(positions, candidates[rng.IntN(len(candidates))])
	}
	if len(positions) == 0 { // only special tokens: predict the first [CLS]
		positions = append(positions, 0)
	}
	for _, p := range positions {
		targets = append(targets, b.IDs[p])
		switch r := rng.Float64(); {
		case r < 0.8:
			b.IDs[p] = mk.maskID
		case r < 0.9:
			b.IDs[p] = rng.IntN(mk.vocabSize)
		}
	}
	return positions, targets
}
