package server

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// Route labels of the metrics: one per endpoint, so that their number is
// bounded whatever the paths requested.
const (
	routePredict = "/v1/predict"
	routePlot    = "/v1/plot"
	routeModel   = "/v1/model"
	routeStream  = "/v1/stream"
	routeHealth  = "/healthz"
	routeMetrics = "/metrics"
	routeAPI     = "/v1/*" // unknown API paths
	routeWeb     = "/"     // the web page and its assets
)

// endpoint describes how one route is served.
type endpoint struct {
	route   string   // metrics label
	methods []string // methods allowed; GET implies HEAD
	keyed   bool     // whether the API key is required
	handler http.Handler
}

// serve returns the handler of e: metrics, log and panic recovery around
// CORS, the API key check and the method check, in that order, around
// e.handler.
func (s *Server) serve(e endpoint) http.Handler {
	allow := allowHeader(e.methods)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		s.metrics.inFlight.Inc()
		start := time.Now()
		defer func() {
			p := recover()
			abort := p == http.ErrAbortHandler // net/http's own way to abort a response
			if p != nil && !abort {
				abort = !s.recovered(sw, r, e.route, p)
			}
			s.observe(r, e.route, sw.status, time.Since(start))
			if abort {
				panic(http.ErrAbortHandler) // cut off a response that was under way
			}
		}()
		if s.cors.handle(sw, r, allow) {
			return
		}
		if e.keyed && !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="emovox"`)
			s.writeError(sw, r, newAPIError(http.StatusUnauthorized, codeUnauthorized,
				"missing or wrong API key: send Authorization: Bearer KEY, X-API-Key: KEY or ?key=KEY"))
			return
		}
		if !methodAllowed(e.methods, r.Method) {
			sw.Header().Set("Allow", allow)
			if r.Method == http.MethodOptions {
				sw.WriteHeader(http.StatusNoContent)
				return
			}
			s.writeError(sw, r, newAPIError(http.StatusMethodNotAllowed, codeMethodNotAllowed,
				"method %s not allowed on %s: use %s", r.Method, e.route, strings.Join(e.methods, " or ")))
			return
		}
		e.handler.ServeHTTP(sw, r)
	})
}

// recovered handles a panic of a handler: it logs it with its stack,
// counts it, and answers 500 if the response has not started. It reports
// whether the client got that answer.
func (s *Server) recovered(sw *statusWriter, r *http.Request, route string, p any) bool {
	s.log.LogAttrs(r.Context(), slog.LevelError, "panic in handler",
		slog.String("route", route), slog.String("panic", fmt.Sprint(p)), slog.String("stack", string(debug.Stack())))
	s.metrics.errors.WithLabelValues(codePanic).Inc()
	if sw.written() {
		return false
	}
	s.sendError(sw, errInternal())
	return true
}

// observe records a finished request in the metrics and the log.
func (s *Server) observe(r *http.Request, route string, status int, elapsed time.Duration) {
	if status == 0 {
		status = http.StatusOK // a handler that wrote nothing sends an empty 200
	}
	s.metrics.inFlight.Dec()
	s.metrics.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	s.metrics.latency.WithLabelValues(route).Observe(elapsed.Seconds())
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.log.LogAttrs(r.Context(), level, "request",
		slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", status),
		slog.Duration("elapsed", elapsed), slog.String("remote", r.RemoteAddr))
}

// methodAllowed reports whether method is one of methods, HEAD counting as
// GET.
func methodAllowed(methods []string, method string) bool {
	if method == http.MethodHead {
		method = http.MethodGet
	}
	for _, m := range methods {
		if m == method {
			return true
		}
	}
	return false
}

// allowHeader returns the Allow header of a route with the given methods.
func allowHeader(methods []string) string {
	var all []string
	for _, m := range methods {
		all = append(all, m)
		if m == http.MethodGet {
			all = append(all, http.MethodHead)
		}
	}
	return strings.Join(append(all, http.MethodOptions), ", ")
}
