package server

import (
	"context"
	"sync/atomic"
	"time"
)

// limiter bounds the number of requests doing heavy work at once. A
// request that finds no free slot waits at most wait, and only while fewer
// than cap(slots) others are waiting: the queue is bounded in length and
// in time.
type limiter struct {
	slots   chan struct{}
	wait    time.Duration
	waiting atomic.Int64
}

// newLimiter returns a limiter of n slots whose requests wait at most wait
// (none if wait is not positive).
func newLimiter(n int, wait time.Duration) *limiter {
	return &limiter{slots: make(chan struct{}, n), wait: wait}
}

// acquire takes a slot and reports whether it got one; a caller that did
// must call release. It gives up when ctx is done.
func (l *limiter) acquire(ctx context.Context) bool {
	select {
	case l.slots <- struct{}{}:
		return true
	default:
	}
	if l.wait <= 0 {
		return false
	}
	if l.waiting.Add(1) > int64(cap(l.slots)) {
		l.waiting.Add(-1)
		return false
	}
	defer l.waiting.Add(-1)
	timer := time.NewTimer(l.wait)
	defer timer.Stop()
	select {
	case l.slots <- struct{}{}:
		return true
	case <-timer.C:
		return false
	case <-ctx.Done():
		return false
	}
}

// acquireWait takes a slot, waiting as long as ctx allows, and returns the
// function that frees it. Streams use it: each holds a slot only for one
// prediction, and a stream that waits reads no more audio.
func (l *limiter) acquireWait(ctx context.Context) (release func(), err error) {
	select {
	case l.slots <- struct{}{}:
		return l.release, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// release frees a slot taken by acquire or acquireWait.
func (l *limiter) release() { <-l.slots }
