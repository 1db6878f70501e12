package ter

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/emovox/emovox/metrics"
	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/text/bert"
	"github.com/emovox/emovox/text/wordpiece"
	"github.com/emovox/emovox/train"
)

// EpochLog reports one training epoch.
type EpochLog struct {
	Epoch int `json:"epoch"`
	// Loss is the mean training loss (weighted cross-entropy plus the L2
	// penalty) over the epoch's batches.
	Loss          float64 `json:"loss"`
	TrainAccuracy float64 `json:"train_accuracy"`
	// ValidationWA and ValidationUA score the validation set after the
	// epoch (0 without one).
	ValidationWA float64 `json:"validation_wa"`
	ValidationUA float64 `json:"validation_ua"`
	Seconds      float64 `json:"seconds"`
}

// ClassWeights returns n/(classes·count_c) for every class c of d, the
// "balanced" weights of scikit-learn; a class without examples gets 0.
func ClassWeights(d *Dataset) []float32 {
	return train.ClassWeights(d.Counts())
}

// Fit trains the classifier (encoder and head) on train with recipe r,
// scoring val after every epoch when it is not nil, and calls progress,
// if not nil, after every epoch. The recipe's MaxLen replaces the
// classifier's. Same seed, same model. It fails with ErrDataset when a
// dataset's labels are not the classifier's, and returns ctx's error when
// ctx is cancelled (the model is then in an intermediate state).
func (c *Classifier) Fit(ctx context.Context, train, val *Dataset, r Recipe, progress func(EpochLog)) ([]EpochLog, error) {
	for _, d := range []*Dataset{train, val} {
		if d != nil && !slices.Equal(d.Labels, c.Labels) {
			return nil, fmt.Errorf("%w: %s has labels %v, the classifier %v", ErrDataset, d.Name, d.Labels, c.Labels)
		}
	}
	if len(train.Examples) == 0 || r.BatchSize <= 0 || r.Epochs <= 0 || r.LR <= 0 {
		return nil, fmt.Errorf("%w: %d training examples, batch %d, %d epochs, learning rate %g", ErrDataset,
			len(train.Examples), r.BatchSize, r.Epochs, r.LR)
	}
	if r.MaxLen < 2 || r.MaxLen > c.Encoder.Config.MaxPositionEmbeddings {
		return nil, fmt.Errorf("%w: sequence length %d", ErrModel, r.MaxLen)
	}
	c.MaxLen = r.MaxLen
	encodings := c.Tokenizer.EncodeBatch(train.Texts(), r.MaxLen)
	targets := train.Targets()
	params := c.Params()
	opt := nn.NewAdam(params, nn.AdamDefaults(r.LR))
	ce := &nn.CrossEntropy{}
	if r.ClassWeights {
		ce.Weights = ClassWeights(train)
	}
	rng := newRand(r.Seed)
	var logs []EpochLog
	var best []float32
	bestUA := -1.0
	step := 0
	for epoch := 1; epoch <= r.Epochs; epoch++ {
		start := time.Now()
		c.SetTraining(true)
		c.Encoder.Reseed(r.Seed + uint64(epoch)<<20)
		c.Dropout.Reseed(r.Seed + uint64(epoch)<<20 + 0x5eed)
		batchList := makeBatches(rng, encodings, r.BatchSize, r.GroupByLength)
		var lossSum float64
		var correct, batches int
		for _, idx := range batchList {
			if err := ctx.Err(); err != nil {
				return logs, err
			}
			loss, right, err := c.trainStep(opt, ce, params, encodings, targets, idx, r, step)
			if err != nil {
				return logs, err
			}
			lossSum += loss
			correct += right
			batches++
			step++
		}
		log := EpochLog{Epoch: epoch, Loss: lossSum / float64(batches), TrainAccuracy: float64(correct) / float64(len(encodings))}
		if val != nil {
			rep, err := c.Evaluate(val)
			if err != nil {
				return logs, err
			}
			log.ValidationWA, log.ValidationUA = rep.WA, rep.UA
			if r.KeepBest && rep.UA > bestUA {
				bestUA, best = rep.UA, snapshot(params, best)
			}
		}
		log.Seconds = time.Since(start).Seconds()
		logs = append(logs, log)
		if progress != nil {
			progress(log)
		}
	}
	if best != nil {
		restore(params, best)
	}
	c.SetTraining(false)
	return logs, nil
}

