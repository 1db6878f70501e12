package stream

import "github.com/emovox/emovox/audio/resample"

// chunkResampler resamples a signal that arrives in pieces. Its output is
// the output of resample.Resampler.Process on the whole signal, sample for
// sample and bit for bit: output sample k depends on the input samples
// within half a filter length of instant k, so each output sample is
// released once the input beyond it has arrived, computed from a segment of
// the input that holds all of those samples and starts at a multiple of
// From/gcd(From, To) input samples, where an output instant falls exactly
// on an input sample (the filter then sees the same samples in the same
// order as on the whole signal). Output is released in pieces at least as
// long as the lead, so the input resampled twice (the lead of each piece)
// is at most about as long as the input, however short the messages.
type chunkResampler struct {
	r    *resample.Resampler
	l, m int // To/g and From/g: m input samples give l output samples
	// halo is the number of input samples on either side of an output
	// instant that its output sample may depend on; lead is halo rounded
	// up to a multiple of m.
	halo, lead int

	in      []float32 // input samples from index inStart on
	inStart int       // a multiple of m
	nIn     int       // input samples received
	nOut    int       // output samples released
	scratch []float32
}

// newChunkResampler returns a chunkResampler for the plan r.
func newChunkResampler(r *resample.Resampler) *chunkResampler {
	g := gcd(r.From(), r.To())
	c := &chunkResampler{r: r, l: r.To() / g, m: r.From() / g}
	if r.From() != r.To() {
		c.halo = r.Spec().Taps/2 + 2
		c.lead = (c.halo + c.m - 1) / c.m * c.m
	}
	return c
}

// identity reports a plan whose rates are equal.
func (c *chunkResampler) identity() bool { return c.r.From() == c.r.To() }

// push adds the input samples x and appends the output samples it
// completes to dst.
func (c *chunkResampler) push(dst, x []float32) []float32 {
	c.nIn += len(x)
	if c.identity() {
		c.nOut += len(x)
		return append(dst, x...)
	}
	c.in = append(c.in, x...)
	// Release the output blocks whose instants have their whole halo, once
	// they are at least as long as the lead: each release resamples the lead
	// again, so releasing less would multiply the work on short messages.
	blocks := (c.nIn - c.halo) / c.m
	if c.nIn < c.halo || blocks*c.l-c.nOut < c.lead/c.m*c.l {
		return dst
	}
	return c.release(dst, blocks*c.l)
}

// flush appends the remaining output samples to dst, taking the signal
// to end with the input received so far (followed by zeros, as Process
// does).
func (c *chunkResampler) flush(dst []float32) []float32 {
	if c.identity() {
		return dst
	}
	end := c.r.OutputLen(c.nIn)
	if end <= c.nOut {
		return dst
	}
	return c.release(dst, end)
}

// release appends the output samples c.nOut to end-1 to dst, resampling
// the input from the start of the block of c.nOut minus the lead (or from
// the start of the signal) to the halo of the instant of end, or to the
// last sample received.
func (c *chunkResampler) release(dst []float32, end int) []float32 {
	from := max(0, c.nOut/c.l*c.m-c.lead) // a multiple of m, at least c.inStart
	to := c.nIn
	if end%c.l == 0 { // not the flush: stop at the halo of the last instant
		to = min(to, end/c.l*c.m+c.halo)
	}
	seg := c.in[from-c.inStart : to-c.inStart]
	n := c.r.OutputLen(len(seg))
	if cap(c.scratch) < n {
		c.scratch = make([]float32, n)
	}
	out := c.r.Process(c.scratch[:n], seg)
	first := from / c.m * c.l // the index of out[0] in the whole output
	dst = append(dst, out[c.nOut-first:end-first]...)
	c.nOut = end
	c.trim()
	return dst
}

// trim drops the input samples that no later output sample depends on.
func (c *chunkResampler) trim() {
	keep := max(0, c.nOut/c.l*c.m-c.lead)
	if drop := keep - c.inStart; drop > 0 {
		c.in = append(c.in[:0], c.in[drop:]...)
		c.inStart = keep
	}
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
