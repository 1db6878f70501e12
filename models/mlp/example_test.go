package mlp_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/emovox/emovox/models/mlp"
	"github.com/emovox/emovox/nn"
)

// The IS09-functionals baseline for four classes, with dropout, scoring
// a batch of two standardised 384-value vectors.
func Example() {
	m, err := mlp.New(mlp.Config{Dropout: 0.5}, 4, rand.New(rand.NewPCG(1, 0)))
	if err != nil {
		panic(err)
	}
	m.SetTraining(false)
	x := nn.NewTensor(2, mlp.Frames, 384) // (batch, 1 frame, functionals)
	fmt.Println(m.Forward(x, nil).Shape, nn.NumParams(m.Params()))
	// Output: [2 4] 49796
}
