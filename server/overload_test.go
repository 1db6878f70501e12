package server_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/emovox/emovox/server"
)

// TestOverloaded holds MaxConcurrent requests in their slots, checks that
// one more is answered 503 with Retry-After at once, and that the held
// requests complete once released, after which slots are free again.
func TestOverloaded(t *testing.T) {
	const slots = 2
	wav := readData(t, angryClip)
	s := newServer(t, server.Config{MaxConcurrent: slots, MaxWait: -1})
	g := newGate(slots)
	server.SetHooks(s, g.wait, nil)
	defer g.open()
	h := s.Handler()
	req := request{path: "/v1/predict", contentType: "audio/wav", body: wav}

	var wg sync.WaitGroup
	statuses := make([]int, slots)
	for i := range slots {
		wg.Go(func() {
			resp, _ := do(t, h, req)
			statuses[i] = resp.StatusCode
		})
	}
	for range slots {
		<-g.entered // every slot is now held
	}
	for _, path := range []string{"/v1/predict", "/v1/plot?kind=wave"} {
		resp, body := do(t, h, request{path: path, contentType: "audio/wav", body: wav})
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Fatalf("%s with every slot busy: status %d, Retry-After %q: %s", path, resp.StatusCode, resp.Header.Get("Retry-After"), body)
		}
		if e := errorOf(t, resp, body); e.Error.Code != "overloaded" {
			t.Errorf("code %q, want overloaded", e.Error.Code)
		}
	}
	// Cheap endpoints need no slot.
	if resp, _ := do(t, h, request{method: "GET", path: "/healthz"}); resp.StatusCode != 200 {
		t.Errorf("health with every slot busy: %d", resp.StatusCode)
	}
	g.open()
	wg.Wait()
	for i, st := range statuses {
		if st != 200 {
			t.Errorf("held request %d: status %d", i, st)
		}
	}
	if resp, body := do(t, h, req); resp.StatusCode != 200 {
		t.Errorf("after the release: status %d: %s", resp.StatusCode, body)
	}
}

// TestPanicRecovered makes a handler panic (through the test hook; the
// handlers themselves have no panic) and checks the answer is a bare 500,
// the panic is logged with its value and counted, and its slot is freed.
func TestPanicRecovered(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	s := newServer(t, server.Config{MaxConcurrent: 1, MaxWait: -1,
		Logger: slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))})
	panics := true
	server.SetHooks(s, func() {
		if panics {
			panic("secret internal detail")
		}
	}, nil)
	h := s.Handler()
	req := request{path: "/v1/predict", contentType: "audio/wav", body: readData(t, angryClip)}
	resp, body := do(t, h, req)
	if e := errorOf(t, resp, body); resp.StatusCode != 500 || e.Error.Code != "internal" || strings.Contains(string(body), "secret") {
		t.Errorf("status %d: %s", resp.StatusCode, body)
	}
	mu.Lock()
	logged := logs.String()
	mu.Unlock()
	if !strings.Contains(logged, "secret internal detail") || !strings.Contains(logged, "goroutine") {
		t.Errorf("the panic and its stack are not in the log:\n%s", logged)
	}
	panics = false
	if resp, body := do(t, h, req); resp.StatusCode != 200 {
		t.Errorf("after the panic: status %d (slot not freed?): %s", resp.StatusCode, body)
	}
	_, metrics := do(t, h, request{method: "GET", path: "/metrics"})
	for _, want := range []string{`emovox_http_errors_total{kind="panic"} 1`, `emovox_http_requests_total{code="500",route="/v1/predict"} 1`} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
