package stream_test

import (
	"context"
	"encoding/json"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/server/stream"
)

// TestStreamErrors checks that every problem of an open stream is
// reported with an error message naming it, then a close with its status.
func TestStreamErrors(t *testing.T) {
	second := encodePCM(make([]float32, 16000))
	tests := []struct {
		name     string
		opts     stream.Options
		query    string
		messages []any // []byte: binary, string: text
		status   websocket.StatusCode
		message  string // in the error message
	}{
		{"rate not a number", stream.Options{}, "?rate=abc", nil, websocket.StatusPolicyViolation, `invalid sample rate: rate="abc"`},
		{"rate too low", stream.Options{}, "?rate=7999", nil, websocket.StatusPolicyViolation, "invalid sample rate"},
		{"rate too high", stream.Options{}, "?rate=192001", nil, websocket.StatusPolicyViolation, "invalid sample rate"},
		{"rate negative", stream.Options{}, "?rate=-16000", nil, websocket.StatusPolicyViolation, "invalid sample rate"},
		{"rate empty means 16000", stream.Options{}, "?rate=", []any{"not json"}, websocket.StatusUnsupportedData, "unsupported message"},
		{"text not json", stream.Options{}, "", []any{"hello"}, websocket.StatusUnsupportedData, `text messages must be {"type":"stop"}`},
		{"text other type", stream.Options{}, "", []any{second, `{"type":"start"}`}, websocket.StatusUnsupportedData, "unsupported message"},
		{"message too large", stream.Options{MaxMessageBytes: 1000}, "", []any{make([]byte, 1001)}, websocket.StatusMessageTooBig, "larger than the maximum of 1000 bytes"},
		{"stream too long", stream.Options{MaxDuration: 2 * time.Second}, "?rate=16000", []any{second, second, []byte{0, 0}}, websocket.StatusPolicyViolation, "stream too long"},
		{"idle", stream.Options{IdleTimeout: 50 * time.Millisecond}, "", nil, websocket.StatusPolicyViolation, "no message received in time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			if opts.IdleTimeout == 0 {
				opts.IdleTimeout = time.Second // the cases without messages end on it
			}
			conn := dial(t, newServer(t, testRecognizer(t), opts)+tt.query)
			wait := collect(t.Context(), conn)
			for _, m := range tt.messages {
				typ, data := websocket.MessageBinary, []byte(nil)
				switch m := m.(type) {
				case []byte:
					data = m
				case string:
					typ, data = websocket.MessageText, []byte(m)
				}
				if err := conn.Write(t.Context(), typ, data); err != nil {
					t.Fatalf("send: %v", err)
				}
			}
			got := wait()
			if got.status != tt.status {
				t.Errorf("close status %v (%v), want %v", got.status, got.err, tt.status)
			}
			if len(got.errors) != 1 || !strings.Contains(got.errors[0].Message, tt.message) {
				t.Errorf("error messages %+v, want one containing %q", got.errors, tt.message)
			}
		})
	}
}

// TestStreamHTTPErrors checks the JSON errors of requests that are not
// WebSocket upgrades.
func TestStreamHTTPErrors(t *testing.T) {
	url := "http" + strings.TrimPrefix(newServer(t, testRecognizer(t), stream.Options{}), "ws")
	tests := []struct {
		method string
		status int
		code   string
	}{
		{http.MethodGet, http.StatusUpgradeRequired, "upgrade_required"},
		{http.MethodPost, http.StatusMethodNotAllowed, "method_not_allowed"},
	}
	for _, tt := range tests {
		req, err := http.NewRequestWithContext(t.Context(), tt.method, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		checkJSONError(t, resp, tt.status, tt.code)
	}
}

// checkJSONError checks that resp is an error with status and the
// server's JSON error body with code.
func checkJSONError(t *testing.T, resp *http.Response, status int, code string) {
	t.Helper()
	defer resp.Body.Close()
	var body struct {
		Error struct{ Code, Message string }
	}
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &body); err != nil {
		t.Errorf("%s: body %q: %v", resp.Request.URL, data, err)
	}
	if resp.StatusCode != status || body.Error.Code != code || body.Error.Message == "" ||
		resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("%s: %d %s %s, want %d and error code %q with a message",
			resp.Request.URL, resp.StatusCode, resp.Header.Get("Content-Type"), data, status, code)
	}
}

