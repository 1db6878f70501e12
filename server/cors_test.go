package server_test

import (
	"strings"
	"testing"

	"github.com/emovox/emovox/server"
)

// TestCORS checks preflight and actual requests from allowed and other
// origins, with a list of origins, with "*", and with CORS off.
func TestCORS(t *testing.T) {
	const app, other = "https://app.example", "https://evil.example"
	preflight := func(origin string) request {
		return request{method: "OPTIONS", path: "/v1/predict", header: map[string]string{
			"Origin": origin, "Access-Control-Request-Method": "POST",
			"Access-Control-Request-Headers": "authorization,content-type",
		}}
	}
	health := func(origin string) request {
		return request{method: "GET", path: "/healthz", header: map[string]string{"Origin": origin}}
	}
	tests := []struct {
		name        string
		origins     []string
		req         request
		status      int
		allowOrigin string // Access-Control-Allow-Origin, "" for none
		preflight   bool   // whether the preflight headers are expected
	}{
		{"preflight, allowed", []string{app}, preflight(app), 204, app, true},
		{"preflight, other origin", []string{app}, preflight(other), 204, "", false},
		{"preflight, any", []string{"*"}, preflight(other), 204, "*", true},
		{"preflight, CORS off", nil, preflight(app), 401, "", false},
		{"request, allowed", []string{app, "https://b.example"}, health(app), 200, app, false},
		{"request, other origin", []string{app}, health(other), 200, "", false},
		{"request, any", []string{"*"}, health(app), 200, "*", false},
		{"request, CORS off", nil, health(app), 200, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// With an API key: a preflight carries none, and must pass.
			h := newServer(t, server.Config{APIKey: "k", CORSOrigins: tt.origins}).Handler()
			resp, body := do(t, h, tt.req)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			hd := resp.Header
			if got := hd.Get("Access-Control-Allow-Origin"); got != tt.allowOrigin {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.allowOrigin)
			}
			methods, headers := hd.Get("Access-Control-Allow-Methods"), hd.Get("Access-Control-Allow-Headers")
			if tt.preflight != (strings.Contains(methods, "POST") && strings.Contains(headers, "Authorization") &&
				strings.Contains(headers, "Content-Type") && hd.Get("Access-Control-Max-Age") != "") {
				t.Errorf("preflight headers: methods %q, headers %q, max age %q; want them: %v", methods, headers, hd.Get("Access-Control-Max-Age"), tt.preflight)
			}
			if len(tt.origins) > 0 && hd.Get("Vary") != "Origin" {
				t.Errorf("Vary %q, want Origin", hd.Get("Vary"))
			}
		})
	}
}
