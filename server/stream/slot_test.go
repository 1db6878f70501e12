package stream_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/audio"
	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/server/stream"
)

// TestSlot checks that every prediction takes one slot and frees it, and
// that a slot refused ends the stream with an error.
func TestSlot(t *testing.T) {
	x, _, err := audio.Load(filepath.Join(sharedtest.Dir(t, "data", "ravdess"), "Actor_05", "03-01-05-02-01-01-05.wav"), 0)
	if err != nil {
		t.Fatal(err)
	}
	pcm := encodePCM(x)
	rec := testRecognizer(t)

	var taken, freed, held atomic.Int64
	slot := func(context.Context) (func(), error) {
		if held.Add(1) != 1 {
			t.Error("two predictions of one stream hold slots at once")
		}
		taken.Add(1)
		return func() { held.Add(-1); freed.Add(1) }, nil
	}
	got := streamPCM(t, newServer(t, rec, stream.Options{Slot: slot})+"?rate=16000", pcm, 640)
	if got.status != websocket.StatusNormalClosure || len(got.predictions) == 0 {
		t.Fatalf("stream ended with status %v, %d predictions, errors %v", got.status, len(got.predictions), got.errors)
	}
	if n := int64(len(got.predictions)); taken.Load() != n || freed.Load() != n {
		t.Errorf("%d slots taken and %d freed for %d predictions, want one each", taken.Load(), freed.Load(), n)
	}

	refuse := func(context.Context) (func(), error) { return nil, errors.New("no slot") }
	got = streamPCM(t, newServer(t, rec, stream.Options{Slot: refuse})+"?rate=16000", pcm, 640)
	if len(got.predictions) != 0 || len(got.errors) == 0 || got.status == websocket.StatusNormalClosure {
		t.Errorf("with every slot refused: %d predictions, errors %v, status %v; want none, an error and an abnormal closure",
			len(got.predictions), got.errors, got.status)
	}
}
