package ter

// Head is the classification head on the pooled BERT output:
//
//	pooled → pre_classifier (Linear, FC units) → ReLU → dropout → classifier (Linear, one logit per class)
//
// with an L2 penalty L2·Σw² (Keras' kernel_regularizer l2) on the
// pre_classifier weights. The ReLU output is the branch's penultimate
// activation, which IEmoNet's fusion reads (Embed).
type Head struct {
	FC      int
	Dropout float64
	L2      float64
}

// Recipe is a training configuration.
type Recipe struct {
	Head Head
	// MaxLen is the sequence length, [CLS] and [SEP] included.
	MaxLen    int
	Epochs    int
	BatchSize int
	// LR is Adam's learning rate (betas 0.9, 0.999, eps 1e-8), constant
	// unless WarmupSteps is set.
	LR float64
	// WarmupSteps raises the learning rate linearly from 0 over the first
	// steps; 0 means none.
	WarmupSteps int
	// ClipNorm clips the global gradient norm; 0 means no clipping.
	ClipNorm float64
	// ClassWeights weights the cross-entropy by n/(classes·count) per class
	// (scikit-learn's "balanced"), counted on the training set.
	ClassWeights bool
	// GroupByLength batches texts of similar token counts together (the
	// shuffled training set is cut into groups of 50 batches, each sorted
	// by length, and the batches are shuffled), which saves the work on
	// padding; otherwise batches are drawn at random.
	GroupByLength bool
	// KeepBest restores, after the last epoch, the weights of the epoch
	// with the best validation UA; otherwise the last epoch's are kept.
	KeepBest bool
	Seed     uint64
}

// PaperRecipe returns IEmoNet's TER fine-tuning recipe: sequence length
// 48, Adam with learning rate 3e-5, a 768-unit FC layer with dropout 0.2
// and L2 0.03, class-weighted cross-entropy, 7 epochs (batch 32, which the
// paper does not state). It assumes a pretrained encoder.
func PaperRecipe() Recipe {
	return Recipe{Head: Head{FC: 768, Dropout: 0.2, L2: 0.03}, MaxLen: 48, Epochs: 7, BatchSize: 32,
		LR: 3e-5, ClassWeights: true, Seed: 1}
}

// ScratchRecipe returns the recipe used here for an encoder trained from
// scratch, which a learning rate of 3e-5 barely moves in 7 epochs: the
// paper's head, length, loss and epochs, with learning rate 5e-4 warmed up
// over 300 steps, gradient norm clipped at 1, and the epoch with the best
// validation UA kept, and batches grouped by length.
func ScratchRecipe() Recipe {
	r := PaperRecipe()
	r.LR, r.WarmupSteps, r.ClipNorm, r.KeepBest, r.GroupByLength = 5e-4, 300, 1, true, true
	return r
}
