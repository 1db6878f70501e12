package fusion

// AcousticBranch is a frozen acoustic emotion recogniser: Embed returns the
// penultimate layer of its network for mono samples at rate Hz, a vector of
// the same size for every input.
type AcousticBranch interface {
	Embed(samples []float32, rate int) ([]float32, error)
}

// TextBranch is a frozen text emotion recogniser: Embed returns the
// penultimate layer of its network for every text, vectors of one size.
type TextBranch interface {
	Embed(texts []string) ([][]float32, error)
}
