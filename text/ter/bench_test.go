package ter

import (
	"testing"
)

// BenchmarkPredict classifies 64 toy texts with the toy classifier (one
// layer, hidden 16): the cost of tokenizing, batching and the head around
// the encoder.
func BenchmarkPredict(b *testing.B) {
	c := toyClassifier(b, 1)
	texts := toyData(64, 3).Texts()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Predict(texts); err != nil {
			b.Fatal(err)
		}
	}
}
