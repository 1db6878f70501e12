package stream

import "math"

// windower keeps the recent part of the model-rate signal of a stream and
// cuts the windows predictions are made on: one ending at every multiple
// of the hop from the first on, each as long as the window or as the
// signal so far.
type windower struct {
	size, hop int // window and hop in samples

	buf   []float32 // samples from index start on
	start int
	n     int // samples received
	next  int // the end of the next window due
	last  int // the end of the last window cut
}

// newWindower returns a windower for windows of size samples every hop
// samples, the first once at least first samples have arrived.
func newWindower(size, hop, first int) *windower {
	return &windower{size: size, hop: hop, next: (first + hop - 1) / hop * hop}
}

// add appends samples to the signal.
func (w *windower) add(x []float32) {
	w.buf = append(w.buf, x...)
	w.n += len(x)
}

// due returns the next window whose end has arrived and true, or false
// when none has. The window is valid until the next call of add.
func (w *windower) due() (win []float32, end int, ok bool) {
	if w.next > w.n {
		w.trim()
		return nil, 0, false
	}
	end = w.next
	w.next += w.hop
	return w.cut(end), end, true
}

// tail returns the window ending at the end of the signal and true, or
// false if there is no sample after the last window cut.
func (w *windower) tail() (win []float32, end int, ok bool) {
	if w.n <= w.last {
		return nil, 0, false
	}
	return w.cut(w.n), w.n, true
}

// cut returns the window ending at end.
func (w *windower) cut(end int) []float32 {
	w.last = end
	from := max(0, end-w.size)
	return w.buf[from-w.start : end-w.start]
}

// trim drops the samples that neither the next window nor the tail
// holds. It is called when the next window is not due (w.next > w.n).
func (w *windower) trim() {
	keep := max(0, w.n-w.size)
	if drop := keep - w.start; drop > 0 {
		w.buf = append(w.buf[:0], w.buf[drop:]...)
		w.start = keep
	}
}

// rms returns the root-mean-square value of x, 0 for no samples.
func rms(x []float32) float64 {
	if len(x) == 0 {
		return 0
	}
	var s float64
	for _, v := range x {
		s += float64(v) * float64(v)
	}
	return math.Sqrt(s / float64(len(x)))
}
