package stream

import (
	"errors"
	"fmt"

	"github.com/coder/websocket"
)

// Problems that end a stream. Each is sent to the client as an Error
// message, then the stream is closed with the status code closeStatus
// gives.
var (
	errRate        = errors.New("invalid sample rate")
	errMessageType = errors.New("unsupported message")
	errTooLarge    = errors.New("message too large")
	errTooLong     = errors.New("stream too long")
	errIdle        = errors.New("no message received in time")
	errPredict     = errors.New("prediction failed")
	errShutdown    = errors.New("server shutting down")
)

// closeStatus returns the WebSocket close status and reason for an error
// that ends a stream and true, or false for an error that is none of the
// problems above (a broken connection, a client that closed).
func closeStatus(err error) (websocket.StatusCode, string, bool) {
	for _, c := range []struct {
		sentinel error
		status   websocket.StatusCode
	}{
		{errRate, websocket.StatusPolicyViolation},
		{errMessageType, websocket.StatusUnsupportedData},
		{errTooLarge, websocket.StatusMessageTooBig},
		{errTooLong, websocket.StatusPolicyViolation},
		{errIdle, websocket.StatusPolicyViolation},
		{errPredict, websocket.StatusInternalError},
		{errShutdown, websocket.StatusGoingAway},
	} {
		if errors.Is(err, c.sentinel) {
			return c.status, c.sentinel.Error(), true
		}
	}
	return 0, "", false
}

// problem wraps a sentinel error with a detail for the client.
func problem(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))
}
