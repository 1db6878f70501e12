package server

import (
	"context"
	"net/http"
	"sync"
)

// streamGroup tracks the open streams of a Server, so that a shutdown can
// close them and wait for them to end.
type streamGroup struct {
	ctx   context.Context // cancelled when the server shuts down
	close context.CancelFunc

	mu   sync.Mutex
	n    int           // open streams
	idle chan struct{} // closed when n drops to 0
}

// newStreamGroup returns an empty group, open to new streams.
func newStreamGroup() *streamGroup {
	ctx, cancel := context.WithCancel(context.Background())
	return &streamGroup{ctx: ctx, close: cancel}
}

// add counts a new stream, and reports false if the group is closed.
func (g *streamGroup) add() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ctx.Err() != nil {
		return false
	}
	if g.n == 0 {
		g.idle = make(chan struct{})
	}
	g.n++
	return true
}

// done counts the end of a stream.
func (g *streamGroup) done() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n--
	if g.n == 0 {
		close(g.idle)
	}
}

// wait waits for every stream to end, or for ctx to be done.
func (g *streamGroup) wait(ctx context.Context) error {
	g.mu.Lock()
	if g.n == 0 {
		g.mu.Unlock()
		return nil
	}
	idle := g.idle
	g.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// serveStream serves GET /v1/stream with the stream handler, under a
// context that ends when the request's does or when the server shuts
// down; after the shutdown has begun, new streams are answered 503.
func (s *Server) serveStream(w http.ResponseWriter, r *http.Request) {
	if !s.streamGroup.add() {
		s.writeError(w, r, newAPIError(http.StatusServiceUnavailable, codeUnavailable, "the server is shutting down"))
		return
	}
	defer s.streamGroup.done()
	s.metrics.streams.Inc()
	defer s.metrics.streams.Dec()
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	stop := context.AfterFunc(s.streamGroup.ctx, cancel)
	defer stop()
	s.stream.ServeHTTP(w, r.WithContext(ctx))
}