// groupBatches is the number of batches whose texts are sorted by length
// together when grouping by length.
const groupBatches = 50

// makeBatches returns the indices of an epoch's batches: a random
// permutation cut into batches or, when grouping by length, sorted by
// length within groups of groupBatches batches, the batches then
// shuffled.
func makeBatches(rng *rand.Rand, encodings []wordpiece.Encoding, size int, group bool) [][]int {
	order := rng.Perm(len(encodings))
	if group {
		for lo := 0; lo < len(order); lo += groupBatches * size {
			chunk := order[lo:min(lo+groupBatches*size, len(order))]
			slices.SortStableFunc(chunk, func(a, b int) int { return encodings[a].Len() - encodings[b].Len() })
		}
	}
	var out [][]int
	for lo := 0; lo < len(order); lo += size {
		out = append(out, order[lo:min(lo+size, len(order))])
	}
	if group {
		rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	}
	return out
}

// trainStep runs one optimisation step on the examples idx and returns the
// loss and the number of correct predictions.
func (c *Classifier) trainStep(opt *nn.Adam, ce *nn.CrossEntropy, params []*nn.Param, encodings []wordpiece.Encoding,
	targets []int, idx []int, r Recipe, step int) (float64, int, error) {
	encs := make([]wordpiece.Encoding, len(idx))
	ys := make([]int, len(idx))
	for i, j := range idx {
		encs[i], ys[i] = encodings[j], targets[j]
	}
	b, err := bert.NewBatch(encs)
	if err != nil {
		return 0, 0, fmt.Errorf("ter: %w", err)
	}
	logits, _ := c.forward(b)
	loss := ce.Forward(logits, ys)
	right := 0
	k := len(c.Labels)
	for i, y := range ys {
		row := logits.Data[i*k : (i+1)*k]
		if nn.Argmax(row) == y {
			right++
		}
	}
	c.backward(ce.Backward())
	if c.Head.L2 > 0 {
		loss += nn.AddL2([]*nn.Param{c.PreClassifier.Weight}, c.Head.L2)
	}
	if r.ClipNorm > 0 {
		nn.ClipGradNorm(params, r.ClipNorm)
	}
	lr := r.LR
	if r.WarmupSteps > 0 && step < r.WarmupSteps {
		lr *= float64(step+1) / float64(r.WarmupSteps)
	}
	opt.SetLR(lr)
	opt.Step()
	nn.ZeroGrad(params)
	return loss, right, nil
}

// Evaluate predicts the texts of d and scores them against its labels.
func (c *Classifier) Evaluate(d *Dataset) (*metrics.Report, error) {
	if !slices.Equal(d.Labels, c.Labels) {
		return nil, fmt.Errorf("%w: %s has labels %v, the classifier %v", ErrDataset, d.Name, d.Labels, c.Labels)
	}
	preds, err := c.Predict(d.Texts())
	if err != nil {
		return nil, err
	}
	yPred := make([]int, len(preds))
	for i, p := range preds {
		yPred[i] = p.Index
	}
	rep, err := metrics.Evaluate(c.Labels, d.Targets(), yPred)
	if err != nil {
		return nil, fmt.Errorf("ter: %w", err)
	}
	return rep, nil
}

// snapshot copies the values of params into buf.
func snapshot(params []*nn.Param, buf []float32) []float32 {
	buf = buf[:0]
	for _, p := range params {
		buf = append(buf, p.Value.Data...)
	}
	return buf
}

// restore copies a snapshot back.
func restore(params []*nn.Param, buf []float32) {
	for _, p := range params {
		n := copy(p.Value.Data, buf)
		buf = buf[n:]
	}
}
