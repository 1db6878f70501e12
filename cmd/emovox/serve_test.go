package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"testing"
)

// TestServe runs the serve command on a free port with the API key from
// the environment and a CORS origin, checks the URL it prints, the key,
// the CORS header and an endpoint, and that cancelling its context (as
// SIGINT does) stops it cleanly.
func TestServe(t *testing.T) {
	t.Setenv(apiKeyEnv, "k3y")
	cmd := newServeCommand()
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0", "--cors-origin", "https://a.example,https://b.example", "--max-concurrent", "3"})
	pr, pw := io.Pipe()
	cmd.SetErr(pw)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx); pw.Close() }()
	lines := bufio.NewScanner(pr)
	served := regexp.MustCompile(`serving on (http://\S+/)`)
	var url string
	for url == "" && lines.Scan() {
		if m := served.FindStringSubmatch(lines.Text()); m != nil {
			url = m[1]
		}
	}
	if url == "" {
		cancel()
		t.Fatalf("no URL printed: %v", <-done)
	}
	go io.Copy(io.Discard, pr) // the request log

	for _, tt := range []struct {
		key    string
		status int
	}{{"", 401}, {"k3y", 200}} {
		req, _ := http.NewRequest("GET", url+"v1/model", nil)
		req.Header.Set("Origin", "https://b.example")
		if tt.key != "" {
			req.Header.Set("Authorization", "Bearer "+tt.key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status || resp.Header.Get("Access-Control-Allow-Origin") != "https://b.example" {
			t.Errorf("key %q: status %d, allowed origin %q; want %d, https://b.example",
				tt.key, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), tt.status)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after cancel: %v", err)
	}
}

// TestServeBadFlags checks the errors of serve before it listens.
func TestServeBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--log-level", "loud"},
		{"--model", "/nonexistent/model.safetensors"},
		{"--max-body-bytes", "-1"},
		{"extra-argument"},
	} {
		cmd := newServeCommand()
		cmd.SetArgs(append([]string{"--addr", "127.0.0.1:0"}, args...))
		cmd.SetErr(io.Discard)
		cmd.SetOut(io.Discard)
		if err := cmd.ExecuteContext(context.Background()); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