// TestMaxStreams checks that a stream beyond MaxStreams is refused with 503
// before the upgrade, and that a slot frees when a stream ends.
func TestMaxStreams(t *testing.T) {
	url := newServer(t, testRecognizer(t), stream.Options{MaxStreams: 2})
	first, second := dial(t, url), dial(t, url)
	_, resp, err := websocket.Dial(t.Context(), url, nil)
	if err == nil || resp == nil {
		t.Fatalf("third stream: error %v, response %v; want a 503 response", err, resp)
	}
	checkJSONError(t, resp, http.StatusServiceUnavailable, "too_many_streams")

	wait := collect(t.Context(), first)
	if err := first.Write(t.Context(), websocket.MessageText, []byte(`{"type":"stop"}`)); err != nil {
		t.Fatal(err)
	}
	if got := wait(); got.status != websocket.StatusNormalClosure {
		t.Fatalf("first stream ended with %v, want a normal closure", got.err)
	}
	// The handler returns, freeing its slot, just after the close
	// handshake: try for a while.
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	for {
		conn, _, err := websocket.Dial(ctx, url, nil)
		if err == nil {
			conn.CloseNow()
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("no slot freed after the first stream ended: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	second.CloseNow()
}

// TestOrigin checks that browsers of other origins are refused unless
// OriginPatterns allows them, and that clients without an Origin header
// are served.
func TestOrigin(t *testing.T) {
	rec := testRecognizer(t)
	tests := []struct {
		patterns []string
		origin   string
		ok       bool
	}{
		{nil, "", true},
		{nil, "http://elsewhere.example", false},
		{[]string{"*.example"}, "http://elsewhere.example", true},
		{[]string{"other.example"}, "http://elsewhere.example", false},
	}
	for _, tt := range tests {
		url := newServer(t, rec, stream.Options{OriginPatterns: tt.patterns})
		header := http.Header{}
		if tt.origin != "" {
			header.Set("Origin", tt.origin)
		}
		conn, resp, err := websocket.Dial(t.Context(), url, &websocket.DialOptions{HTTPHeader: header})
		if ok := err == nil; ok != tt.ok {
			t.Errorf("patterns %q, origin %q: error %v, want success %v", tt.patterns, tt.origin, err, tt.ok)
		}
		if err == nil {
			conn.CloseNow()
		} else if resp != nil && resp.StatusCode != http.StatusForbidden {
			t.Errorf("patterns %q, origin %q: status %d, want 403", tt.patterns, tt.origin, resp.StatusCode)
		}
	}
}

// TestShutdown checks that a stream ends with an error message and
// StatusGoingAway when the request's context ends.
func TestShutdown(t *testing.T) {
	ctx, shutdown := context.WithCancel(t.Context())
	srv := httptest.NewUnstartedServer(stream.New(testRecognizer(t), stream.Options{}))
	srv.Config.BaseContext = func(net.Listener) context.Context { return ctx }
	srv.Start()
	defer srv.Close()
	conn := dial(t, "ws"+strings.TrimPrefix(srv.URL, "http"))
	wait := collect(t.Context(), conn)
	if err := conn.Write(t.Context(), websocket.MessageBinary, encodePCM(make([]float32, 100))); err != nil {
		t.Fatal(err)
	}
	shutdown()
	got := wait()
	if got.status != websocket.StatusGoingAway || len(got.errors) != 1 || !strings.Contains(got.errors[0].Message, "shutting down") {
		t.Errorf("status %v, errors %+v; want StatusGoingAway after an error message", got.err, got.errors)
	}
}

// TestSilence checks that quiet windows are reported as silence, not
// classified, and loud ones classified.
func TestSilence(t *testing.T) {
	url := newServer(t, testRecognizer(t), stream.Options{SilenceRMS: 0.01})
	x := make([]float32, 3*16000) // 1.5 s of a -60 dB tone, then 1.5 s of a -10 dB one
	for i := range x {
		amp := 0.001
		if i >= len(x)/2 {
			amp = 0.3
		}
		x[i] = float32(amp * math.Sin(2*math.Pi*200*float64(i)/16000))
	}
	got := streamPCM(t, url, encodePCM(x), 640)
	if len(got.predictions) != 5 {
		t.Fatalf("%d predictions, want 5 (1 to 3 s every 0.5 s)", len(got.predictions))
	}
	for _, p := range got.predictions {
		quiet := p.Time <= 1.5
		if p.Silence != quiet || (p.Emotion == "") != quiet || (len(p.Probabilities) == 0) != quiet {
			t.Errorf("t=%.1f s, rms %.4f: silence %v, emotion %q, %d probabilities; want silence %v",
				p.Time, p.RMS, p.Silence, p.Emotion, len(p.Probabilities), quiet)
		}
	}
}
