package iemonet_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/emovox/emovox/models/iemonet"
	"github.com/emovox/emovox/nn"
)

// The reference IEmoNet acoustic model for IEMOCAP's four classes,
// scoring two utterances of "is09-lld" frames padded to 384 frames.
func Example() {
	m, err := iemonet.New(iemonet.Config{}, 4, rand.New(rand.NewPCG(1, 0)))
	if err != nil {
		panic(err)
	}
	m.SetTraining(false)
	x := nn.NewTensor(2, iemonet.Frames, 32) // (batch, frames, features), normalised
	logits := m.Forward(x, []int{384, 250})  // the second utterance is 2.5 s long
	fmt.Println(logits.Shape, m.Penultimate().Shape, nn.NumParams(m.Params()))
	// Output: [2 4] [2 256] 153236
}
