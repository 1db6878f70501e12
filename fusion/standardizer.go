package fusion

import "math"

// standardizer holds the mean and standard deviation of every input column
// over the training rows; it maps x to (x - mean) / std.
type standardizer struct {
	Mean []float32 `json:"mean"`
	Std  []float32 `json:"std"`
}

// minStd replaces standard deviations too small to divide by (a constant
// column), so that such a column becomes zero rather than huge.
const minStd = 1e-6

// fitStandardizer returns the statistics of the columns of x (rows of
// width values), in float64 and with the population variance.
func fitStandardizer(x []float32, width int) standardizer {
	n := len(x) / width
	mean := make([]float64, width)
	sq := make([]float64, width)
	for i := range n {
		for j, v := range x[i*width : (i+1)*width] {
			mean[j] += float64(v)
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	for i := range n {
		for j, v := range x[i*width : (i+1)*width] {
			d := float64(v) - mean[j]
			sq[j] += d * d
		}
	}
	s := standardizer{Mean: make([]float32, width), Std: make([]float32, width)}
	for j := range mean {
		s.Mean[j] = float32(mean[j])
		s.Std[j] = float32(max(math.Sqrt(sq[j]/float64(n)), minStd))
	}
	return s
}

// apply standardises the rows of x in place.
func (s standardizer) apply(x []float32) {
	width := len(s.Mean)
	for i := 0; i+width <= len(x); i += width {
		row := x[i : i+width]
		for j := range row {
			row[j] = (row[j] - s.Mean[j]) / s.Std[j]
		}
	}
}

// valid reports whether s has width columns of finite statistics with
// positive deviations.
func (s standardizer) valid(width int) bool {
	if len(s.Mean) != width || len(s.Std) != width {
		return false
	}
	for j := range s.Mean {
		m, d := float64(s.Mean[j]), float64(s.Std[j])
		if math.IsNaN(m) || math.IsInf(m, 0) || !(d > 0) || math.IsInf(d, 0) {
			return false
		}
	}
	return true
}
