package server_test

import (
	"net/http"
	"testing"

	"github.com/emovox/emovox/server"
)

// TestAPIKey checks every way of presenting the key, and the endpoints that
// need none.
func TestAPIKey(t *testing.T) {
	const key = "s3cret-key"
	wav := readData(t, angryClip)
	predict := func(header map[string]string, query string) request {
		return request{path: "/v1/predict" + query, contentType: "audio/wav", body: wav, header: header}
	}
	tests := []struct {
		name   string
		req    request
		status int
	}{
		{"no key", predict(nil, ""), 401},
		{"bearer", predict(map[string]string{"Authorization": "Bearer " + key}, ""), 200},
		{"bearer, lower case", predict(map[string]string{"Authorization": "bearer " + key}, ""), 200},
		{"wrong bearer", predict(map[string]string{"Authorization": "Bearer " + key + "x"}, ""), 401},
		{"prefix of the key", predict(map[string]string{"Authorization": "Bearer " + key[:4]}, ""), 401},
		{"basic auth", predict(map[string]string{"Authorization": "Basic " + key}, ""), 401},
		{"X-API-Key", predict(map[string]string{"X-API-Key": key}, ""), 200},
		{"wrong X-API-Key", predict(map[string]string{"X-API-Key": "nope"}, ""), 401},
		{"query", predict(nil, "?key="+key), 200},
		{"query and segments", predict(nil, "?segments=1&key="+key), 200},
		{"wrong query", predict(nil, "?key=nope"), 401},
		{"empty query", predict(nil, "?key="), 401},
		{"model without key", request{method: "GET", path: "/v1/model"}, 401},
		{"model with key", request{method: "GET", path: "/v1/model", header: map[string]string{"X-API-Key": key}}, 200},
		{"metrics without key", request{method: "GET", path: "/metrics"}, 401},
		{"metrics with key", request{method: "GET", path: "/metrics?key=" + key}, 200},
		{"stream without key", request{method: "GET", path: "/v1/stream"}, 401},
		{"unknown API path without key", request{method: "GET", path: "/v1/nothing"}, 401},
		{"health without key", request{method: "GET", path: "/healthz"}, 200},
	}
	h := newServer(t, server.Config{APIKey: key}).Handler()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, h, tt.req)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.status == 401 {
				if e := errorOf(t, resp, body); e.Error.Code != "unauthorized" {
					t.Errorf("code %q, want unauthorized", e.Error.Code)
				}
				if resp.Header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			}
		})
	}
	// The web page needs no key: whatever it answers, it is not 401.
	if resp, _ := do(t, h, request{method: "GET", path: "/"}); resp.StatusCode == http.StatusUnauthorized {
		t.Error("GET / asks for the API key")
	}
}
