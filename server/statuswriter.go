package server

import (
	"bufio"
	"net"
	"net/http"
)

// statusWriter records the status of a response for the metrics and the
// log. It lets the handlers beneath it flush and hijack the connection (a
// WebSocket upgrade), directly or through http.ResponseController.
type statusWriter struct {
	http.ResponseWriter
	status int // 0 until the header is written
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 && code >= 200 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap returns the underlying ResponseWriter, for http.ResponseController.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush sends any buffered data to the client, if the underlying writer
// can.
func (w *statusWriter) Flush() {
	http.NewResponseController(w.ResponseWriter).Flush()
}

// Hijack lets the caller take over the connection, as http.Hijacker; the
// response is then recorded as 101 Switching Protocols.
func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err == nil && w.status == 0 {
		w.status = http.StatusSwitchingProtocols
	}
	return conn, rw, err
}

// written reports whether the response header has been sent.
func (w *statusWriter) written() bool { return w.status != 0 }
