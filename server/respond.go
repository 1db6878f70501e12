package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
)

// writeJSON writes v as the JSON body of a response with the given status.
// It encodes v before writing anything, so that a value that cannot be
// encoded is answered 500.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeBody(w, status, "application/json", buf.Bytes())
}

// writeBody writes a complete response.
func (s *Server) writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(body) // a failed write means the client is gone; nothing to do
}

// writeError answers a request with the JSON error body of err: its own
// status, code and message for an *apiError, 500 for anything else, whose
// details go to the log and never to the client.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var e *apiError
	if !errors.As(err, &e) {
		s.log.LogAttrs(r.Context(), slog.LevelError, "internal error",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("error", err))
		e = errInternal()
	}
	s.metrics.errors.WithLabelValues(e.code).Inc()
	s.sendError(w, e)
}

// sendError writes the JSON error body of e.
func (s *Server) sendError(w http.ResponseWriter, e *apiError) {
	var body errorBody
	body.Error.Code, body.Error.Message = e.code, e.message
	b, _ := json.Marshal(body) // strings always encode
	if e.status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	s.writeBody(w, e.status, "application/json", append(b, '\n'))
}
