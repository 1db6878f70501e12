package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/server"
)

// served starts s.Serve on a loopback listener and returns its address,
// the function that stops it and the one that waits for Serve to return
// its error.
func served(t testing.TB, s *server.Server) (addr string, stop context.CancelFunc, wait func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ctx, ln) }()
	wait = sync.OnceValue(func() error { return <-errc })
	t.Cleanup(func() {
		cancel()
		wait()
	})
	return ln.Addr().String(), cancel, wait
}

// post sends a WAV file to url and returns the status and body, or the
// error of the round trip.
func post(client *http.Client, url string, wav []byte) (int, []byte, error) {
	resp, err := client.Post(url, "audio/wav", bytes.NewReader(wav))
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

type outcome struct {
	status int
	body   []byte
	err    error
}

// TestGracefulShutdown cancels Serve's context while a prediction is in
// flight and a stream is open: the listener closes at once, the stream is
// closed with status 1001 (going away), the prediction completes with 200,
// and Serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	wav := readData(t, angryClip)
	s := newServer(t, server.Config{ShutdownTimeout: time.Minute})
	g := newGate(1)
	defer g.open()
	shuttingDown := make(chan struct{})
	server.SetHooks(s, g.wait, func() { close(shuttingDown) })
	addr, stop, wait := served(t, s)

	ws, _, err := websocket.Dial(context.Background(), "ws://"+addr+"/v1/stream?rate=16000", nil)
	if err != nil {
		t.Fatalf("opening a stream: %v", err)
	}
	defer ws.CloseNow()
	inFlight := make(chan outcome, 1)
	go func() {
		status, body, err := post(http.DefaultClient, "http://"+addr+"/v1/predict", wav)
		inFlight <- outcome{status, body, err}
	}()
	<-g.entered // the prediction holds its slot

	stop()
	<-shuttingDown
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Error("a new connection was accepted during the shutdown")
	}
	rctx, cancel := context.WithTimeout(context.Background(), time.Minute) // a bound for a broken test, not a measurement
	defer cancel()
	for {
		_, _, err = ws.Read(rctx)
		if err != nil {
			break // predictions due before the shutdown may come first
		}
	}
	if st := websocket.CloseStatus(err); st != websocket.StatusGoingAway {
		t.Errorf("stream ended with %v (status %d), want 1001 going away", err, st)
	}

	g.open()
	got := <-inFlight
	var p predictionJSON
	if got.err != nil || got.status != 200 || json.Unmarshal(got.body, &p) != nil || p.Emotion == "" {
		t.Errorf("in-flight prediction: status %d, error %v: %s", got.status, got.err, got.body)
	}
	if err := wait(); err != nil {
		t.Errorf("Serve: %v, want nil after a graceful shutdown", err)
	}
}

// TestShutdownTimeout holds a request beyond Config.ShutdownTimeout: Serve
// gives up waiting, closes the connection and reports the deadline.
func TestShutdownTimeout(t *testing.T) {
	wav := readData(t, angryClip)
	s := newServer(t, server.Config{ShutdownTimeout: time.Millisecond})
	g := newGate(1)
	defer g.open()
	server.SetHooks(s, g.wait, nil)
	addr, stop, wait := served(t, s)
	inFlight := make(chan outcome, 1)
	go func() {
		status, body, err := post(http.DefaultClient, "http://"+addr+"/v1/predict", wav)
		inFlight <- outcome{status, body, err}
	}()
	<-g.entered
	stop()
	if err := wait(); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Serve: %v, want an error wrapping context.DeadlineExceeded", err)
	}
	if got := <-inFlight; got.err == nil {
		t.Errorf("the held request was answered %d, want its connection closed", got.status)
	}
}

// TestListenAndServe serves on a free port until cancelled, and reports a
// bad address.
func TestListenAndServe(t *testing.T) {
	s := newServer(t, server.Config{Addr: "127.0.0.1:0"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.ListenAndServe(ctx); err != nil {
		t.Errorf("ListenAndServe cancelled: %v", err)
	}
	s = newServer(t, server.Config{Addr: "127.0.0.1:99999"})
	if err := s.ListenAndServe(context.Background()); err == nil {
		t.Error("ListenAndServe on port 99999 did not fail")
	}
}
