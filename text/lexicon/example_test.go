package lexicon_test

import (
	"fmt"

	"github.com/emovox/emovox/text/lexicon"
)

func Example() {
	texts := [][]string{{"what", "a", "happy", "day"}, {"so", "happy"}, {"a", "sad", "day"}, {"sad", "news"}}
	labels := []int{0, 0, 1, 1}
	m, err := lexicon.Train(texts, labels, []string{"joy", "sadness"}, lexicon.Config{Alpha: 1})
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Labels[m.Predict([]string{"happy", "news"})], m.Labels[m.Predict([]string{"sad"})])
	fmt.Println(m.Keywords(1, 2))
	// Output:
	// joy sadness
	// [sad news]
}
