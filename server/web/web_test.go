package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/emovox/emovox/server/web"
)

// get requests path from h with method and returns the response and body.
func get(t *testing.T, h http.Handler, method, path string, header http.Header) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// assetNames returns the names of the files in the assets directory.
func assetNames(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("assets")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestAssets checks that every file of the assets directory is served at
// its name, byte for byte, with its content type and the security headers,
// and that the page is served at / too.
func TestAssets(t *testing.T) {
	h := web.Handler()
	types := map[string]string{
		".html": "text/html; charset=utf-8",
		".js":   "text/javascript; charset=utf-8",
		".css":  "text/css; charset=utf-8",
		".svg":  "image/svg+xml",
	}
	names := assetNames(t)
	for _, want := range []string{"index.html", "app.js", "worklet.js", "style.css", "favicon.svg"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("no asset %s", want)
		}
	}
	paths := map[string]string{"/": "index.html", "/favicon.ico": "favicon.svg"}
	for _, name := range names {
		paths["/"+name] = name
	}
	for path, name := range paths {
		want, err := os.ReadFile(filepath.Join("assets", name))
		if err != nil {
			t.Fatal(err)
		}
		resp, body := get(t, h, http.MethodGet, path, nil)
		if resp.StatusCode != http.StatusOK || body != string(want) {
			t.Errorf("GET %s: %d, %d bytes; want 200 and the %d bytes of %s", path, resp.StatusCode, len(body), len(want), name)
		}
		if got, want := resp.Header.Get("Content-Type"), types[filepath.Ext(name)]; got != want {
			t.Errorf("GET %s: Content-Type %q, want %q", path, got, want)
		}
		for _, header := range []string{"Content-Security-Policy", "X-Content-Type-Options", "ETag"} {
			if resp.Header.Get(header) == "" {
				t.Errorf("GET %s: no %s header", path, header)
			}
		}
		if resp, body := get(t, h, http.MethodHead, path, nil); resp.StatusCode != http.StatusOK || body != "" {
			t.Errorf("HEAD %s: %d with %d bytes, want 200 and no body", path, resp.StatusCode, len(body))
		}
	}
}

// TestNotFound checks that paths that name no asset are answered 404.
func TestNotFound(t *testing.T) {
	h := web.Handler()
	for _, path := range []string{"/nope", "/assets/app.js", "/index.htm", "/app.js/", "/web.go", "/doc.go", "/APP.JS", "/v1/model"} {
		if resp, _ := get(t, h, http.MethodGet, path, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, resp.StatusCode)
		}
	}
}

// TestMethods checks that only GET and HEAD are served.
func TestMethods(t *testing.T) {
	h := web.Handler()
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		resp, _ := get(t, h, method, "/", nil)
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d, Allow %q; want 405 and GET, HEAD", method, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

// TestETag checks that a request with the asset's ETag is answered 304.
func TestETag(t *testing.T) {
	h := web.Handler()
	resp, _ := get(t, h, http.MethodGet, "/app.js", nil)
	etag := resp.Header.Get("ETag")
	resp, body := get(t, h, http.MethodGet, "/app.js", http.Header{"If-None-Match": {etag}})
	if resp.StatusCode != http.StatusNotModified || body != "" {
		t.Errorf("GET /app.js with If-None-Match %s: %d, want 304", etag, resp.StatusCode)
	}
}

// TestNoExternalReferences checks that no asset refers to another origin:
// no http:// or https:// URL (but the SVG namespace), no protocol-relative
// URL, no CSS import.
func TestNoExternalReferences(t *testing.T) {
	external := regexp.MustCompile(`(?i)https?://|(src|href|action)\s*=\s*["']?//|url\(\s*["']?//|@import`)
	for _, name := range assetNames(t) {
		data, err := os.ReadFile(filepath.Join("assets", name))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(data), `xmlns="http://www.w3.org/2000/svg"`, "")
		if m := external.FindString(text); m != "" {
			t.Errorf("%s refers to another origin: %q", name, m)
		}
	}
}

// TestPageReferences checks that every src and href of the page, and
// every module the script loads, is served.
func TestPageReferences(t *testing.T) {
	h := web.Handler()
	_, page := get(t, h, http.MethodGet, "/", nil)
	_, script := get(t, h, http.MethodGet, "/app.js", nil)
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1)
	refs = append(refs, regexp.MustCompile(`addModule\('([^']+)'\)`).FindAllStringSubmatch(script, -1)...)
	if len(refs) < 4 {
		t.Fatalf("found %d references, want the icon, style sheet, script and worklet", len(refs))
	}
	for _, ref := range refs {
		if resp, _ := get(t, h, http.MethodGet, "/"+ref[1], nil); resp.StatusCode != http.StatusOK {
			t.Errorf("the page refers to %s, answered %d", ref[1], resp.StatusCode)
		}
	}
	for _, id := range []string{"live-emotion", "live-probs", "timeline", "legend", "file", "file-emotion", "file-probs", "wave-img", "spectrogram-img", "error", "start", "stop", "api-key"} {
		if !strings.Contains(page, `id="`+id+`"`) {
			t.Errorf("the page has no element #%s", id)
		}
	}
}
