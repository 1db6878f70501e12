package asr

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// exclusive is a Transcriber that fails if it is entered concurrently.
type exclusive struct {
	busy  atomic.Bool
	calls atomic.Int64
}

func (e *exclusive) Transcribe(context.Context, []float32, int) (string, error) {
	if !e.busy.CompareAndSwap(false, true) {
		return "", errors.New("entered concurrently")
	}
	defer e.busy.Store(false)
	e.calls.Add(1)
	time.Sleep(100 * time.Microsecond)
	return "ok", nil
}

func TestPoolUsesEachTranscriberAlone(t *testing.T) {
	ts := []*exclusive{{}, {}, {}}
	p := NewPool(ts[0], ts[1], ts[2])
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 64 {
		wg.Go(func() {
			if _, err := p.Transcribe(context.Background(), nil, 16000); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	total := int64(0)
	for _, e := range ts {
		total += e.calls.Load()
	}
	if total != 64 {
		t.Errorf("%d calls reached the transcribers, want 64", total)
	}
}

func TestPoolCancelledWhileBusy(t *testing.T) {
	b := blocking{entered: make(chan struct{}), release: make(chan struct{})}
	p := NewPool(b)
	done := make(chan struct{})
	go func() {
		p.Transcribe(context.Background(), nil, 16000)
		close(done)
	}()
	<-b.entered
	// The only transcriber is busy: this call must give up with the
	// context's error instead of waiting for it.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := p.Transcribe(ctx, nil, 16000); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
	close(b.release)
	<-done
}

// blocking is a Transcriber that signals when it is entered and returns
// when release is closed.
type blocking struct{ entered, release chan struct{} }

func (b blocking) Transcribe(context.Context, []float32, int) (string, error) {
	close(b.entered)
	<-b.release
	return "", nil
}

func TestNewPoolPanicsWhenEmpty(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("NewPool() did not panic")
		}
	}()
	NewPool()
}
