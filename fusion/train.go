package fusion

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/emovox/emovox/metrics"
	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/train"
)

// TrainConfig configures the training of a fusion block. The block reads
// the branches the training set has embeddings for.
type TrainConfig struct {
	// Hidden and Dropout shape the block (see Config).
	Hidden  int
	Dropout float64
	// Epochs is the maximum number of passes over the training set.
	Epochs int
	// BatchSize is the number of utterances per Adam step.
	BatchSize int
	// LR is Adam's learning rate; WeightDecay its L2 penalty (PyTorch's
	// Adam weight_decay).
	LR, WeightDecay float64
	// Patience stops training after that many epochs without improvement
	// of the monitored validation score; 0 runs every epoch.
	Patience int
	// Monitor chooses the best epoch: train.MonitorUA (the default) or
	// train.MonitorLoss.
	Monitor train.Monitor
	// ClassWeights weights the cross-entropy of every class inversely to
	// its share of the training set (train.ClassWeights).
	ClassWeights bool
	// Seed seeds the initial weights, the batch order and the dropout.
	Seed uint64
}

// DefaultTrainConfig returns the configuration of the README's tables:
// a 128-unit hidden layer, dropout 0.3, Adam at 1e-3, batches of 32, at
// most 100 epochs with patience 15 on validation UA, class weights, seed 1.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{
		Hidden: DefaultHidden, Dropout: 0.3, Epochs: 100, BatchSize: 32, LR: 1e-3,
		Patience: 15, Monitor: train.MonitorUA, ClassWeights: true, Seed: 1,
	}
}

// validate reports an error wrapping ErrConfig for a configuration that
// cannot train.
func (c TrainConfig) validate() error {
	switch {
	case c.Epochs < 1 || c.BatchSize < 1:
		return fmt.Errorf("%w: %d epochs of batches of %d", ErrConfig, c.Epochs, c.BatchSize)
	case !(c.LR > 0) || !(c.WeightDecay >= 0) || c.Patience < 0:
		return fmt.Errorf("%w: learning rate %v, weight decay %v, patience %d", ErrConfig, c.LR, c.WeightDecay, c.Patience)
	case c.Monitor != "" && c.Monitor != train.MonitorUA && c.Monitor != train.MonitorLoss:
		return fmt.Errorf("%w: monitor %q", ErrConfig, c.Monitor)
	}
	return nil
}

// Scores are a block's scores on a set of utterances.
type Scores struct {
	Loss float64 `json:"loss"`
	WA   float64 `json:"wa"`
	UA   float64 `json:"ua"`
}

// Epoch records one finished epoch.
type Epoch struct {
	Epoch      int     `json:"epoch"` // from 1
	TrainLoss  float64 `json:"train_loss"`
	Validation *Scores `json:"validation,omitempty"`
}

// Result is the outcome of Train.
type Result struct {
	History []Epoch
	// BestEpoch (from 1) is the epoch whose weights the model holds.
	BestEpoch    int
	StoppedEarly bool
}

// Train fits a fusion block to the training set and returns it with its
// history. The block reads the branches that trainSet has embeddings for
// (a nil Acoustic or Text leaves that branch out); validation, if it has
// utterances, must have the same branches, and picks the best epoch and
// stops training early (see TrainConfig); without it every epoch runs and
// the last is kept. labels names the classes the sets' Labels index.
//
// Errors wrap ErrConfig for a configuration that cannot train and
// ErrInput for sets that do not fit it; ctx's error is returned, wrapped,
// when it is done before training ends.
func Train(ctx context.Context, trainSet, validation Set, labels []string, cfg TrainConfig) (*Model, *Result, error) {
	bc, err := blockConfig(trainSet, cfg)
	if err != nil {
		return nil, nil, err
	}
	if err := checkSet("training", trainSet, bc, len(labels)); err != nil {
		return nil, nil, err
	}
	if validation.Len() > 0 {
		if err := checkSet("validation", validation, bc, len(labels)); err != nil {
			return nil, nil, err
		}
	}
	t := newTrainer(trainSet, validation, labels, bc, cfg)
	res, err := t.run(ctx)
	if err != nil {
		return nil, nil, err
	}
	return t.model, res, nil
}

// blockConfig returns the block that cfg builds over the branches of s.
func blockConfig(s Set, cfg TrainConfig) (Config, error) {
	if err := cfg.validate(); err != nil {
		return Config{}, err
	}
	var bc Config
	if len(s.Acoustic) > 0 {
		bc.Acoustic = len(s.Acoustic[0])
	}
	if len(s.Text) > 0 {
		bc.Text = len(s.Text[0])
	}
	bc.Hidden, bc.Dropout = cfg.Hidden, cfg.Dropout
	bc = bc.WithDefaults()
	if err := bc.Validate(); err != nil {
		return Config{}, err
	}
	return bc, nil
}

// checkSet reports an error wrapping ErrInput unless s fits bc and has a
// label in [0, classes) for every utterance.
func checkSet(name string, s Set, bc Config, classes int) error {
	if classes < 2 {
		return fmt.Errorf("%w: %d classes", ErrConfig, classes)
	}
	if err := s.Embeddings.only(bc).check(bc); err != nil {
		return fmt.Errorf("%s set: %w", name, err)
	}
	if len(s.Labels) != s.Len() {
		return fmt.Errorf("%w: %s set: %d labels for %d utterances", ErrInput, name, len(s.Labels), s.Len())
	}
	for i, y := range s.Labels {
		if y < 0 || y >= classes {
			return fmt.Errorf("%w: %s set: label %d of utterance %d outside [0, %d)", ErrInput, name, y, i, classes)
		}
	}
	return nil
}

