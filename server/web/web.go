package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"net/http"
	"path"
	"time"
)

//go:embed assets
var assets embed.FS

// asset is one embedded file, ready to serve.
type asset struct {
	data        []byte
	contentType string
	etag        string
}

// contentType returns the media type of an asset named name.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	}
	return "application/octet-stream"
}

// contentSecurityPolicy lets the page load from and connect to its own
// origin only, and show the figures' object URLs (blob:).
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; " +
	"connect-src 'self'; media-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// setHeaders sets the headers of every asset's response.
func setHeaders(h http.Header, a asset) {
	h.Set("Content-Type", a.contentType)
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", "no-cache") // revalidate with the ETag: assets change with the binary
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Permissions-Policy", "microphone=(self)")
}

// handler serves the assets by request path.
type handler map[string]asset

// Handler returns the handler of the page and its assets (see the package
// documentation). It panics if the embedded assets are missing, which only
// a broken build causes.
func Handler() http.Handler {
	h := handler{}
	files, err := assets.ReadDir("assets")
	if err != nil {
		panic(fmt.Sprintf("web: embedded assets: %v", err))
	}
	for _, f := range files {
		data, err := assets.ReadFile("assets/" + f.Name())
		if err != nil {
			panic(fmt.Sprintf("web: embedded asset %s: %v", f.Name(), err))
		}
		sum := sha256.Sum256(data)
		h["/"+f.Name()] = asset{
			data:        data,
			contentType: contentType(f.Name()),
			etag:        `"` + hex.EncodeToString(sum[:8]) + `"`,
		}
	}
	h["/"] = h["/index.html"]
	h["/favicon.ico"] = h["/favicon.svg"] // for browsers that ask before reading the page
	return h
}

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a, ok := h[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	setHeaders(w.Header(), a)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.data))
}
