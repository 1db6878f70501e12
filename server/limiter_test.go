package server

import (
	"context"
	"runtime"
	"testing"
	"time"
)

// TestLimiter checks the slots, the bounded wait and the bounded queue.
func TestLimiter(t *testing.T) {
	ctx := context.Background()

	l := newLimiter(2, -1)
	if !l.acquire(ctx) || !l.acquire(ctx) {
		t.Fatal("free slots refused")
	}
	if l.acquire(ctx) {
		t.Fatal("a third slot of two, without waiting")
	}
	l.release()
	if !l.acquire(ctx) {
		t.Fatal("a released slot refused")
	}

	// A request waiting for a slot gets the one released.
	l = newLimiter(1, time.Hour)
	l.acquire(ctx)
	got := make(chan bool)
	go func() { got <- l.acquire(ctx) }()
	for l.waiting.Load() == 0 {
		runtime.Gosched() // until the second request waits
	}
	l.release()
	if !<-got {
		t.Error("the waiting request did not get the released slot")
	}

	// The queue is as long as the number of slots: one more is refused at
	// once, however long it may wait.
	l.waiting.Store(1)
	if l.acquire(ctx) {
		t.Error("a request beyond the queue got a slot")
	}
	l.waiting.Store(0)

	// The wait ends with the request's context, or after the wait.
	cctx, cancel := context.WithCancel(ctx)
	go func() {
		for l.waiting.Load() == 0 {
			runtime.Gosched()
		}
		cancel()
	}()
	if l.acquire(cctx) {
		t.Error("a cancelled request got a slot")
	}
	l = newLimiter(1, time.Millisecond)
	l.acquire(ctx)
	if l.acquire(ctx) {
		t.Error("a request got a busy slot after its wait")
	}
}

// TestLimiterAcquireWait checks the unbounded wait of streams: it gets a
// released slot, and gives up only with its context.
func TestLimiterAcquireWait(t *testing.T) {
	l := newLimiter(1, -1)
	release, err := l.acquireWait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error)
	go func() {
		r, err := l.acquireWait(context.Background())
		if err == nil {
			r()
		}
		got <- err
	}()
	release()
	if err := <-got; err != nil {
		t.Errorf("the waiting stream did not get the released slot: %v", err)
	}

	l.acquire(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.acquireWait(ctx); err == nil {
		t.Error("a cancelled stream got a slot")
	}
}