// trainer holds a training run: the standardised matrices, the model and
// the optimiser.
type trainer struct {
	cfg            TrainConfig
	classes        int
	x, vx          []float32 // standardised rows, n × width
	y, vy          []int
	model          *Model
	opt            *nn.Adam
	ce             nn.CrossEntropy
	batchX, logits []float32
	batchY         []int
}

func newTrainer(trainSet, validation Set, labels []string, bc Config, cfg TrainConfig) *trainer {
	x := trainSet.only(bc).concat(nil, bc)
	std := fitStandardizer(x, bc.Inputs())
	std.apply(x)
	t := &trainer{cfg: cfg, classes: len(labels), x: x, y: trainSet.Labels}
	if validation.Len() > 0 {
		t.vx = validation.only(bc).concat(nil, bc)
		std.apply(t.vx)
		t.vy = validation.Labels
	}
	info := map[string]any{"seed": cfg.Seed, "train_items": len(t.y), "validation_items": len(t.vy)}
	t.model = &Model{cfg: bc, labels: slices.Clone(labels), std: std, info: info,
		block: newBlock(bc, len(labels), rand.New(rand.NewPCG(cfg.Seed, 0)))}
	t.opt = nn.NewAdam(t.model.block.params(), nn.AdamConfig{
		LR: cfg.LR, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: cfg.WeightDecay})
	if cfg.ClassWeights {
		t.ce.Weights = train.ClassWeights(counts(t.y, t.classes))
	}
	return t
}

// run trains epoch after epoch, keeping the best weights.
func (t *trainer) run(ctx context.Context) (*Result, error) {
	res := &Result{}
	params := t.model.block.params()
	var best []*nn.Tensor
	bestScore, waited := math.Inf(-1), 0
	for e := 1; e <= t.cfg.Epochs; e++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("fusion: training stopped at epoch %d: %w", e, err)
		}
		loss, err := t.epoch(e)
		if err != nil {
			return nil, err
		}
		rec := Epoch{Epoch: e, TrainLoss: loss}
		if len(t.vy) == 0 {
			res.History = append(res.History, rec)
			res.BestEpoch = e
			continue
		}
		s, err := t.evaluate(t.vx, t.vy)
		if err != nil {
			return nil, fmt.Errorf("fusion: epoch %d: validation: %w", e, err)
		}
		rec.Validation = &s
		res.History = append(res.History, rec)
		score := s.UA
		if t.cfg.Monitor == train.MonitorLoss {
			score = -s.Loss
		}
		if score > bestScore {
			bestScore, waited, res.BestEpoch = score, 0, e
			best = snapshot(params, best)
			continue
		}
		if waited++; t.cfg.Patience > 0 && waited >= t.cfg.Patience {
			res.StoppedEarly = e < t.cfg.Epochs
			break
		}
	}
	if best != nil {
		for i, p := range params {
			copy(p.Value.Data, best[i].Data)
		}
	}
	t.model.block.setTraining(false)
	t.model.info["best_epoch"] = res.BestEpoch
	t.model.info["epochs_run"] = len(res.History)
	return res, nil
}

// epoch runs one pass over the training rows in an order drawn from the
// seed and the epoch, and returns the mean training loss.
func (t *trainer) epoch(e int) (float64, error) {
	b := t.model.block
	b.setTraining(true)
	b.reseed(t.cfg.Seed ^ uint64(e)*0x9e3779b97f4a7c15)
	order := rand.New(rand.NewPCG(t.cfg.Seed, uint64(e))).Perm(len(t.y))
	width := t.model.cfg.Inputs()
	var total float64
	for start := 0; start < len(order); start += t.cfg.BatchSize {
		idx := order[start:min(start+t.cfg.BatchSize, len(order))]
		t.batchX = resize(t.batchX, len(idx)*width)
		t.batchY = t.batchY[:0]
		for j, i := range idx {
			copy(t.batchX[j*width:(j+1)*width], t.x[i*width:(i+1)*width])
			t.batchY = append(t.batchY, t.y[i])
		}
		logits := b.forward(nn.FromData(t.batchX, len(idx), width))
		loss := t.ce.Forward(logits, t.batchY)
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			return 0, fmt.Errorf("%w: training loss %v at epoch %d", ErrInput, loss, e)
		}
		total += loss * float64(len(idx))
		b.backward(t.ce.Backward())
		t.opt.Step()
		nn.ZeroGrad(b.params())
	}
	return total / float64(len(order)), nil
}

// evaluate scores standardised rows x against y in evaluation mode.
func (t *trainer) evaluate(x []float32, y []int) (Scores, error) {
	b := t.model.block
	b.setTraining(false)
	width := t.model.cfg.Inputs()
	logits := b.forward(nn.FromData(x, len(y), width))
	ce := nn.CrossEntropy{Weights: t.ce.Weights}
	loss := ce.Forward(logits, y)
	pred := make([]int, len(y))
	for i := range y {
		pred[i] = nn.Argmax(logits.Data[i*t.classes : (i+1)*t.classes])
	}
	r, err := metrics.Evaluate(t.model.labels, y, pred)
	if err != nil {
		return Scores{}, err
	}
	return Scores{Loss: loss, WA: r.WA, UA: r.UA}, nil
}

// snapshot copies the values of params into dst, allocating it when nil.
func snapshot(params []*nn.Param, dst []*nn.Tensor) []*nn.Tensor {
	if dst == nil {
		dst = make([]*nn.Tensor, len(params))
		for i, p := range params {
			dst[i] = p.Value.Clone()
		}
		return dst
	}
	for i, p := range params {
		copy(dst[i].Data, p.Value.Data)
	}
	return dst
}

// counts returns the number of labels of every class.
func counts(y []int, classes int) []int {
	c := make([]int, classes)
	for _, v := range y {
		c[v]++
	}
	return c
}
