package stream

import (
	"context"
	"encoding/json"
	"io"
	"net/url"
	"time"

	"github.com/coder/websocket"
)

// message is one message read from a connection, or the error that ended
// reading.
type message struct {
	typ  websocket.MessageType
	data []byte
	err  error
}

// serve runs the stream of an upgraded connection until it ends, and
// closes the connection. ctx ending (the server shutting down) ends the
// stream with an error message and StatusGoingAway.
func (h *handler) serve(ctx context.Context, conn *websocket.Conn, query url.Values) {
	defer conn.CloseNow()
	conn.SetReadLimit(int64(h.opts.MaxMessageBytes) + 1)
	readCtx, stopReading := context.WithCancel(context.WithoutCancel(ctx))
	defer stopReading() // after the close handshake, which needs the reader

	rate, err := parseRate(query)
	var s *session
	if err == nil {
		s, err = newSession(h.rec, h.opts, rate)
	}
	if err == nil && h.opts.Slot != nil {
		s.acquire = func() (func(), error) { return h.opts.Slot(ctx) }
	}
	if err == nil {
		msgs := make(chan message)
		go readMessages(readCtx, conn, h.opts.MaxMessageBytes, msgs)
		err = h.run(ctx, conn, s, msgs)
	}
	h.finish(conn, err)
	h.log(rate, s, err)
}

// run hands the messages of msgs to s until the stream ends: it returns nil
// after a stop message, or the error that ended the stream.
func (h *handler) run(ctx context.Context, conn *websocket.Conn, s *session, msgs <-chan message) error {
	idle := time.NewTimer(h.opts.IdleTimeout)
	defer idle.Stop()
	send := func(p Prediction) error { return h.write(conn, p) }
	for {
		select {
		case m := <-msgs:
			if m.err != nil {
				return m.err
			}
			idle.Reset(h.opts.IdleTimeout)
			done, err := s.handle(m.typ, m.data, send)
			if err != nil || done {
				return err
			}
		case <-idle.C:
			return problem(errIdle, "no message in %s", h.opts.IdleTimeout)
		case <-ctx.Done():
			return problem(errShutdown, "the stream was ended")
		}
	}
}

// finish ends the stream: normally for a nil error, with an Error message
// and a close status for a problem, and silently otherwise (the
// connection is gone).
func (h *handler) finish(conn *websocket.Conn, err error) {
	if err == nil {
		_ = conn.Close(websocket.StatusNormalClosure, "")
		return
	}
	status, reason, ok := closeStatus(err)
	if !ok {
		return
	}
	if h.write(conn, Error{Type: TypeError, Message: err.Error()}) == nil {
		_ = conn.Close(status, reason)
	}
}

// write sends v as a JSON text message, waiting at most IdleTimeout for a
// client that does not read.
func (h *handler) write(conn *websocket.Conn, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), h.opts.IdleTimeout)
	defer cancel()
	return conn.Write(ctx, websocket.MessageText, b)
}

// log reports the end of a stream to the logger of the options, if any.
func (h *handler) log(rate int, s *session, err error) {
	if h.opts.Logger == nil {
		return
	}
	args := []any{"rate", rate}
	if s != nil {
		args = append(args, "audio_s", float64(s.received)/float64(s.rate), "predictions", s.sent)
	}
	if err != nil {
		args = append(args, "error", err.Error())
	}
	h.opts.Logger.Info("stream ended", args...)
}

// readMessages reads the messages of conn into msgs until reading fails
// (the failure is the last message) or ctx ends.
func readMessages(ctx context.Context, conn *websocket.Conn, limit int, msgs chan<- message) {
	for {
		m := readMessage(ctx, conn, limit)
		select {
		case msgs <- m:
		case <-ctx.Done():
			return
		}
		if m.err != nil {
			return
		}
	}
}

// readMessage reads one message of at most limit bytes.
func readMessage(ctx context.Context, conn *websocket.Conn, limit int) message {
	typ, r, err := conn.Reader(ctx)
	if err != nil {
		return message{err: err}
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	switch {
	case err != nil:
		return message{err: err}
	case len(data) > limit:
		return message{err: problem(errTooLarge, "a message is larger than the maximum of %d bytes", limit)}
	}
	return message{typ: typ, data: data}
}
