package asr

import "context"

// Pool spreads calls over several Transcribers, handing each call to one
// that is not busy, so that transcribers that are not safe for concurrent
// use (one decoder each) serve many goroutines. A Pool is safe for
// concurrent use.
type Pool struct {
	free chan Transcriber
}

// NewPool returns a pool of the given transcribers. It panics if there
// are none, a programmer error.
func NewPool(transcribers ...Transcriber) *Pool {
	if len(transcribers) == 0 {
		panic("asr: NewPool needs at least one transcriber")
	}
	p := &Pool{free: make(chan Transcriber, len(transcribers))}
	for _, t := range transcribers {
		p.free <- t
	}
	return p
}

// Transcribe waits until a transcriber is free, or ctx is done, and
// transcribes samples with it.
func (p *Pool) Transcribe(ctx context.Context, samples []float32, rate int) (string, error) {
	select {
	case t := <-p.free:
		defer func() { p.free <- t }()
		return t.Transcribe(ctx, samples, rate)
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
