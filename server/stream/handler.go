package stream

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/recognizer"
)

// handler serves streams; slots holds a token for every stream served.
type handler struct {
	rec   *recognizer.Recognizer
	opts  Options
	slots chan struct{}
}

// New returns the handler of the streaming endpoint, which classifies the
// audio of every stream with rec under opts (see the package
// documentation for the protocol). It panics if rec is nil.
func New(rec *recognizer.Recognizer, opts Options) http.Handler {
	if rec == nil {
		panic("stream: New with a nil recognizer")
	}
	opts = opts.withDefaults()
	return &handler{rec: rec, opts: opts, slots: make(chan struct{}, opts.MaxStreams)}
}

// ServeHTTP answers requests that are not WebSocket upgrades, and requests
// beyond MaxStreams, with a JSON error; it upgrades the others and serves
// their stream until it ends.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use GET with a WebSocket upgrade")
		return
	}
	if !headerHasToken(r.Header, "Upgrade", "websocket") {
		w.Header().Set("Upgrade", "websocket")
		writeError(w, http.StatusUpgradeRequired, "upgrade_required", "this endpoint speaks WebSocket: connect with a WebSocket client")
		return
	}
	select {
	case h.slots <- struct{}{}:
		defer func() { <-h.slots }()
	default:
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusServiceUnavailable, "too_many_streams",
			"the server is serving its maximum of "+strconv.Itoa(h.opts.MaxStreams)+" streams; try again later")
		return
	}
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{OriginPatterns: h.opts.OriginPatterns})
	if err != nil {
		return // Accept has answered the request (403 for a foreign origin, 400 for a bad handshake)
	}
	h.serve(r.Context(), conn, r.URL.Query())
}

// parseRate returns the sample rate of the query's rate parameter,
// DefaultRate if it has none.
func parseRate(q url.Values) (int, error) {
	s := q.Get("rate")
	if s == "" {
		return DefaultRate, nil
	}
	rate, err := strconv.Atoi(s)
	if err != nil || rate < MinRate || rate > MaxRate {
		return 0, problem(errRate, "rate=%q: want an integer from %d to %d Hz", truncate(s, 32), MinRate, MaxRate)
	}
	return rate, nil
}

// truncate returns s cut to at most n bytes.
func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// headerHasToken reports whether the comma-separated header name holds
// token, ignoring case.
func headerHasToken(h http.Header, name, token string) bool {
	for _, v := range h.Values(name) {
		for t := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}

// writeError answers a request with the server's JSON error body,
// {"error":{"code":...,"message":...}}.
func writeError(w http.ResponseWriter, status int, code, message string) {
	var body struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	body.Error.Code, body.Error.Message = code, message
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
