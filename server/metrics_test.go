package server_test

import (
	"strings"
	"testing"

	"github.com/emovox/emovox/server"
)

// TestMetrics sends known requests and checks the counters, the
// histogram, the gauges and the error kinds /metrics reports for them.
func TestMetrics(t *testing.T) {
	h := newServer(t, server.Config{}).Handler()
	wav := readData(t, angryClip)
	for range 2 {
		do(t, h, request{path: "/v1/predict", contentType: "audio/wav", body: wav})
	}
	do(t, h, request{path: "/v1/predict", contentType: "audio/wav", body: wav[:100]})
	do(t, h, request{path: "/v1/predict", contentType: "text/plain", body: wav})
	do(t, h, request{method: "GET", path: "/v1/nothing/at/all"})
	do(t, h, request{method: "GET", path: "/healthz"})
	resp, body := do(t, h, request{method: "GET", path: "/metrics"})
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	text := string(body)
	for _, want := range []string{
		`emovox_http_requests_total{code="200",route="/v1/predict"} 2`,
		`emovox_http_requests_total{code="400",route="/v1/predict"} 1`,
		`emovox_http_requests_total{code="415",route="/v1/predict"} 1`,
		`emovox_http_requests_total{code="404",route="/v1/*"} 1`,
		`emovox_http_requests_total{code="200",route="/healthz"} 1`,
		`emovox_http_request_duration_seconds_count{route="/v1/predict"} 4`,
		`emovox_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"} 1`,
		`emovox_http_errors_total{kind="bad_audio"} 1`,
		`emovox_http_errors_total{kind="unsupported_media_type"} 1`,
		`emovox_http_errors_total{kind="not_found"} 1`,
		`emovox_http_errors_total{kind="overloaded"} 0`,
		`emovox_http_errors_total{kind="panic"} 0`,
		`emovox_http_requests_in_flight 1`, // the /metrics request itself
		`emovox_streams_active 0`,
		`go_goroutines `,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	// Each Server has its own registry: a new one starts from zero.
	_, body = do(t, newServer(t, server.Config{}).Handler(), request{method: "GET", path: "/metrics"})
	if strings.Contains(string(body), `route="/v1/predict"`) {
		t.Error("a new Server's metrics count another's requests")
	}
}
