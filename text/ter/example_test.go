package ter_test

import (
	"fmt"

	"github.com/emovox/emovox/text/ter"
)

// Loading a trained TER model and reading, for each text, the predicted
// emotion and the 768 penultimate activations that a fusion block takes
// from the frozen text branch.
func ExampleLoad() {
	clf, info, err := ter.Load("ter-dair-ai.safetensors")
	if err != nil {
		fmt.Println(err)
		return
	}
	texts := []string{"i feel so happy today", "this is infuriating"}
	preds, err := clf.Predict(texts)
	if err != nil {
		fmt.Println(err)
		return
	}
	features, err := clf.Embed(texts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Labels, preds[0].Label, len(features[0]))
}

func ExampleGoEmotionsToIEMOCAP4() {
	fmt.Println(ter.GoEmotionsToIEMOCAP4["annoyance"], ter.GoEmotionsToIEMOCAP4["excitement"], ter.GoEmotionsToIEMOCAP4["grief"])
	_, ok := ter.GoEmotionsToIEMOCAP4["surprise"]
	fmt.Println(ok)
	// Output:
	// angry happy sad
	// false
}
